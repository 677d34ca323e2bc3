/**
 * Name decisions, the entry table's bounds and the link judgement of an archive
 * (src/source/tar/names.ts, entries.ts), and the pieces the archive source streams through
 * (stream-hash.ts, channel.ts): pure parts, tested alone.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChunkChannel } from '../../src/source/channel.js';
import { disjointRanges, RangeHasher } from '../../src/source/stream-hash.js';
import { EntryTable, judgeLinks, judgeStructure, Subtree, type EntryKind } from '../../src/source/tar/entries.js';
import { TarError } from '../../src/source/tar/errors.js';
import { cleanName, ModelNamer, nameProblem, RestartWithoutPrefix } from '../../src/source/tar/names.js';

describe('names', () => {
  it('cleanName drops "./" (and a directory\'s trailing "/"); nameProblem refuses unsafe and U+FFFD names', () => {
    expect(cleanName('././a/b', false)).toBe('a/b');
    expect(cleanName('./d//', true)).toBe('d');
    expect(cleanName('./', true)).toBe('');
    expect(nameProblem('')).toBeUndefined();
    expect(nameProblem('a/../b')).toBe('".." segment');
    expect(nameProblem('w\ufffd.bin')).toBe('not valid UTF-8');
    expect(nameProblem('/etc/x')).toBe('absolute path');
  });

  it('the first entry decides the top-level folder; an entry outside it asks for a restart', () => {
    const n = new ModelNamer({ mode: 'auto' });
    n.decide('m/', 'm', true);
    expect(n.folder).toBe('m');
    expect(n.toModelName('m/config.json')).toBe('config.json');
    expect(n.toModelName('m')).toBeUndefined();
    expect(() => n.toModelName('other.txt')).toThrow(RestartWithoutPrefix);
    expect(n.linkTarget('other.txt')).toBeUndefined();
    expect(n.linkTarget('./m/a.bin')).toBe('a.bin');
    const dot = new ModelNamer({ mode: 'auto' });
    dot.decide('./a/b', 'a/b', false);
    expect(dot.folder).toBeUndefined();
    const file = new ModelNamer({ mode: 'auto' });
    file.decide('config.json', 'config.json', false);
    expect(file.folder).toBeUndefined();
    // A signature listing every file under the folder keeps it.
    const signed = new ModelNamer({ mode: 'auto' }, new Set(['w/a.bin']));
    signed.decide('w/', 'w', true);
    expect(signed.toModelName('w/a.bin')).toBe('w/a.bin');
  });
});

function table(entries: Array<[string, EntryKind | string]>): EntryTable {
  const t = new EntryTable({ maxEntries: 1000, maxNameBytes: 1 << 20 });
  for (const [name, kind] of entries) {
    if (kind.startsWith('->')) t.addLink(name, kind.slice(2), name.startsWith('.git'));
    else t.add(name, kind as EntryKind, 10, !name.startsWith('.git'));
  }
  return t;
}

describe('EntryTable bounds', () => {
  it('refuses entries past maxEntries and names past maxNameBytes (TOO_MANY_FILES); a duplicate name is reported', () => {
    const t = new EntryTable({ maxEntries: 3, maxNameBytes: 20 });
    expect(t.add('a', 'file')).toBe(true);
    expect(t.add('a', 'dir')).toBe(false);
    expect(t.add('b', 'dir')).toBe(true);
    expect(() => t.add('c'.repeat(30), 'file')).toThrow(/names and link targets take more than 20 bytes/);
    const u = new EntryTable({ maxEntries: 2, maxNameBytes: 1000 });
    u.add('a', 'file');
    u.add('b', 'file');
    try {
      u.add('c', 'file');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TarError);
      expect((e as TarError).code).toBe('TOO_MANY_FILES');
      expect((e as TarError).message).toBe('archive has more than 2 entries');
    }
    const links = new EntryTable({ maxEntries: 10, maxNameBytes: 10 });
    expect(() => links.addLink('l', 'x'.repeat(20), false)).toThrow(/more than 10 bytes/);
  });
});

describe('judgeStructure and judgeLinks', () => {
  const judge = (entries: Array<[string, string]>, allow = true) => {
    const t = table(entries);
    const sub = new Subtree(t);
    const j = judgeLinks(t, sub, allow);
    return { structure: judgeStructure(t, sub).map((p) => `${p.code} ${p.message}`), links: j.problems.map((p) => `${p.code} ${p.path ?? '-'} ${p.message}`), files: j.files };
  };

  it('an entry under a symlink or a file is refused, whatever the order', () => {
    expect(judge([['.git/w.bin', 'file'], ['.git', '->sub'], ['sub', 'dir']]).structure).toEqual(['SYMLINK_REFUSED archive entry ".git/w.bin": its path goes through the symlink ".git"']);
    expect(judge([['config.json', 'file'], ['config.json/x', 'file']]).structure).toEqual(['DUPLICATE_NAME archive entry "config.json/x": its path goes through "config.json", which is not a folder']);
    expect(judge([['sub', 'dir'], ['sub/a', 'file']]).structure).toEqual([]);
  });

  it('resolves targets component by component through the archive, never lexically', () => {
    expect(judge([['x.bin', 'file'], ['m', '->x.bin']]).files).toEqual([{ name: 'm', target: 'x.bin', size: 10 }]);
    expect(judge([['x.bin', 'file'], ['sub', 'dir'], ['m', '->sub/../x.bin']]).files).toHaveLength(1);
    expect(judge([['x.bin', 'file'], ['m', '->nodir/../x.bin']]).links).toEqual(['SYMLINK_OUTSIDE - archive entry "m": symlink to "nodir/../x.bin" climbs out of "nodir", which is not a folder of the archive']);
    expect(judge([['x.bin', 'file'], ['.git', 'dir'], ['.git/a', '->../.git'], ['m', '->.git/a/../../x.bin']]).links).toContain('SYMLINK_REFUSED - archive entry "m": symlink to ".git/a/../../x.bin" goes through the symlink ".git/a"');
    expect(judge([['m', '->../x']]).links).toEqual(['SYMLINK_OUTSIDE - archive entry "m": symlink to "../x" points outside the model']);
    expect(judge([['sub', 'dir'], ['m', '->sub']]).links).toEqual(['SYMLINK_REFUSED - archive entry "m": symlink to "sub": symlinks to directories are not supported inside archives']);
    expect(judge([['m', '->.']]).links[0]).toMatch(/symlinks to directories/);
  });

  it('outside ignored paths: refused without --allow-symlinks, broken, looping, or to an ignored file; inside them left alone', () => {
    expect(judge([['x.bin', 'file'], ['m', '->x.bin']], false).links).toEqual(['SYMLINK_REFUSED m symlinks are not allowed (use --allow-symlinks for links inside the model)']);
    expect(judge([['m', '->gone']]).links).toEqual(['SYMLINK_BROKEN m symlink target does not exist in the archive']);
    expect(judge([['a', '->b'], ['b', '->a']]).links).toEqual(['SYMLINK_LOOP a symlink chain loops or is too long', 'SYMLINK_LOOP b symlink chain loops or is too long']);
    expect(judge([['.git/c', 'file'], ['m', '->.git/c']]).links).toEqual(['SYMLINK_REFUSED m symlink to an ignored file']);
    expect(judge([['.git', 'dir'], ['.git/HEAD', '->gone'], ['.git/l', '->l2'], ['.git/l2', '->.git/l']]).links).toEqual([]);
  });

  it('a link to a symlink whose own target was refused outright is broken, not a crash', () => {
    const t = new EntryTable({ maxEntries: 10, maxNameBytes: 1000 });
    t.addLink('x.bin', undefined, false);
    t.addLink('a', 'x.bin', false);
    expect(judgeLinks(t, new Subtree(t), true).problems).toEqual([{ code: 'SYMLINK_BROKEN', path: 'a', message: 'symlink target does not exist in the archive' }]);
  });

  it('the link work is bounded: past the budget the archive is refused, not walked', () => {
    const t = table([['x.bin', 'file'], ['m', `->${'a/../'.repeat(100)}x.bin`], ['sub', 'dir']]);
    const j = judgeLinks(t, new Subtree(t), true, 50);
    expect(j.problems.map((p) => p.code)).toEqual(['UNSUPPORTED_ENTRY']);
  });
});

describe('RangeHasher and disjointRanges', () => {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  it('hashes sorted disjoint ranges across any chunking; overlapping and out-of-range ones are dropped', () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    const ranges = disjointRanges(
      [
        [500, 1000],
        [0, 300],
        [250, 600],
        [300, 300],
        [900, 1200],
      ],
      1000,
    );
    expect(ranges).toEqual([
      [0, 300],
      [300, 300],
      [500, 1000],
    ]);
    for (const step of [1, 7, 300, 1000]) {
      const h = new RangeHasher(ranges, 'sha256');
      for (let i = 0; i < data.length; i += step) h.update(data.subarray(i, i + step));
      expect(h.end()).toEqual([sha(data.subarray(0, 300)), sha(Buffer.alloc(0)), sha(data.subarray(500))]);
    }
    const short = new RangeHasher([[0, 10]], 'sha256');
    short.update(Buffer.alloc(5));
    expect(short.end()).toBeUndefined();
  });
});

describe('ChunkChannel', () => {
  it('hands chunks over in order with backpressure, and drops them once the consumer stops', async () => {
    const c = new ChunkChannel(10);
    expect(c.push(Buffer.alloc(4))).toBeUndefined();
    const wait = c.push(Buffer.alloc(8));
    expect(wait).toBeInstanceOf(Promise);
    const it = c.iterator();
    let released = false;
    void wait!.then(() => (released = true));
    expect((await it.next()).value).toHaveLength(4);
    await Promise.resolve();
    expect(released).toBe(true);
    expect((await it.next()).value).toHaveLength(8);
    const pending = it.next();
    c.push(Buffer.from('x'));
    expect((await pending).value!.toString()).toBe('x');
    await it.return!();
    expect(c.push(Buffer.alloc(100))).toBeUndefined(); // dropped: the reader goes on
    expect((await it.next()).done).toBe(true);
    const d = new ChunkChannel(10);
    d.push(Buffer.from('y'));
    d.end();
    const di = d.iterator();
    expect((await di.next()).value!.toString()).toBe('y');
    expect((await di.next()).done).toBe(true);
  });
});
