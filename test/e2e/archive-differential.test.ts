/**
 * What verify sees must be what every extractor writes. Random and mutated tar / tar.gz
 * archives (test/helpers/tar-fuzz.ts) are read by the archive source as digest and verify
 * read them; whenever it accepts one (no listing problem), GNU tar and Python's tarfile
 * (its default extraction and filter='data') must extract it without error and write
 * exactly the regular files modelsign listed, under the same names, with the bytes it
 * hashed (a symlink modelsign allowed must resolve to the same bytes). Anything else they
 * write must lie under an ignored path. Any disagreement fails, with the archive kept.
 *
 * `npm test` runs TAR_FUZZ_RUNS cases of each kind (default 700); `npm run fuzz` many more.
 * Archives on which extractors are known to disagree are kept below as named cases.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIgnored } from '../../src/hashing/paths.js';
import { readArchive } from '../../src/source/archive.js';
import { ROOT, cleanupTmp, tmpDir } from '../helpers/cli.js';
import { archiveSpecArb, buildArchive, compress, mutate, mutationArb, paxRecord, validArchiveArb, writeTar, type ArchiveSpec, type FuzzEntry, type Mutation } from '../helpers/tar-fuzz.js';

const RUNS = Number(process.env.TAR_FUZZ_RUNS ?? 700);
const REQUIRE = process.env.TEST_REQUIRE_TAR_EXTRACTORS === '1';

function extractorsMissing(): string | undefined {
  const tar = spawnSync('tar', ['--version'], { encoding: 'utf8' });
  if (tar.status !== 0 || !tar.stdout.includes('GNU tar')) return 'GNU tar is not installed';
  const py = spawnSync('python3', ['-c', 'import tarfile; tarfile.data_filter'], { encoding: 'utf8' });
  if (py.status !== 0) return 'python3 with tarfile extraction filters (3.11.4 or later) is not installed';
  return undefined;
}
const missing = extractorsMissing();
if (missing && REQUIRE) throw new Error(`${missing} (TEST_REQUIRE_TAR_EXTRACTORS=1)`);
const d = missing ? describe.skip : describe;
if (missing) console.warn(`archive differential test skipped: ${missing}`);

type Tree = Record<string, { type: 'file' | 'symlink' | 'dir' | 'other'; sha256?: string | null; target?: string }>;
type Answer = { ok: true; tree: Tree } | { ok: false; error: string };

/** One long-lived Python process that extracts with tarfile and describes directories. */
class Oracle {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(a: Answer) => void> = [];

  constructor() {
    this.proc = spawn('python3', [path.join(ROOT, 'test/helpers/tar_oracle.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.proc.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as Answer));
  }

  ask(req: object): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.proc.stdin.write(JSON.stringify(req) + '\n');
    });
  }

  close(): void {
    this.proc.stdin.end();
  }
}

let work: string;
let oracle: Oracle;
let seq = 0;
const stats = { cases: 0, accepted: 0, files: 0 };

interface Listed {
  problems: string[];
  folder: string | undefined;
  files: Map<string, { digest: string; viaLink: boolean }>;
}

async function modelsignReads(file: string, allowSymlinks: boolean, ignorePaths: string[]): Promise<Listed> {
  const r = await readArchive(file, { alg: 'sha256', ranges: (_n, size) => [[0, size]], allowSymlinks, ignorePaths });
  const files = new Map<string, { digest: string; viaLink: boolean }>();
  for (const f of r.listing.files) {
    const h = r.hashed.get(f.name, 0, f.size);
    files.set(f.name, { digest: h?.ok ? h.digest : `unhashed: ${h?.ok === false ? h.code : 'none'}`, viaLink: f.viaLink });
  }
  return { problems: r.listing.problems.map((p) => `${p.code} ${p.path ?? ''} ${p.message}`), folder: r.folder, files };
}

/** How the extracted tree differs from modelsign's listing, or undefined when it does not. */
function differs(who: string, ms: Listed, tree: Tree, ignore: readonly string[]): string | undefined {
  const prefix = ms.folder === undefined ? '' : `${ms.folder}/`;
  const seen = new Set<string>();
  for (const [p, e] of Object.entries(tree)) {
    if (e.type === 'dir') continue;
    if (!p.startsWith(prefix)) return `${who} wrote ${e.type} ${JSON.stringify(p)} outside the model folder ${JSON.stringify(ms.folder)}`;
    const n = p.slice(prefix.length);
    const f = ms.files.get(n);
    if (!f) {
      if (isIgnored(n, ignore) && e.type !== 'other') continue;
      return `${who} wrote ${e.type} ${JSON.stringify(p)}, which modelsign did not list`;
    }
    seen.add(n);
    if (e.type === 'other') return `${who} wrote ${JSON.stringify(p)} as a special file`;
    if ((e.type === 'symlink') !== f.viaLink) return `${who} wrote ${JSON.stringify(p)} as a ${e.type}, modelsign listed it ${f.viaLink ? 'through a link' : 'as a file'}`;
    if (e.sha256 !== f.digest) return `${who} wrote other bytes for ${JSON.stringify(p)} (${e.sha256 ?? 'unresolved'} vs ${f.digest})`;
  }
  for (const n of ms.files.keys()) if (!seen.has(n)) return `${who} did not write ${JSON.stringify(prefix + n)}, which modelsign listed`;
  return undefined;
}

