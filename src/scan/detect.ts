/**
 * Recognise a file's format from its first bytes, with the name only as a fallback: a pickle
 * renamed to .txt is still a pickle, and a ".safetensors" that is not one must be reported,
 * not skipped.
 *
 * Pickles have no magic number (protocol 0 and 1 start with any opcode), so the name decides
 * what is walked when the content does not say: files named as pickles always are; files
 * named as loaders also unpickle them - torch.load takes any name (`pytorch_model.bin`,
 * `training_args.bin`), joblib and pickle `.dat`/`.sav`/`.model` files, np.load falls back
 * to pickle for anything that is not .npy/.npz, and extension-less names - are walked as
 * *candidates*: a candidate CPython's unpickler refuses before importing anything is not a
 * pickle (raw weights), anything else is reported like a pickle.
 */
import { NPY_MAGIC } from './npy.js';
import type { Finding } from './types.js';

export type Kind = 'zip' | 'pickle' | 'candidate' | 'npy' | 'safetensors' | 'gguf' | 'opaque' | 'unknown';

/** Extensions pickle, torch and joblib files use: always walked as pickles. */
export const PICKLE_EXTENSIONS = ['.pkl', '.pickle', '.pt', '.pth', '.ckpt', '.joblib'];

/** Extensions loaders also read with pickle (torch.load, joblib.load, pickle.load by convention). */
export const CANDIDATE_EXTENSIONS = ['.bin', '.dat', '.data', '.model', '.sav', '.p', '.pk', '.pck', '.pkz', '.mdl', '.torch', '.pytorch', '.tar'];

/** Bytes detection looks at (a tar header's magic sits at offset 257). */
export const SNIFF_BYTES = 512;

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

const starts = (head: Buffer, ...bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/**
 * Compressed and archive formats modelsign does not open, by their magic number; none of
 * these byte sequences can begin a pickle CPython accepts. joblib and pandas decompress
 * gzip/bz2/xz/lzma/zlib/lz4 pickles before unpickling them; torch.load reads a tar as its
 * oldest checkpoint format, whose members it unpickles.
 */
export function opaqueFormat(head: Buffer): string | undefined {
  if (starts(head, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7z archive';
  if (starts(head, 0x52, 0x61, 0x72, 0x21, 0x1a, 0x07)) return 'RAR archive';
  if (starts(head, 0x1f, 0x8b)) return 'gzip-compressed data';
  if (starts(head, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz-compressed data';
  if (starts(head, 0x28, 0xb5, 0x2f, 0xfd)) return 'zstd-compressed data';
  if (starts(head, 0x04, 0x22, 0x4d, 0x18)) return 'lz4-compressed data';
  if (head.length >= 10 && head.toString('latin1', 0, 3) === 'BZh' && head[3]! >= 0x31 && head[3]! <= 0x39 && head.toString('hex', 4, 10) === '314159265359') return 'bzip2-compressed data';
  if (starts(head, 0x5d, 0x00, 0x00)) return 'lzma-compressed data';
  if (head.length >= 2 && head[0] === 0x78 && ((head[0] << 8) | head[1]!) % 31 === 0) return 'zlib-compressed data';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar archive';
  return undefined;
}

/** The kind the first bytes prove whatever the file is called, if they prove one. */
export function contentKind(head: Buffer): Kind | undefined {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return 'zip';
  if (head.length >= 6 && head.subarray(0, 6).equals(NPY_MAGIC)) return 'npy';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'GGUF') return 'gguf';
  if (head.length >= 9 && head[8] === 0x7b && head.readBigUInt64LE(0) < 100_000_000n) return 'safetensors';
  if (head.length >= 2 && head[0] === 0x80 && head[1]! <= 5) return 'pickle';
  if (opaqueFormat(head)) return 'opaque';
  if (looksLikeOldPickle(head)) return 'pickle';
  return undefined;
}

/** The kind a name alone gives (the checker for that format then says what is wrong with it). */
export function nameKind(name: string): Kind {
  const e = ext(name);
  if (e === '.safetensors') return 'safetensors';
  if (e === '.gguf') return 'gguf';
  if (e === '.npy') return 'npy';
  if (e === '.npz' || e === '.zip') return 'zip';
  if (PICKLE_EXTENSIONS.includes(e)) return 'pickle';
  if (e === '' || CANDIDATE_EXTENSIONS.includes(e)) return 'candidate';
  return 'unknown';
}

export function sniff(head: Buffer, name: string): Kind {
  return contentKind(head) ?? nameKind(name);
}

/** Is this a name pickle loaders read (so opaque content under it may well be a pickle)? */
export function pickleName(name: string): boolean {
  const e = ext(name);
  return e === '' || PICKLE_EXTENSIONS.includes(e) || CANDIDATE_EXTENSIONS.includes(e);
}

/** torch.save's raw tensor storages: `<archive>/data/<key>`, read as bytes, never unpickled. */
export function isTorchStorage(name: string): boolean {
  return /^[^/]+\/data\/\d+$/.test(name);
}

/**
 * The finding for opaque content: high under a name loaders unpickle (joblib and pandas
 * decompress such a file first; torch.load unpickles a tar checkpoint's members), medium
 * elsewhere - content modelsign could not look at either way.
 */
export function opaqueFinding(head: Buffer, file: string, member?: string): Finding {
  const what = opaqueFormat(head) ?? 'compressed data';
  const where = member !== undefined ? { member } : {};
  if (!pickleName(member ?? file)) {
    return { code: 'SCAN_SKIPPED', severity: 'medium', file, ...where, message: `${what}, which modelsign cannot look inside; not scanned` };
  }
  const how = what === 'tar archive' ? 'torch.load reads a tar as its oldest checkpoint format and unpickles the members' : what.endsWith('archive') ? 'its members may be pickles' : 'joblib and pandas decompress such a file and unpickle it';
  return { code: 'SCAN_SKIPPED', severity: 'high', file, ...where, message: `${what} under a name pickle loaders read (${how}); not scanned` };
}
