/**
 * The one place a model path that cannot be opened becomes MODEL_NOT_FOUND (exit 2): the
 * up-front check in verify/sign/digest, the directory walk and the archive reader all use it,
 * so a missing model reads the same whatever the flags (never as a missing signature).
 */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { errnoCode, usage, type ModelsignError } from '../errors.js';

/** MODEL_NOT_FOUND for a model (or archive) path that could not be read. */
export function modelPathError(model: string, e: unknown, what: 'model' | 'archive' = 'model'): ModelsignError {
  const c = errnoCode(e);
  const missing = c === 'ENOENT' || c === 'ENOTDIR';
  return usage('MODEL_NOT_FOUND', missing ? `model not found: ${model}` : `cannot read ${what} ${model}: ${c ?? String(e)}`);
}

/** The model's stat (links followed); MODEL_NOT_FOUND when it does not exist or cannot be read. */
export async function statModel(model: string): Promise<Stats> {
  try {
    return await stat(model);
  } catch (e) {
    throw modelPathError(model, e);
  }
}
