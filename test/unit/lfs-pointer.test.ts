/** Git LFS pointer files: the parser, and the inspector that finds them and passes bytes on. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LfsPointerInspector, mayBePointer, parseLfsPointer } from '../../src/scan/lfs-pointer.js';
import { ByteSource } from '../../src/scan/source.js';
import type { EntryContent } from '../../src/source/types.js';
import { lfsPointer } from '../helpers/hf-hub.js';
import { recorder } from '../helpers/inspectors.js';

const OID = 'sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393';
const canonical = `version https://git-lfs.github.com/spec/v1\noid ${OID}\nsize 12345\n`;
const hasGitLfs = spawnSync('git', ['lfs', 'version']).status === 0;
if (process.env.TEST_REQUIRE_GIT_LFS === '1' && !hasGitLfs) throw new Error('git lfs is not installed (TEST_REQUIRE_GIT_LFS=1)');

describe('parseLfsPointer', () => {
  it('reads the canonical pointer, with CRLF line ends, without its last newline, with the legacy version URL', () => {
    expect(parseLfsPointer(Buffer.from(canonical))).toEqual({ oid: OID, size: 12345 });
    expect(parseLfsPointer(Buffer.from(canonical.replace(/\n/g, '\r\n')))).toEqual({ oid: OID, size: 12345 });
    expect(parseLfsPointer(Buffer.from(canonical.replace('size 12345', 'size 1234567890123456')))).toEqual({ oid: OID, size: 1234567890123456 });
    expect(parseLfsPointer(Buffer.from(canonical.replace('size 12345', 'size 0')))).toEqual({ oid: OID, size: 0 });
    expect(parseLfsPointer(Buffer.from(canonical.replace('git-lfs.github.com', 'hawser.github.com')))).toEqual({ oid: OID, size: 12345 });
    expect(parseLfsPointer(Buffer.from(canonical.slice(0, -1)))).toEqual({ oid: OID, size: 12345 });
  });

  it.skipIf(!hasGitLfs)('reads what `git lfs pointer` writes', () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'modelsign-lfs-'));
    try {
      const f = path.join(d, 'w.bin');
      writeFileSync(f, Buffer.alloc(5000, 7));
      const out = execFileSync('git', ['lfs', 'pointer', `--file=${f}`], { stdio: ['ignore', 'pipe', 'ignore'] });
      expect(out).toEqual(lfsPointer(Buffer.alloc(5000, 7)));
      expect(parseLfsPointer(out)).toEqual({ oid: `sha256:${createHash('sha256').update(Buffer.alloc(5000, 7)).digest('hex')}`, size: 5000 });
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('is not fooled by text that only looks like one', () => {
    const no = (s: string | Buffer) => expect(parseLfsPointer(typeof s === 'string' ? Buffer.from(s) : s), String(s)).toBeUndefined();
    no(canonical.replace('version https://git-lfs.github.com/spec/v1', 'version https://example.com/spec/v1'));
    no(`oid ${OID}\nversion https://git-lfs.github.com/spec/v1\nsize 1\n` + ' '.repeat(10));
    no(canonical.replace(OID, 'sha256:1234'));
    no(canonical.replace(OID, OID.toUpperCase().replace('SHA256', 'sha256')));
    no(canonical.replace('size 12345', 'size -1'));
    no(canonical.replace('size 12345', 'size 12345678901234567'));
    no(canonical.replace('\nsize 12345', ''));
    no(canonical.replace('size', 'sixe'));
    no(canonical.replace('size', `ext-0-foo ${OID}\nsize`));
    no(Buffer.concat([Buffer.from(canonical), Buffer.from([0xff])]));
    no(canonical + ' '.repeat(1024));
    no('version https://git-lfs.github.com/spec/v1\n');
    expect(mayBePointer(123)).toBe(false);
    expect(mayBePointer(130)).toBe(true);
    expect(mayBePointer(151)).toBe(false);
  });
});

/** An entry as an archive hands it over: one stream, taken once. */
function streamed(name: string, bytes: Buffer): EntryContent {
  let taken = false;
  return {
    file: { name, size: bytes.length, viaLink: false },
    bytes: () => {
      if (taken) throw new Error('taken twice');
      taken = true;
      return ByteSource.fromBuffer(bytes);
    },
  };
}

describe('LfsPointerInspector', () => {
  it('finds pointers in a stream and hands the inner inspector the same stream, whole', async () => {
    const inner = recorder((f) => f.name.endsWith('.skip'));
    const lfs = new LfsPointerInspector(inner);
    const pointer = Buffer.from(canonical);
    const weights = Buffer.alloc(5000, 3);
    const small = Buffer.from('{"a": 1}'.padEnd(200, ' '));
    for (const [name, b] of [['w.safetensors', pointer], ['big.bin', weights], ['config.json', small], ['x.skip', pointer]] as const) {
      const c = streamed(name, b);
      if (lfs.wants(c.file)) await lfs.inspect(c);
    }
    expect([...lfs.found.keys()]).toEqual(['w.safetensors', 'x.skip']);
    expect(inner.asked).toEqual(['w.safetensors', 'big.bin', 'config.json', 'x.skip']);
    expect(inner.seen).toEqual(new Map([['w.safetensors', pointer], ['big.bin', weights], ['config.json', small]]));
  });

  it('alone, wants only files the size of a pointer; a file unreadable after hashing is not reported as one', async () => {
    const lfs = new LfsPointerInspector();
    expect(lfs.wants({ name: 'w', size: 5000, viaLink: false })).toBe(false);
    expect(lfs.wants({ name: 'p', size: 130, viaLink: false })).toBe(true);
    await lfs.inspect(streamed('p', Buffer.from(canonical)));
    expect(lfs.found.get('p')).toEqual({ oid: OID, size: 12345 });
    lfs.unreadable({ name: 'p', size: 130, viaLink: false }, { code: 'FILE_REPLACED', message: 'x' });
    expect(lfs.found.size).toBe(0);
  });

  it('passes an unreadable file on to the inner inspector only when it wanted it', () => {
    const inner = recorder((f) => f.name.endsWith('.skip'));
    const lfs = new LfsPointerInspector(inner);
    const skip = { name: 'a.skip', size: 130, viaLink: false };
    const keep = { name: 'b', size: 130, viaLink: false };
    lfs.wants(skip);
    lfs.wants(keep);
    lfs.unreadable(skip, { code: 'FILE_REPLACED', message: 'x' });
    lfs.unreadable(keep, { code: 'FILE_REPLACED', message: 'x' });
    expect(inner.refused).toEqual(['b:FILE_REPLACED']);
  });
});
