import { openSource } from '../source/index.js';

/**
 * Where a model's signature lives by default, as its source says: DIR/model.sig, or
 * MODEL.sig beside a file or archive. The model must exist (MODEL_NOT_FOUND otherwise): a
 * missing model is never reported as a missing signature.
 */
export async function defaultSignaturePath(model: string): Promise<string> {
  return (await openSource(model)).defaultSignaturePath();
}
