/**
 * Hostile inputs, end to end through the built CLI: one regression test per refusal case.
 * Payloads are signed correctly with a real key (test/helpers/craft.ts), so every
 * refusal here is the verifier distrusting *content*, not a bad signature.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, makeHfModel, runCli, tmpDir, type CliResult } from '../helpers/cli.js';
import { craftStatement, makeKey, sha256hex, signPayload, writeSigned, type TestKey } from '../helpers/craft.js';
import { expectCleanError, json } from '../helpers/verify-json.js';

function codes(r: CliResult): string[] {
  return json(r).failures.map((f) => f.code);
}

let work: string;
let key: TestKey;
let other: TestKey;
/** A file outside every model whose digest hostile signatures list. */
let sentinel: string;
let sentinelDigest: string;

beforeAll(async () => {
  work = await tmpDir('modelsign-hostile-');
  key = await makeKey(work, 'trusted');
  other = await makeKey(work, 'other');
  sentinel = path.join(work, 'sentinel.bin');
  await writeFile(sentinel, 'secret outside the model\n');
  sentinelDigest = sha256hex(await readFile(sentinel));
});
afterAll(cleanupTmp);

/** A model directory with one file, ok.bin. */
async function smallModel(name: string): Promise<{ dir: string; okDigest: string }> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  const data = bytes(1000, 7);
  await writeFile(path.join(dir, 'ok.bin'), data);
  return { dir, okDigest: sha256hex(data) };
}

async function verifyJson(model: string, extra: string[] = [], k: TestKey = key): Promise<CliResult> {
  return runCli(['verify', model, '--key', k.pubFile, '--json', ...extra], { timeoutMs: 30_000 });
}

describe('crafted signatures: the machinery itself', () => {
  it('a correctly signed crafted statement over safe names verifies (exit 0)', async () => {
    const { dir, okDigest } = await smallModel('control');
    await writeSigned(path.join(dir, 'model.sig'), craftStatement([{ name: 'ok.bin', digest: okDigest }]), key);
    const r = await verifyJson(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).verified).toBe(true);
  });
});

