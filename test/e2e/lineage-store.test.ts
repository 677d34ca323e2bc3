/**
 * The lineage store end to end, through the built CLI: bundles found by content as well as by
 * name (a folder of `sign --signature` files), links that stay inside the store followed (a
 * Kubernetes ConfigMap mount) and the others skipped with their reason, the index bounds,
 * `lineage add`, `lineage` without trust and from the environment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, open, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanupTmp, keypair, runCli, tmpDir, type CliResult, type Json } from '../helpers/cli.js';

let dir: string;
let k: { key: string; pub: string };
let baseDigest: string;
let ftDigest: string;
/** The fine-tune's parent signature, as `sign --signature sigs/base.sig` wrote it. */
let baseSig: string;

function ok(r: CliResult): CliResult {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}${r.stdout}`);
  return r;
}

async function model(name: string, content: string): Promise<string> {
  const m = path.join(dir, name);
  await mkdir(m, { recursive: true });
  await writeFile(path.join(m, 'w.bin'), content);
  return m;
}

/** A fresh store folder holding the given files (name -> source file or text). */
async function storeWith(name: string, files: Record<string, string | { from: string }> = {}): Promise<string> {
  const s = path.join(dir, name);
  await mkdir(s, { recursive: true });
  for (const [n, v] of Object.entries(files)) {
    if (typeof v === 'string') await writeFile(path.join(s, n), v);
    else await copyFile(v.from, path.join(s, n));
  }
  return s;
}

/** A sparse file of `size` bytes (zeros): large without using the disk. */
async function sparse(file: string, size: number): Promise<void> {
  const fh = await open(file, 'w');
  await fh.truncate(size);
  await fh.close();
}

const verifyFt = (store: string, extra: string[] = []) => runCli(['verify', path.join(dir, 'ft'), '--key', k.pub, '--lineage', store, ...extra]);

beforeAll(async () => {
  dir = await tmpDir('modelsign-store-');
  k = await keypair(dir, 'ed25519', 'release');
  const base = await model('base', 'base weights');
  await mkdir(path.join(dir, 'sigs'));
  baseSig = path.join(dir, 'sigs', 'base.sig');
  ok(await runCli(['sign', base, '--key', k.key, '--version', '1.0.0', '--name', 'base', '--signature', baseSig]));
  const ft = await model('ft', 'fine-tuned weights');
  ok(await runCli(['sign', ft, '--key', k.key, '--version', '1.0.0', '--name', 'ft', '--parent', baseSig]));
  baseDigest = ok(await runCli(['digest', base])).stdout.trim();
  ftDigest = ok(await runCli(['digest', ft])).stdout.trim();
});

afterAll(cleanupTmp);

describe('the store finds bundles by content', () => {
  it('a folder of signatures written with --signature is a store; what is not a bundle is named in a note', async () => {
    await writeFile(path.join(dir, 'sigs', 'README.md'), '# our signatures\n');
    const r = ok(await verifyFt(path.join(dir, 'sigs')));
    expect(r.stdout).toContain('OK: ft@1.0.0 verified');
    expect(r.stderr).toBe(`modelsign: note: lineage store ${path.join(dir, 'sigs')}: skipped 1 file: README.md (not a signature bundle: not valid JSON: unexpected character at offset 0)\n`);
    // -q hides the note, not the verdict.
    const q = ok(await runCli(['-q', 'verify', path.join(dir, 'ft'), '--key', k.pub, '--lineage', path.join(dir, 'sigs')]));
    expect(q.stderr).toBe('');
  });

  it('a file named for the root digest is read first and nothing else is (no note about other files)', async () => {
    const s = await storeWith('by-name', { [`base@1.0.0.${baseDigest.slice(7)}.sig`]: { from: baseSig }, 'notes.txt': 'not a bundle' });
    const r = ok(await verifyFt(s));
    expect(r.stderr).toBe('');
  });

  it('a file named for the digest that holds another signature of the same bytes falls back to the content index', async () => {
    // The same base model signed again: same root digest, other bundle bytes.
    const other = path.join(dir, 'base-resigned.sig');
    ok(await runCli(['sign', path.join(dir, 'base'), '--key', k.key, '--version', '1.0.0', '--name', 'base', '--signature', other]));
    expect(await readFile(other)).not.toEqual(await readFile(baseSig));
    const s = await storeWith('name-fallback', { [`base@1.0.0.${baseDigest.slice(7)}.sig`]: { from: other }, 'the-recorded-one.sig': { from: baseSig } });
    ok(await verifyFt(s));
    // Without the recorded one, the digest-named bundle is reported as the wrong signature.
    const only = await storeWith('name-only', { [`base@1.0.0.${baseDigest.slice(7)}.sig`]: { from: other } });
    const r = await verifyFt(only);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('[LINEAGE_BUNDLE_MISMATCH]');
  });

  it('a Kubernetes ConfigMap mount (top-level links into ..data -> ..<timestamp>/) is read through its links', async () => {
    const s = await storeWith('configmap');
    const stamp = '..2026_03_01_12_00_00.000000001';
    await mkdir(path.join(s, stamp));
    await copyFile(baseSig, path.join(s, stamp, 'base.sig'));
    await symlink(stamp, path.join(s, '..data'));
    await symlink(path.join('..data', 'base.sig'), path.join(s, 'base.sig'));
    await symlink('.', path.join(s, 'self'));
    const r = ok(await verifyFt(s));
    // The folders (and a link to the store itself) are not files: nothing is reported skipped.
    expect(r.stderr).toBe('');
    const t = ok(await runCli(['lineage', path.join(dir, 'ft'), '--lineage', s, '--key', k.pub]));
    expect(t.stdout.split('\n')[1]).toMatch(/^└─ finetune of base@1\.0\.0 .* verified$/);
  });

  it('links out of the store, broken links and loops are skipped with their reason; the missing ancestor says what was indexed', async () => {
    const outside = path.join(dir, 'outside');
    await mkdir(outside);
    await copyFile(baseSig, path.join(outside, 'base.sig'));
    const s = await storeWith('hostile-links', { 'unrelated.sig': { from: path.join(dir, 'ft', 'model.sig') } });
    await symlink(path.join(outside, 'base.sig'), path.join(s, 'absolute.sig'));
    await symlink(path.join('..', 'outside', 'base.sig'), path.join(s, 'relative.sig'));
    await symlink(path.join(s, 'loop-b'), path.join(s, 'loop-a'));
    await symlink(path.join(s, 'loop-a'), path.join(s, 'loop-b'));
    await symlink('nothing-here', path.join(s, 'broken.sig'));
    const r = await verifyFt(s);
    expect(r.code, r.stderr).toBe(1);
    const skipped = 'absolute.sig (a link that points outside the store); broken.sig (a broken link: its target does not exist); loop-a (a link that loops); loop-b (a link that loops); relative.sig (a link that points outside the store)';
    expect(r.stderr).toContain(`modelsign: note: lineage store ${s}: skipped 5 files: ${skipped}\n`);
    expect(r.stderr).toContain(`modelsign: refused: lineage link ft@1.0.0 -> base@1.0.0 (${baseDigest.slice(0, 19)}…): no bundle with root digest ${baseDigest} in lineage store ${s} (1 file read, 1 bundle indexed by content, none for this digest; 5 skipped: ${skipped}) [LINEAGE_MISSING]\n`);
  });

  it('a file over 32 MiB is not read; FIFOs are not opened; both are named', async () => {
    const s = await storeWith('large', { 'base.sig': { from: baseSig } });
    await sparse(path.join(s, 'huge.bin'), 32 * 1024 * 1024 + 1);
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(s, 'pipe')]);
    const r = ok(await verifyFt(s));
    expect(r.stderr).toBe(`modelsign: note: lineage store ${s}: skipped 2 files: huge.bin (larger than 32 MiB); pipe (not a regular file: a FIFO, socket or device is never opened)\n`);
  });

  it('more than 10,000 files to index: the rest are not read, and a missing ancestor says how to file it (LINEAGE_STORE_TOO_LARGE)', async () => {
    const s = await storeWith('many-files');
    for (let i = 0; i < 10_000; i++) await writeFile(path.join(s, `junk-${String(i).padStart(5, '0')}.txt`), 'x');
    await copyFile(baseSig, path.join(s, 'zz-base.sig')); // listed after every junk file
    const r = await verifyFt(s);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('(10000 files read, 0 bundles indexed by content, none for this digest; 10001 skipped: junk-00000.txt (not a signature bundle: not valid JSON: unexpected character at offset 0);');
    expect(r.stderr).toContain('and 9991 more); the store holds more than modelsign indexes by content: file the bundle under its root digest (modelsign lineage add');
    expect(r.stderr).toMatch(/\[LINEAGE_STORE_TOO_LARGE\]\n$/);
    // Filed under its canonical name, it is found by name without the index.
    ok(await runCli(['lineage', 'add', s, baseSig]));
    ok(await verifyFt(s));
  }, 120_000);

  it('more than 128 MiB to index: the rest are not read (LINEAGE_STORE_TOO_LARGE)', async () => {
    const s = await storeWith('many-bytes');
    for (let i = 0; i < 5; i++) await sparse(path.join(s, `blob-${i}.bin`), 30 * 1024 * 1024);
    await copyFile(baseSig, path.join(s, 'zz-base.sig'));
    const r = await verifyFt(s);
    expect(r.code, r.stderr).toBe(1);
    // 4 x 30 MiB fit in 128 MiB; the fifth does not, and nothing after it is read.
    expect(r.stderr).toContain('(4 files read, 0 bundles indexed by content, none for this digest; 6 skipped:');
    expect(r.stderr).toContain('blob-4.bin (not read: over the content index limit of 10000 files, 128 MiB or 30 s); zz-base.sig (not read: over the content index limit of 10000 files, 128 MiB or 30 s)');
    expect(r.stderr).toMatch(/\[LINEAGE_STORE_TOO_LARGE\]\n$/);
  }, 60_000);
});

describe('modelsign lineage add', () => {
  it('files signatures under the name sign --record gives, creating the store with mode 700; again is a no-op', async () => {
    const s = path.join(dir, 'added', 'store');
    const r = ok(await runCli(['lineage', 'add', s, baseSig, path.join(dir, 'ft', 'model.sig')]));
    const baseName = `base@1.0.0.${baseDigest.slice(7)}.sig`;
    const ftName = `ft@1.0.0.${ftDigest.slice(7)}.sig`;
    expect(r.stdout).toBe(`filed ${baseSig} as ${path.join(s, baseName)}\nfiled ${path.join(dir, 'ft', 'model.sig')} as ${path.join(s, ftName)}\n`);
    expect((await stat(s)).mode & 0o777).toBe(0o700);
    expect((await readdir(s)).sort()).toEqual([baseName, ftName]);
    expect(await readFile(path.join(s, baseName))).toEqual(await readFile(baseSig));
    // The same name sign --record writes.
    const rec = path.join(dir, 'recorded');
    ok(await runCli(['sign', path.join(dir, 'base'), '--key', k.key, '--version', '1.0.0', '--name', 'base', '--signature', path.join(dir, 'rec.sig'), `--record=${rec}`]));
    expect(await readdir(rec)).toEqual([baseName]);
    // Idempotent, and --json says so.
    const again = ok(await runCli(['lineage', 'add', s, baseSig, '--json']));
    const j: Json = JSON.parse(again.stdout);
    expect(j).toEqual({ store: s, filed: [{ signature: baseSig, file: path.join(s, baseName), added: false, name: 'base', version: '1.0.0', rootDigest: baseDigest, bundleDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }] });
    expect((await readdir(s)).sort()).toEqual([baseName, ftName]);
    ok(await verifyFt(s));
  });

  it('another signature of the same model and version is filed beside the first, never over it', async () => {
    const s = path.join(dir, 'added-twice');
    ok(await runCli(['lineage', 'add', s, baseSig]));
    const r = ok(await runCli(['lineage', 'add', s, path.join(dir, 'rec.sig'), '--json']));
    const f = JSON.parse(r.stdout).filed[0];
    expect(f.added).toBe(true);
    expect(path.basename(f.file)).toMatch(new RegExp(`^base@1\\.0\\.0\\.${baseDigest.slice(7)}\\.[0-9a-f]{16}\\.sig$`));
    expect(await readdir(s)).toHaveLength(2);
    ok(await verifyFt(s));
  });

  it('chooses every name before writing: a file with no free name left stops all, and nothing is written', async () => {
    const s = path.join(dir, 'full-store');
    await mkdir(s);
    // Both names base@1.0.0 could take hold other bytes.
    const base = `base@1.0.0.${baseDigest.slice(7)}`;
    const bundleHex = createHash('sha256').update(await readFile(baseSig)).digest('hex');
    for (const n of [`${base}.sig`, `${base}.${bundleHex.slice(0, 16)}.sig`]) await writeFile(path.join(s, n), 'other bytes');
    const r = await runCli(['lineage', 'add', s, path.join(dir, 'ft', 'model.sig'), baseSig]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: lineage store ${s} already holds different bundles named ${base}.* [WRITE_FAILED]\n`);
    expect((await readdir(s)).sort()).toEqual([`${base}.${bundleHex.slice(0, 16)}.sig`, `${base}.sig`].sort());
  });

  it('two signatures of one model and version given at once are filed side by side; the same file twice once', async () => {
    const s = path.join(dir, 'together');
    const r = ok(await runCli(['lineage', 'add', s, baseSig, path.join(dir, 'rec.sig'), baseSig, '--json']));
    const filed = JSON.parse(r.stdout).filed as Array<{ file: string; added: boolean }>;
    expect(filed.map((f) => f.added)).toEqual([true, true, false]);
    expect(filed[2]!.file).toBe(filed[0]!.file);
    expect(await readdir(s)).toHaveLength(2);
    expect(await readFile(filed[1]!.file)).toEqual(await readFile(path.join(dir, 'rec.sig')));
  });

  it('refuses a file that is not a bundle, or missing, with the reason (exit 2), and writes nothing', async () => {
    const s = path.join(dir, 'refused-store');
    const junk = path.join(dir, 'junk.sig');
    await writeFile(junk, '{"not": "a bundle"}');
    const r = await runCli(['lineage', 'add', s, baseSig, junk]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^modelsign: error: ${junk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a modelsign lineage bundle: signature bundle is malformed: .* \\(SIG_MALFORMED\\) \\[LINEAGE_NOT_BUNDLE\\]\n$`));
    await expect(stat(s)).rejects.toThrow();
    const m = await runCli(['lineage', 'add', s, path.join(dir, 'nope.sig')]);
    expect(m.code, m.stderr).toBe(2);
    expect(m.stderr).toBe(`modelsign: error: ${path.join(dir, 'nope.sig')}: signature file not found: ${path.join(dir, 'nope.sig')} [LINEAGE_NOT_BUNDLE]\n`);
    const none = await runCli(['lineage', 'add', s]);
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toContain('[MISSING_ARGUMENT]');
    // A file where the store should be.
    const f = path.join(dir, 'a-file');
    await writeFile(f, 'x');
    const w = await runCli(['lineage', 'add', f, baseSig]);
    expect(w.code, w.stderr).toBe(2);
    expect(w.stderr).toContain('[WRITE_FAILED]');
  });
});

describe('modelsign lineage without trust, from a model directory, the default store and the environment', () => {
  let work: string;
  beforeAll(async () => {
    // A working directory whose ./manifests is the store sign --record filled.
    work = path.join(dir, 'work');
    await mkdir(work);
    ok(await runCli(['lineage', 'add', 'manifests', baseSig], { cwd: work }));
  });

  it('with no trust flag prints every node as not verified (no trust given) and exits 0', async () => {
    const r = ok(await runCli(['lineage', path.join(dir, 'ft')], { cwd: work }));
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      `ft@1.0.0  ${ftDigest}  signer: not checked  license: none  not verified (no trust given)`,
      `└─ finetune of base@1.0.0  ${baseDigest}  signer: not checked  license: none  not verified (no trust given)`,
    ]);
    expect(r.stderr).toBe('modelsign: note: no trust given (--key, --certificate-chain, --identity...): the tree is shown as the signatures claim it, nothing is verified\n');
    const j: Json = JSON.parse(ok(await runCli(['lineage', path.join(dir, 'ft', 'model.sig'), '--json'], { cwd: work })).stdout);
    expect(j).toMatchObject({ verified: false, trusted: false, failures: [] });
    expect(j.tree.verified).toBe(false);
    expect(j.tree.parents[0]).toMatchObject({ name: 'base', verified: false, signer: null });
  });

  it('with no trust flag a revoked ancestor is still refused (exit 1), with the tree printed', async () => {
    const revoked = path.join(work, 'revoked.txt');
    await writeFile(revoked, `${baseDigest}  # withdrawn\n`);
    const r = await runCli(['lineage', path.join(dir, 'ft'), '--revoked', revoked], { cwd: work });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`finetune of base@1.0.0  ${baseDigest}`);
    expect(r.stderr).toMatch(new RegExp(`modelsign: refused: lineage link ft@1\\.0\\.0 -> base@1\\.0\\.0: ancestor ${baseDigest} is revoked.* \\[REVOKED\\]\\n$`));
  });

  it('with trust flags verifies each link; a model directory and its model.sig give the same tree', async () => {
    const d = ok(await runCli(['lineage', path.join(dir, 'ft'), '--key', k.pub], { cwd: work }));
    const f = ok(await runCli(['lineage', path.join(dir, 'ft', 'model.sig'), '--key', k.pub], { cwd: work }));
    expect(d.stdout).toBe(f.stdout);
    expect(d.stdout.trim().split('\n').every((l) => l.endsWith('  verified'))).toBe(true);
    expect(d.stderr).toBe('');
  });

  it('without a store a problem is still shown, exit 0; with trust it is exit 1', async () => {
    const empty = path.join(dir, 'empty-work');
    await mkdir(path.join(empty, 'manifests'), { recursive: true });
    const r = ok(await runCli(['lineage', path.join(dir, 'ft')], { cwd: empty }));
    expect(r.stdout).toContain('not verified (no trust given) [LINEAGE_MISSING]');
    const t = await runCli(['lineage', path.join(dir, 'ft'), '--key', k.pub], { cwd: empty });
    expect(t.code, t.stderr).toBe(1);
    expect(t.stdout).toContain('NOT VERIFIED [LINEAGE_MISSING]');
  });

  it('the default store missing is exit 2 for a model with parents; a model without parents needs none', async () => {
    const bare = path.join(dir, 'bare-work');
    await mkdir(bare);
    const r = await runCli(['lineage', path.join(dir, 'ft'), '--key', k.pub], { cwd: bare });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe('modelsign: error: lineage store manifests not found (the default, where sign --record files bundles): give --lineage DIR [LINEAGE_STORE_UNREADABLE]\n');
    const b = ok(await runCli(['lineage', baseSig, '--key', k.pub], { cwd: bare }));
    expect(b.stdout).toMatch(/^base@1\.0\.0 .* verified\n$/);
  });

  it("takes verify's MODELSIGN_* variables: model, key, store and revocation list; verify's others are noted, unknown ones refused", async () => {
    const env = { MODELSIGN_MODEL: path.join(dir, 'ft'), MODELSIGN_KEY: k.pub, MODELSIGN_LINEAGE: path.join(dir, 'sigs') };
    const r = ok(await runCli(['lineage'], { env }));
    expect(r.stdout.trim().split('\n').every((l) => l.endsWith('  verified'))).toBe(true);
    const list = path.join(dir, 'revoked.txt');
    await writeFile(list, `${baseDigest}  # withdrawn\n`);
    const rv = await runCli(['lineage'], { env: { ...env, MODELSIGN_REVOKED: list } });
    expect(rv.code, rv.stderr).toBe(1);
    expect(rv.stderr).toContain(`modelsign: refused: lineage link ft@1.0.0 -> base@1.0.0: ancestor ${baseDigest} is revoked: withdrawn [REVOKED]`);
    const sig = ok(await runCli(['lineage', '--json'], { env: { MODELSIGN_SIGNATURE: path.join(dir, 'ft', 'model.sig'), MODELSIGN_KEY: k.pub, MODELSIGN_LINEAGE: path.join(dir, 'sigs') } }));
    expect(JSON.parse(sig.stdout)).toMatchObject({ verified: true, trusted: true });
    const policy = path.join(dir, 'p.yaml');
    await writeFile(policy, 'apiVersion: modelsign/v1\n');
    const n = ok(await runCli(['lineage'], { env: { ...env, MODELSIGN_POLICY: policy, MODELSIGN_STATE: path.join(dir, 'st.json') } }));
    expect(n.stderr).toContain("modelsign: note: MODELSIGN_POLICY, MODELSIGN_STATE are verify's; lineage does not use them\n");
    const u = await runCli(['lineage'], { env: { ...env, MODELSIGN_KYE: k.pub } });
    expect(u.code, u.stderr).toBe(2);
    expect(u.stderr).toBe('modelsign: error: MODELSIGN_KYE is set, but lineage has no --kye option in this build (did you mean MODELSIGN_KEY?) [UNKNOWN_ENV]\n');
    const none = await runCli(['lineage'], { env: { MODELSIGN_KEY: k.pub } });
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toContain('lineage needs a signature file or a model directory (or set MODELSIGN_MODEL) [MISSING_ARGUMENT]');
  });

  it('--revoked on the command line: a revoked ancestor fails under trust and without it (exit 1)', async () => {
    const list = path.join(dir, 'revoked2.txt');
    await writeFile(list, `${baseDigest}\n`);
    const t = await runCli(['lineage', path.join(dir, 'ft'), '--key', k.pub, '--revoked', list], { cwd: work });
    expect(t.code, t.stderr).toBe(1);
    expect(t.stdout).toContain(`  REVOKED: lineage link ft@1.0.0 -> base@1.0.0: ancestor ${baseDigest} is revoked`);
    const u = await runCli(['lineage', path.join(dir, 'ft'), '--revoked', list], { cwd: work });
    expect(u.code, u.stderr).toBe(1);
    expect(u.stdout).toContain('  REVOKED: lineage link ft@1.0.0 -> base@1.0.0');
  });
});
