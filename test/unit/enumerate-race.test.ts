/**
 * A directory swapped for a link out of the model while the model is being listed.
 * Deterministic: readdir is wrapped (vi.mock) so the swap happens exactly at the readdir of
 * the armed directory - just before it, or just after it.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const arm: { dir?: string; when?: 'before' | 'after'; swap?: () => void } = {};

vi.mock('node:fs', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((p: string, o: unknown) => {
    const hit = arm.dir !== undefined && p === arm.dir;
    if (hit && arm.when === 'before') arm.swap?.();
    const out = (orig.readdirSync as (p: string, o: unknown) => unknown)(p, o);
    if (hit && arm.when === 'after') arm.swap?.();
    if (hit) arm.dir = undefined;
    return out;
  }) as typeof orig.readdirSync;
  return { ...orig, readdirSync, default: { ...orig, readdirSync } };
});

const { enumerateModel } = await import('../../src/source/walk.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'modelsign-enum-race-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  arm.dir = undefined;
});

function setup(name: string) {
  const model = path.join(work, name, 'model');
  const outside = path.join(work, name, 'outside');
  mkdirSync(path.join(model, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(model, 'sub', 'w.bin'), 'inside');
  writeFileSync(path.join(outside, 'w.bin'), 'outside');
  writeFileSync(path.join(outside, 'evil.py'), 'import os');
  const swap = () => {
    renameSync(path.join(model, 'sub'), path.join(model, 'sub.old'));
    symlinkSync(outside, path.join(model, 'sub'));
  };
  return { model, outside, swap };
}

describe('enumerateModel: a directory swapped while listing', () => {
  for (const when of ['before', 'after'] as const) {
    it(`swapped for a link out of the model just ${when} its readdir -> FILE_REPLACED, nothing outside listed`, async () => {
      const t = setup(`swap-${when}`);
      Object.assign(arm, { dir: path.join(t.model, 'sub'), when, swap: t.swap });
      const l = await enumerateModel(t.model, { ignorePaths: [], allowSymlinks: false });
      expect(l.problems).toEqual([expect.objectContaining({ code: 'FILE_REPLACED', path: 'sub' })]);
      expect(l.files.filter((f) => f.name.startsWith('sub/'))).toEqual([]);
    });
  }

  it('control: no swap, the directory is listed', async () => {
    const t = setup('no-swap');
    const l = await enumerateModel(t.model, { ignorePaths: [], allowSymlinks: false });
    expect(l.problems).toEqual([]);
    expect(l.files.map((f) => f.name)).toEqual(['sub/w.bin']);
  });
});
