/**
 * Entry of the GitHub Action (action.yml -> dist-action/index.mjs, bundled by
 * `npm run build:action`). The runner starts it with `node` and INPUT_* variables.
 */
import { runAction } from './run.js';

process.exitCode = await runAction();
