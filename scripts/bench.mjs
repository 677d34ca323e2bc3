#!/usr/bin/env node
/**
 * modelsign benchmark (npm run bench). Not a test: it prints figures and PASS/FAIL against
 * the targets of the performance issue, measured side by side in one run.
 *
 *   shapes   big:  4 files x 512 MiB            (a sharded checkpoint)
 *            tiny: 20,000 files x 4 KiB in 100 folders (tokenizer shards, datasets)
 *   tools    modelsign digest (sha256, blake3), sign and verify (files and shards);
 *            the Python hashlib thread pool with 1 MiB reads (how OpenSSF model_signing hashes);
 *            sha256sum, openssl dgst (one process per core), b3sum.
 *   limit    cores x one core's `openssl speed -evp sha256 -bytes 16384`.
 *
 * Every figure is the wall time of a whole process (start-up included) with files in the
 * page cache; each tool runs --repeat times, interleaved with the others so background load
 * spreads evenly, and the median decides PASS/FAIL (best shown too). Peak RSS comes from
 * /usr/bin/time (GNU time).
 *
 * Flags: --dir DIR (keep and reuse shapes there; default: a temp dir removed afterwards)
 *        --shapes big,tiny   --repeat N (3)   --big-files N (4)   --big-size BYTES (512Mi)
 *        --tiny-files N (20000)   --tiny-size BYTES (4096)   --tiny-dirs N (100)
 *        --quick (4 x 64 MiB, 2,000 tiny files: for development; targets still printed)
 *        --tune (also: in-process engine throughput for several read sizes)
 *        --jobs N (modelsign threads; default: one per core)
 * Sizes accept suffixes Ki, Mi, Gi (e.g. --big-size 4Gi --big-files 8 for a 32 GiB model).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, writeFileSync, writeSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const MiB = 1024 * 1024;

// ---------------------------------------------------------------- arguments
function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|K|M|G|T)?B?$/i.exec(String(s));
  if (!m) throw new Error(`bad size: ${s}`);
  const mult = { k: 1024, m: MiB, g: 1024 * MiB, t: 1024 * 1024 * MiB }[(m[2] ?? '').slice(0, 1).toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * mult);
}
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const quick = flag('quick');
const cfg = {
  dir: opt('dir'),
  shapes: opt('shapes', 'big,tiny').split(','),
  repeat: Number(opt('repeat', '3')),
  bigFiles: Number(opt('big-files', '4')),
  bigSize: parseSize(opt('big-size', quick ? '64Mi' : '512Mi')),
  tinyFiles: Number(opt('tiny-files', quick ? '2000' : '20000')),
  tinySize: parseSize(opt('tiny-size', '4096')),
  tinyDirs: Number(opt('tiny-dirs', quick ? '20' : '100')),
  jobs: opt('jobs'),
  tune: flag('tune'),
};
if (flag('help') || flag('h')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

// ---------------------------------------------------------------- helpers
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
const sh = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' }).stdout.trim();
const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : null;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const gbps = (bytes, secs) => bytes / secs / 1e9;
const fmt = (x, d = 2) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(d));
const log = (s = '') => process.stdout.write(`${s}\n`);

/**
 * Run a command: wall seconds (hrtime), and from GNU time its peak RSS in MB and CPU seconds
 * (user + system, all threads). CPU time barely moves with other load on the machine, so
 * bytes per CPU-second shows efficiency even when wall times are noisy.
 */
function timed(argv, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = path.join(os.tmpdir(), `modelsign-bench-rss-${process.pid}`);
    const full = GNU_TIME ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, ...argv] : argv;
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      let rssMb;
      let cpu;
      if (GNU_TIME && existsSync(rssFile)) {
        const [m, u, sy] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        rssMb = m / 1024;
        cpu = u + sy;
        rmSync(rssFile, { force: true });
      }
      if (code !== 0) reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ secs, rssMb, cpu, stdout });
    });
  });
}

// ---------------------------------------------------------------- machine and limit
/**
 * The Python interpreter itself, not a launcher: `python3` on PATH may be a version-manager
 * shim (pyenv's is a shell script that adds ~80 ms to every start), which would handicap
 * the Python pool unfairly.
 */
const PYTHON = have('python3') ? sh(`python3 -c 'import sys; print(sys.executable)'`) || 'python3' : undefined;

