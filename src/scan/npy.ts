/**
 * numpy .npy: a short Python-literal header, then raw array bytes - unless the dtype is
 * object ("O"), in which case the data is a pickle and np.load(allow_pickle=True) runs it.
 */
import type { ByteSource } from './source.js';

export const NPY_MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY

export type NpyHeader = { ok: true; objectDtype: boolean; header: string } | { ok: false; problem: string };

/** Read the header; on return the source is at the start of the array data. */
export async function readNpyHeader(src: ByteSource): Promise<NpyHeader> {
  if (!(await src.ensure(10))) return { ok: false, problem: 'file is too short for a .npy header' };
  const head = src.take(8);
  if (!head.subarray(0, 6).equals(NPY_MAGIC)) return { ok: false, problem: 'missing the \\x93NUMPY magic' };
  const major = head[6]!;
  if (major < 1 || major > 3) return { ok: false, problem: `unsupported .npy version ${major}` };
  const len = major === 1 ? (await src.read(2)).readUInt16LE(0) : (await src.read(4)).readUInt32LE(0);
  if (len > 1 << 20) return { ok: false, problem: `header length ${len} is implausibly large` };
  if (!(await src.ensure(len))) return { ok: false, problem: 'header runs past the end of the file' };
  const header = src.take(len).toString(major === 3 ? 'utf8' : 'latin1');
  if (!/'descr'\s*:/.test(header)) return { ok: false, problem: 'header has no descr' };
  // Fail closed: any object typecode anywhere in the header (plain or inside a structured
  // dtype) means the data may be pickled.
  const objectDtype = /['"][|<>=]?O\d*['"]/.test(header) || /object/.test(header);
  return { ok: true, objectDtype, header: header.trim() };
}
