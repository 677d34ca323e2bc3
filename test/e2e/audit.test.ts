/** verify --audit-log and `modelsign audit verify`, end to end with the built CLI. */
import { createHash } from 'node:crypto';
import { readFile, rm, truncate, writeFile, appendFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, keypair, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';

let work: string;
let model: string;
let keys: { key: string; pub: string };
let other: { key: string; pub: string };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  work = await tmpDir('modelsign-audit-');
  keys = await keypair(work, 'ed25519', 'release');
  other = await keypair(work, 'ed25519', 'other');
  model = await makeHfModel(path.join(work, 'model'));
  const r = await runCli(['sign', model, '--key', keys.key, '--version', '1.2.0', '--license', 'apache-2.0']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(cleanupTmp);

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').slice(0, -1);
}

/** A log with four decisions: verified, refused (other key), refused (no signature), error (no key file). */
async function fourDecisions(name: string): Promise<string> {
  const log = path.join(work, `${name}.jsonl`);
  expect((await runCli(['verify', model, '--key', keys.pub, '--audit-log', log])).code).toBe(0);
  expect((await runCli(['verify', model, '--key', other.pub, '--audit-log', log])).code).toBe(1);
  expect((await runCli(['verify', model, '--key', keys.pub, '--signature', path.join(work, 'nope.sig'), '--audit-log', log])).code).toBe(1);
  expect((await runCli(['verify', model, '--key', path.join(work, 'missing.pub'), '--audit-log', log])).code).toBe(2);
  return log;
}

describe('verify --audit-log', () => {
  it('appends one hash-chained JSON line per decision, failures and early errors included', async () => {
    const log = await fourDecisions('basic');
    const ls = await lines(log);
    expect(ls).toHaveLength(4);
    const recs = ls.map((l) => JSON.parse(l));
    expect(recs[0]).toMatchObject({
      v: 1,
      seq: 1,
      model: path.resolve(model),
      rootDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      name: 'model',
      version: '1.2.0',
      signer: expect.stringMatching(/^ed25519 key sha256:/),
      policy: null,
      purpose: null,
      result: 'verified',
      failureCount: 0,
      failures: [],
      prev: '0'.repeat(64),
    });
    expect(Date.parse(recs[0].time)).toBeGreaterThan(Date.now() - 600_000);
    expect(recs[1]).toMatchObject({ seq: 2, result: 'refused', failures: ['KEY_HINT_MISMATCH'], signer: null });
    expect(recs[2]).toMatchObject({ seq: 3, result: 'refused', failures: ['SIG_MISSING'], signature: path.join(work, 'nope.sig') });
    expect(recs[3]).toMatchObject({ seq: 4, result: 'error', failures: ['KEY_UNREADABLE'] });
    for (let i = 1; i < 4; i++) expect(recs[i].prev).toBe(sha(ls[i - 1]!));
    const mode = (await stat(log)).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('records every failure code of a refused model', async () => {
    const log = path.join(work, 'codes.jsonl');
    const m = await makeHfModel(path.join(work, 'tampered'));
    expect((await runCli(['sign', m, '--key', keys.key, '--version', '1.0.0'])).code).toBe(0);
    await appendFile(path.join(m, 'config.json'), ' ');
    await writeFile(path.join(m, 'modeling_evil.py'), 'import os');
    await rm(path.join(m, 'empty.txt'));
    expect((await runCli(['verify', m, '--key', keys.pub, '--audit-log', log])).code).toBe(1);
    const [rec] = (await lines(log)).map((l) => JSON.parse(l));
    expect(rec.result).toBe('refused');
    expect(rec.failures.sort()).toEqual(['FILE_CHANGED', 'FILE_MISSING', 'FILE_UNEXPECTED']);
    expect(rec.failureCount).toBe(3);
  });

  it('concurrent verifiers keep one intact chain', async () => {
    const log = path.join(work, 'concurrent.jsonl');
    const rs = await Promise.all(Array.from({ length: 6 }, () => runCli(['verify', model, '--key', keys.pub, '--audit-log', log])));
    expect(rs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const a = await runCli(['audit', 'verify', log, '--json']);
    expect(a.code, a.stdout).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ intact: true, records: 6 });
  });

  it('an audit log that cannot be written makes verify fail (exit 2), never a silent pass', async () => {
    await writeFile(path.join(work, 'not-a-dir'), 'x');
    const r = await runCli(['verify', model, '--key', keys.pub, '--audit-log', path.join(work, 'not-a-dir', 'a.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[AUDIT_WRITE_FAILED\]/);
  });
});

describe('modelsign audit verify', () => {
  it('an intact log -> exit 0, with record count and head hash', async () => {
    const log = await fourDecisions('intact');
    const ls = await lines(log);
    const r = await runCli(['audit', 'verify', log]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('intact (4 records)');
    expect(r.stdout).toContain(`head: sha256:${sha(ls[3]!)}`);
    const j = await runCli(['audit', 'verify', log, '--json']);
    expect(JSON.parse(j.stdout)).toEqual({ intact: true, file: log, records: 4, head: sha(ls[3]!), firstBadLine: null, reason: null });
  });

  const tamper: { title: string; edit: (ls: string[]) => string; line: number; reason: RegExp }[] = [
    {
      title: 'an edited line (a refusal turned into a pass)',
      edit: (ls) => [ls[0], ls[1]!.replace('"result":"refused"', '"result":"verified"').replace('"failures":["KEY_HINT_MISMATCH"]', '"failures":[]'), ls[2], ls[3]].join('\n') + '\n',
      line: 3,
      reason: /does not match the SHA-256 of line 2 \(line 2 was edited/,
    },
    { title: 'a removed line', edit: (ls) => [ls[0], ls[2], ls[3]].join('\n') + '\n', line: 2, reason: /does not match the SHA-256 of line 1/ },
    { title: 'the first line removed', edit: (ls) => [ls[1], ls[2], ls[3]].join('\n') + '\n', line: 1, reason: /first line does not start the chain/ },
    { title: 'reordered lines', edit: (ls) => [ls[0], ls[2], ls[1], ls[3]].join('\n') + '\n', line: 2, reason: /does not match the SHA-256 of line 1/ },
    { title: 'a forged line inserted', edit: (ls) => [ls[0], ls[1], ls[0]!.replace('"seq":1', '"seq":3'), ls[2], ls[3]].join('\n') + '\n', line: 3, reason: /does not match the SHA-256 of line 2/ },
    { title: 'a line re-chained but with a duplicate key', edit: (ls) => [ls[0], ls[1]!.replace('{"v":1', '{"v":1,"result":"verified"'), ls[2], ls[3]].join('\n') + '\n', line: 2, reason: /duplicate key "result"/ },
  ];
  for (const t of tamper) {
    it(`${t.title} -> exit 1 naming line ${t.line}`, async () => {
      const log = await fourDecisions(`tamper-${t.line}-${t.title.replace(/\W+/g, '-')}`);
      await writeFile(log, t.edit(await lines(log)));
      const r = await runCli(['audit', 'verify', log]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`BROKEN: .*: line ${t.line}: `));
      expect(r.stdout).toMatch(t.reason);
      expect(r.stderr).toMatch(new RegExp(`^modelsign: refused: audit log .* is broken at line ${t.line}: .*\\[AUDIT_CHAIN_BROKEN\\]\\n$`));
      const j = JSON.parse((await runCli(['audit', 'verify', log, '--json'])).stdout);
      expect(j).toMatchObject({ intact: false, firstBadLine: t.line, records: t.line - 1 });
    });
  }

  it('a log truncated mid-line -> exit 1 naming the cut line; a later append does not hide it', async () => {
    const log = await fourDecisions('truncated');
    const size = (await stat(log)).size;
    await truncate(log, size - 10);
    const r = await runCli(['audit', 'verify', log, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ intact: false, firstBadLine: 4, reason: expect.stringMatching(/cut off/) });
    // The next verify closes the cut line and appends a whole record; the damage stays visible.
    expect((await runCli(['verify', model, '--key', keys.pub, '--audit-log', log])).code).toBe(0);
    const r2 = await runCli(['audit', 'verify', log, '--json']);
    expect(r2.code).toBe(1);
    expect(JSON.parse(r2.stdout)).toMatchObject({ firstBadLine: 4 });
  });

  it('lines cut from the end are caught with an anchor kept elsewhere (--anchor)', async () => {
    const log = await fourDecisions('anchor');
    const head = JSON.parse((await runCli(['audit', 'verify', log, '--json'])).stdout).head as string;
    expect((await runCli(['audit', 'verify', log, '--anchor', `sha256:${head}`])).code).toBe(0);
    // One more decision: the anchor is now an inner line, still found.
    expect((await runCli(['verify', model, '--key', keys.pub, '--audit-log', log])).code).toBe(0);
    expect((await runCli(['audit', 'verify', log, '--anchor', head])).code).toBe(0);
    // Cut the last two lines: a shorter chain is still well-formed, the anchor is gone.
    const ls = await lines(log);
    await writeFile(log, ls.slice(0, 3).join('\n') + '\n');
    expect((await runCli(['audit', 'verify', log])).code).toBe(0);
    const r = await runCli(['audit', 'verify', log, '--anchor', head, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ intact: false, anchorFound: false, reason: expect.stringMatching(/anchor/) });
  });

  it('a malformed --anchor is a usage error (exit 2, BAD_OPTION), checked before the log', async () => {
    const log = await fourDecisions('bad-anchor');
    for (const bad of ['sha256:3f2a', '3f2a', `sha512:${'a'.repeat(64)}`, `sha256:${'g'.repeat(64)}`, `sha256:${'a'.repeat(65)}`, '']) {
      const r = await runCli(['audit', 'verify', log, '--anchor', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toBe(`modelsign: error: --anchor must be a line hash as audit verify prints the head: sha256:<64 hex characters> (got "${bad}") [BAD_OPTION]\n`);
      expect(r.stdout).toBe('');
      expect((await runCli(['audit', 'verify', log, '--anchor', bad, '--json'])).code).toBe(2);
    }
    const missing = await runCli(['audit', 'verify', path.join(work, 'no-such-log.jsonl'), '--anchor', 'sha256:3f2a']);
    expect(missing.stderr).toMatch(/\[BAD_OPTION\]\n$/);
    // Well formed (either case, with or without the prefix) but absent: still exit 1.
    const absent = await runCli(['audit', 'verify', log, '--anchor', `SHA256:${'A'.repeat(64)}`]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toMatch(/no line has the anchor hash .*\[AUDIT_CHAIN_BROKEN\]\n$/);
  });

  it('no subcommand or an unknown one -> exit 2', async () => {
    const r = await runCli(['audit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/audit needs a subcommand: modelsign audit verify FILE \[MISSING_COMMAND\]/);
    expect((await runCli(['audit', 'bogus'])).code).toBe(2);
  });

  it('a missing log -> exit 2; an empty log is intact with 0 records', async () => {
    const r = await runCli(['audit', 'verify', path.join(work, 'none.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/audit log not found.*\[AUDIT_UNREADABLE\]/);
    const empty = path.join(work, 'empty.jsonl');
    await writeFile(empty, '');
    expect((await runCli(['audit', 'verify', empty])).code).toBe(0);
  });
});
