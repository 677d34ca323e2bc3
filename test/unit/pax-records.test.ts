/** paxRecordProblem: pax records read by length (GNU tar, Python) and line by line (node-tar) must agree. */
import { describe, expect, it } from 'vitest';
import { paxRecordProblem } from '../../src/hashing/archive.js';
import { paxData } from '../helpers/tar.js';

describe('paxRecordProblem', () => {
  it('accepts what tar writers write', () => {
    expect(paxRecordProblem(paxData({ path: `models/${'x'.repeat(300)}.bin`, mtime: '1700000000.5', 'SCHILY.xattr.user.k': 'v' }))).toBeUndefined();
    expect(paxRecordProblem(paxData({ size: '123' }) + '\0\0\0')).toBeUndefined(); // NUL padding
    // A binary xattr after the path (read as U+FFFD) cannot be measured, and names nothing.
    expect(paxRecordProblem(paxData({ path: 'a.bin' }) + '20 SCHILY.xattr.b=\ufffd\n')).toBeUndefined();
  });
  it('refuses records the two readings disagree on', () => {
    expect(paxRecordProblem('14 path=w.binX')).toBe('a record that does not end with a newline');
    expect(paxRecordProblem('x path=a\n')).toBe('a record without a length');
    expect(paxRecordProblem('99 path=a\n')).toBe('a record length past the header');
    expect(paxRecordProblem('6 =ab\n')).toBe('a record without a key');
    expect(paxRecordProblem(paxData({ comment: 'x\n13 path=evil' }))).toBe('its "path" record is read differently by other tar readers');
    expect(paxRecordProblem(paxData({ comment: 'x\n12 size=999' }))).toBe('its "size" record is read differently by other tar readers');
    expect(paxRecordProblem('20 SCHILY.xattr.b=\ufffd\n' + paxData({ path: 'a.bin' }))).toBe('a naming record follows bytes that are not UTF-8');
  });
});
