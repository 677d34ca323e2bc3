/**
 * `modelsign scan PATH`: a file, a directory (walked without following links out), a
 * .tar / .tar.gz archive or any other model source. The paths sign leaves out (.git,
 * .cache/huggingface, the signature...) are left out here too: scan looks at what is signed.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, usage, type Failure } from '../errors.js';
import { effectiveIgnores } from '../hashing/paths.js';
import { isReference, openSource } from '../source/index.js';
import type { ModelSource } from '../source/types.js';
import { ScanInspector } from './inspector.js';
import { DEFAULT_LIMITS, severityRank, type FileReport, type Finding, type ScanLimits, type Severity } from './types.js';

export interface ScanResult {
  path: string;
  /** True when no finding reaches the failure threshold. */
  clean: boolean;
  /** Files (or archive entries) of a format modelsign checks, and checked. */
  filesScanned: number;
  /** Files read but of no format modelsign checks (format "unknown" in `files`): not scanned. */
  filesUnknownFormat: number;
  /** Files or entries not opened at all (symlinks, FIFOs and devices, unreadable, over a limit); each has a SCAN_SKIPPED or SCAN_LIMIT finding. */
  filesRefused: number;
  files: FileReport[];
  /** Every finding, from all files, worst first. */
  findings: Finding[];
}

export interface ScanOptions {
  limits?: Partial<ScanLimits>;
  /** Lowest severity that makes the scan fail (default: low, i.e. any finding). */
  failOn?: Severity;
  /** Reads the model; default: the source openSource chooses for the path. */
  source?: ModelSource;
}

const UNSCANNED_HIGH = new Set(['UNSAFE_NAME', 'UNREADABLE', 'PATH_TOO_LONG']);

/** `refused`: files or entries that were never opened (each has its finding in `extra`). */
export function summarise(target: string, files: FileReport[], extra: Finding[], failOn: Severity = 'low', refused = 0): ScanResult {
  const findings = [...extra, ...files.flatMap((f) => f.findings)].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const clean = !findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  const unknown = files.filter((f) => f.format === 'unknown').length;
  return { path: target, clean, filesScanned: files.length - unknown, filesUnknownFormat: unknown, filesRefused: refused, files, findings };
}

/** Why a listed entry was not opened, worded for scan (which has no --allow-symlinks: it never follows a link). */
function notScanned(p: Failure): string {
  // A problem of the model as a whole (an archive's structure) names its entry itself.
  if (p.path === undefined) return `not scanned: ${p.message}`;
  switch (p.code) {
    case 'SYMLINK_REFUSED':
      return 'not scanned: a symlink (scan never follows links; scan the file it points to)';
    case 'SYMLINK_OUTSIDE':
      return 'not scanned: a symlink pointing outside the scanned directory (scan never follows links)';
    default:
      return `not scanned: ${p.message}`;
  }
}

/** The source for a path (or reference) given to scan: SCAN_NOT_FOUND when there is nothing there. */
async function scanSource(target: string): Promise<ModelSource> {
  if (isReference(target)) return openSource(target);
  let st;
  try {
    st = await lstat(target);
  } catch (e) {
    throw usage('SCAN_NOT_FOUND', errnoCode(e) === 'ENOENT' ? `no such file or directory: ${target}` : `cannot read ${target}: ${errnoCode(e) ?? String(e)}`);
  }
  if (!st.isFile() && !st.isDirectory() && !st.isSymbolicLink()) throw usage('SPECIAL_FILE', `not a file, directory or archive: ${target}`);
  return openSource(target);
}

export async function scanPath(target: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const source = opts.source ?? (await scanSource(target));
  const inspector = new ScanInspector(limits);
  const ignorePaths = effectiveIgnores(source.model, source.defaultSignaturePath(), source.defaultIgnores, []);
  // The same read sign and verify make, with nothing hashed: links are never followed.
  const { listing } = await source.read({ ranges: () => [], allowSymlinks: false, ignorePaths, inspector });
  // An archive's entries are shown as ARCHIVE:NAME, NAME relative to the model root as verify names it.
  const shown = source.kind === 'archive' ? (name: string) => `${path.basename(target)}:${name}` : (name: string) => name;
  for (const r of inspector.reports) {
    r.file = shown(r.file);
    for (const f of r.findings) f.file = shown(f.file);
  }
  for (const f of inspector.findings) f.file = shown(f.file);
  // One code per finding: SCAN_SKIPPED, the listing's reason (SPECIAL_FILE, SYMLINK_REFUSED...) in words.
  // Links and special files are not content a loader reads as the model (medium). An entry
  // we cannot name (not UTF-8), list or open (UNREADABLE, PATH_TOO_LONG), and anything wrong
  // with an archive as a whole, is content we could not look at, which a loader may still
  // read: high, so `--fail-on high` never says clean.
  const extra: Finding[] = listing.problems.map((p) => ({
    code: 'SCAN_SKIPPED',
    severity: UNSCANNED_HIGH.has(p.code) || p.path === undefined ? 'high' : 'medium',
    file: p.path !== undefined ? shown(p.path) : path.basename(target),
    message: notScanned(p),
  }));
  for (const f of inspector.findings) extra.push(f);
  // Every extra finding is an entry that was never opened.
  return summarise(target, inspector.reports, extra, opts.failOn, listing.problems.length + inspector.refused);
}
