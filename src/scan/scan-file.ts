/**
 * Scan one file (or one tar entry, or one zip member): recognise its format, run the right
 * checker, and collect imports and findings into a FileReport.
 */
import { stat } from 'node:fs/promises';
import { isTorchStorage, opaqueFinding, sniff, SNIFF_BYTES, type Kind } from './detect.js';
import { checkGguf } from './gguf.js';
import { readNpyHeader } from './npy.js';
import { walkPickles } from './pickle.js';
import { checkSafetensors } from './safetensors.js';
import { ByteSource } from './source.js';
import type { FileFormat, FileReport, Finding, PickleImport, ScanLimits } from './types.js';
import { openZipMember, readZipDirectory, ZipError, type ZipProblem } from './zip.js';

export interface StreamResult {
  format: FileFormat;
  pickle: boolean;
  imports: PickleImport[];
  findings: Finding[];
}

/** Scan a non-zip stream whose kind is known. Leaves the source wherever the checker stopped. */
export async function scanStream(src: ByteSource, kind: Exclude<Kind, 'zip'>, size: number, file: string, limits: ScanLimits, member?: string): Promise<StreamResult> {
  const where = member !== undefined ? { member } : {};
  switch (kind) {
    case 'pickle':
    case 'candidate': {
      const r = await walkPickles(src, { file, limits, candidate: kind === 'candidate', ...where });
      if (r.notPickle) return { format: 'unknown', pickle: false, imports: [], findings: [] };
      return { format: 'pickle', pickle: true, imports: r.imports, findings: r.findings };
    }
    case 'opaque':
      return { format: 'unknown', pickle: false, imports: [], findings: [opaqueFinding(src.peek(SNIFF_BYTES), file, member)] };
    case 'npy': {
      const h = await readNpyHeader(src);
      if (!h.ok) return { format: 'npy', pickle: false, imports: [], findings: [{ code: 'NPY_MALFORMED', severity: 'high', file, ...where, message: `not a valid .npy file: ${h.problem}` }] };
      if (!h.objectDtype) return { format: 'npy', pickle: false, imports: [], findings: [] };
      const r = await walkPickles(src, { file, limits, multiple: false, ...where });
      return { format: 'npy', pickle: true, imports: r.imports, findings: r.findings };
    }
    case 'safetensors':
      return { format: 'safetensors', pickle: false, imports: [], findings: await checkSafetensors(src, size, file, limits, member) };
    case 'gguf':
      return { format: 'gguf', pickle: false, imports: [], findings: await checkGguf(src, size, file, limits, member) };
    default:
      return { format: 'unknown', pickle: false, imports: [], findings: [] };
  }
}

/** Scan the members of a zip (PyTorch checkpoint, .npz, plain zip) on disk. */
export async function scanZip(abs: string, size: number, file: string, limits: ScanLimits): Promise<StreamResult> {
  const findings: Finding[] = [];
  const imports: PickleImport[] = [];
  let pickle = false;
  let dir;
  try {
    dir = await readZipDirectory(abs, size, limits);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    findings.push({ code: 'ZIP_MALFORMED', severity: 'high', file, message: `zip container cannot be read safely: ${e.message}` });
    return { format: 'zip', pickle: false, imports, findings };
  }
  const problem = (p: ZipProblem, member?: string): Finding => ({ code: p.ambiguous ? 'ZIP_AMBIGUOUS' : 'ZIP_MALFORMED', severity: 'high', file, ...(member !== undefined ? { member } : {}), message: p.message });
  for (const p of dir.problems) findings.push(problem(p));
  const names = dir.entries.map((e) => e.name);
  // PyTorch's reader finds data.pkl ignoring case.
  const format: FileFormat = names.some((n) => /(?:^|\/)data\.pkl$/i.test(n))
    ? 'pytorch'
    : names.length > 0 && names.every((n) => n.endsWith('.npy'))
      ? 'npz'
      : 'zip';
  for (const e of dir.entries) {
    // Raw tensor storages are read as bytes by torch.load, never unpickled.
    if (e.name.endsWith('/') || (format === 'pytorch' && isTorchStorage(e.name))) continue;
    const member = e.name;
    if (e.encrypted) {
      // PyTorch's reader ignores the flag and reads the bytes as they are: walk them so.
      findings.push({ code: 'ZIP_ENCRYPTED', severity: 'high', file, member, message: 'member is flagged as encrypted: Python\'s zipfile cannot read it without a password, PyTorch\'s reader ignores the flag' });
    }
    let src: ByteSource | undefined;
    try {
      const opened = openZipMember(abs, e, limits);
      src = opened.src;
      await src.ensure(SNIFF_BYTES);
      const sniffed = sniff(src.peek(SNIFF_BYTES), member);
      // Any member may be handed to an unpickler by name: what is not recognised is a candidate.
      const kind = sniffed === 'unknown' || (e.encrypted && sniffed === 'pickle') ? 'candidate' : sniffed;
      if (kind === 'zip') {
        for (const p of opened.problems) findings.push(problem(p, member));
        findings.push({ code: 'ZIP_NESTED', severity: 'medium', file, member, message: 'member is itself a zip archive; nested archives are not scanned' });
        continue;
      }
      const r = await scanStream(src, kind, e.size, file, limits, member);
      pickle ||= r.pickle;
      // Loops: a member's findings and imports are input-sized, too many for a spread's arguments.
      for (const x of r.imports) imports.push(x);
      for (const x of r.findings) findings.push(x);
      // Read to the end so a lying size or a corrupt deflate stream is noticed.
      await src.drain();
      for (const p of opened.problems) findings.push(problem(p, member));
    } catch (err) {
      if (!(err instanceof ZipError)) throw err;
      findings.push({ code: 'ZIP_MALFORMED', severity: 'high', file, member, message: err.message });
    } finally {
      await src?.close();
    }
  }
  return { format, pickle, imports, findings };
}

/** Compressed or archive files modelsign cannot look inside (tar and zip are handled). */
const OPAQUE_ARCHIVE = /\.(?:tar\.[a-z0-9]+|tzst|tbz2?|txz|zst|bz2|xz|lz4|7z|rar|gz|br)$/i;

export function report(file: string, size: number, r: StreamResult): FileReport {
  const findings = [...r.findings];
  // Fail closed: an archive we cannot open may hold anything.
  if (r.format === 'unknown' && OPAQUE_ARCHIVE.test(file) && !findings.some((f) => f.code === 'SCAN_SKIPPED')) {
    findings.push({ code: 'SCAN_SKIPPED', severity: 'medium', file, message: 'compressed or archive format that modelsign cannot look inside; not scanned (use .tar, .tar.gz or zip)' });
  }
  return { file, size, format: r.format, pickle: r.pickle, imports: r.imports, findings };
}

/** Scan one regular file on disk. */
export async function scanFile(abs: string, file: string, limits: ScanLimits): Promise<FileReport> {
  const size = (await stat(abs)).size;
  const src = ByteSource.fromFile(abs);
  try {
    await src.ensure(SNIFF_BYTES);
    const kind = sniff(src.peek(SNIFF_BYTES), file);
    if (kind === 'zip') {
      await src.close();
      return report(file, size, await scanZip(abs, size, file, limits));
    }
    return report(file, size, await scanStream(src, kind, size, file, limits));
  } finally {
    await src.close();
  }
}