/** Which path sha256 takes in modelsign here (native threads + mmap, or workers + read(2)). */
async function hashingPath() {
  const { nativeStatus } = await import(pathToFileURL(path.join(path.dirname(CLI), '..', 'hashing', 'native.js')).href);
  return nativeStatus();
}
function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const shaNi = /\bsha_ni\b/.test(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '');
  return {
    cpu,
    cores,
    shaNi,
    memGiB: os.totalmem() / 1024 ** 3,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    openssl: have('openssl') ? sh('openssl version') : 'absent',
    python: PYTHON ? `${sh(`'${PYTHON}' --version`)} (${PYTHON})` : 'absent',
  };
}

function sha256Limit(cores) {
  if (!have('openssl')) return undefined;
  // -seconds 3: long enough to settle, short enough to repeat.
  const out = spawnSync('openssl', ['speed', '-evp', 'sha256', '-bytes', '16384', '-seconds', '3'], { encoding: 'utf8' }).stdout;
  const m = /sha256\s+([\d.]+)k/i.exec(out);
  if (!m) return undefined;
  const oneCore = (Number(m[1]) * 1000) / 1e9; // openssl prints 1000s of bytes per second
  return { oneCore, limit: oneCore * cores };
}

// ---------------------------------------------------------------- shapes
function fillFile(file, size) {
  const chunk = Buffer.allocUnsafe(Math.min(size, 16 * MiB) || 1);
  const fd = openSync(file, 'w');
  for (let pos = 0; pos < size; ) {
    const n = Math.min(chunk.length, size - pos);
    randomFillSync(chunk, 0, n);
    pos += writeSync(fd, chunk, 0, n);
  }
  closeSync(fd);
}

function buildShape(base, name, spec) {
  const dir = path.join(base, name);
  const marker = path.join(base, `${name}.json`);
  const want = JSON.stringify(spec);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want && existsSync(dir)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (spec.kind === 'big') {
    for (let i = 0; i < spec.files; i++) fillFile(path.join(dir, `model-${String(i + 1).padStart(5, '0')}-of-${String(spec.files).padStart(5, '0')}.safetensors`), spec.size);
  } else {
    const per = Math.ceil(spec.files / spec.dirs);
    const data = Buffer.allocUnsafe(spec.size);
    for (let d = 0, made = 0; d < spec.dirs && made < spec.files; d++) {
      const sub = path.join(dir, `shard-${String(d).padStart(3, '0')}`);
      mkdirSync(sub);
      for (let i = 0; i < per && made < spec.files; i++, made++) {
        randomFillSync(data);
        writeFileSync(path.join(sub, `${String(i).padStart(5, '0')}.json`), data);
      }
    }
  }
  writeFileSync(marker, want);
  return dir;
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Read every byte once so all tools find the files in the page cache. */
function warm(dir) {
  const buf = Buffer.allocUnsafe(4 * MiB);
  let total = 0;
  for (const f of listFiles(dir)) {
    const fd = openSync(f, 'r');
    let n;
    while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) total += n;
    closeSync(fd);
  }
  return total;
}

// The way OpenSSF model_signing hashes a model: a ThreadPoolExecutor with Python's default
// worker count, one hashlib object per file, 1 MiB reads; root = SHA-256 over the raw
// digests in path order (the same root modelsign prints, so the run cross-checks them).
const PYTHON_POOL = `
import hashlib, os, sys
from concurrent.futures import ThreadPoolExecutor
CHUNK = 1 << 20
def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(CHUNK)
            if not b:
                break
            h.update(b)
    return h.digest()
root = sys.argv[1]
paths = []
for d, dirs, files in os.walk(root):
    for n in files:
        paths.append(os.path.relpath(os.path.join(d, n), root))
paths.sort()
with ThreadPoolExecutor() as ex:
    digests = list(ex.map(lambda p: digest(os.path.join(root, p)), paths))
print("sha256:" + hashlib.sha256(b"".join(digests)).hexdigest())
`;