/** Read ARCHIVE as modelsign does; when accepted, extract it three ways and compare. */
async function disagreement(archive: Buffer, allowSymlinks: boolean, ignore: string[], gz: boolean): Promise<string | undefined> {
  const file = path.join(work, gz ? 'a.tar.gz' : 'a.tar');
  await writeFile(file, archive);
  stats.cases++;
  const ms = await modelsignReads(file, allowSymlinks, ignore);
  if (ms.problems.length > 0) return undefined;
  stats.accepted++;
  stats.files += ms.files.size;
  const all = [...ignore, 'model.sig'];
  const dir = path.join(work, `x${seq++}`);
  // The data filter first: it refuses anything that would land outside the destination,
  // so the fully trusted extraction below only runs on archives that stay inside.
  const data = await oracle.ask({ archive: file, dest: `${dir}-py-data`, filter: 'data', remove: true });
  if (!data.ok) return `Python tarfile (filter='data') failed: ${data.error}`;
  const bad = differs("Python tarfile (filter='data')", ms, data.tree, all);
  if (bad) return bad;
  const def = await oracle.ask({ archive: file, dest: `${dir}-py`, filter: null, remove: true });
  if (!def.ok) return `Python tarfile failed: ${def.error}`;
  const badDef = differs('Python tarfile', ms, def.tree, all);
  if (badDef) return badDef;
  const gnuDir = `${dir}-gnu`;
  await mkdir(gnuDir);
  const g = spawnSync('tar', ['-xf', file, '-C', gnuDir], { encoding: 'utf8' });
  const gt = await oracle.ask({ describe: gnuDir, remove: true });
  if (g.status !== 0) return `GNU tar failed (exit ${g.status}): ${g.stderr.trim()}`;
  if (!gt.ok) return `describing GNU tar's output failed: ${gt.error}`;
  return differs('GNU tar', ms, gt.tree, all);
}

/** Fail with a reproducible description (the archive is kept in the work dir). */
async function check(archive: Buffer, allowSymlinks: boolean, ignore: string[], gz: boolean): Promise<boolean> {
  const bad = await disagreement(archive, allowSymlinks, ignore, gz);
  if (bad === undefined) return true;
  const kept = path.join(work, `disagreement-${seq}.${gz ? 'tar.gz' : 'tar'}`);
  await writeFile(kept, archive);
  throw new Error(`${bad}\n  archive kept at ${kept} (allowSymlinks ${allowSymlinks}, ignore ${JSON.stringify(ignore)})`);
}

beforeAll(async () => {
  if (missing) return;
  work = await tmpDir('modelsign-differential-');
  oracle = new Oracle();
});
afterAll(async () => {
  if (!missing) console.log(`archive differential: ${stats.cases} archives, ${stats.accepted} accepted and compared (${stats.files} files)`);
  oracle?.close();
  await cleanupTmp();
});

const fuzzTimeout = Math.max(120_000, RUNS * 200);

