/**
 * The verify stage behind a policy's `formats: { deny: [...], scan: bool }`.
 *
 * It runs after the signature and every file hash verified, on the signed files only (the
 * resources of the statement), opened inside the model with the same no-links-out rules as
 * hashing. `scan: true` fails the model on any scanner finding; `deny` fails every file of a
 * denied format, clean or not - `pickle` covers every file whose loading unpickles (plain
 * pickles, PyTorch zips, object-dtype .npy), since a clean scan today is no promise about
 * the next loader.
 */
import path from 'node:path';
import { usage, type Failure } from '../errors.js';
import { enumerateModel, type ModelFile } from '../hashing/enumerate.js';
import { parseShardName } from '../verify/files.js';
import type { VerifyContext, VerifyStage } from '../verify/pipeline.js';
import { clean } from '../util/one-line.js';
import { scanFile } from './scan-file.js';
import { isTarName, scanTar } from './tar.js';
import { DEFAULT_LIMITS, DENIABLE_FORMATS, SEVERITIES, severityRank, type FileReport, type Finding, type ScanLimits } from './types.js';
import type { FormatsPolicy as PolicyFormats } from '../policy/types.js';

/** Format names a policy may deny. */
export { DENIABLE_FORMATS } from './types.js';

/** A policy's `formats` section, every field optional (failOn defaults to low, i.e. any finding). */
export type FormatsPolicy = Partial<PolicyFormats>;

/** The signed file paths of the statement (shard resources collapse to their file). */
function signedFiles(ctx: VerifyContext): string[] {
  const out = new Set<string>();
  for (const r of ctx.statement.resources) {
    if (ctx.statement.serialization.method === 'shards') {
      const s = parseShardName(r.name);
      if (s) out.add(s.path);
    } else out.add(r.name);
  }
  return [...out];
}

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
  return async (ctx: VerifyContext): Promise<Failure[]> => {
    if (!scan && deny.size === 0) return [];
    const ser = ctx.statement.serialization;
    // The same listing hashing used: only regular files inside the model, links refused
    // unless the signature allowed them (and then only inside the root).
    const listing = ctx.options.listing ?? (await enumerateModel(ctx.options.model, { ignorePaths: [], allowSymlinks: ser.allow_symlinks }));
    const byName = new Map<string, ModelFile>(listing.files.map((f) => [f.name, f]));
    const failures: Failure[] = [];
    const reports: FileReport[] = [];
    const judge = (report: FileReport | undefined, shown: string, findings: Finding[]): void => {
      if (report) reports.push(report);
      const why = report && denied(report, deny);
      if (why) failures.push({ code: 'FORMAT_DENIED', path: shown, message: `policy denies ${why} files` });
      if (scan) {
        for (const x of findings) {
          if (severityRank(x.severity) < severityRank(failOn)) continue;
          // Imported names come from the file: keep the refusal one line.
          failures.push({ code: 'SCAN_FINDING', path: shown, message: clean(`${x.severity}: ${x.member !== undefined ? `${x.member}: ` : ''}${x.message} [${x.code}]`, 2000) });
        }
      }
    };
    const single = listing.isFile ? listing.files[0] : undefined;
    if (single && isTarName(single.abs)) {
      // A tar model (its entries signed, or the archive signed as one file): what gets
      // loaded is the entries, so every entry is scanned, signed or not - fail closed.
      const base = path.basename(single.abs);
      const t = await scanTar(single.abs, lim);
      const entryName = (file: string) => (file.startsWith(`${base}:`) ? file.slice(base.length + 1).replace(/^(?:\.\/)+/, '') : file);
      for (const r of t.reports) judge(r, entryName(r.file), r.findings);
      // Archive-level findings (unreadable archive, links, members over a limit): no file report.
      for (const x of t.findings) {
        judge(undefined, entryName(x.file), [x]);
        // An entry that could not be looked at may be of a denied format: fail closed.
        if (deny.size > 0 && severityRank(x.severity) >= severityRank('high')) {
          failures.push({ code: 'FORMAT_UNCHECKED', path: entryName(x.file), message: clean(`cannot tell whether this is a denied format: ${x.message}`, 2000) });
        }
      }
    } else {
      for (const name of signedFiles(ctx)) {
        const f = single ?? byName.get(name);
        if (!f) continue; // not on disk: the file check already failed the model
        const shown = single ? path.basename(f.name) : name;
        const report = await scanFile(f.abs, shown, lim);
        judge(report, shown, report.findings);
        if (single) break;
      }
    }
    ctx.result.extra.scan = reports.map((r) => ({ file: r.file, format: r.format, pickle: r.pickle, findings: r.findings.length }));
    return failures;
  };
}
