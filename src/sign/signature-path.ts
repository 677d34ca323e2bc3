import path from 'node:path';

/** Where a model's signature lives by default: DIR/model.sig, or MODEL.sig beside a file or archive. */
export async function defaultSignaturePath(model: string): Promise<string> {
  const { stat } = await import('node:fs/promises');
  try {
    if ((await stat(model)).isDirectory()) return path.join(model, 'model.sig');
  } catch {
    // missing model: reported by the file check
  }
  return `${model}.sig`;
}
