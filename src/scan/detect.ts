/**
 * Recognise a file's format from its first bytes, with the name only as a fallback: a pickle
 * renamed to .txt is still a pickle, and a ".safetensors" that is not one must be reported,
 * not skipped.
 */
import { NPY_MAGIC } from './npy.js';

export type Kind = 'zip' | 'pickle' | 'npy' | 'safetensors' | 'gguf' | 'unknown';

/** Extensions torch, pickle and joblib files use. */
export const PICKLE_EXTENSIONS = ['.pkl', '.pickle', '.bin', '.pt', '.pth', '.ckpt', '.joblib'];

/** Bytes detection looks at. */
export const SNIFF_BYTES = 64;

function ext(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

/** Protocol 0/1 pickles have no header; they start with an opcode such as GLOBAL or MARK. */
function looksLikeOldPickle(head: Buffer): boolean {
  const t = head.toString('latin1');
  // An import line pair followed by a plausible next opcode, or a container opened with a memo
  // PUT, as pickle.dumps writes them; plain text rarely looks like either.
  return (
    /^\(?[ci][A-Za-z_][\w.]*\n[A-Za-z_][\w.]*\n[(pq)N}\]SVIFKJMXUR.\x85\x86\x87]/.test(t) ||
    /^\((?:dp\d+\n|lp\d+\n|t[.Rp])/.test(t) ||
    // A memo PUT's operand byte is 0 (q\x00): the control character is the point.
    // eslint-disable-next-line no-control-regex
    /^[}\]](?:q\x00|\(|\.)/.test(t)
  );
}

export function sniff(head: Buffer, name: string): Kind {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return 'zip';
  if (head.length >= 6 && head.subarray(0, 6).equals(NPY_MAGIC)) return 'npy';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'GGUF') return 'gguf';
  if (head.length >= 9 && head[8] === 0x7b && head.readBigUInt64LE(0) < 100_000_000n) return 'safetensors';
  if (head.length >= 2 && head[0] === 0x80 && head[1]! <= 5) return 'pickle';
  const e = ext(name);
  if (looksLikeOldPickle(head)) return 'pickle';
  // By name: the checker for that format then says what is wrong with it.
  if (e === '.safetensors') return 'safetensors';
  if (e === '.gguf') return 'gguf';
  if (e === '.npy') return 'npy';
  if (e === '.npz' || e === '.zip') return 'zip';
  // .bin is also used for raw weights; it is a pickle only if its content says so.
  if (e !== '.bin' && PICKLE_EXTENSIONS.includes(e)) return 'pickle';
  return 'unknown';
}

/** Zip members worth opening: pickles, arrays and weight files; never raw storages. */
export function memberWorthScanning(name: string): boolean {
  const e = ext(name);
  return PICKLE_EXTENSIONS.includes(e) || e === '.npy' || e === '.safetensors' || e === '.gguf';
}
