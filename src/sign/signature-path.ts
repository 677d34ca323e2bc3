import path from 'node:path';
import { statModel } from '../hashing/model-path.js';

/**
 * Where a model's signature lives by default: DIR/model.sig, or MODEL.sig beside a file or
 * archive. The model must exist (MODEL_NOT_FOUND otherwise): a missing model is never
 * reported as a missing signature.
 */
export async function defaultSignaturePath(model: string): Promise<string> {
  if ((await statModel(model)).isDirectory()) return path.join(model, 'model.sig');
  return `${model}.sig`;
}
