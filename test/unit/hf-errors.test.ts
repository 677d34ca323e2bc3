/**
 * File system errors met while judging a hub cache snapshot's blob links, injected with a
 * wrapped lstat (tests run as root, where permissions never fail): each becomes the link's
 * listing problem, never an internal error that ends the read.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const hooks: { lstat?: (p: string) => void } = {};

vi.mock('node:fs', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs')>();
  const lstatSync = ((p: string, o: unknown) => {
    hooks.lstat?.(String(p));
    return (orig.lstatSync as (p: string, o: unknown) => unknown)(p, o);
  }) as typeof orig.lstatSync;
  const fs = { ...orig, lstatSync };
  return { ...fs, default: fs };
});

const { openSource } = await import('../../src/source/index.js');
const { cleanupTmp, tmpDir } = await import('../helpers/cli.js');
const { sampleRepo, writeCacheSnapshot } = await import('../helpers/hf-hub.js');

afterAll(cleanupTmp);
afterEach(() => (hooks.lstat = undefined));

describe('hub cache snapshot: a blob that cannot be looked at', () => {
  it('is an UNREADABLE problem for the link naming it; the other files are still read', async () => {
    const c = writeCacheSnapshot(path.join(await tmpDir('modelsign-hferr-'), 'hub'), 'acme/tiny-llm', sampleRepo());
    const s = await openSource(c.snapshot);
    const blobs = `${path.sep}blobs${path.sep}`;
    let denied = 0;
    hooks.lstat = (p) => {
      if (p.includes(blobs) && path.basename(p).length > 20 && denied++ === 0) throw Object.assign(new Error(`EACCES: permission denied, lstat '${p}'`), { code: 'EACCES', syscall: 'lstat', path: p });
    };
    const r = await s.read({ alg: 'sha256', ranges: (_, n) => [[0, n]], allowSymlinks: false, ignorePaths: [] });
    expect(denied).toBeGreaterThan(0);
    expect(r.listing.problems).toHaveLength(1);
    expect(r.listing.problems[0]).toMatchObject({ code: 'UNREADABLE', message: 'cannot read file information: permission denied (EACCES)' });
    expect(r.listing.files.length).toBe(sampleRepo().length - 1);
  });
});