d('modelsign accepts an archive only when GNU tar and Python extract exactly what it hashed', () => {
  it(`${RUNS} generated archives (headers, pax and GNU records, links, names)`, { timeout: fuzzTimeout }, async () => {
    const before = { ...stats };
    await fc.assert(
      fc.asyncProperty(archiveSpecArb, async (spec: ArchiveSpec) => {
        const built = buildArchive(spec);
        return check(compress(built.bytes, spec.gzip), spec.allowSymlinks, spec.ignoreGit ? ['.git'] : [], spec.gzip !== 'no');
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: a good share of the archives are accepted and compared.
    expect(stats.accepted - before.accepted).toBeGreaterThan(RUNS / 10);
  });

  it(`${RUNS} byte-level mutations of valid archives (header checksums kept right)`, { timeout: fuzzTimeout }, async () => {
    const before = { ...stats };
    await fc.assert(
      fc.asyncProperty(validArchiveArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (spec: ArchiveSpec, muts: Mutation[]) => {
        const tar = mutate(buildArchive(spec), muts);
        return check(compress(tar, spec.gzip === 'no' ? 'no' : 'yes'), spec.allowSymlinks, spec.ignoreGit ? ['.git'] : [], spec.gzip !== 'no');
      }),
      { numRuns: RUNS },
    );
    expect(stats.accepted - before.accepted).toBeGreaterThan(RUNS / 10);
  });
});

/**
 * Named cases: constructs the two extractors read differently (each refused), and archives
 * the generated cases above found mishandled.
 */
d('constructs the extractors read differently, and cases the generator found', () => {
  const f = (e: Partial<Omit<FuzzEntry, 'name'>> & { name: string }): FuzzEntry => ({ flag: 0x30, data: Buffer.alloc(0), ...e, name: Buffer.from(e.name) });

  async function refusedAs(entries: FuzzEntry[], code: string, text: RegExp): Promise<void> {
    const file = path.join(work, `reg-${seq++}.tar`);
    await writeFile(file, writeTar(entries, Buffer.alloc(1024)).bytes);
    const ms = await modelsignReads(file, true, []);
    expect(ms.problems.join('\n')).toMatch(new RegExp(`^${code} .*${text.source}`, 'm'));
  }

  it('control: a plain archive is accepted and both extractors agree with it', async () => {
    const entries = [f({ name: 'd/', flag: 0x35 }), f({ name: 'd/a.bin', data: Buffer.from('A') }), f({ name: 'l', flag: 0x32, linkname: Buffer.from('d/a.bin') })];
    expect(await disagreement(writeTar(entries, Buffer.alloc(1024)).bytes, true, [], false)).toBeUndefined();
    expect(stats.accepted).toBeGreaterThan(0);
  });

  it('a regular entry named "x/" under type 0 (GNU tar makes a directory, Python a file)', async () => {
    await refusedAs([f({ name: 'x/', data: Buffer.from('A') })], 'ARCHIVE_MALFORMED', /read as a directory by one tar reader/);
  });

  it('a pax record whose key starts with a blank (GNU tar skips it, Python keeps it in the key)', async () => {
    const body = Buffer.from('14  path=evil\n');
    await refusedAs([f({ name: 'PaxHeaders/x', flag: 0x78, data: body }), f({ name: 'a.bin' })], 'ARCHIVE_MALFORMED', /unusual key/);
  });

  it('a GNU long name without a NUL whose padding holds bytes (both extractors read on into the padding, up to a NUL)', async () => {
    const entries = [f({ name: '././@LongLink', flag: 0x4c, data: Buffer.from('a.bin'), junkPadding: true }), f({ name: 'a.bin' })];
    await refusedAs(entries, 'ARCHIVE_MALFORMED', /GNU long name with bytes in its padding/);
  });

  it('a pax header whose padding holds a record (Python parses the padded block)', async () => {
    const entries = [f({ name: 'PaxHeaders/x', flag: 0x78, data: paxRecord('mtime', '1'), junkPadding: true }), f({ name: 'a.bin' })];
    await refusedAs(entries, 'ARCHIVE_MALFORMED', /extended header: bytes in its padding/);
  });

  it('a size field of only spaces (GNU tar refuses the header, Python reads 0)', async () => {
    await refusedAs([f({ name: 'a.bin', sizeForm: 'blank' })], 'ARCHIVE_MALFORMED', /size field of a tar header is empty/);
  });

  it('a mode field with a "+" (Python int() reads octal, GNU tar base-64)', async () => {
    await refusedAs([f({ name: 'a.bin', modeForm: 'plus' })], 'ARCHIVE_MALFORMED', /mode field of a tar header is not an octal number/);
  });

  it('a link to a symlink whose own target was refused outright is broken, not a crash', async () => {
    const entries = [f({ name: 'x.bin', flag: 0x32, linkname: Buffer.from('/etc/passwd') }), f({ name: 'a/a', flag: 0x32, linkname: Buffer.from('../x.bin') })];
    await refusedAs(entries, 'SYMLINK_OUTSIDE', /symlink to "\/etc\/passwd" points outside the model/);
    await refusedAs(entries, 'SYMLINK_BROKEN', /symlink target does not exist in the archive/);
  });

  it('a pax uid that is not a number (GNU tar fails the entry, Python reads 0)', async () => {
    const entries = [f({ name: 'PaxHeaders/a', flag: 0x78, data: Buffer.concat([paxRecord('path', 'a'), paxRecord('uid', 'a')]) }), f({ name: 'a' })];
    await refusedAs(entries, 'ARCHIVE_MALFORMED', /a "uid" record that is not a number GNU tar reads/);
  });

  it('a symlink that carries bytes: the extractors read them as the next header (a config.json over the signed one)', async () => {
    const hidden = writeTar([f({ name: 'config.json', data: Buffer.from('{"evil":1}') })], Buffer.alloc(0)).bytes;
    const entries = [f({ name: 'config.json', data: Buffer.from('{"a":1}') }), f({ name: '.git/x', flag: 0x32, linkname: Buffer.from('y'), data: hidden })];
    await refusedAs(entries, 'ARCHIVE_MALFORMED', /symlink entry that carries 1024 bytes/);
    // What GNU tar does with it: the config.json it writes last is the hidden one.
    const file = path.join(work, 'smuggle.tar');
    await writeFile(file, writeTar(entries, Buffer.alloc(1024)).bytes);
    const out = path.join(work, 'smuggle-x');
    await mkdir(out);
    spawnSync('tar', ['-xf', file, '-C', out]);
    expect(execFileSync('cat', [path.join(out, 'config.json')], { encoding: 'utf8' })).toBe('{"evil":1}');
  });
});
