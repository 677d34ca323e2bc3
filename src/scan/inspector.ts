/**
 * The scanner as a source inspector: it looks at each entry while the model source reads it
 * (the bytes verify hashed), and collects one report per entry. Entries past the file limit,
 * and entries the source could not hand over as hashed, are findings: fail closed.
 */
import type { Failure } from '../errors.js';
import type { EntryContent, Inspector, SourceFile } from '../source/types.js';
import { nameKind } from './detect.js';
import { report, scanEntry } from './scan-file.js';
import type { FileReport, Finding, ScanLimits } from './types.js';

export class ScanInspector implements Inspector {
  reports: FileReport[] = [];
  /** Findings about entries that were not scanned (each also counted in `refused`). */
  findings: Finding[] = [];
  refused = 0;
  private limitNoted = false;
  /** Each report by file, and whether the file's name chose how its bytes were read. */
  private byFile = new Map<string, { report: FileReport; named: boolean }>();

  constructor(private readonly limits: ScanLimits) {}

  wants(file: SourceFile): boolean {
    if (this.reports.length < this.limits.maxFiles) return true;
    this.refused++;
    if (!this.limitNoted) {
      this.limitNoted = true;
      this.findings.push({ code: 'SCAN_LIMIT', severity: 'high', file: file.name, message: `more than ${this.limits.maxFiles} files; this file and later ones are not scanned` });
    }
    return false;
  }

  async inspect(content: EntryContent): Promise<void> {
    const scanned = await scanEntry(content, content.file.name, this.limits);
    this.reports.push(scanned.report);
    this.byFile.set(content.file.name, scanned);
  }

  /**
   * A link entry whose bytes are those of `target`, inspected under the target's name. A
   * loader opens the link by its own name, so the target's report stands for it only when the
   * name made no difference: the bytes proved their format, or both names read them alike. A
   * name that would be checked another way (a pickle under "notes.txt" linked as
   * "pytorch_model.bin") is a high finding: those bytes were not checked as the link is read.
   */
  alias(link: SourceFile, target: string): void {
    const seen = this.byFile.get(target);
    // A target that was not scanned has its own finding; the link adds nothing to read.
    if (!seen || !this.wants(link)) return;
    const kind = nameKind(link.name);
    const t = seen.report;
    let r: FileReport;
    if (!seen.named || kind === nameKind(target)) {
      const findings = t.findings.map((f) => ({ ...f, file: link.name }));
      r = report(link.name, t.size, { format: t.format, pickle: t.pickle, imports: t.imports, findings });
      this.byFile.set(link.name, { report: r, named: seen.named });
    } else if (kind === 'unknown') {
      r = report(link.name, t.size, { format: 'unknown', pickle: false, imports: [], findings: [] });
    } else {
      const finding: Finding = { code: 'SCAN_SKIPPED', severity: 'high', file: link.name, message: `link to "${target}", whose bytes were checked as that name is read; a loader reading this name reads them as ${kind === 'candidate' ? 'a possible pickle' : kind}; not scanned` };
      r = report(link.name, t.size, { format: 'unknown', pickle: false, imports: [], findings: [finding] });
    }
    this.reports.push(r);
    if (!this.byFile.has(link.name)) this.byFile.set(link.name, { report: r, named: true });
  }

  restart(): void {
    this.reports = [];
    this.byFile.clear();
    this.findings = [];
    this.refused = 0;
    this.limitNoted = false;
  }

  unreadable(file: SourceFile, failure: Failure): void {
    this.refused++;
    // A report scanned from bytes that turned out not to be the hashed ones is void.
    const i = this.reports.findIndex((r) => r.file === file.name);
    if (i >= 0) this.reports.splice(i, 1);
    this.byFile.delete(file.name);
    this.findings.push({ code: 'SCAN_SKIPPED', severity: 'high', file: file.name, message: `not scanned: ${failure.message} [${failure.code}]` });
  }
}
