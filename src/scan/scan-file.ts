/**
 * Scan one file (or one tar entry, or one zip member): recognise its format, run the right
 * checker, and collect imports and findings into a FileReport.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { errnoCode } from '../errors.js';
import { handleReader } from '../source/random-access.js';
import type { EntryContent, RandomAccess } from '../source/types.js';
import { contentKind, isTorchStorage, nameKind, opaqueFinding, sniff, SNIFF_BYTES, type Kind } from './detect.js';
import { checkGguf } from './gguf.js';
import { LFS_PULL, lfsPointerText, pointerIn } from './lfs-pointer.js';
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

/** Scan the members of a zip (PyTorch checkpoint, .npz, plain zip) read with random access. */
export async function scanZip(abs: RandomAccess, file: string, limits: ScanLimits): Promise<StreamResult> {
  const findings: Finding[] = [];
  const imports: PickleImport[] = [];
  let pickle = false;
  let dir;
  try {
    dir = await readZipDirectory(abs, limits);
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

/**
 * Copy a stream that holds a zip to a private temporary file, for random access: an archive
 * entry cannot seek, and a zip is read from its end. The copy is made from the very bytes
 * being hashed, in a directory only this process can read, and removed afterwards.
 */
async function withSpooled<T>(src: ByteSource, use: (ra: RandomAccess) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelsign-scan-'));
  try {
    const dest = path.join(dir, 'member.zip');
    const ws = createWriteStream(dest, { mode: 0o600 });
    try {
      while (await src.ensure(1)) {
        if (!ws.write(Buffer.from(src.take(src.buffered)))) await once(ws, 'drain');
      }
    } finally {
      ws.end();
      await once(ws, 'close');
    }
    const fh = await open(dest, 'r');
    try {
      return await use(handleReader(fh, (await fh.stat()).size));
    } finally {
      await fh.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Scan one entry's bytes as a source hands them over. `shown` names it in findings. A zip in
 * an entry that cannot seek is spooled (see withSpooled) unless it is over maxMemberBytes:
 * then it is a finding, never silently skipped. `named` says whether the entry's name chose
 * how it was read: bytes with no magic number of their own are checked as the name says, so
 * the same bytes under another name may need another check.
 */
export async function scanEntry(content: EntryContent, shown: string, limits: ScanLimits): Promise<{ report: FileReport; named: boolean }> {
  let named = false;
  const report = await scanBytes(content, shown, limits, () => (named = true));
  return { report, named };
}

async function scanBytes(content: EntryContent, shown: string, limits: ScanLimits, byName: () => void): Promise<FileReport> {
  const size = content.file.size;
  const src = content.bytes();
  try {
    // A Git LFS pointer stands in for the file: no format to check, and the file is not there.
    const pointer = await pointerIn(src, size);
    if (pointer) {
      const finding: Finding = { code: 'LFS_POINTER', severity: 'high', file: shown, message: `${lfsPointerText(pointer)} in place of the file: ${LFS_PULL}` };
      return report(shown, size, { format: 'unknown', pickle: false, imports: [], findings: [finding] });
    }
    await src.ensure(SNIFF_BYTES);
    const proven = contentKind(src.peek(SNIFF_BYTES));
    if (proven === undefined) byName();
    const kind = proven ?? nameKind(shown);
    if (kind !== 'zip') return report(shown, size, await scanStream(src, kind, size, shown, limits));
    if (content.random) return report(shown, size, await scanZip(content.random, shown, limits));
    if (size > limits.maxMemberBytes) {
      const finding: Finding = { code: 'SCAN_LIMIT', severity: 'high', file: shown, message: `zip member of ${size} bytes is over the ${limits.maxMemberBytes}-byte limit for copying out of the archive; not scanned` };
      return report(shown, size, { format: 'zip', pickle: false, imports: [], findings: [finding] });
    }
    try {
      return report(shown, size, await withSpooled(src, (ra) => scanZip(ra, shown, limits)));
    } catch (e) {
      // No writable temp dir (a read-only pod) or a full disk: say so, fail closed.
      const code = errnoCode(e);
      if (code === undefined) throw e;
      const finding: Finding = { code: 'SCAN_SKIPPED', severity: 'high', file: shown, message: `zip member cannot be copied out of the archive to scan it (${code}; set TMPDIR to a writable directory); not scanned` };
      return report(shown, size, { format: 'zip', pickle: false, imports: [], findings: [finding] });
    }
  } finally {
    await src.close();
  }
}

/** Scan one regular file on disk by path (tests, and files outside any model source). */
export async function scanFile(abs: string, file: string, limits: ScanLimits): Promise<FileReport> {
  const fh = await open(abs, 'r');
  try {
    const size = (await fh.stat()).size;
    const random = handleReader(fh, size);
    return (await scanEntry({ file: { name: file, size, viaLink: false }, bytes: () => ByteSource.fromRandom(random), random }, file, limits)).report;
  } finally {
    await fh.close();
  }
}
