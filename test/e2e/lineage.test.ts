/**
 * Version lineage end to end: the built CLI signs base -> fine-tune -> next version into a
 * lineage store, and verify / lineage walk it. Every way a link can break, a rollback, a
 * revocation and a same-name version that does not increase is proven with its exit code and
 * the message naming the link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { SHARED, cleanupTmp, keypair, makeHfModel, runCli, tmpDir, type CliResult, type Json } from '../helpers/cli.js';
import { docBlocks, docExamples, matchesSample } from '../helpers/doc-examples.js';

// The interop corpus, read in place: beside the main checkout, or one level up from a worktree.
const INTEROP = [SHARED].find((d) => existsSync(path.join(d, 'model-transparency')));

let dir: string;
let store: string;
let k: { key: string; pub: string };
let evil: { key: string; pub: string };
const digests: Record<string, string> = {};

async function sign(model: string, args: string[], cwd?: string): Promise<CliResult> {
  return runCli(['sign', model, '--key', k.key, ...args], cwd ? { cwd } : {});
}

function ok(r: CliResult): CliResult {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}${r.stdout}`);
  return r;
}

/** A copy of the store to break one thing in. */
async function storeCopy(name: string): Promise<string> {
  const d = path.join(dir, `store-${name}`);
  await cp(store, d, { recursive: true });
  return d;
}

async function storeFile(d: string, prefix: string): Promise<string> {
  const f = (await readdir(d)).filter((n) => n.startsWith(prefix));
  if (f.length !== 1) throw new Error(`expected one ${prefix} in ${d}, got ${f.join(', ')}`);
  return path.join(d, f[0]!);
}

function json(r: CliResult): Json {
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  dir = await tmpDir('modelsign-lineage-');
  store = path.join(dir, 'manifests');
  k = await keypair(dir, 'ed25519', 'release');
  evil = await keypair(dir, 'ed25519', 'evil');
  // base@1.0.0 -> ft@1.0.0 (finetune of base) -> ft@1.1.0 (finetune of ft@1.0.0)
  await makeHfModel(path.join(dir, 'base'));
  await cp(path.join(dir, 'base'), path.join(dir, 'ft1'), { recursive: true });
  await rm(path.join(dir, 'ft1', 'model.sig'), { force: true });
  await writeFile(path.join(dir, 'ft1', 'adapter.bin'), 'fine-tuned weights v1');
  ok(await sign(path.join(dir, 'base'), ['--version', '1.0.0', '--name', 'base', '--license', 'apache-2.0', '--record', store]));
  await cp(path.join(dir, 'ft1'), path.join(dir, 'ft2'), { recursive: true });
  await writeFile(path.join(dir, 'ft2', 'adapter.bin'), 'fine-tuned weights v2');
  ok(await sign(path.join(dir, 'ft1'), ['--version', '1.0.0', '--name', 'ft', '--license', 'mit', '--parent', path.join(dir, 'base', 'model.sig'), '--relation', 'finetune', '--dataset', 'hf://datasets/acme/chat?rev=2=sha256:' + 'ab'.repeat(32), '--record', store]));
  ok(await sign(path.join(dir, 'ft2'), ['--version', '1.1.0', '--name', 'ft', '--license', 'mit', '--parent', path.join(dir, 'ft1', 'model.sig'), '--record', store]));
  for (const m of ['base', 'ft1', 'ft2']) digests[m] = ok(await runCli(['digest', path.join(dir, m)])).stdout.trim();
});

afterAll(cleanupTmp);

