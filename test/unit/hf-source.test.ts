/**
 * A hub cache snapshot read through the source seam: files named as in the snapshot, opened
 * at their resolved blobs with the checks every listed file gets, so a blob swapped after the
 * listing is caught rather than followed.
 */
import type { Failure } from '../../src/errors.js';
import { createHash } from 'node:crypto';
import { lstatSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refuseIfBlobsMoved } from '../../src/source/hf-cache.js';
import { openSource } from '../../src/source/index.js';
import type { ReadRequest } from '../../src/source/types.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';
import { recorder } from '../helpers/inspectors.js';
import { sampleRepo, writeCacheSnapshot } from '../helpers/hf-hub.js';

afterAll(cleanupTmp);

const whole = (_: string, size: number): Array<[number, number]> => [[0, size]];
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const req = (extra: Partial<ReadRequest> = {}): ReadRequest => ({ alg: 'sha256', ranges: whole, allowSymlinks: false, ignorePaths: [], ...extra });

async function snapshot() {
  const files = sampleRepo();
  const c = writeCacheSnapshot(path.join(await tmpDir('modelsign-hfsrc-'), 'hub'), 'acme/tiny-llm', files);
  // The change-time clock is coarse: let it move past the files' creation before they are listed.
  await new Promise((r) => setTimeout(r, 30));
  return { ...c, files };
}

describe('openSource on a hub cache snapshot', () => {
  it('is the hf-snapshot source: org/name, the snapshot\'s model.sig, the revision as provenance', async () => {
    const c = await snapshot();
    const s = await openSource(c.snapshot);
    expect(s.kind).toBe('hf-snapshot');
    expect(s.defaultName()).toBe('acme/tiny-llm');
    expect(s.defaultSignaturePath()).toBe(path.join(c.snapshot, 'model.sig'));
    expect(s.defaultIgnores).toEqual(['model.sig']);
    expect(s.provenance).toEqual({ type: 'huggingface', repo: 'acme/tiny-llm', revision: c.commit });
    const byRef = await openSource('hf://acme/tiny-llm', { hfCache: path.dirname(c.repoDir) });
    expect(byRef.provenance).toEqual({ type: 'huggingface', repo: 'acme/tiny-llm', revision: c.commit, ref: 'main' });
    expect(byRef.model).toBe(c.snapshot);
    // The snapshots folder itself, or a repo folder, is an ordinary directory.
    expect((await openSource(path.dirname(c.snapshot))).kind).toBe('directory');
  });

  it('lists the snapshot\'s names and hashes the blobs\' bytes', async () => {
    const c = await snapshot();
    const r = await (await openSource(c.snapshot)).read(req());
    expect(r.listing.problems).toEqual([]);
    expect(r.listing.files.map((f) => [f.name, f.size])).toEqual([...c.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, f.content.length]));
    for (const f of c.files) expect(r.hashed.get(f.path, 0, f.content.length)).toEqual({ ok: true, digest: sha(f.content) });
  });

  it('a blob swapped for a link after the listing is refused (O_NOFOLLOW), never followed', async () => {
    const c = await snapshot();
    const blob = realpathSync(path.join(c.snapshot, 'config.json'));
    const onListed = () => {
      rmSync(blob);
      symlinkSync('/etc/passwd', blob);
    };
    const r = await (await openSource(c.snapshot)).read(req({ onListed }));
    expect(r.hashed.get('config.json', 0, c.files[0]!.content.length)).toMatchObject({ ok: false, code: 'FILE_IS_SYMLINK' });
  });

  it('a blob replaced by another file after the listing is FILE_REPLACED; a snapshot link re-pointed after it changes nothing that was read', async () => {
    const c = await snapshot();
    const blob = realpathSync(path.join(c.snapshot, 'config.json'));
    const shardLink = path.join(c.snapshot, 'model-00001-of-00002.safetensors');
    const otherBlob = realpathSync(path.join(c.snapshot, 'model-00002-of-00002.safetensors'));
    const onListed = () => {
      writeFileSync(`${blob}.new`, c.files[0]!.content);
      renameSync(`${blob}.new`, blob);
      rmSync(shardLink);
      symlinkSync(path.relative(c.snapshot, otherBlob), shardLink);
    };
    const r = await (await openSource(c.snapshot)).read(req({ onListed }));
    expect(r.hashed.get('config.json', 0, c.files[0]!.content.length)).toMatchObject({ ok: false, code: 'FILE_REPLACED' });
    expect(r.hashed.get('model-00001-of-00002.safetensors', 0, c.files[2]!.content.length)).toEqual({ ok: true, digest: sha(c.files[2]!.content) });
    expect(readlinkSync(shardLink)).toContain(path.basename(otherBlob));
  });

  it('an inspector reads the hashed blob through the verified re-open: a blob rewritten between hash and inspection is refused', async () => {
    const c = await snapshot();
    const inspector = recorder();
    const blob = realpathSync(path.join(c.snapshot, 'tokenizer', 'tokenizer.json'));
    const r = await (await openSource(c.snapshot)).read(req({ inspector, onHashed: () => writeFileSync(blob, '{"evil": true}'.padEnd(c.files[1]!.content.length)) }));
    expect(inspector.refused).toEqual(['tokenizer/tokenizer.json:FILE_CHANGED_DURING_HASH']);
    expect(inspector.seen.get('config.json')).toEqual(c.files[0]!.content);
    expect(inspector.seen.has('tokenizer/tokenizer.json')).toBe(false);
    expect(r.hashed.get('tokenizer/tokenizer.json', 0, c.files[1]!.content.length)).toMatchObject({ ok: false });
  });
});

describe('refuseIfBlobsMoved', () => {
  it('refuses every file taken from blobs/ when the folder changed identity during the listing', async () => {
    const c = await snapshot();
    const s = await openSource(c.snapshot);
    const r = await s.read(req({ alg: undefined }));
    const walked = { root: c.snapshot, isFile: false, files: r.listing.files.map((f) => ({ ...f, abs: path.join(c.repoDir, 'blobs', 'x') })), problems: [] as Failure[] };
    const taken = { names: new Set(['config.json', 'tokenizer/tokenizer.json']), blobs: new Map([['config.json', 'abc']]) };
    const snap = { place: { cacheRoot: path.dirname(c.repoDir), repoDir: c.repoDir, repo: { type: 'model' as const, id: 'acme/tiny-llm' }, revision: c.commit, sub: '' }, root: c.snapshot, blobsDir: path.join(c.repoDir, 'blobs'), sharedDir: undefined };
    refuseIfBlobsMoved(walked, snap, 'another:folder', taken);
    expect(walked.files.map((f) => f.name)).toEqual(['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors', 'model.safetensors.index.json']);
    expect(walked.problems).toEqual([
      { code: 'FILE_REPLACED', path: 'config.json', message: "the repo's blobs/ folder was replaced while the model was being listed" },
      { code: 'FILE_REPLACED', path: 'tokenizer/tokenizer.json', message: "the repo's blobs/ folder was replaced while the model was being listed" },
    ]);
    expect(taken.blobs.size).toBe(0);
    // Unchanged: nothing is refused.
    const again = { ...walked, files: [...walked.files], problems: [] };
    const st = lstatSync(path.join(c.repoDir, 'blobs'));
    refuseIfBlobsMoved(again, snap, `${st.dev}:${st.ino}`, { names: new Set(['model.safetensors.index.json']), blobs: new Map() });
    expect(again.problems).toEqual([]);
  });
});
