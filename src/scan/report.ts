/** What the formats stage reports for each file it scanned during verification. */
import type { FileFormat } from './types.js';

export interface ScannedFile {
  file: string;
  format: FileFormat;
  /** Loading it would unpickle something. */
  pickle: boolean;
  /** How many findings the scanner made in it. */
  findings: number;
}

export type ScanReport = ScannedFile[];