describe('sign records lineage', () => {
  it('records parent name, version, root digest, bundle digest, relation and datasets in the signed metadata', async () => {
    const r = json(ok(await runCli(['inspect', path.join(dir, 'ft1', 'model.sig'), '--json'])));
    const baseSig = await readFile(path.join(dir, 'base', 'model.sig'));
    const { createHash } = await import('node:crypto');
    expect(r.metadata.lineage).toEqual({
      parents: [{ name: 'base', version: '1.0.0', rootDigest: digests.base, bundleDigest: `sha256:${createHash('sha256').update(baseSig).digest('hex')}`, relation: 'finetune' }],
      datasets: [{ uri: 'hf://datasets/acme/chat?rev=2', digest: `sha256:${'ab'.repeat(32)}` }],
    });
  });

  it('--record files each bundle (byte for byte) under its name, version and root digest', async () => {
    const names = (await readdir(store)).sort();
    expect(names).toEqual([
      `base@1.0.0.${digests.base!.slice(7)}.sig`,
      `ft@1.0.0.${digests.ft1!.slice(7)}.sig`,
      `ft@1.1.0.${digests.ft2!.slice(7)}.sig`,
    ]);
    expect((await readFile(path.join(store, names[2]!))).equals(await readFile(path.join(dir, 'ft2', 'model.sig')))).toBe(true);
  });

  it('--record without a directory files into ./manifests and also files the parents', async () => {
    const cwd = path.join(dir, 'cwd-default');
    await mkdir(cwd);
    const m = path.join(dir, 'ft-default');
    await cp(path.join(dir, 'ft2'), m, { recursive: true });
    await rm(path.join(m, 'model.sig'));
    await writeFile(path.join(m, 'adapter.bin'), 'fine-tuned weights v3');
    ok(await runCli(['sign', m, '--key', k.key, '--version', '2.0.0', '--name', 'ft', '--parent', path.join(dir, 'ft2', 'model.sig'), '--record'], { cwd }));
    const names = await readdir(path.join(cwd, 'manifests'));
    expect(names.some((n) => n.startsWith('ft@2.0.0.'))).toBe(true);
    expect(names.some((n) => n.startsWith('ft@1.1.0.'))).toBe(true);
  });

  it('signing a non-increasing version of the same name exits 2', async () => {
    const m = path.join(dir, 'ft-same');
    await cp(path.join(dir, 'ft2'), m, { recursive: true });
    await rm(path.join(m, 'model.sig'));
    await writeFile(path.join(m, 'adapter.bin'), 'quantized weights');
    for (const v of ['1.1.0', '1.0.5', '1.1.0-rc.1']) {
      const r = await sign(m, ['--version', v, '--name', 'ft', '--parent', path.join(dir, 'ft2', 'model.sig')]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('[LINEAGE_VERSION_ORDER]');
      expect(r.stderr).toContain('ft@1.1.0');
    }
    // The same bytes as the parent cannot be their own child (the link would be a cycle).
    const same = path.join(dir, 'ft-identical');
    await cp(path.join(dir, 'ft2'), same, { recursive: true });
    const before = await readFile(path.join(same, 'model.sig'));
    const c = await sign(same, ['--version', '1.2.0', '--name', 'ft', '--parent', path.join(dir, 'ft2', 'model.sig')]);
    expect(c.code, c.stderr).toBe(2);
    expect(c.stderr).toContain('cannot be its own parent');
    expect((await readFile(path.join(same, 'model.sig'))).equals(before)).toBe(true);
    // A different name may have any version.
    ok(await sign(m, ['--version', '0.1.0', '--name', 'ft-quant', '--parent', path.join(dir, 'ft2', 'model.sig'), '--relation', 'quantized']));
  });

  it('verifies the parent before linking: an untrusted parent exits 1 unless --parent-key trusts it', async () => {
    const other = path.join(dir, 'other-base');
    await makeHfModel(other);
    ok(await runCli(['sign', other, '--key', evil.key, '--version', '1.0.0', '--name', 'other']));
    const child = path.join(dir, 'other-child');
    await makeHfModel(child);
    await writeFile(path.join(child, 'extra.bin'), 'x');
    const r = await sign(child, ['--version', '1.0.0', '--parent', path.join(other, 'model.sig')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/refused: parent .*other-base\/model\.sig is not signed by a trusted key/);
    expect(r.stderr).toContain('[PARENT_UNTRUSTED]');
    ok(await sign(child, ['--version', '1.0.0', '--parent', path.join(other, 'model.sig'), '--parent-key', evil.pub]));
    // A broken parent signature is refused too.
    const broken = path.join(dir, 'broken-parent.sig');
    await writeFile(broken, (await readFile(path.join(other, 'model.sig'), 'utf8')).replace(/"sig": "(.)/, (_m, c) => `"sig": "${c === 'A' ? 'B' : 'A'}`));
    const r2 = await sign(child, ['--version', '1.0.0', '--parent', broken, '--parent-key', evil.pub]);
    expect(r2.code, r2.stderr).toBe(1);
    expect(r2.stderr).toContain('SIG_INVALID');
  });

  it('a malformed --parent exits 1; a trusted parent without a modelsign version exits 2', async () => {
    const child = path.join(dir, 'ft1');
    const garbage = path.join(dir, 'garbage.sig');
    await writeFile(garbage, '{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json"}');
    const r = await sign(child, ['--version', '9.0.0', '--signature', path.join(dir, 'unused.sig'), '--parent', garbage]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('[PARENT_MALFORMED]');
    if (INTEROP) {
      const mt = path.join(INTEROP, 'model-transparency');
      const r2 = await sign(child, ['--version', '9.0.0', '--signature', path.join(dir, 'unused.sig'), '--parent', path.join(mt, 'v1.1.0-elliptic-key', 'model.sig'), '--parent-key', path.join(mt, 'keys', 'signing-key-pub.pem')]);
      expect(r2.code, r2.stderr).toBe(2);
      expect(r2.stderr).toContain('carries no modelsign semver version');
      expect(r2.stderr).toContain('[PARENT_NO_VERSION]');
    }
  });

  it('usage errors exit 2: bad --relation, bad --dataset digest, --relation without --parent, missing parent file', async () => {
    const m = path.join(dir, 'ft1');
    const cases: [string[], string][] = [
      [['--parent', path.join(dir, 'base', 'model.sig'), '--relation', 'copy'], '--relation must be one of'],
      [['--dataset', 'hf://x=sha256:1234'], '--dataset digest must be'],
      // A short "=sha256:" suffix is an error, not part of the URI (docs/lineage.md says so).
      [['--dataset', 'hf://datasets/acme/chat=sha256:9f2c'], '--dataset digest must be sha256:<64 hex characters> (got "sha256:9f2c") [BAD_OPTION]'],
      [['--relation', 'merge'], '--relation needs --parent'],
      [['--parent', path.join(dir, 'nope.sig')], 'signature file not found'],
      [['--parent', path.join(dir, 'base', 'model.sig'), '--parent', path.join(dir, 'base', 'model.sig')], 'same model as another --parent'],
    ];
    for (const [args, msg] of cases) {
      const r = await sign(m, ['--version', '9.0.0', '--signature', path.join(dir, 'unused.sig'), ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(msg);
    }
  });
});

describe('verify walks the chain', () => {
  it('base -> fine-tune -> next version verifies with the store and reports every ancestor', async () => {
    const r = ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', store, '--json']));
    const j = json(r);
    expect(j.verified).toBe(true);
    expect(j.lineage.ancestors).toEqual([
      expect.objectContaining({ name: 'ft', version: '1.0.0', license: 'mit', rootDigest: digests.ft1, relation: 'finetune', depth: 1, childName: 'ft', verified: true, signer: expect.stringContaining('ed25519 key sha256:') }),
      expect.objectContaining({ name: 'base', version: '1.0.0', license: 'apache-2.0', rootDigest: digests.base, relation: 'finetune', depth: 2, childName: 'ft', verified: true }),
    ]);
    const t = ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', store]));
    expect(t.stdout).toContain('OK: ft@1.1.0 verified');
  });

  it('a missing ancestor exits 1 and names the link', async () => {
    const s = await storeCopy('missing');
    await rm(await storeFile(s, 'base@'));
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link ft@1.0.0 -> base@1.0.0');
    expect(r.stderr).toContain('[LINEAGE_MISSING]');
    const j = json(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s, '--json']));
    expect(j.lineage.ancestors.map((a: Json) => [a.name, a.verified])).toEqual([['ft', true], ['base', false]]);
  });

  it('an ancestor with a broken signature exits 1 and names the link', async () => {
    const s = await storeCopy('broken');
    const f = await storeFile(s, 'base@');
    const text = await readFile(f, 'utf8');
    const m = /"sig": "([A-Za-z0-9+/]{8})/.exec(text)!;
    const flipped = m[1]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await writeFile(f, text.replace(m[1]!, flipped));
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link ft@1.0.0 -> base@1.0.0');
    expect(r.stderr).toContain('[LINEAGE_UNTRUSTED]');
    expect(r.stderr).toContain('SIG_INVALID');
  });

  it('an ancestor re-signed by an untrusted key over identical bytes exits 1 and names the link', async () => {
    // Same files, same name and version: only the signer differs.
    const copy = path.join(dir, 'base-evil');
    await cp(path.join(dir, 'base'), copy, { recursive: true });
    await rm(path.join(copy, 'model.sig'));
    ok(await runCli(['sign', copy, '--key', evil.key, '--version', '1.0.0', '--name', 'base', '--license', 'apache-2.0']));
    expect(ok(await runCli(['digest', copy])).stdout.trim()).toBe(digests.base);
    const s = await storeCopy('evil');
    await writeFile(await storeFile(s, 'base@'), await readFile(path.join(copy, 'model.sig')));
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link ft@1.0.0 -> base@1.0.0');
    expect(r.stderr).toContain('ancestor signature is not trusted');
    expect(r.stderr).toContain('[LINEAGE_UNTRUSTED]');

    // Even if the verifier trusts that key too, the child recorded a different signature.
    const r2 = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--key', evil.pub, '--lineage', s]);
    expect(r2.code, r2.stderr).toBe(1);
    expect(r2.stderr).toContain('[LINEAGE_BUNDLE_MISMATCH]');

    // The genuine bundle next to the impostor: the recorded one is found and used.
    await writeFile(path.join(s, `impostor.${digests.base!.slice(7)}.sig`), await readFile(path.join(dir, 'base', 'model.sig')));
    ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s]));
  });

  it('an ancestor the signer linked with --parent-key is held to the verifier\'s trust, not the signer\'s', async () => {
    const s = path.join(dir, 'store-parentkey');
    const base = path.join(dir, 'pk-base');
    await makeHfModel(base);
    ok(await runCli(['sign', base, '--key', evil.key, '--version', '1.0.0', '--name', 'pk-base', '--record', s]));
    const child = path.join(dir, 'pk-child');
    await makeHfModel(child);
    await writeFile(path.join(child, 'lora.bin'), 'adapter');
    ok(await sign(child, ['--version', '1.0.0', '--name', 'pk-child', '--parent', path.join(base, 'model.sig'), '--parent-key', evil.pub, '--relation', 'adapter', '--record', s]));
    const r = await runCli(['verify', child, '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link pk-child@1.0.0 -> pk-base@1.0.0');
    expect(r.stderr).toContain('[LINEAGE_UNTRUSTED]');
    ok(await runCli(['verify', child, '--key', k.pub, '--key', evil.pub, '--lineage', s]));
  });

  it('a same-name ancestor re-signed with the trusted key (different bundle bytes) exits 1: bundle digest mismatch', async () => {
    const copy = path.join(dir, 'base-resigned');
    await cp(path.join(dir, 'base'), copy, { recursive: true });
    await rm(path.join(copy, 'model.sig'));
    ok(await runCli(['sign', copy, '--key', k.key, '--version', '1.0.0', '--name', 'base', '--license', 'gpl-3.0']));
    const s = await storeCopy('resigned');
    await writeFile(await storeFile(s, 'base@'), await readFile(path.join(copy, 'model.sig')));
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link ft@1.0.0 -> base@1.0.0');
    expect(r.stderr).toContain('[LINEAGE_BUNDLE_MISMATCH]');
  });

  it('--record never overwrites a different bundle for the same model; the recorded one is still used', async () => {
    const s = await storeCopy('rerecord');
    const copy = path.join(dir, 'base-rerecord');
    await cp(path.join(dir, 'base'), copy, { recursive: true });
    await rm(path.join(copy, 'model.sig'));
    const r = ok(await sign(copy, ['--version', '1.0.0', '--name', 'base', '--record', s]));
    expect(r.stderr).toMatch(new RegExp(`recorded .*base@1\\.0\\.0\\.${digests.base!.slice(7)}\\.[0-9a-f]{16}\\.sig`));
    expect((await readdir(s)).filter((n) => n.startsWith('base@'))).toHaveLength(2);
    ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s]));
  });

  it('--record does not read or follow a FIFO or symlink planted under the new bundle\'s name', async () => {
    const s = path.join(dir, 'store-planted');
    await mkdir(s);
    const m = path.join(dir, 'planted');
    await mkdir(m);
    await writeFile(path.join(m, 'w.bin'), 'planted');
    const hex = ok(await runCli(['digest', m])).stdout.trim().slice(7);
    execFileSync('mkfifo', [path.join(s, `planted@1.0.0.${hex}.sig`)]);
    const victim = path.join(dir, 'victim.txt');
    await writeFile(victim, 'do not touch');
    await symlink(victim, path.join(s, `planted@2.0.0.${hex}.sig`));
    ok(await sign(m, ['--version', '1.0.0', '--record', s]));
    ok(await sign(m, ['--version', '2.0.0', '--record', s]));
    expect(await readFile(victim, 'utf8')).toBe('do not touch');
    const names = (await readdir(s)).sort();
    expect(names.filter((n) => new RegExp(`^planted@[12]\\.0\\.0\\.${hex}\\.[0-9a-f]{16}\\.sig$`).test(n))).toHaveLength(2);
  });

  it('without --lineage, verify notes that the ancestry was not checked', async () => {
    const r = ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub]));
    // One line with the CLI's prefix, like every other stderr line.
    expect(r.stderr).toMatch(/^modelsign: note: this model links 1 parent model\(s\); pass --lineage DIR to verify its ancestry$/m);
  });

  it('version order holds along the whole path: ft@2 built on base built on ft@3 exits 1', async () => {
    const s = path.join(dir, 'store-order');
    const mk = async (name: string, content: string) => {
      const m = path.join(dir, `order-${name}`);
      await mkdir(m);
      await writeFile(path.join(m, 'w.bin'), content);
      return m;
    };
    const ft3 = await mk('ft3', 'ft three');
    const mid = await mk('base', 'base built on ft3');
    const ft2 = await mk('ft2', 'ft two');
    ok(await sign(ft3, ['--version', '3.0.0', '--name', 'ord', '--record', s]));
    ok(await sign(mid, ['--version', '1.0.0', '--name', 'ord-base', '--parent', path.join(ft3, 'model.sig'), '--record', s]));
    ok(await sign(ft2, ['--version', '2.0.0', '--name', 'ord', '--parent', path.join(mid, 'model.sig'), '--record', s]));
    const r = await runCli(['verify', ft2, '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link ord-base@1.0.0 -> ord@3.0.0');
    expect(r.stderr).toContain('lower version than ord@2.0.0');
    expect(r.stderr).toContain('[LINEAGE_VERSION_ORDER]');
  });

  it('a cycle through the store is refused', async () => {
    // loop-a (bytes A) -> loop-b -> a bundle for bytes A again: the walk meets A twice.
    const s = path.join(dir, 'store-cycle');
    const a = path.join(dir, 'loop-a');
    const b = path.join(dir, 'loop-b');
    await mkdir(a);
    await mkdir(b);
    await writeFile(path.join(a, 'w.bin'), 'A');
    await writeFile(path.join(b, 'w.bin'), 'B');
    const sig1 = path.join(dir, 'loop-a.sig');
    ok(await sign(a, ['--version', '1.0.0', '--name', 'loop-a', '--signature', sig1, '--record', s]));
    ok(await sign(b, ['--version', '1.0.0', '--name', 'loop-b', '--parent', sig1, '--record', s]));
    const sig2 = path.join(dir, 'loop-a2.sig');
    ok(await sign(a, ['--version', '2.0.0', '--name', 'loop-a2', '--parent', path.join(b, 'model.sig'), '--signature', sig2]));
    const r = await runCli(['verify', a, '--signature', sig2, '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link loop-b@1.0.0 -> loop-a@1.0.0');
    expect(r.stderr).toContain('[LINEAGE_CYCLE]');
  });

  it('hostile store entries are never followed or opened: a symlink and a FIFO named like the ancestor', async () => {
    const s = await storeCopy('hostile');
    const f = await storeFile(s, 'base@');
    const real = path.join(dir, 'outside-base.sig');
    await cp(f, real);
    await rm(f);
    await symlink(real, path.join(s, `link.${digests.base!.slice(7)}.sig`));
    execFileSync('mkfifo', [path.join(s, `fifo.${digests.base!.slice(7)}.sig`)]);
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s], { timeoutMs: 20_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('[LINEAGE_MISSING]');
  });

  it('a store bundle with duplicate JSON keys is refused as broken', async () => {
    const s = await storeCopy('dupkeys');
    const f = await storeFile(s, 'base@');
    const text = await readFile(f, 'utf8');
    await writeFile(f, text.replace('"mediaType"', '"mediaType": "x", "mediaType"'));
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', s]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('lineage link ft@1.0.0 -> base@1.0.0');
    expect(r.stderr).toContain('[LINEAGE_MALFORMED]');
  });

  it('a store that does not exist is a usage error (exit 2)', async () => {
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', path.join(dir, 'no-such-store')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('[LINEAGE_STORE_UNREADABLE]');
  });
});

describe('modelsign lineage prints the tree', () => {
  it('names every ancestor with relation, root digest, signer, license and status', async () => {
    const r = ok(await runCli(['lineage', path.join(dir, 'ft2', 'model.sig'), '--lineage', store, '--key', k.pub]));
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^ft@1\\.1\\.0  ${digests.ft2}  signer: ed25519 key sha256:[0-9a-f]{64}  license: mit  verified$`));
    expect(lines[1]).toMatch(new RegExp(`^└─ finetune of ft@1\\.0\\.0  ${digests.ft1}  signer: ed25519 key .*  license: mit  verified$`));
    expect(lines[2]).toMatch(new RegExp(`^   └─ finetune of base@1\\.0\\.0  ${digests.base}  signer: ed25519 key .*  license: apache-2\\.0  verified$`));
    const j = json(ok(await runCli(['lineage', path.join(dir, 'ft2', 'model.sig'), '--lineage', store, '--key', k.pub, '--json'])));
    expect(j.verified).toBe(true);
    expect(j.tree.name).toBe('ft');
    expect(j.tree.parents[0].name).toBe('ft');
    expect(j.tree.parents[0].parents[0]).toMatchObject({ name: 'base', version: '1.0.0', relation: 'finetune', rootDigest: digests.base, license: 'apache-2.0', verified: true });
    expect(j.tree.parents[0].datasets).toEqual([{ uri: 'hf://datasets/acme/chat?rev=2', digest: `sha256:${'ab'.repeat(32)}` }]);
  });

  it('a merge shows both parents; a broken link shows NOT VERIFIED and exits 1', async () => {
    const s = await storeCopy('merge');
    const m = path.join(dir, 'merged');
    await makeHfModel(m);
    await writeFile(path.join(m, 'merge.json'), '{"method":"ties"}');
    ok(await sign(m, ['--version', '1.0.0', '--name', 'merged', '--parent', path.join(dir, 'ft2', 'model.sig'), '--parent', path.join(dir, 'base', 'model.sig'), '--record', s]));
    const r = ok(await runCli(['lineage', path.join(m, 'model.sig'), '--lineage', s, '--key', k.pub]));
    expect(r.stdout).toContain('├─ merge of ft@1.1.0');
    expect(r.stdout).toContain('│  └─ finetune of ft@1.0.0');
    expect(r.stdout).toContain('│     └─ finetune of base@1.0.0');
    expect(r.stdout).toContain('└─ merge of base@1.0.0');
    await rm(await storeFile(s, 'ft@1.0.0'));
    const b = await runCli(['lineage', path.join(m, 'model.sig'), '--lineage', s, '--key', k.pub]);
    expect(b.code, b.stderr).toBe(1);
    expect(b.stdout).toMatch(/finetune of ft@1\.0\.0 .* NOT VERIFIED \[LINEAGE_MISSING\]/);
    expect(b.stderr).toContain('lineage link ft@1.1.0 -> ft@1.0.0');
  });

  it('control characters in signed names and licenses cannot forge tree lines', async () => {
    const s = path.join(dir, 'store-forge');
    const a = path.join(dir, 'forge-a');
    const b = path.join(dir, 'forge-b');
    await mkdir(a);
    await mkdir(b);
    await writeFile(path.join(a, 'w.bin'), 'forge a');
    await writeFile(path.join(b, 'w.bin'), 'forge b');
    const fake = 'mit  verified\n└─ finetune of trusted@9.9.9';
    ok(await sign(a, ['--version', '1.0.0', '--name', 'forge-a', '--license', fake, '--record', s]));
    ok(await sign(b, ['--version', '1.0.0', '--name', 'forge-b', '--parent', path.join(a, 'model.sig'), '--record', s]));
    const r = ok(await runCli(['lineage', path.join(b, 'model.sig'), '--lineage', s, '--key', k.pub]));
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('license: mit  verified?└─ finetune of trusted@9.9.9');
  });

  it('an untrusted model signature exits 1; a store named with --lineage that does not exist exits 2', async () => {
    const sig = path.join(dir, 'ft2', 'model.sig');
    const r = await runCli(['lineage', sig, '--lineage', store, '--key', evil.pub]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('refused:');
    const m = await runCli(['lineage', sig, '--lineage', path.join(dir, 'no-such-store'), '--key', k.pub]);
    expect(m.code, m.stderr).toBe(2);
    expect(m.stderr).toMatch(/lineage store .*no-such-store not found .*\[LINEAGE_STORE_UNREADABLE\]/);
  });

  it('--json prints the report even when the model\'s own signature is refused (exit 1, one refused line on stderr)', async () => {
    const sig = path.join(dir, 'ft2', 'model.sig');
    const r = await runCli(['lineage', sig, '--lineage', store, '--key', evil.pub, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const j = json(r);
    expect(j).toEqual({ verified: false, trusted: true, signature: sig, tree: null, ancestors: [], failures: [{ code: 'KEY_HINT_MISMATCH', message: expect.stringMatching(/^signature names key [0-9a-f]{16}…, not the trusted key /) }] });
    expect(Object.keys(j)).toEqual(Object.keys(json(ok(await runCli(['lineage', sig, '--lineage', store, '--key', k.pub, '--json'])))));
    expect(r.stderr).toMatch(/^modelsign: refused: signature names key [0-9a-f]{16}…, not the trusted key .* \[KEY_HINT_MISMATCH\]\n$/);
    const missing = path.join(dir, 'no-such-model.sig');
    const m = await runCli(['lineage', missing, '--lineage', store, '--key', k.pub, '--json']);
    expect(m.code).toBe(1);
    expect(json(m)).toEqual({ verified: false, trusted: true, signature: missing, tree: null, ancestors: [], failures: [{ code: 'SIG_MISSING', message: `signature file not found: ${missing}` }] });
    expect(m.stderr).toBe(`modelsign: refused: signature file not found: ${missing} [SIG_MISSING]\n`);
  });

  it('docs/lineage.md: the example tree\'s licenses are what the example sign commands pass; no short dataset digest', async () => {
    const doc = await readFile(path.join(__dirname, '../../docs/lineage.md'), 'utf8');
    const quick = /## Quick example\n\n(?:<!--.*-->\n)?```sh\n([\s\S]*?)```/.exec(doc)![1]!.replace(/\\\n\s*/g, ' ');
    const signed = new Map<string, string>();
    for (const cmd of quick.split('\n').filter((l) => l.startsWith('modelsign sign '))) {
      const dirArg = cmd.split(/\s+/)[2]!;
      const name = /--name (\S+)/.exec(cmd)?.[1] ?? path.basename(dirArg);
      const version = /--version (\S+)/.exec(cmd)![1]!;
      signed.set(`${name}@${version}`, /--license (\S+)/.exec(cmd)?.[1] ?? 'none');
      for (const d of cmd.matchAll(/=sha256:([0-9a-f]+)/gi)) expect(d[1]!.length, cmd).toBe(64);
    }
    const tree = /`NOT VERIFIED \[CODE\]`:\n\n```\n([\s\S]*?)```/.exec(doc)![1]!;
    const shown = [...tree.matchAll(/(?:of )?([\w.-]+@[\d.]+) {2}.* {2}license: (\S+) {2}verified/g)].map((x) => [x[1], x[2]]);
    expect(shown).toHaveLength(3);
    for (const [id, license] of shown) expect(signed.get(id!), id).toBe(license);
  });

  it('an ancestor that could not be read shows license: unknown; a verified one without a license shows none', async () => {
    const s = path.join(dir, 'store-nolicense');
    const a = path.join(dir, 'nolicense-a');
    const b = path.join(dir, 'nolicense-b');
    await mkdir(a);
    await mkdir(b);
    await writeFile(path.join(a, 'w.bin'), 'no license a');
    await writeFile(path.join(b, 'w.bin'), 'no license b');
    ok(await sign(a, ['--version', '1.0.0', '--name', 'nolic-a', '--record', s]));
    ok(await sign(b, ['--version', '1.0.0', '--name', 'nolic-b', '--license', 'mit', '--parent', path.join(a, 'model.sig'), '--record', s]));
    const r = ok(await runCli(['lineage', path.join(b, 'model.sig'), '--lineage', s, '--key', k.pub]));
    expect(r.stdout.split('\n')[1]).toMatch(/^└─ finetune of nolic-a@1\.0\.0 {2}sha256:[0-9a-f]{64} {2}signer: ed25519 key sha256:[0-9a-f]{64} {2}license: none {2}verified$/);
    await rm(await storeFile(s, 'nolic-a@'));
    const m = await runCli(['lineage', path.join(b, 'model.sig'), '--lineage', s, '--key', k.pub]);
    expect(m.code).toBe(1);
    expect(m.stdout.split('\n')[0]).toMatch(/ {2}license: mit {2}verified$/);
    expect(m.stdout.split('\n')[1]).toMatch(/^└─ finetune of nolic-a@1\.0\.0 {2}sha256:[0-9a-f]{64} {2}signer: unknown {2}license: unknown {2}NOT VERIFIED \[LINEAGE_MISSING\]$/);
    expect(m.stderr).toMatch(/^modelsign: refused: lineage link nolic-b@1\.0\.0 -> nolic-a@1\.0\.0 .*\[LINEAGE_MISSING\]\n$/);
  });
});

describe('anti-rollback', () => {
  it('--min-version: a model below it exits 1, at it passes, a bad value exits 2', async () => {
    const r = await runCli(['verify', path.join(dir, 'ft1'), '--key', k.pub, '--min-version', '1.1.0']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('ft@1.0.0 is below the minimum version 1.1.0');
    expect(r.stderr).toContain('[VERSION_BELOW_MINIMUM]');
    ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--min-version', '1.1.0']));
    expect((await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--min-version', 'one'])).code).toBe(2);
  });

  it('--state: remembers the highest version, refuses lower, passes equal, never records a failure', async () => {
    const state = path.join(dir, 'state.json');
    ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--state', state]));
    const st = JSON.parse(await readFile(state, 'utf8'));
    expect(st.models.ft.version).toBe('1.1.0');
    expect(st.models.ft.rootDigest).toBe(digests.ft2);
    const r = await runCli(['verify', path.join(dir, 'ft1'), '--key', k.pub, '--state', state]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('ft@1.0.0 is older than ft@1.1.0');
    expect(r.stderr).toContain('[VERSION_ROLLBACK]');
    ok(await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--state', state]));
    // A failed verification (untrusted key) records nothing.
    const other = path.join(dir, 'state2.json');
    expect((await runCli(['verify', path.join(dir, 'ft2'), '--key', evil.pub, '--state', other])).code).toBe(1);
    await expect(readFile(other)).rejects.toThrow();
    expect((await readdir(dir)).filter((n) => n.includes('state.json.'))).toEqual([]);
  });

  it.skipIf(INTEROP === undefined)('a model without a version (signed by model_signing) fails --min-version and --state', async () => {
    const mt = path.join(INTEROP!, 'model-transparency');
    for (const flag of [['--min-version', '1.0.0'], ['--state', path.join(dir, 'noversion-state.json')]]) {
      const r = await runCli(['verify', path.join(mt, 'v1.1.0-elliptic-key'), '--key', path.join(mt, 'keys', 'signing-key-pub.pem'), ...flag]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('carries no semver version');
      expect(r.stderr).toContain('[NO_VERSION]');
    }
  });

  it('--state under a file where its folder should be is a usage error (exit 2)', async () => {
    await writeFile(path.join(dir, 'not-a-dir'), 'x');
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--state', path.join(dir, 'not-a-dir', 'state.json')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('[STATE_WRITE_FAILED]');
  });

  it('--state: a corrupt state file fails closed (exit 1)', async () => {
    const state = path.join(dir, 'corrupt-state.json');
    await writeFile(state, '{"schema":"modelsign/state/v1","models":{"ft":{"version":"1.0.0"},"ft":{"version":"0.0.1"}}}');
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--state', state]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('[STATE_CORRUPT]');
  });

  it('--state: concurrent verifiers sharing the file all pass and every update survives', async () => {
    const state = path.join(dir, 'shared-state.json');
    const models: string[] = [];
    for (let i = 0; i < 4; i++) {
      const m = path.join(dir, `conc-${i}`);
      await mkdir(m);
      await writeFile(path.join(m, 'w.bin'), `model ${i}`);
      ok(await sign(m, ['--version', `1.${i}.0`, '--name', `conc-${i}`]));
      models.push(m);
    }
    const rs = await Promise.all([...models, path.join(dir, 'ft2'), path.join(dir, 'ft1')].map((m) => runCli(['verify', m, '--key', k.pub, '--state', state])));
    for (const r of rs.slice(0, 5)) expect(r.code, r.stderr).toBe(0);
    // ft@1.0.0 raced ft@1.1.0: it passes if it recorded first, else it is a refused rollback.
    const last = rs[5]!;
    if (last.code !== 0) {
      expect(last.code, last.stderr).toBe(1);
      expect(last.stderr).toContain('[VERSION_ROLLBACK]');
    }
    const st = JSON.parse(await readFile(state, 'utf8'));
    expect(Object.keys(st.models).sort()).toEqual(['conc-0', 'conc-1', 'conc-2', 'conc-3', 'ft']);
    expect(st.models['conc-3'].version).toBe('1.3.0');
    // Whichever order they ran in, the higher version is what remains.
    expect(st.models.ft.version).toBe('1.1.0');
    expect((await readdir(dir)).filter((n) => n.startsWith('shared-state.json.') || n.startsWith('.shared-state.json'))).toEqual([]);
  });
});

describe('revocation', () => {
  it('a revoked model exits 1 with the reason (with the store for a model with parents; alone for one without)', async () => {
    const list = path.join(dir, 'revoked-model.txt');
    await writeFile(list, `# withdrawn models\n\n${digests.ft2}   # CVE-2026-0001 backdoored weights\n${digests.base}  # withdrawn base\n`);
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', store, '--revoked', list]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`ft@1.1.0 (${digests.ft2}) is revoked: CVE-2026-0001 backdoored weights`);
    expect(r.stderr).toContain('[REVOKED]');
    // base has no parents: the list alone is a complete check.
    const b = await runCli(['verify', path.join(dir, 'base'), '--key', k.pub, '--revoked', list]);
    expect(b.code, b.stderr).toBe(1);
    expect(b.stderr).toBe(`modelsign: refused: base@1.0.0 (${digests.base}) is revoked: withdrawn base [REVOKED]\n`);
    const clean = path.join(dir, 'revoked-other.txt');
    await writeFile(clean, `${digests.ft2}\n`);
    ok(await runCli(['verify', path.join(dir, 'base'), '--key', k.pub, '--revoked', clean]));
  });

  it('a revoked ancestor exits 1 and names the link, at any depth', async () => {
    const list = path.join(dir, 'revoked-base.txt');
    await writeFile(list, `${digests.base!.toUpperCase().replace('SHA256', 'sha256')}\n`);
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--lineage', store, '--revoked', list]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`lineage link ft@1.0.0 -> base@1.0.0: ancestor ${digests.base} is revoked`);
  });

  it('--revoked without --lineage on a model with parents is a usage error (exit 2) naming both flags, before hashing', async () => {
    const list = path.join(dir, 'revoked-base2.txt');
    await writeFile(list, `${digests.base}\n`);
    const want = 'modelsign: error: --revoked needs --lineage DIR for this model: the model links 1 parent model(s): without a lineage store, the revocation list could be checked against its direct parents only, not their ancestors [REVOKED_NEEDS_LINEAGE]\n';
    // ft2's grandparent is the revoked one: a direct-parent check would have passed it.
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--revoked', list]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe(want);
    expect(r.stdout).toBe('');
    // -q does not hide it, and the list from the environment is held to the same rule.
    const q = await runCli(['-q', 'verify', path.join(dir, 'ft1'), '--key', k.pub], { env: { MODELSIGN_REVOKED: list } });
    expect(q.code, q.stderr).toBe(2);
    expect(q.stderr).toBe(want);
    const e = await runCli(['verify', path.join(dir, 'ft2')], { env: { MODELSIGN_KEY: k.pub, MODELSIGN_REVOKED: list } });
    expect(e.code, e.stderr).toBe(2);
    expect(e.stderr).toBe(want);
    // Refused before the files are read: a changed file is not what it reports.
    const changed = path.join(dir, 'ft2-changed');
    await cp(path.join(dir, 'ft2'), changed, { recursive: true });
    await writeFile(path.join(changed, 'adapter.bin'), 'changed');
    const c = await runCli(['verify', changed, '--key', k.pub, '--revoked', list]);
    expect(c.code, c.stderr).toBe(2);
    expect(c.stderr).toBe(want);
    // With the store (flag or environment) the whole ancestry is checked instead.
    const w = await runCli(['verify', path.join(dir, 'ft2')], { env: { MODELSIGN_KEY: k.pub, MODELSIGN_REVOKED: list, MODELSIGN_LINEAGE: store } });
    expect(w.code, w.stderr).toBe(1);
    expect(w.stderr).toContain(`lineage link ft@1.0.0 -> base@1.0.0: ancestor ${digests.base} is revoked [REVOKED]`);
  });

  it("a policy's revoked list on a model with parents and no store already fails closed (exit 1, POLICY_LINEAGE_UNKNOWN)", async () => {
    const policy = path.join(dir, 'revoking-policy.yaml');
    await writeFile(policy, `apiVersion: modelsign/v1\nrevoked: ["${digests.base}"]\n`);
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--policy', policy]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('[POLICY_LINEAGE_UNKNOWN]');
    const w = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--policy', policy, '--lineage', store]);
    expect(w.code, w.stderr).toBe(1);
    expect(w.stderr).toContain('[POLICY_REVOKED]');
  });

  it('a malformed revocation list is a usage error (exit 2)', async () => {
    const list = path.join(dir, 'revoked-bad.txt');
    await writeFile(list, 'sha256:abc\n');
    const r = await runCli(['verify', path.join(dir, 'ft2'), '--key', k.pub, '--revoked', list]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('line 1 is not sha256:<64 hex>');
  });
});

describe('docs/lineage.md examples run as written, and its samples are what modelsign prints', () => {
  let work: string;
  const cmd = (argv: string[], cwd = work) => runCli(argv.slice(1), { cwd });
  /** The sample block whose text starts with `start`. */
  const sample = async (start: string) => {
    const b = (await docBlocks('lineage.md')).find((x) => x.text.startsWith(start));
    if (!b) throw new Error(`docs/lineage.md has no sample starting with ${start}`);
    return b.text.replace(/\n$/, '');
  };

  beforeAll(async () => {
    work = await tmpDir('modelsign-lineage-doc-');
    await mkdir(path.join(work, 'keys'));
    ok(await runCli(['keygen', '--out', 'keys/release', '--type', 'ed25519', '--unencrypted'], { cwd: work }));
    for (const [m, content] of [['llama', 'base weights'], ['llama-chat', 'chat weights'], ['llama-chat-v2', 'chat weights v2']]) {
      await mkdir(path.join(work, m!));
      await writeFile(path.join(work, m!, 'model.safetensors'), content!);
    }
    await writeFile(path.join(work, 'revoked.txt'), `# withdrawn 2026-03\nsha256:${'3f2a'.repeat(16)}   # CVE-2026-1234: backdoored adapter\n`);
  });

  it('the quick example: every command exits 0; the trees are the samples', async () => {
    const lines = await docExamples('lineage.md', 'quick');
    expect(lines.map((l) => l.argv.slice(0, 2).join(' '))).toEqual(['modelsign sign', 'modelsign sign', 'modelsign sign', 'modelsign verify', 'modelsign lineage', 'modelsign lineage']);
    const results: CliResult[] = [];
    for (const { line, argv } of lines) {
      const r = await cmd(argv.map((a) => (a === '/var/lib/modelsign/state.json' ? path.join(work, 'state.json') : a)));
      expect(r.code, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
      results.push(r);
    }
    const trusted = results[4]!.stdout.replace(/\n$/, '');
    expect(matchesSample(await sample('llama-chat@1.1.0  sha256:5bef...  signer: ed25519 key sha256:4c02...  license: llama3  verified\n└─ finetune of llama-chat@1.0.0  sha256:dc0a...  signer: ed25519 key sha256:4c02...  license: llama3  verified\n   └─'), trusted), trusted).toBe(true);
    const untrusted = results[5]!.stdout.replace(/\n$/, '');
    expect(matchesSample(await sample('llama-chat@1.1.0  sha256:5bef...  signer: not checked'), untrusted), untrusted).toBe(true);
    expect(results[5]!.stderr).toContain('nothing is verified');
  });

  it('the missing-ancestor and revoked samples are what lineage and verify print for the quick example', async () => {
    const store = path.join(work, 'manifests-missing');
    await cp(path.join(work, 'manifests'), store, { recursive: true });
    await rm(await storeFile(store, 'llama-chat@1.0.0'));
    const m = await runCli(['lineage', './llama-chat-v2', '--lineage', store, '--key', 'keys/release.pub'], { cwd: work });
    expect(m.code, m.stderr).toBe(1);
    const shown = m.stdout.split('\n').slice(0, 2).join('\n');
    expect(matchesSample(await sample('llama-chat@1.1.0  sha256:5bef...  signer: ed25519 key sha256:4c02...  license: llama3  verified\n└─ finetune of llama-chat@1.0.0  sha256:dc0a...  signer: unknown'), shown), shown).toBe(true);
    const llama = ok(await runCli(['digest', 'llama'], { cwd: work })).stdout.trim();
    await writeFile(path.join(work, 'revoked-llama.txt'), `${llama}   # CVE-2026-1234: backdoored adapter\n`);
    const r = await runCli(['verify', './llama-chat-v2', '--key', 'keys/release.pub', '--lineage', 'manifests', '--revoked', 'revoked-llama.txt'], { cwd: work });
    expect(r.code, r.stderr).toBe(1);
    expect(matchesSample(await sample('modelsign: refused: lineage link llama-chat@1.0.0 -> llama@1.0.0: ancestor'), r.stderr.replace(/\n$/, '')), r.stderr).toBe(true);
    // The same list without --lineage: the usage error the doc shows.
    const u = await runCli(['verify', './llama-chat-v2', '--key', 'keys/release.pub', '--revoked', 'revoked-llama.txt'], { cwd: work });
    expect(u.code, u.stderr).toBe(2);
    expect(u.stderr).toBe(`${await sample('modelsign: error: --revoked needs --lineage DIR')}\n`);
  });

  it('the lineage add example files the signature under the name the fast path finds', async () => {
    const d = path.join(work, 'add-example');
    await mkdir(path.join(d, 'llama'), { recursive: true });
    await mkdir(path.join(d, 'sigs'));
    await cp(path.join(work, 'keys'), path.join(d, 'keys'), { recursive: true });
    await writeFile(path.join(d, 'llama', 'model.safetensors'), 'base weights');
    for (const { line, argv } of await docExamples('lineage.md', 'add')) {
      const r = await cmd(argv, d);
      expect(r.code, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
    }
    const hex = ok(await runCli(['digest', 'llama'], { cwd: d })).stdout.trim().slice(7);
    expect(await readdir(path.join(d, 'manifests'))).toEqual([`llama@1.0.0.${hex}.sig`]);
  });

  it('the store note and the missing-ancestor message are the samples', async () => {
    const d = path.join(work, 'store-samples');
    await mkdir(path.join(d, 'sigs'), { recursive: true });
    for (const [m, content] of [['base', 'base'], ['ft', 'ft'], ['other', 'other']]) {
      await mkdir(path.join(d, m!));
      await writeFile(path.join(d, m!, 'w.bin'), content!);
    }
    const key = path.join(work, 'keys', 'release.key');
    ok(await runCli(['sign', 'base', '--key', key, '--version', '1.0.0', '--signature', 'sigs/base.sig'], { cwd: d }));
    ok(await runCli(['sign', 'ft', '--key', key, '--version', '1.0.0', '--parent', 'sigs/base.sig'], { cwd: d }));
    await writeFile(path.join(d, 'sigs', 'README.md'), '# signatures\n');
    await symlink('/etc/hostname', path.join(d, 'sigs', 'evil.sig'));
    const pub = path.join(work, 'keys', 'release.pub');
    const r = ok(await runCli(['verify', 'ft', '--key', pub, '--lineage', 'sigs'], { cwd: d }));
    expect(r.stderr).toBe(`${await sample('modelsign: note: lineage store sigs:')}\n`);
    // The base's bundle moved out of the store, only a link to it left: not found, and said why.
    await rm(path.join(d, 'sigs', 'README.md'));
    await cp(path.join(d, 'sigs', 'base.sig'), path.join(d, 'base.sig'));
    await rm(path.join(d, 'sigs', 'base.sig'));
    await rm(path.join(d, 'sigs', 'evil.sig'));
    await symlink(path.join(d, 'base.sig'), path.join(d, 'sigs', 'evil.sig'));
    ok(await runCli(['sign', 'other', '--key', key, '--version', '1.0.0', '--signature', 'sigs/other.sig'], { cwd: d }));
    const m = await runCli(['verify', 'ft', '--key', pub, '--lineage', 'sigs'], { cwd: d });
    expect(m.code, m.stderr).toBe(1);
    const refused = m.stderr.split('\n').find((l) => l.includes('refused:'))!;
    expect(matchesSample(await sample('modelsign: refused: lineage link ft@1.0.0 -> base@1.0.0'), refused), refused).toBe(true);
  });
});
