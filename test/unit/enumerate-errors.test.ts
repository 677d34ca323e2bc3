/**
 * File system errors met while listing a model, injected deterministically: readdir and lstat
 * are wrapped (vi.mock) so a chosen path fails with a chosen errno, or the tree changes at an
 * exact point of the walk. Every errno must become a listing problem (verify: exit 1, sign: a
 * refusal), never a thrown error ("internal error", exit 3); an entry may be skipped as
 * deleted only when it really is gone from a directory that is still the one listed.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

type Hook = (p: string) => void;
const hooks: { readdir?: Hook; lstat?: Hook } = {};

vi.mock('node:fs', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((p: string, o: unknown) => {
    hooks.readdir?.(String(p));
    return (orig.readdirSync as (p: string, o: unknown) => unknown)(p, o);
  }) as typeof orig.readdirSync;
  const lstatSync = ((p: string, o: unknown) => {
    hooks.lstat?.(String(p));
    return (orig.lstatSync as (p: string, o: unknown) => unknown)(p, o);
  }) as typeof orig.lstatSync;
  const fs = { ...orig, readdirSync, lstatSync };
  return { ...fs, default: fs };
});

const { enumerateModel } = await import('../../src/source/walk.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'modelsign-enum-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  hooks.readdir = undefined;
  hooks.lstat = undefined;
});

function errno(code: string, syscall: string, p: string): Error {
  return Object.assign(new Error(`${code}: injected, ${syscall} '${p}'`), { code, syscall, path: p });
}

/** model/{a.bin, sub/w.bin, sub/x.bin} */
function setup(name: string): string {
  const model = path.join(work, name);
  mkdirSync(path.join(model, 'sub'), { recursive: true });
  writeFileSync(path.join(model, 'a.bin'), 'a');
  writeFileSync(path.join(model, 'sub', 'w.bin'), 'w');
  writeFileSync(path.join(model, 'sub', 'x.bin'), 'x');
  return model;
}

const list = (model: string) => enumerateModel(model, { ignorePaths: [], allowSymlinks: false });

describe('enumerateModel: errors from readdir and lstat become listing problems', () => {
  const cases: { title: string; at: 'readdir' | 'lstat'; target: string; code: string; problem: { code: string; path: string; message: string } }[] = [
    { title: 'EACCES listing a directory', at: 'readdir', target: 'sub', code: 'EACCES', problem: { code: 'UNREADABLE', path: 'sub', message: 'cannot list directory: permission denied (EACCES)' } },
    { title: 'EIO listing a directory', at: 'readdir', target: 'sub', code: 'EIO', problem: { code: 'UNREADABLE', path: 'sub', message: 'cannot list directory (EIO)' } },
    { title: 'EMFILE listing a directory', at: 'readdir', target: 'sub', code: 'EMFILE', problem: { code: 'UNREADABLE', path: 'sub', message: 'cannot list directory (EMFILE)' } },
    { title: 'EACCES listing the model root', at: 'readdir', target: '', code: 'EACCES', problem: { code: 'UNREADABLE', path: '.', message: 'cannot list directory: permission denied (EACCES)' } },
    { title: 'EACCES on an entry', at: 'lstat', target: 'sub/w.bin', code: 'EACCES', problem: { code: 'UNREADABLE', path: 'sub/w.bin', message: 'cannot read file information: permission denied (EACCES)' } },
    { title: 'ENAMETOOLONG on an entry', at: 'lstat', target: 'sub/w.bin', code: 'ENAMETOOLONG', problem: { code: 'PATH_TOO_LONG', path: 'sub/w.bin', message: expect.stringMatching(/^path too long to open \(ENAMETOOLONG\)/) as unknown as string } },
    { title: 'ENAMETOOLONG listing a directory', at: 'readdir', target: 'sub', code: 'ENAMETOOLONG', problem: { code: 'PATH_TOO_LONG', path: 'sub', message: expect.stringMatching(/^path too long to open \(ENAMETOOLONG\)/) as unknown as string } },
    { title: 'ELOOP on an entry', at: 'lstat', target: 'a.bin', code: 'ELOOP', problem: { code: 'UNREADABLE', path: 'a.bin', message: 'cannot read file information (ELOOP)' } },
  ];
  for (const c of cases) {
    it(`${c.title} -> ${c.problem.code}, the rest still listed`, async () => {
      const model = setup(`err-${c.title.replace(/\W+/g, '-')}`);
      const abs = c.target === '' ? model : path.join(model, c.target);
      let armed = true;
      hooks[c.at] = (p) => {
        if (armed && p === abs) {
          armed = false;
          throw errno(c.code, c.at === 'readdir' ? 'scandir' : 'lstat', p);
        }
      };
      const l = await list(model);
      expect(armed).toBe(false);
      expect(l.problems).toEqual([c.problem]);
      const expected = ['a.bin', 'sub/w.bin', 'sub/x.bin'].filter((n) => n !== c.target && !(c.at === 'readdir' && (c.target === '' || n.startsWith(`${c.target}/`))));
      expect(l.files.map((f) => f.name)).toEqual(expected);
    });
  }

  it('an error that is not a file system error (a bug) is still thrown', async () => {
    const model = setup('err-bug');
    hooks.readdir = (p) => {
      if (p === path.join(model, 'sub')) throw new TypeError('a bug');
    };
    await expect(list(model)).rejects.toThrow(TypeError);
  });
});