describe('hostile resource names in a correctly signed payload', () => {
  const cases: { title: string; names: (s: string) => string[]; code: string; reason: RegExp }[] = [
    { title: 'absolute path to a file outside', names: (s) => [s], code: 'UNSAFE_NAME', reason: /absolute path/ },
    { title: '".." climbing out', names: () => ['../sentinel.bin'], code: 'UNSAFE_NAME', reason: /"\.\." segment/ },
    { title: '".." in the middle', names: () => ['sub/../../sentinel.bin'], code: 'UNSAFE_NAME', reason: /"\.\." segment/ },
    { title: 'empty segment', names: () => ['sub//x.bin'], code: 'UNSAFE_NAME', reason: /empty path segment/ },
    { title: 'trailing slash (empty last segment)', names: () => ['ok.bin/'], code: 'UNSAFE_NAME', reason: /empty path segment/ },
    { title: '"." segment', names: () => ['./ok.bin'], code: 'UNSAFE_NAME', reason: /"\." segment/ },
    { title: 'backslash', names: () => ['..\\sentinel.bin'], code: 'UNSAFE_NAME', reason: /backslash/ },
    { title: 'NUL byte', names: () => ['ok.bin\u0000../../sentinel.bin'], code: 'UNSAFE_NAME', reason: /control character/ },
    { title: 'drive letter', names: () => ['C:sentinel.bin'], code: 'UNSAFE_NAME', reason: /drive-letter/ },
    { title: 'empty name', names: () => [''], code: 'UNSAFE_NAME', reason: /empty name/ },
    { title: 'segment of dots and spaces (".." once Windows trims it)', names: () => ['.. /sentinel.bin'], code: 'UNSAFE_NAME', reason: /only dots and spaces/ },
    // A lone surrogate cannot be encoded: the file system would be asked for U+FFFD instead
    // (another name). Python's surrogateescape writes one for a file name that is not UTF-8.
    { title: 'lone UTF-16 surrogate', names: () => ['ok\udcff.bin'], code: 'UNSAFE_NAME', reason: /lone UTF-16 surrogate/ },
  ];
  for (const c of cases) {
    it(`${c.title} -> exit 1 ${c.code}, the outside file with the signed digest does not make it pass`, async () => {
      const { dir, okDigest } = await smallModel(`names-${c.title.replace(/\W+/g, '-')}`);
      const resources = [{ name: 'ok.bin', digest: okDigest }, ...c.names(sentinel).map((name) => ({ name, digest: sentinelDigest }))];
      await writeSigned(path.join(dir, 'model.sig'), craftStatement(resources), key);
      const r = await verifyJson(dir);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const f = json(r).failures.find((x) => x.code === c.code);
      expect(f, r.stdout).toBeDefined();
      expect(f!.message).toMatch(c.reason);
      expectCleanError(r);
      // The text form names the refusal in one line.
      const t = await runCli(['verify', dir, '--key', key.pubFile]);
      expect(t.code).toBe(1);
      expect(t.stderr).toMatch(new RegExp(`^modelsign: refused: .*\\[${c.code}\\]\\n$`));
    });
  }

  it('shard names climbing out ("../x:0:N") -> exit 1 UNSAFE_NAME', async () => {
    const { dir } = await smallModel('names-shard');
    const size = (await readFile(sentinel)).length;
    const st = craftStatement([{ name: `../sentinel.bin:0:${size}`, digest: sentinelDigest }], { method: 'shards', shard_size: 1 << 20 });
    await writeSigned(path.join(dir, 'model.sig'), st, key);
    const r = await verifyJson(dir, ['--ignore-unsigned-files']);
    expect(r.code).toBe(1);
    expect(codes(r)).toContain('UNSAFE_NAME');
  });

  it('200,000 shard names that are not "path:start:end" -> exit 1 UNSAFE_NAME, never a stack overflow', async () => {
    const { dir } = await smallModel('names-shard-many');
    const res = Array.from({ length: 200_000 }, (_, i) => ({ name: `f${i}`, digest: sentinelDigest }));
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(res, { method: 'shards', shard_size: 1 << 20 }), key);
    const r = await verifyJson(dir);
    expectCleanError(r);
    expect(r.code).toBe(1);
    const c = codes(r);
    expect(c).toHaveLength(200_001); // each name, and the unsigned ok.bin
    expect(new Set(c)).toEqual(new Set(['UNSAFE_NAME', 'FILE_UNEXPECTED']));
  });

  it('a name listed twice -> exit 1 DUPLICATE_NAME', async () => {
    const { dir, okDigest } = await smallModel('names-dup');
    await writeSigned(path.join(dir, 'model.sig'), craftStatement([{ name: 'ok.bin', digest: okDigest }, { name: 'ok.bin', digest: okDigest }]), key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['DUPLICATE_NAME']);
  });

  it('names that collide after Unicode normalisation (NFC vs NFD) -> exit 1 NAME_COLLISION, both files present and correct', async () => {
    const { dir, okDigest } = await smallModel('names-nfc');
    const nfc = 'caf\u00e9.json';
    const nfd = 'cafe\u0301.json';
    await writeFile(path.join(dir, nfc), 'A');
    await writeFile(path.join(dir, nfd), 'B');
    const res = [
      { name: nfd, digest: sha256hex('B') },
      { name: nfc, digest: sha256hex('A') },
      { name: 'ok.bin', digest: okDigest },
    ];
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(res), key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    const f = json(r).failures;
    expect(f.map((x) => x.code)).toEqual(['NAME_COLLISION']);
    expect(f[0]!.message).toMatch(/Unicode normalisation/);
  });

  it('names that collide on a case-insensitive file system -> exit 1 NAME_COLLISION', async () => {
    const { dir, okDigest } = await smallModel('names-case');
    await writeFile(path.join(dir, 'Config.json'), '{"a":1}');
    await writeFile(path.join(dir, 'config.json'), '{"a":2}');
    const res = [
      { name: 'Config.json', digest: sha256hex('{"a":1}') },
      { name: 'config.json', digest: sha256hex('{"a":2}') },
      { name: 'ok.bin', digest: okDigest },
    ];
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(res), key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    const f = json(r).failures;
    expect(f.map((x) => x.code)).toEqual(['NAME_COLLISION']);
    expect(f[0]!.message).toMatch(/case-insensitive/);
  });

  it('an unsigned file whose name folds to a signed one, accepted by --ignore-unsigned-files otherwise -> exit 1 NAME_COLLISION', async () => {
    const { dir, okDigest } = await smallModel('names-unsigned-case');
    await writeFile(path.join(dir, 'OK.BIN'), 'other bytes');
    await writeFile(path.join(dir, 'extra.txt'), 'unsigned and harmless');
    await writeSigned(path.join(dir, 'model.sig'), craftStatement([{ name: 'ok.bin', digest: okDigest }]), key);
    const r = await verifyJson(dir, ['--ignore-unsigned-files']);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'NAME_COLLISION', path: 'OK.BIN', message: 'unsigned file collides with signed file "ok.bin" on a case-insensitive or normalising file system' }]);
  });

  it('shard names whose file parts collide on a case-insensitive file system (W.bin:0:5, w.bin:0:6) -> exit 1 NAME_COLLISION', async () => {
    const { dir, okDigest } = await smallModel('names-shards-case');
    await writeFile(path.join(dir, 'W.bin'), 'AAAAA');
    await writeFile(path.join(dir, 'w.bin'), 'BBBBBB');
    const res = [
      { name: 'W.bin:0:5', digest: sha256hex('AAAAA') },
      { name: 'ok.bin:0:1000', digest: okDigest },
      { name: 'w.bin:0:6', digest: sha256hex('BBBBBB') },
    ];
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(res, { method: 'shards', shard_size: 1000 }), key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    const f = json(r).failures;
    expect(f).toEqual([{ code: 'NAME_COLLISION', path: 'w.bin:0:6', message: 'collides with "W.bin" on a case-insensitive file system' }]);
  });

  it('shard names whose file parts are equal after NFC -> exit 1 NAME_COLLISION; shards of one file never collide with each other', async () => {
    const { dir } = await smallModel('names-shards-nfc');
    const nfc = 'caf\u00e9.bin';
    const nfd = 'cafe\u0301.bin';
    await writeFile(path.join(dir, nfc), 'AAAAAAAA');
    await writeFile(path.join(dir, nfd), 'B');
    const res = [
      { name: `${nfc}:0:4`, digest: sha256hex('AAAA') },
      { name: `${nfc}:4:8`, digest: sha256hex('AAAA') },
      { name: `${nfd}:0:1`, digest: sha256hex('B') },
    ];
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(res, { method: 'shards', shard_size: 4 }), key);
    const r = await verifyJson(dir, ['--ignore-unsigned-files']);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'NAME_COLLISION', path: `${nfd}:0:1`, message: `collides with "${nfc}" after Unicode normalisation` }]);
  });

  it('control: several shards of one file, and distinct files, verify under the shards method', async () => {
    const { dir, okDigest } = await smallModel('names-shards-ok');
    await writeFile(path.join(dir, 'W.bin'), 'AAAAAAAA');
    const res = [
      { name: 'W.bin:0:4', digest: sha256hex('AAAA') },
      { name: 'W.bin:4:8', digest: sha256hex('AAAA') },
      { name: 'ok.bin:0:1000', digest: okDigest },
    ];
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(res, { method: 'shards', shard_size: 4 }), key);
    const r = await verifyJson(dir, ['--ignore-unsigned-files']);
    expect(r.code, r.stdout).toBe(0);
  });

  it('a signed name under a signed ignore path that runs through a symlink out of the model -> exit 1, the outside file is not read', async () => {
    // The one route where verify looks a signed path up directly (ignored paths are not
    // walked): a directory link leaving the model must not be followed, even when the
    // signature allows symlinks.
    const { dir, okDigest } = await smallModel('names-ignored-link');
    await symlink(work, path.join(dir, 'cache'));
    const st = craftStatement(
      [
        { name: 'cache/sentinel.bin', digest: sentinelDigest },
        { name: 'ok.bin', digest: okDigest },
      ],
      { allow_symlinks: true, ignore_paths: ['model.sig', 'cache'] },
    );
    await writeSigned(path.join(dir, 'model.sig'), st, key);
    const r = await verifyJson(dir);
    expect(r.code, r.stdout).toBe(1);
    expect(codes(r)).toEqual(['SYMLINK_OUTSIDE']);
  });
  it('control: a signed name under an ignored path through a link that stays inside verifies when links are allowed', async () => {
    const { dir, okDigest } = await smallModel('names-ignored-link-inside');
    await mkdir(path.join(dir, 'real'));
    await writeFile(path.join(dir, 'real', 'w.bin'), 'inside');
    await symlink('real', path.join(dir, 'cache'));
    const res = [
      { name: 'cache/w.bin', digest: sha256hex('inside') },
      { name: 'ok.bin', digest: okDigest },
      { name: 'real/w.bin', digest: sha256hex('inside') },
    ];
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(res, { allow_symlinks: true, ignore_paths: ['model.sig', 'cache'] }), key);
    const r = await verifyJson(dir);
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('sign refuses names verify would refuse (exit 2), so no signature is unverifiable', () => {
  const priv = () => path.join(work, 'sign-ed.key');
  const cases: { title: string; files: string[]; code: string; args?: string[] }[] = [
    { title: 'a backslash in a file name', files: ['a\\b.bin'], code: 'UNSAFE_NAME' },
    { title: 'a newline in a file name', files: ['a\nb.bin'], code: 'UNSAFE_NAME' },
    { title: 'a directory of only dots', files: ['.../w.bin'], code: 'UNSAFE_NAME' },
    { title: 'names equal ignoring case', files: ['Config.json', 'config.json'], code: 'NAME_COLLISION' },
    { title: 'names equal after NFC', files: ['caf\u00e9.txt', 'cafe\u0301.txt'], code: 'NAME_COLLISION' },
    { title: 'shard files equal ignoring case', files: ['W.bin', 'w.bin'], code: 'NAME_COLLISION', args: ['--shard-size', '4'] },
    { title: 'shard files equal after NFC', files: ['caf\u00e9.bin', 'cafe\u0301.bin'], code: 'NAME_COLLISION', args: ['--shard-size', '4'] },
  ];
  for (const c of cases) {
    it(c.title, async () => {
      await writeFile(priv(), key.priv.export({ type: 'pkcs8', format: 'pem' }).toString());
      const dir = path.join(work, `sign-names-${c.title.replace(/\W+/g, '-')}`);
      await mkdir(dir, { recursive: true });
      for (const f of c.files) {
        await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
        await writeFile(path.join(dir, f), f);
      }
      const r = await runCli(['sign', dir, '--key', priv(), '--version', '1.0.0', ...(c.args ?? [])]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^modelsign: error: .*\\[${c.code}\\]\\n$`));
    });
  }
});

describe('hostile JSON', () => {
  async function signedModel(name: string): Promise<{ dir: string; sig: string; okDigest: string }> {
    const { dir, okDigest } = await smallModel(name);
    const sig = path.join(dir, 'model.sig');
    await writeSigned(sig, craftStatement([{ name: 'ok.bin', digest: okDigest }]), key);
    return { dir, sig, okDigest };
  }

  it('a duplicate key in the bundle -> exit 1 SIG_MALFORMED', async () => {
    const { dir, sig } = await signedModel('json-dup-bundle');
    const text = await readFile(sig, 'utf8');
    await writeFile(sig, text.replace('{\n  "mediaType"', '{\n  "mediaType": "x",\n  "mediaType"'));
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]).toMatchObject({ code: 'SIG_MALFORMED', message: expect.stringMatching(/duplicate key "mediaType"/) });
  });

  it('a duplicate key inside the DSSE envelope (a second payload) -> exit 1 SIG_MALFORMED', async () => {
    const { dir, sig } = await signedModel('json-dup-envelope');
    const b = JSON.parse(await readFile(sig, 'utf8'));
    const text = JSON.stringify(b).replace('"payloadType"', `"payload":"${Buffer.from('{}').toString('base64')}","payloadType"`);
    await writeFile(sig, text);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]!.code).toBe('SIG_MALFORMED');
  });

  it('a correctly signed payload with "predicate" twice (JSON.parse would see the second) -> exit 1 STATEMENT_MALFORMED', async () => {
    const { dir, okDigest } = await smallModel('json-dup-payload');
    await writeFile(path.join(dir, 'evil.py'), 'import os');
    const good = craftStatement([{ name: 'ok.bin', digest: okDigest }]) as { predicate: unknown };
    const evil = craftStatement([
      { name: 'evil.py', digest: sha256hex('import os') },
      { name: 'ok.bin', digest: okDigest },
    ]) as { predicate: unknown };
    const text = JSON.stringify(good).replace(/}$/, `,"predicate":${JSON.stringify(evil.predicate)}}`);
    // A last-key-wins reader would accept evil.py: show that, then that we refuse it.
    expect(JSON.parse(text).predicate.resources).toHaveLength(2);
    await writeSigned(path.join(dir, 'model.sig'), text, key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]).toMatchObject({ code: 'STATEMENT_MALFORMED', message: expect.stringMatching(/duplicate key "predicate"/) });
  });

  it('a duplicate key deep in the payload (a resource digest) -> exit 1 STATEMENT_MALFORMED', async () => {
    const { dir, okDigest } = await smallModel('json-dup-resource');
    const text = JSON.stringify(craftStatement([{ name: 'ok.bin', digest: okDigest }])).replace(`"digest":"${okDigest}"`, `"digest":"${'0'.repeat(64)}","digest":"${okDigest}"`);
    await writeSigned(path.join(dir, 'model.sig'), text, key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]!.code).toBe('STATEMENT_MALFORMED');
  });

  it('a signature file over the size limit -> exit 1 SIG_TOO_LARGE, refused from its size alone', async () => {
    const { dir, sig } = await signedModel('json-huge');
    // Sparse: 40 MiB of nothing. The size check comes from fstat, before any read.
    await truncate(sig, 40 * 1024 * 1024);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['SIG_TOO_LARGE']);
    expectCleanError(r);
  });

  it('a large signature under the limit (10 MB payload) still verifies: sizes are bounded, not crashed on', async () => {
    const { dir, okDigest } = await smallModel('json-large-ok');
    const st = craftStatement([{ name: 'ok.bin', digest: okDigest }]) as { subject: { annotations: { modelsign: Record<string, unknown> } }[] };
    st.subject[0]!.annotations.modelsign.notes = 'n'.repeat(10_000_000);
    await writeSigned(path.join(dir, 'model.sig'), st, key);
    const r = await verifyJson(dir);
    expect(r.code, r.stderr).toBe(0);
  });

  it('deeply nested JSON in the bundle -> exit 1 SIG_MALFORMED, no stack overflow', async () => {
    const { dir, sig } = await signedModel('json-deep-bundle');
    const b = await readFile(sig, 'utf8');
    const depth = 200_000;
    await writeFile(sig, b.replace(/^{/, `{"x":${'['.repeat(depth)}${']'.repeat(depth)},`));
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]).toMatchObject({ code: 'SIG_MALFORMED', message: expect.stringMatching(/nesting deeper than/) });
    expectCleanError(r);
  });

  it('deeply nested JSON in a correctly signed payload -> exit 1 STATEMENT_MALFORMED', async () => {
    const { dir, okDigest } = await smallModel('json-deep-payload');
    const depth = 100_000;
    const text = JSON.stringify(craftStatement([{ name: 'ok.bin', digest: okDigest }])).replace(/}$/, `,"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
    await writeSigned(path.join(dir, 'model.sig'), text, key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]).toMatchObject({ code: 'STATEMENT_MALFORMED', message: expect.stringMatching(/nesting deeper than/) });
    expectCleanError(r);
  });
});

describe('symlinks', () => {
  it('sign refuses a link leaving the model even with --allow-symlinks (exit 2)', async () => {
    const dir = await makeHfModel(path.join(work, 'link-sign-out'));
    await symlink(sentinel, path.join(dir, 'extra.bin'));
    await symlink(work, path.join(dir, 'outdir'));
    const priv = path.join(work, 'sign-ed.key');
    await writeFile(priv, key.priv.export({ type: 'pkcs8', format: 'pem' }).toString());
    for (const flags of [[], ['--allow-symlinks']]) {
      const r = await runCli(['sign', dir, '--key', priv, '--version', '1.0.0', ...flags]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/symlink points outside the model \(and 1 more\) \[SYMLINK_OUTSIDE\]/);
    }
    // A link inside the model is fine with --allow-symlinks: the refusal is about leaving.
    await rm(path.join(dir, 'extra.bin'));
    await rm(path.join(dir, 'outdir'));
    await symlink('config.json', path.join(dir, 'config-link.json'));
    expect((await runCli(['sign', dir, '--key', priv, '--version', '1.0.0', '--allow-symlinks'])).code).toBe(0);
  });

  async function swapModel(name: string, allowLinks: boolean): Promise<string> {
    const dir = path.join(work, name);
    await mkdir(path.join(dir, 'backup'), { recursive: true });
    const w = bytes(5000, 3);
    await writeFile(path.join(dir, 'weights.bin'), w);
    await writeFile(path.join(dir, 'config.json'), '{}');
    // An identical copy the signature leaves out.
    await writeFile(path.join(dir, 'backup', 'weights.bin'), w);
    const priv = path.join(work, 'sign-ed.key');
    await writeFile(priv, key.priv.export({ type: 'pkcs8', format: 'pem' }).toString());
    const r = await runCli(['sign', dir, '--key', priv, '--version', '1.0.0', '--ignore-paths', 'backup', ...(allowLinks ? ['--allow-symlinks'] : [])]);
    expect(r.code, r.stderr).toBe(0);
    await rm(path.join(dir, 'weights.bin'));
    return dir;
  }

  it('a signed regular file swapped for a link to identical bytes -> exit 1 SYMLINK_REFUSED', async () => {
    const dir = await swapModel('link-swap', false);
    await symlink('backup/weights.bin', path.join(dir, 'weights.bin'));
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([expect.objectContaining({ code: 'SYMLINK_REFUSED', path: 'weights.bin' })]);
  });

  it('...but passes when the signature allowed links (signed with --allow-symlinks), and the link stays inside', async () => {
    const dir = await swapModel('link-swap-allowed', true);
    await symlink('backup/weights.bin', path.join(dir, 'weights.bin'));
    const r = await verifyJson(dir);
    expect(r.code, r.stdout).toBe(0);
  });

  it('a signed file swapped for a link to identical bytes outside the model -> exit 1 even when links are allowed', async () => {
    const dir = await swapModel('link-swap-out', true);
    const outside = path.join(work, 'outside-weights.bin');
    await writeFile(outside, bytes(5000, 3));
    await symlink(outside, path.join(dir, 'weights.bin'));
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['SYMLINK_OUTSIDE']);
  });

  it('model.sig itself a link out of the model (the default signature path) -> exit 1, not followed', async () => {
    const { dir, okDigest } = await smallModel('link-sig');
    const real = path.join(work, 'real-link-sig.sig');
    await writeSigned(real, craftStatement([{ name: 'ok.bin', digest: okDigest }]), key);
    await symlink(real, path.join(dir, 'model.sig'));
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['SIG_UNREADABLE']);
    // Named explicitly with --signature, the user chose the path: it is read.
    expect((await verifyJson(dir, ['--signature', path.join(dir, 'model.sig')])).code).toBe(0);
  });
});

