// Build the optional native addon (native/: mmap + SHA-extension SHA-256 on native threads)
// with node-gyp. Runs at `npm ci` / `npm install` (the "install" script) and as
// `npm run build:native`.
//
// Never fatal: where there is no C compiler (or Python for node-gyp), modelsign works the
// same without the addon (worker threads + read(2); identical digests), so a failed build
// prints one warning and exits 0. TEST_REQUIRE_NATIVE=1 (CI) makes it fatal instead.
//
// Offline: node-gyp is told where this node's own headers are (beside the binary, as
// Debian's nodejs and the official tarballs and images install them), so nothing is
// downloaded when they exist.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE = path.join(ROOT, 'native');
const required = process.env.TEST_REQUIRE_NATIVE === '1';

function nodeGyp() {
  // npm sets this for lifecycle scripts; otherwise npm's own copy, or a local install.
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.push(createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  return candidates.find((c) => c && existsSync(c));
}

function giveUp(why, log = '') {
  const tail = log.trim().split('\n').slice(-8).join('\n');
  const msg = `modelsign: native addon not built (${why}); hashing uses worker threads and read(2) instead: same digests, slower on large models. See docs/performance.md.`;
  if (required) {
    console.error(`${msg}\n${tail}`);
    process.exit(1);
  }
  console.warn(msg);
  process.exit(0);
}

const gyp = nodeGyp();
if (!gyp) giveUp('node-gyp not found');
const headers = path.resolve(path.dirname(process.execPath), '..');
const args = [gyp, 'rebuild', `--directory=${NATIVE}`];
if (existsSync(path.join(headers, 'include', 'node', 'node_api.h'))) args.push(`--nodedir=${headers}`);
const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (r.error) giveUp(String(r.error.message));
if (r.status !== 0) giveUp(`node-gyp exited with ${r.status}`, `${r.stdout}\n${r.stderr}`);
// Load it once here, so a broken build is reported now rather than silently skipped later.
try {
  const addon = createRequire(import.meta.url)(path.join(NATIVE, 'build', 'Release', 'modelsign_native.node'));
  console.log(`modelsign: native addon built (SHA-256 kernel: ${addon.kernel})`);
} catch (e) {
  giveUp(`it does not load: ${String(e.message).split('\n')[0]}`);
}