// ---------------------------------------------------------------- main
async function main() {
  if (!existsSync(CLI)) throw new Error('dist/ missing: run `npm run build` first (npm run bench does)');
  const m = machine();
  const base = cfg.dir ? path.resolve(cfg.dir) : mkdtempSync(path.join(os.tmpdir(), 'modelsign-bench-'));
  mkdirSync(base, { recursive: true });
  const load0 = os.loadavg();
  log('modelsign benchmark');
  log(`machine: ${m.cpu}, ${m.cores} cores${m.shaNi ? ' (SHA extensions)' : ''}, ${fmt(m.memGiB, 1)} GiB RAM, ${m.kernel}`);
  log(`software: node ${m.node}, ${m.openssl}, ${m.python}, b3sum ${have('b3sum') ? sh('b3sum --version') : 'absent'}`);
  log(`modelsign sha256: ${await hashingPath()}`);
  if (process.env.NODE_EXTRA_CA_CERTS) log(`note: NODE_EXTRA_CA_CERTS is set here: every Node process (modelsign included) parses that certificate file at start-up, ~45 ms on this machine; the figures include it`);
  log(`load average at start: ${load0.map((x) => x.toFixed(2)).join(' ')} (other work on the machine makes figures noisy)`);
  const lim = sha256Limit(m.cores);
  if (lim) log(`SHA-256 limit: ${m.cores} cores x ${fmt(lim.oneCore, 3)} GB/s (openssl speed -evp sha256 -bytes 16384, one core) = ${fmt(lim.limit, 3)} GB/s`);
  else log('SHA-256 limit: openssl not found, ratio not computed');
  log(`runs: ${cfg.repeat} per tool, interleaved; wall time of the whole process, median (best); GB = 1e9 bytes`);

  const pyScript = path.join(base, 'model_signing_pool.py');
  writeFileSync(pyScript, PYTHON_POOL);
  const jobsArg = cfg.jobs ? ['--jobs', cfg.jobs] : [];
  const results = {};
  const keyPrefix = path.join(base, 'bench-key');
  spawnSync(process.execPath, [CLI, 'keygen', '--out', keyPrefix, '--unencrypted', '--json'], { encoding: 'utf8' });

  for (const shape of cfg.shapes) {
    const spec =
      shape === 'big'
        ? { kind: 'big', files: cfg.bigFiles, size: cfg.bigSize }
        : { kind: 'tiny', files: cfg.tinyFiles, size: cfg.tinySize, dirs: cfg.tinyDirs };
    const totalBytes = spec.files * spec.size;
    if (totalBytes > os.totalmem() * 0.6) log(`warning: the ${shape} shape (${fmt(totalBytes / 1e9)} GB) may not fit in the page cache`);
    log('');
    log(`== ${shape}: ${spec.files} files x ${spec.size} bytes = ${fmt(totalBytes / 1e9, 3)} GB${spec.dirs ? ` in ${spec.dirs} folders` : ''}`);
    const t0 = Date.now();
    const dir = buildShape(base, shape, spec);
    log(`built/reused in ${fmt((Date.now() - t0) / 1000, 1)}s: ${dir}`);
    warm(dir);
    warm(dir);
    const sigFiles = path.join(base, `${shape}-files.sig`);
    const sigShards = path.join(base, `${shape}-shards.sig`);
    const shardSize = String(Math.max(64 * MiB, Math.ceil(spec.size / 8)));
    const fileList = path.join(base, `${shape}.files0`);
    writeFileSync(fileList, listFiles(dir).sort().join('\0'));
    const par = m.cores;

    const tools = [
      { name: 'modelsign digest', argv: [process.execPath, CLI, 'digest', dir, '--quiet', ...jobsArg], isModelsign: true, root: true },
      // For information: threads beyond the cores get a larger share of a busy machine, and
      // let few indivisible files finish together; the Python pool runs cores + 4 threads.
      ...(cfg.jobs ? [] : [{ name: `modelsign digest --jobs ${2 * m.cores}`, argv: [process.execPath, CLI, 'digest', dir, '--quiet', '--jobs', String(2 * m.cores)], isModelsign: true }]),
      { name: 'modelsign digest --hash blake3', argv: [process.execPath, CLI, 'digest', dir, '--quiet', '--hash', 'blake3', ...jobsArg], isModelsign: true, blake3: true },
      { name: 'modelsign sign', argv: [process.execPath, CLI, 'sign', dir, '--quiet', '--key', `${keyPrefix}.key`, '--version', '1.0.0', '--signature', sigFiles, ...jobsArg], isModelsign: true },
      { name: 'modelsign verify', argv: [process.execPath, CLI, 'verify', dir, '--quiet', '--key', `${keyPrefix}.pub`, '--signature', sigFiles, ...jobsArg], isModelsign: true },
      ...(spec.kind === 'big'
        ? [
            { name: `modelsign verify (shards ${Number(shardSize) / MiB} MiB)`, argv: [process.execPath, CLI, 'verify', dir, '--quiet', '--key', `${keyPrefix}.pub`, '--signature', sigShards, ...jobsArg], isModelsign: true, prep: [process.execPath, CLI, 'sign', dir, '--quiet', '--key', `${keyPrefix}.key`, '--version', '1.0.0', '--signature', sigShards, '--shard-size', shardSize] },
          ]
        : []),
      ...(PYTHON ? [{ name: 'python thread pool (model_signing way)', argv: [PYTHON, pyScript, dir], python: true, root: true }] : []),
      // For information: the read(2) path modelsign takes where the native addon is not built.
      { name: 'modelsign digest (no addon: MODELSIGN_NO_MMAP=1)', argv: [process.execPath, CLI, 'digest', dir, '--quiet', ...jobsArg], env: { MODELSIGN_NO_MMAP: '1' }, isModelsign: true },
      ...(have('sha256sum') ? [{ name: 'sha256sum (xargs, 1 process)', argv: ['sh', '-c', `xargs -0 sha256sum < '${fileList}' > /dev/null`] }] : []),
      ...(have('openssl') ? [{ name: `openssl dgst -sha256 (xargs -P ${par})`, argv: ['sh', '-c', `xargs -0 -P ${par} -n ${spec.kind === 'big' ? 1 : Math.ceil(spec.files / par / 4)} openssl dgst -sha256 < '${fileList}' > /dev/null`] }] : []),
      ...(have('b3sum') ? [{ name: 'b3sum (xargs, multithreaded)', argv: ['sh', '-c', `xargs -0 b3sum < '${fileList}' > /dev/null`], blake3: true }] : []),
    ];
    for (const t of tools) if (t.prep) await timed(t.prep);
    // One untimed round (also signs, so verify has a signature), then the timed rounds.
    const runs = Object.fromEntries(tools.map((t) => [t.name, []]));
    const roots = {};
    for (let round = 0; round <= cfg.repeat; round++) {
      for (const t of tools) {
        const r = await timed(t.argv, { env: t.env });
        if (t.root) roots[t.name] = r.stdout.trim();
        if (round > 0) runs[t.name].push(r);
      }
    }
    const rows = [];
    for (const t of tools) {
      const secs = runs[t.name].map((r) => r.secs);
      const med = median(secs);
      const best = Math.min(...secs);
      const rss = Math.max(...runs[t.name].map((r) => r.rssMb ?? NaN));
      const cpu = median(runs[t.name].map((r) => r.cpu ?? NaN));
      rows.push({ ...t, med, best, rss, cpu, tp: gbps(totalBytes, med), tpBest: gbps(totalBytes, best) });
    }
    log('');
    log(`${'tool'.padEnd(44)} ${'median s'.padStart(9)} ${'best s'.padStart(8)} ${'GB/s'.padStart(6)} ${'best'.padStart(6)} ${'x limit'.padStart(8)} ${'CPU s'.padStart(6)} ${'GB/CPU-s'.padStart(9)} ${'peak RSS MB'.padStart(12)}`);
    for (const r of rows) {
      const ratio = lim && !r.blake3 ? fmt(r.tp / lim.limit) : '-';
      log(`${r.name.padEnd(44)} ${fmt(r.med, 3).padStart(9)} ${fmt(r.best, 3).padStart(8)} ${fmt(r.tp).padStart(6)} ${fmt(r.tpBest).padStart(6)} ${ratio.padStart(8)} ${fmt(r.cpu).padStart(6)} ${fmt(totalBytes / r.cpu / 1e9).padStart(9)} ${fmt(r.rss, 0).padStart(12)}`);
    }
    const ms = rows.find((r) => r.name === 'modelsign digest');
    const py = rows.find((r) => r.python);
    if (roots['modelsign digest'] && py && roots[py.name]) {
      log(`cross-check: modelsign root ${roots['modelsign digest'] === roots[py.name] ? 'equals' : 'DIFFERS FROM'} the Python pool's root`);
    }
    results[shape] = { rows, ms, py, totalBytes };
  }

  // Fixed costs: --version against bare node, and each tool on a one-byte model (start-up,
  // loading, thread start) - the part of every figure above that does not depend on size.
  // One byte, not none: an empty model is refused (EMPTY_MODEL) before any hashing starts.
  const oneByteDir = path.join(base, 'one-byte-model');
  mkdirSync(oneByteDir, { recursive: true });
  writeFileSync(path.join(oneByteDir, 'w.bin'), 'x');
  const fixed = {
    'node -e 0': [process.execPath, '-e', '0'],
    'modelsign --version': [process.execPath, CLI, '--version'],
    'modelsign digest (one-byte model)': [process.execPath, CLI, 'digest', oneByteDir, '--quiet'],
    ...(PYTHON ? { 'python thread pool (one-byte model)': [PYTHON, pyScript, oneByteDir] } : {}),
  };
  const fixedT = Object.fromEntries(Object.keys(fixed).map((k) => [k, []]));
  for (let i = 0; i < 15; i++) for (const [k, argv] of Object.entries(fixed)) fixedT[k].push(await timed(argv));
  const startDelta = (median(fixedT['modelsign --version'].map((r) => r.secs)) - median(fixedT['node -e 0'].map((r) => r.secs))) * 1000;
  log('');
  log('fixed costs (median of 15):');
  for (const k of Object.keys(fixed)) log(`  ${k.padEnd(36)} ${fmt(median(fixedT[k].map((r) => r.secs)) * 1000, 0).padStart(5)} ms wall, ${fmt(median(fixedT[k].map((r) => r.cpu)) * 1000, 0).padStart(5)} ms CPU`);

  if (cfg.tune && results.big) {
    log('');
    log('read-size tuning of the read(2) path (in-process engine, no start-up; median of 3 interleaved runs; GB per CPU-second is the load-robust figure):');
    const { hashTasks, shutdownHashPool } = await import(path.join(ROOT, 'dist/hashing/engine.js'));
    const files = listFiles(path.join(base, 'big')).map((abs) => ({ abs, start: 0, end: cfg.bigSize, expectSize: cfg.bigSize }));
    const sizes = [32 * 1024, 128 * 1024, 256 * 1024, 512 * 1024, 1 * MiB, 4 * MiB];
    const wall = Object.fromEntries(sizes.map((s) => [s, []]));
    const cpu = Object.fromEntries(sizes.map((s) => [s, []]));
    for (let i = 0; i < 3; i++) {
      for (const rs of sizes) {
        const o = { readSize: rs, mmap: false, ...(cfg.jobs ? { jobs: Number(cfg.jobs) } : {}) };
        await hashTasks(files.slice(0, 1), 'sha256', o); // the pool for this read size, started
        const c0 = process.cpuUsage();
        const a = process.hrtime.bigint();
        await hashTasks(files, 'sha256', o);
        wall[rs].push(Number(process.hrtime.bigint() - a) / 1e9);
        const c = process.cpuUsage(c0);
        cpu[rs].push((c.user + c.system) / 1e6);
      }
    }
    for (const rs of sizes) {
      log(`  ${String(rs / 1024).padStart(5)} KiB: ${fmt(gbps(results.big.totalBytes, median(wall[rs])))} GB/s, ${fmt(gbps(results.big.totalBytes, median(cpu[rs])))} GB/CPU-s`);
    }
    await shutdownHashPool();
  }

  // Targets.
  log('');
  log('targets:');
  const verdict = (ok, text) => log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
  const big = results.big;
  const tiny = results.tiny;
  if (big && lim) verdict(big.ms.tp >= 0.85 * lim.limit, `big: modelsign digest ${fmt(big.ms.tp)} GB/s >= 85% of the SHA-256 limit (${fmt(0.85 * lim.limit)} GB/s): ${fmt((100 * big.ms.tp) / lim.limit, 0)}%`);
  if (big && big.py) verdict(big.ms.med < big.py.med, `big: modelsign digest ${fmt(big.ms.med, 3)} s faster than the Python pool ${fmt(big.py.med, 3)} s (x${fmt(big.py.med / big.ms.med)})`);
  if (tiny && tiny.py) verdict(tiny.ms.med < tiny.py.med, `tiny: modelsign digest ${fmt(tiny.ms.med, 3)} s faster than the Python pool ${fmt(tiny.py.med, 3)} s (x${fmt(tiny.py.med / tiny.ms.med)})`);
  const allMs = Object.values(results).flatMap((r) => r.rows.filter((x) => x.isModelsign));
  const peak = Math.max(...allMs.map((r) => r.rss));
  if (GNU_TIME) verdict(peak <= 200, `peak RSS of every modelsign run ${fmt(peak, 0)} MB <= 200 MB`);
  verdict(startDelta <= 80, `modelsign --version +${fmt(startDelta, 0)} ms over node -e 0 (<= 80 ms)`);
  if (big) {
    const v = big.rows.find((r) => r.name === 'modelsign verify');
    const s = big.rows.find((r) => r.name === 'modelsign sign');
    const vs = big.rows.find((r) => r.name.startsWith('modelsign verify (shards'));
    const worst = Math.max(v.med, s.med, vs?.med ?? 0);
    verdict(worst <= big.ms.med * 1.1, `big: sign ${fmt(s.tp)}, verify ${fmt(v.tp)}, verify shards ${fmt(vs?.tp)} GB/s within 10% of digest ${fmt(big.ms.tp)} GB/s`);
  }
  const load1 = os.loadavg();
  log(`load average at end: ${load1.map((x) => x.toFixed(2)).join(' ')}`);
  if (!cfg.dir) rmSync(base, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
