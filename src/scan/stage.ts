/**
 * The verify stage behind a policy's `formats: { deny: [...], scan: bool }`.
 *
 * Its inspector reads every file of the model during the read that hashes it (a directory's
 * files through the verified descriptor, an archive's entries as they stream), and its check
 * runs after the signature and every file hash verified. `scan: true` fails the model on any scanner finding; `deny` fails every file of a
 * denied format, clean or not - `pickle` covers every file whose loading unpickles (plain
 * pickles, PyTorch zips, object-dtype .npy), since a clean scan today is no promise about
 * the next loader.
 */
import { usage, type Failure } from '../errors.js';
import type { VerifyContext, VerifyStage } from '../verify/stage.js';
import { clean } from '../util/one-line.js';
import { ScanInspector } from './inspector.js';
import { DEFAULT_LIMITS, DENIABLE_FORMATS, SEVERITIES, severityRank, type FileReport, type Finding, type ScanLimits, type Severity } from './types.js';
import type { FormatsPolicy as PolicyFormats } from '../policy/types.js';

/** Format names a policy may deny. */
export { DENIABLE_FORMATS } from './types.js';

/** A policy's `formats` section, every field optional (failOn defaults to low, i.e. any finding). */
export type FormatsPolicy = Partial<PolicyFormats>;

function denied(report: FileReport, deny: ReadonlySet<string>): string | undefined {
  // A PyTorch checkpoint always unpickles its data.pkl, even when the scanner could not read
  // that member (encrypted, over a limit): it is pickle-bearing by its format alone.
  if (deny.has('pickle') && (report.pickle || report.format === 'pytorch')) return report.format === 'pickle' ? 'pickle' : `pickle (inside ${report.format})`;
  if (deny.has(report.format)) return report.format;
  return undefined;
}

export function formatsStage(formats: FormatsPolicy, limits: Partial<ScanLimits> = {}): VerifyStage {
  const deny = new Set((formats.deny ?? []).map((d) => d.toLowerCase()));
  for (const d of deny) {
    if (!(DENIABLE_FORMATS as readonly string[]).includes(d)) {
      throw usage('POLICY_INVALID', `formats.deny: unknown format "${d}" (known: ${DENIABLE_FORMATS.join(', ')})`);
    }
  }
  const scan = formats.scan === true;
  const failOn = formats.failOn ?? 'low';
  if (!SEVERITIES.includes(failOn)) throw usage('POLICY_INVALID', `formats.failOn: unknown severity "${String(failOn)}" (known: ${SEVERITIES.join(', ')})`);
  const lim = { ...DEFAULT_LIMITS, ...limits };
  return {
    name: 'formats',
    produces: 'scan',
    start: () => {
      if (!scan && deny.size === 0) return { check: () => [] };
      // Every file the read lists (and every signed file under an ignored path) is scanned, in
      // the same read that hashed it: what is judged here is the bytes that verified.
      const inspector = new ScanInspector(lim);
      return { inspector, check: (ctx) => judgeScan(inspector, { deny, scan, failOn }, ctx) };
    },
  };
}

/** The policy's verdict on what the inspector found. */
function judgeScan(inspector: ScanInspector, rules: { deny: ReadonlySet<string>; scan: boolean; failOn: Severity }, ctx: VerifyContext): Failure[] {
  const failures: Failure[] = [];
  const findingFailures = (shown: string, findings: readonly Finding[]): void => {
    if (!rules.scan) return;
    for (const x of findings) {
      if (severityRank(x.severity) < severityRank(rules.failOn)) continue;
      // Imported names come from the file: keep the refusal one line.
      failures.push({ code: 'SCAN_FINDING', path: shown, message: clean(`${x.severity}: ${x.member !== undefined ? `${x.member}: ` : ''}${x.message} [${x.code}]`, 2000) });
    }
  };
  // A file (or a zip inside an archive) that could not be looked at may be of a denied format: fail closed.
  const unchecked = (shown: string, findings: readonly Finding[]): void => {
    if (rules.deny.size === 0) return;
    for (const x of findings) {
      if ((x.code === 'SCAN_SKIPPED' || x.code === 'SCAN_LIMIT') && severityRank(x.severity) >= severityRank('high')) {
        failures.push({ code: 'FORMAT_UNCHECKED', path: shown, message: clean(`cannot tell whether this is a denied format: ${x.message}`, 2000) });
      }
    }
  };
  for (const r of inspector.reports) {
    const why = denied(r, rules.deny);
    if (why) failures.push({ code: 'FORMAT_DENIED', path: r.file, message: `policy denies ${why} files` });
    findingFailures(r.file, r.findings);
    unchecked(r.file, r.findings);
  }
  // Files that could not be looked at at all (over a limit, changed after hashing): no report.
  for (const x of inspector.findings) {
    findingFailures(x.file, [x]);
    unchecked(x.file, [x]);
  }
  ctx.result.reports.scan = inspector.reports.map((r) => ({ file: r.file, format: r.format, pickle: r.pickle, findings: r.findings.length }));
  return failures;
}
