/**
 * The scanner as a source inspector: it looks at each entry while the model source reads it
 * (the bytes verify hashed), and collects one report per entry. Entries past the file limit,
 * and entries the source could not hand over as hashed, are findings: fail closed.
 */
import type { Failure } from '../errors.js';
import type { EntryContent, Inspector, SourceFile } from '../source/types.js';
import { scanContent } from './scan-file.js';
import type { FileReport, Finding, ScanLimits } from './types.js';

export class ScanInspector implements Inspector {
  reports: FileReport[] = [];
  /** Findings about entries that were not scanned (each also counted in `refused`). */
  findings: Finding[] = [];
  refused = 0;
  private limitNoted = false;

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
    this.reports.push(await scanContent(content, content.file.name, this.limits));
  }

  restart(): void {
    this.reports = [];
    this.findings = [];
    this.refused = 0;
    this.limitNoted = false;
  }

  unreadable(file: SourceFile, failure: Failure): void {
    this.refused++;
    // A report scanned from bytes that turned out not to be the hashed ones is void.
    const i = this.reports.findIndex((r) => r.file === file.name);
    if (i >= 0) this.reports.splice(i, 1);
    this.findings.push({ code: 'SCAN_SKIPPED', severity: 'high', file: file.name, message: `not scanned: ${failure.message} [${failure.code}]` });
  }
}