describe('enumerateModel: an entry is skipped as deleted only when it is really gone', () => {
  it('control: a file deleted between readdir and its lstat is not part of the model any more', async () => {
    const model = setup('gone-real');
    const victim = path.join(model, 'sub', 'w.bin');
    hooks.readdir = (p) => {
      if (p === path.join(model, 'sub')) hooks.lstat = (q) => void (q === victim && (unlinkSync(victim), (hooks.lstat = undefined)));
    };
    const l = await list(model);
    expect(l.problems).toEqual([]);
    expect(l.files.map((f) => f.name)).toEqual(['a.bin', 'sub/x.bin']);
  });

  it('the directory swapped for another (empty) one after its readdir: its entries "vanish" -> FILE_REPLACED, not skipped', async () => {
    const model = setup('gone-swapped');
    const sub = path.join(model, 'sub');
    let listed = false;
    hooks.readdir = (p) => {
      if (p === sub) listed = true;
    };
    hooks.lstat = (q) => {
      if (listed && q === path.join(sub, 'w.bin')) {
        hooks.lstat = undefined;
        renameSync(sub, path.join(model, 'sub.old'));
        mkdirSync(sub);
      }
    };
    const l = await list(model);
    expect(l.problems).toEqual([{ code: 'FILE_REPLACED', path: 'sub', message: 'directory was replaced while the model was being listed' }]);
    expect(l.files.map((f) => f.name).filter((n) => n.startsWith('sub/'))).toEqual([]);
  });
});

describe('enumerateModel: names that are not valid UTF-8', () => {
  it('are problems (escaped), never skipped; a valid U+FFFD beside them is listed', async () => {
    const model = setup('utf8');
    const raw = (...parts: (string | number[])[]) => Buffer.concat([Buffer.from(model + '/'), ...parts.map((p) => Buffer.from(p as never))]);
    writeFileSync(raw('bad', [0xff], '.bin'), 'x');
    mkdirSync(raw('dir', [0xed, 0xa0, 0x80])); // an encoded UTF-16 surrogate: not UTF-8
    writeFileSync(raw('dir', [0xed, 0xa0, 0x80], '/in.bin'), 'x');
    writeFileSync(path.join(model, 'ok\ufffd.bin'), 'x');
    const l = await list(model);
    expect(l.problems).toEqual([
      { code: 'UNSAFE_NAME', path: 'bad\\xff.bin', message: 'file name is not valid UTF-8' },
      { code: 'UNSAFE_NAME', path: 'dir\\xed\\xa0\\x80', message: 'directory name is not valid UTF-8' },
    ]);
    expect(l.files.map((f) => f.name)).toEqual(['a.bin', 'ok\ufffd.bin', 'sub/w.bin', 'sub/x.bin']);
  });
});

describe('enumerateModel: the file bound', () => {
  it('counts refused entries with files; past the bound the listing is one TOO_MANY_FILES problem', async () => {
    const model = setup('bound');
    for (const n of ['l1', 'l2', 'l3']) symlinkSync(`/nowhere/${n}`, path.join(model, n));
    const bounded = await enumerateModel(model, { ignorePaths: [], allowSymlinks: false, maxFiles: 5 });
    expect(bounded.files).toEqual([]);
    expect(bounded.problems).toEqual([{ code: 'TOO_MANY_FILES', message: 'model has more than 5 files' }]);
    const within = await enumerateModel(model, { ignorePaths: [], allowSymlinks: false, maxFiles: 6 });
    expect(within.files).toHaveLength(3);
    expect(within.problems.map((p) => p.code)).toEqual(['SYMLINK_BROKEN', 'SYMLINK_BROKEN', 'SYMLINK_BROKEN']);
  });

  it('a folder of refused entries only (broken links) is bounded too', async () => {
    const model = path.join(work, 'bound-links');
    mkdirSync(model);
    for (let i = 0; i < 12; i++) symlinkSync(`/nowhere/${i}`, path.join(model, `l${i}`));
    const bounded = await enumerateModel(model, { ignorePaths: [], allowSymlinks: false, maxFiles: 5 });
    expect(bounded.problems).toEqual([{ code: 'TOO_MANY_FILES', message: 'model has more than 5 files' }]);
  });
});
