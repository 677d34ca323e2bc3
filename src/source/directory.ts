/** A model that is a directory: its regular files, walked without following links out. */
import path from 'node:path';
import { readWalked } from './local-read.js';
import type { ModelSource } from './types.js';
import { enumerateModel } from './walk.js';

export function directorySource(model: string): ModelSource {
  return {
    kind: 'directory',
    model,
    defaultIgnores: [],
    defaultName: () => path.basename(path.resolve(model)) || 'model',
    defaultSignaturePath: () => path.join(model, 'model.sig'),
    read: async (req) => readWalked(await enumerateModel(model, { ignorePaths: req.ignorePaths, allowSymlinks: req.allowSymlinks }), req),
  };
}