describe('FIFOs, sockets and devices: never opened', () => {
  const priv = () => path.join(work, 'sign-ed.key');
  beforeAll(async () => {
    await writeFile(priv(), key.priv.export({ type: 'pkcs8', format: 'pem' }).toString());
  });

  async function withSocket<T>(file: string, fn: () => Promise<T>): Promise<T> {
    const server = net.createServer();
    await new Promise<void>((res) => server.listen(file, res));
    try {
      return await fn();
    } finally {
      await new Promise<void>((res) => server.close(() => res()));
    }
  }

  const kinds: { kind: string; make: (file: string) => Promise<void> | void; wrap?: (file: string, fn: () => Promise<void>) => Promise<void> }[] = [
    { kind: 'FIFO', make: (f) => void execFileSync('mkfifo', [f]) },
    // Character device 1,3 = /dev/null (we run as root here; mknod needs it).
    { kind: 'character device', make: (f) => void execFileSync('mknod', [f, 'c', '1', '3']) },
    { kind: 'socket', make: () => undefined, wrap: (f, fn) => withSocket(f, fn) },
  ];

  for (const k of kinds) {
    it(`sign refuses a ${k.kind} in the model (exit 2), without hanging`, async () => {
      const dir = await makeHfModel(path.join(work, `special-sign-${k.kind.replace(/\W/g, '')}`));
      const f = path.join(dir, 'special');
      await k.make(f);
      const go = async () => {
        const r = await runCli(['sign', dir, '--key', priv(), '--version', '1.0.0'], { timeoutMs: 20_000 });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`special: ${k.kind} is not a regular file \\[SPECIAL_FILE\\]`));
      };
      await (k.wrap ? k.wrap(f, go) : go());
    });

    it(`verify refuses a ${k.kind} added to a signed model and a signed file replaced by one (exit 1), without hanging`, async () => {
      const dir = await makeHfModel(path.join(work, `special-verify-${k.kind.replace(/\W/g, '')}`));
      expect((await runCli(['sign', dir, '--key', priv(), '--version', '1.0.0'])).code).toBe(0);
      const added = path.join(dir, 'added');
      await k.make(added);
      const go1 = async () => {
        const r = await verifyJson(dir);
        expect(r.code, r.stderr).not.toBe(128); // killed by the timeout = hung
        expect(r.code).toBe(1);
        expect(json(r).failures).toEqual([expect.objectContaining({ code: 'SPECIAL_FILE', path: 'added' })]);
      };
      await (k.wrap ? k.wrap(added, go1) : go1());
      await rm(added, { force: true });
      const replaced = path.join(dir, 'config.json');
      await rm(replaced);
      await k.make(replaced);
      const go2 = async () => {
        const r = await verifyJson(dir);
        expect(r.code).toBe(1);
        expect(json(r).failures).toEqual([expect.objectContaining({ code: 'SPECIAL_FILE', path: 'config.json' })]);
      };
      await (k.wrap ? k.wrap(replaced, go2) : go2());
    });
  }

  it('the model path itself a FIFO: sign exit 2, verify exit 1, never opened', async () => {
    const fifo = path.join(work, 'model-fifo.bin');
    execFileSync('mkfifo', [fifo]);
    const s = await runCli(['sign', fifo, '--key', priv(), '--version', '1.0.0'], { timeoutMs: 20_000 });
    expect(s.code, s.stderr).toBe(2);
    expect(s.stderr).toMatch(/model is a FIFO, not a file or directory.*\[SPECIAL_FILE\]/);
    const { okDigest } = await smallModel('fifo-model-sig');
    await writeSigned(`${fifo}.sig`, craftStatement([{ name: 'model-fifo.bin', digest: okDigest }]), key);
    const r = await verifyJson(fifo);
    expect(r.code, r.stderr).toBe(1);
    expect(codes(r)).toEqual(['SPECIAL_FILE']);
  });

  it('--certificate-chain naming a FIFO -> exit 2 ROOTS_UNREADABLE, no hang', async () => {
    const { dir } = await smallModel('fifo-roots');
    const roots = path.join(work, 'roots-fifo.pem');
    execFileSync('mkfifo', [roots]);
    const r = await runCli(['verify', dir, '--certificate-chain', roots], { timeoutMs: 20_000 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: cannot read certificate chain file ${roots}: not a regular file [ROOTS_UNREADABLE]\n`);
  });

  it('model.sig replaced by a FIFO -> exit 1 SIG_UNREADABLE, no hang', async () => {
    const { dir } = await smallModel('fifo-sig');
    execFileSync('mkfifo', [path.join(dir, 'model.sig')]);
    const r = await verifyJson(dir);
    expect(r.code, r.stderr).toBe(1);
    expect(json(r).failures[0]).toMatchObject({ code: 'SIG_UNREADABLE', message: expect.stringMatching(/not a regular file/) });
    // Named explicitly: still never opened.
    const r2 = await verifyJson(dir, ['--signature', path.join(dir, 'model.sig')]);
    expect(r2.code).toBe(1);
    expect(codes(r2)).toEqual(['SIG_UNREADABLE']);
  });

  it('a signed file under a signed ignore path replaced by a FIFO -> exit 1 SPECIAL_FILE, no hang', async () => {
    const { dir, okDigest } = await smallModel('fifo-ignored');
    await mkdir(path.join(dir, 'cache'));
    execFileSync('mkfifo', [path.join(dir, 'cache', 'pipe')]);
    const st = craftStatement(
      [
        { name: 'cache/pipe', digest: sha256hex('') },
        { name: 'ok.bin', digest: okDigest },
      ],
      { ignore_paths: ['model.sig', 'cache'] },
    );
    await writeSigned(path.join(dir, 'model.sig'), st, key);
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['SPECIAL_FILE']);
  });
});

describe('keys', () => {
  it('a signature of the wrong key type for the trusted key -> exit 1 SIG_INVALID', async () => {
    const { dir, okDigest } = await smallModel('key-type');
    const ec = await makeKey(work, 'ec256', 'p256');
    // Signed by an ECDSA P-256 key but naming the trusted Ed25519 key in the hint.
    await writeSigned(path.join(dir, 'model.sig'), craftStatement([{ name: 'ok.bin', digest: okDigest }]), key, { signer: ec.priv, hintKey: key.pub });
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['SIG_INVALID']);
    // And the reverse: an Ed25519 signature presented to a trusted P-384 key.
    const ec384 = await makeKey(work, 'ec384', 'p384');
    await writeSigned(path.join(dir, 'model.sig'), craftStatement([{ name: 'ok.bin', digest: okDigest }]), ec384, { signer: key.priv, hintKey: ec384.pub });
    const r2 = await verifyJson(dir, [], ec384);
    expect(r2.code).toBe(1);
    expect(codes(r2)).toEqual(['SIG_INVALID']);
    // Same curve family, different size: a P-256 signature for a trusted P-384 key.
    await writeSigned(path.join(dir, 'model.sig'), craftStatement([{ name: 'ok.bin', digest: okDigest }]), ec384, { signer: ec.priv, hintKey: ec384.pub });
    expect(codes(await verifyJson(dir, [], ec384))).toEqual(['SIG_INVALID']);
  });

  it('an embedded public key of pathological size (no hint) is refused quickly, not scanned', async () => {
    const { dir, okDigest } = await smallModel('key-embedded-huge');
    const sig = path.join(dir, 'model.sig');
    await writeSigned(sig, craftStatement([{ name: 'ok.bin', digest: okDigest }]), key);
    const b = JSON.parse(await readFile(sig, 'utf8'));
    // Many unterminated PEM headers: a backtracking PEM scan of this would take hours.
    b.verificationMaterial.publicKey = { rawBytes: Buffer.from('-----BEGIN A-----\n'.repeat(200_000)).toString('base64') };
    await writeFile(sig, JSON.stringify(b));
    // (verifyJson kills the CLI after 30 s: a hang shows as exit 128.)
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['KEY_HINT_MISMATCH']);
    // Control: the real key embedded (no hint) is accepted.
    b.verificationMaterial.publicKey = { rawBytes: Buffer.from(key.pub.export({ type: 'spki', format: 'pem' }).toString()).toString('base64') };
    await writeFile(sig, JSON.stringify(b));
    expect((await verifyJson(dir)).code).toBe(0);
  });

  it('a signature by a key other than the hinted one -> exit 1, even when both keys are trusted', async () => {
    const { dir, okDigest } = await smallModel('key-hint');
    // Hint names the trusted key; the signature is by `other`.
    await writeSigned(path.join(dir, 'model.sig'), craftStatement([{ name: 'ok.bin', digest: okDigest }]), key, { signer: other.priv, hintKey: key.pub });
    const r = await verifyJson(dir);
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual(['SIG_INVALID']);
    // Trusting both: `other` made the signature, but the bundle claims `key`.
    const both = await runCli(['verify', dir, '--key', key.pubFile, '--key', other.pubFile, '--json']);
    expect(both.code).toBe(1);
    expect(json(both).failures[0]!.message).toMatch(/signature names key .* not the trusted key/);
    // Control: hint and signer agree -> verifies.
    await writeFile(path.join(dir, 'model.sig'), signPayload(JSON.stringify(craftStatement([{ name: 'ok.bin', digest: okDigest }])), other.priv, other.pub));
    expect((await runCli(['verify', dir, '--key', key.pubFile, '--key', other.pubFile])).code).toBe(0);
  });
});
