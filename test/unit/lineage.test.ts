/**
 * Library-level checks of the lineage pieces whose failure modes are hard to reach through
 * the CLI: concurrent state updates in one process, lock handling, the depth limit, and the
 * revocation and --dataset parsers the policy feature reuses.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { keySigner, signModel } from '../../src/sign/sign.js';
import { generateKeyPair } from '../../src/keys/keyfile.js';
import { keyTrust } from '../../src/verify/trust-key.js';
import { verifyModel as verify } from '../../src/verify/pipeline.js';
import { lineageStage, checkRevoked, parseDatasetFlag, parseRevokedList, readState, recordVerified, openStore, walkLineage, loadParents, buildLineageMeta, recordBundle, parseLineageMeta } from '../../src/lineage/index.js';
import { ModelsignError } from '../../src/errors.js';
import { LineageStore } from '../../src/lineage/store.js';
import { cleanupTmp, tmpDir, type Json } from '../helpers/cli.js';

afterAll(cleanupTmp);

describe('anti-rollback state file', () => {
  it('keeps every update when many verifiers record at once (lock + re-read + rename)', async () => {
    const dir = await tmpDir();
    const file = path.join(dir, 'state.json');
    const names = Array.from({ length: 24 }, (_, i) => `m${i}`);
    const results = await Promise.all(names.map((n, i) => recordVerified(file, { name: n, version: `1.${i}.0` })));
    expect(results.every((r) => r === undefined)).toBe(true);
    const st = await readState(file);
    expect([...st.keys()].sort()).toEqual([...names].sort());
    expect(st.get('m23')!.version).toBe('1.23.0');
    expect((await readdir(dir)).sort()).toEqual(['state.json']);
  });

  it('keeps the highest version of one name under concurrent updates, and refuses a lower one', async () => {
    const dir = await tmpDir();
    const file = path.join(dir, 'state.json');
    const versions = ['1.0.0', '3.0.0', '2.0.0', '1.5.0', '2.9.9'];
    await Promise.all(versions.map((v) => recordVerified(file, { name: 'x', version: v })));
    expect((await readState(file)).get('x')!.version).toBe('3.0.0');
    expect(await recordVerified(file, { name: 'x', version: '2.0.0' })).toMatchObject({ code: 'VERSION_ROLLBACK' });
    expect(await recordVerified(file, { name: 'x', version: '3.0.0' })).toBeUndefined();
  });

  it('waits a bounded time for a held lock, and breaks a stale one', async () => {
    const dir = await tmpDir();
    const file = path.join(dir, 'state.json');
    await writeFile(`${file}.lock`, '1\n');
    const t0 = Date.now();
    const err = await recordVerified(file, { name: 'x', version: '1.0.0' }, { lockTimeoutMs: 300 }).catch((e) => e);
    expect(err).toBeInstanceOf(ModelsignError);
    expect(err.code).toBe('STATE_LOCKED');
    expect(Date.now() - t0).toBeLessThan(5000);
    const old = new Date(Date.now() - 120_000);
    await utimes(`${file}.lock`, old, old);
    expect(await recordVerified(file, { name: 'x', version: '1.0.0' }, { lockTimeoutMs: 300, staleLockMs: 60_000 })).toBeUndefined();
    expect((await readState(file)).get('x')!.version).toBe('1.0.0');
  });
});

describe('walk limits', () => {
  it('refuses an ancestry deeper than the depth limit, naming the link', async () => {
    const dir = await tmpDir();
    const store = path.join(dir, 'store');
    const { privateKey, publicKey } = generateKeyPair('ed25519');
    const signer = keySigner(privateKey, publicKey);
    const trust = [keyTrust(publicKey, 'test key')];
    let parentSig: string | undefined;
    let last: { name: string; version: string; rootDigest: string; lineage: Json } | undefined;
    for (let i = 0; i < 4; i++) {
      const m = path.join(dir, `m${i}`);
      await mkdir(m);
      await writeFile(path.join(m, 'w.bin'), `weights ${i}`);
      const parents = parentSig ? await loadParents([parentSig], trust) : [];
      const lineage = buildLineageMeta({ parents, relations: parents.map(() => 'finetune'), datasets: [], childName: 'chain', childVersion: `1.${i}.0` });
      const r = await signModel({ model: m, signer, version: `1.${i}.0`, name: 'chain', ...(lineage ? { extraMetadata: { lineage: lineage as Json } } : {}) });
      await recordBundle(store, { name: 'chain', version: `1.${i}.0`, rootDigest: r.rootDigest }, Buffer.from(r.bundleText));
      parentSig = r.signaturePath;
      last = { name: 'chain', version: `1.${i}.0`, rootDigest: `sha256:${r.rootDigest}`, lineage };
    }
    const root = { ...last!, license: undefined, signer: 'test', lineage: parseLineageMeta(last!.lineage) };
    const full = await walkLineage({ root, store: await openStore(store), trust });
    expect(full.failures).toEqual([]);
    expect(full.ancestors.map((a) => a.version)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    const limited = await walkLineage({ root, store: await openStore(store), trust, maxDepth: 2 });
    expect(limited.failures).toHaveLength(1);
    expect(limited.failures[0]!.code).toBe('LINEAGE_TOO_DEEP');
    expect(limited.failures[0]!.message).toContain('lineage link chain@1.1.0 -> chain@1.0.0');
  });
});

describe('version order at verify time', () => {
  it('a link to a same-name parent with a higher version (made without the sign check) is refused', async () => {
    const dir = await tmpDir();
    const store = path.join(dir, 'store');
    const { privateKey, publicKey } = generateKeyPair('ecdsa-p256');
    const signer = keySigner(privateKey, publicKey);
    const trust = [keyTrust(publicKey, 'test key')];
    const newer = path.join(dir, 'newer');
    const older = path.join(dir, 'older');
    await mkdir(newer);
    await mkdir(older);
    await writeFile(path.join(newer, 'w.bin'), 'v2');
    await writeFile(path.join(older, 'w.bin'), 'v1');
    const r2 = await signModel({ model: newer, signer, version: '2.0.0', name: 'm' });
    await recordBundle(store, { name: 'm', version: '2.0.0', rootDigest: r2.rootDigest }, Buffer.from(r2.bundleText));
    const [p] = await loadParents([r2.signaturePath], trust);
    const lineage = { parents: [{ name: 'm', version: '2.0.0', rootDigest: p!.verified.rootDigest, bundleDigest: p!.verified.bundleDigest, relation: 'finetune' }] };
    const r1 = await signModel({ model: older, signer, version: '1.0.0', name: 'm', extraMetadata: { lineage } });
    const w = await walkLineage({ root: { name: 'm', version: '1.0.0', license: undefined, rootDigest: `sha256:${r1.rootDigest}`, signer: 'test', lineage: parseLineageMeta(lineage) }, store: await openStore(store), trust });
    expect(w.failures.map((f) => f.code)).toEqual(['LINEAGE_VERSION_ORDER']);
    expect(w.failures[0]!.message).toContain('lineage link m@1.0.0 -> m@2.0.0');
    expect(w.ancestors[0]!.verified).toBe(false);
  });
});

describe('link contents and the link budget', () => {
  it('a link whose name or version differs from the ancestor\'s signed metadata is refused', async () => {
    const dir = await tmpDir();
    const store = path.join(dir, 'store');
    const { privateKey, publicKey } = generateKeyPair('ed25519');
    const signer = keySigner(privateKey, publicKey);
    const trust = [keyTrust(publicKey, 'test key')];
    const m = path.join(dir, 'p');
    await mkdir(m);
    await writeFile(path.join(m, 'w.bin'), 'parent');
    const r = await signModel({ model: m, signer, version: '1.0.0', name: 'real-name' });
    await recordBundle(store, { name: 'real-name', version: '1.0.0', rootDigest: r.rootDigest }, Buffer.from(r.bundleText));
    const [p] = await loadParents([r.signaturePath], trust);
    const lineage = parseLineageMeta({ parents: [{ name: 'claimed-name', version: '1.0.0', rootDigest: p!.verified.rootDigest, bundleDigest: p!.verified.bundleDigest, relation: 'distill' }] });
    const w = await walkLineage({ root: { name: 'child', version: '1.0.0', license: undefined, rootDigest: 'sha256:' + 'e'.repeat(64), signer: 'test', lineage }, store: await openStore(store), trust });
    expect(w.failures.map((f) => f.code)).toEqual(['LINEAGE_LINK_MISMATCH']);
    expect(w.failures[0]!.message).toContain("lineage link child@1.0.0 -> claimed-name@1.0.0");
    expect(w.failures[0]!.message).toContain('says real-name@1.0.0');
  });

  it('stops a diamond-merge explosion at the link budget', async () => {
    // 12 levels of two models, each merging both models of the level below: 2^12 paths.
    const dir = await tmpDir();
    const store = path.join(dir, 'store');
    const { privateKey, publicKey } = generateKeyPair('ed25519');
    const signer = keySigner(privateKey, publicKey);
    const trust = [keyTrust(publicKey, 'test key')];
    let below: string[] = [];
    let top: Json;
    for (let level = 0; level < 12; level++) {
      const sigs: string[] = [];
      for (const side of ['a', 'b']) {
        const m = path.join(dir, `l${level}${side}`);
        await mkdir(m);
        await writeFile(path.join(m, 'w.bin'), `${level}${side}`);
        const parents = below.length ? await loadParents(below, trust) : [];
        const lineage = buildLineageMeta({ parents, relations: parents.map(() => 'merge'), datasets: [], childName: `l${level}${side}`, childVersion: '1.0.0' });
        const r = await signModel({ model: m, signer, version: '1.0.0', name: `l${level}${side}`, ...(lineage ? { extraMetadata: { lineage: lineage as Json } } : {}) });
        await recordBundle(store, { name: `l${level}${side}`, version: '1.0.0', rootDigest: r.rootDigest }, Buffer.from(r.bundleText));
        sigs.push(r.signaturePath);
        top = { name: `l${level}${side}`, version: '1.0.0', license: undefined, rootDigest: `sha256:${r.rootDigest}`, signer: 'test', lineage: parseLineageMeta(lineage as Json) };
      }
      below = sigs;
    }
    const w = await walkLineage({ root: top, store: await openStore(store), trust });
    expect(w.failures.map((f) => f.code)).toEqual(['LINEAGE_TOO_LARGE']);
    expect(w.ancestors.length).toBeLessThanOrEqual(1024);
  });
});

describe('the model\'s own lineage record', () => {
  it('a malformed record in a validly signed model fails verify with LINEAGE_MALFORMED', async () => {
    const dir = await tmpDir();
    const m = path.join(dir, 'm');
    await mkdir(m);
    await writeFile(path.join(m, 'w.bin'), 'x');
    await mkdir(path.join(dir, 'store'));
    const { privateKey, publicKey } = generateKeyPair('ed25519');
    await signModel({ model: m, signer: keySigner(privateKey, publicKey), version: '1.0.0', extraMetadata: { lineage: { parents: [{ name: 'p', version: '1.0.0' }] } } });
    const r = await verify({ model: m, trust: [keyTrust(publicKey, 'k')], stages: [lineageStage({ store: await openStore(path.join(dir, 'store')) })] });
    expect(r.verified).toBe(false);
    expect(r.failures.map((f) => f.code)).toEqual(['LINEAGE_MALFORMED']);
    expect(r.failures[0]!.message).toContain('parents[0].rootDigest must be sha256:');
  });
});

describe('a revocation list without a store', () => {
  it('is refused for a model with parents before any file is read (usage, REVOKED_NEEDS_LINEAGE); a model without parents is checked', async () => {
    const dir = await tmpDir();
    const { privateKey, publicKey } = generateKeyPair('ed25519');
    const signer = keySigner(privateKey, publicKey);
    const parent = path.join(dir, 'parent');
    await mkdir(parent);
    await writeFile(path.join(parent, 'w.bin'), 'p');
    const p = await signModel({ model: parent, signer, version: '1.0.0', name: 'p' });
    const child = path.join(dir, 'child');
    await mkdir(child);
    await writeFile(path.join(child, 'w.bin'), 'c');
    const link = { name: 'p', version: '1.0.0', rootDigest: `sha256:${p.rootDigest}`, bundleDigest: 'sha256:' + 'b'.repeat(64), relation: 'finetune' };
    await signModel({ model: child, signer, version: '1.0.0', extraMetadata: { lineage: { parents: [link] } } });
    const revoked = parseRevokedList(`sha256:${p.rootDigest}\n`);
    let read = false;
    const err = await verify({ model: child, trust: [keyTrust(publicKey, 'k')], stages: [lineageStage({ revoked })], onHashed: () => { read = true; } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelsignError);
    expect(err).toMatchObject({ code: 'REVOKED_NEEDS_LINEAGE', kind: 'usage' });
    expect(read).toBe(false);
    const r = await verify({ model: parent, trust: [keyTrust(publicKey, 'k')], stages: [lineageStage({ revoked })] });
    expect(r.failures.map((f) => f.code)).toEqual(['REVOKED']);
  });
});

describe('revocation list and dataset flags', () => {
  it('parses digests, comments and reasons; checkRevoked matches prefixed or bare digests', () => {
    const a = 'sha256:' + 'a'.repeat(64);
    const b = 'sha256:' + 'b'.repeat(64);
    const l = parseRevokedList(`# header\n\n  ${a.toUpperCase().replace('SHA256', 'sha256')}  # poisoned\r\n${b}\n`);
    expect([...l.digests]).toEqual([a, b]);
    expect(l.reasons.get(a)).toBe('poisoned');
    expect(l.reasons.has(b)).toBe(false);
    expect(checkRevoked(['c'.repeat(64), b, 'a'.repeat(64), b], l.digests)).toEqual([b, a]);
    expect(checkRevoked([a], new Set(['a'.repeat(64)]))).toEqual([a]);
    expect(() => parseRevokedList(`${a}\nnot-a-digest\n`)).toThrow(/line 2/);
  });

  it('splits --dataset only at a trailing =sha256:DIGEST', () => {
    const d = 'sha256:' + 'c'.repeat(64);
    expect(parseDatasetFlag('s3://b/k?x=1')).toEqual({ uri: 's3://b/k?x=1' });
    expect(parseDatasetFlag(`s3://b/k?x=1=${d.toUpperCase().replace('SHA256', 'sha256')}`)).toEqual({ uri: 's3://b/k?x=1', digest: d });
    expect(() => parseDatasetFlag('=' + d)).toThrow(/non-empty URI/);
    expect(() => parseDatasetFlag('x=sha256:12')).toThrow(/digest must be/);
  });

  it('reads lineage records strictly', () => {
    const p = { name: 'b', version: '1.0.0', rootDigest: 'sha256:' + 'a'.repeat(64), bundleDigest: 'sha256:' + 'b'.repeat(64), relation: 'merge' };
    expect(parseLineageMeta({ parents: [p] })).toEqual({ parents: [p] });
    for (const bad of [{ parents: [{ ...p, more: 1 }] }, { parents: [p], x: 1 }, { parents: 'no' }, { parents: [{ ...p, relation: 'fork' }] }, { parents: [{ ...p, version: 'v1.0.0' }] }, { parents: [{ ...p, rootDigest: p.rootDigest.toUpperCase() }] }, { parents: Array(65).fill(p) }]) {
      expect(() => parseLineageMeta(bad as Json)).toThrow(ModelsignError);
    }
  });
});

describe('the content index', () => {
  it('stops at its time limit: files not reached are skipped, and a digest not found says the store is too large', async () => {
    const d = await tmpDir('modelsign-store-time-');
    for (const n of ['a.sig', 'b.sig']) await writeFile(path.join(d, n), '{}');
    const store = new LineageStore(d, d, -1);
    expect(await store.find(`sha256:${'1'.repeat(64)}`)).toEqual([]);
    expect(store.skippedEntries()).toEqual([
      { name: 'a.sig', reason: 'not read: over the content index limit of 10000 files, 128 MiB or -0.001 s' },
      { name: 'b.sig', reason: 'not read: over the content index limit of 10000 files, 128 MiB or -0.001 s' },
    ]);
    expect(store.explainMissing(`sha256:${'1'.repeat(64)}`).code).toBe('LINEAGE_STORE_TOO_LARGE');
  });

  it('a reopened store starts afresh: nothing skipped, listed or read by an earlier walk carries over', async () => {
    const d = await tmpDir('modelsign-store-reopen-');
    await writeFile(path.join(d, 'junk.sig'), 'not a bundle');
    const store = new LineageStore(d);
    await store.find(`sha256:${'2'.repeat(64)}`);
    expect(store.notices()).toHaveLength(1);
    const again = store.reopen();
    expect(again.notices()).toEqual([]);
    expect(again.skippedEntries()).toEqual([]);
    // A bundle filed since is seen by the reopened store's listing.
    await writeFile(path.join(d, 'late.sig'), 'still not a bundle');
    await again.find(`sha256:${'2'.repeat(64)}`);
    expect(again.skippedEntries().map((e) => e.name)).toEqual(['junk.sig', 'late.sig']);
  });
});
