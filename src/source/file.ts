/**
 * A model that is one file (a .safetensors, a .gguf, or an archive signed as one opaque file).
 * Its resource is named by its base name (or "." in signatures that model_signing wrote).
 */
import path from 'node:path';
import { readWalked } from './local-read.js';
import type { ModelSource } from './types.js';
import { enumerateModel } from './walk.js';

export function fileSource(model: string): ModelSource {
  return {
    kind: 'file',
    model,
    defaultIgnores: [],
    defaultName: () => path.basename(path.resolve(model)).replace(/\.(tar\.gz|tgz|tar)$/i, '') || 'model',
    defaultSignaturePath: () => `${model}.sig`,
    read: async (req) => readWalked(await enumerateModel(model, { ignorePaths: [], allowSymlinks: req.allowSymlinks }), req),
  };
}
