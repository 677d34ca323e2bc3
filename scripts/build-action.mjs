// Bundle the GitHub Action into dist-action/ (committed: `uses: owner/modelsign@v1` runs it
// with no install step). The hashing worker is a second entry, beside index.mjs, because
// the engine starts it from `./worker.js` next to the running module.
//   node scripts/build-action.mjs [OUTDIR]
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAction(outdir = path.join(ROOT, 'dist-action')) {
  await mkdir(outdir, { recursive: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    legalComments: 'none',
    // The native hashing addon is not shipped with the Action: hash on worker threads.
    define: { __MODELSIGN_BUNDLE__: 'true' },
    // Bundled CommonJS packages (commander) call require() for node built-ins.
    banner: { js: "import { createRequire as __modelsignCreateRequire } from 'node:module';\nconst require = __modelsignCreateRequire(import.meta.url);" },
  };
  await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: path.join(outdir, 'index.mjs') });
  await build({ ...common, entryPoints: ['src/hashing/worker.ts'], outfile: path.join(outdir, 'worker.js') });
  // worker.js is an ES module: say so, whatever package.json sits above the action.
  await writeFile(path.join(outdir, 'package.json'), '{\n  "type": "module"\n}\n');
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildAction(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`built ${path.relative(process.cwd(), out) || out}/index.mjs and worker.js`);
}
