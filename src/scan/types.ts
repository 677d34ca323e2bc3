/**
 * What a scan reports. A finding names the file (and, inside containers, the member) and
 * says what was found; its severity says how bad it is:
 *   critical - the file can run code when loaded (a dangerous import, an evasion trick)
 *   high     - the file is malformed or hides data, or could not be fully scanned
 *   medium   - an import that is not known to be needed for weights (may be benign)
 *   low      - worth knowing, not a risk by itself
 */
import type { FindingCode } from '../codes.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** Formats a policy's `formats.deny` may name (kept here, light, so loading a policy does not load the scanner). */
export const DENIABLE_FORMATS = ['pickle', 'pytorch', 'zip', 'npz', 'npy', 'safetensors', 'gguf'] as const;

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export interface Finding {
  /** Stable code, e.g. PICKLE_DANGEROUS_GLOBAL, SAFETENSORS_TRAILING_BYTES. */
  code: FindingCode;
  severity: Severity;
  /** File as given by the user (relative to the scanned directory or archive). */
  file: string;
  /** Member inside a container (zip entry), when the finding is about one. */
  member?: string;
  message: string;
  /** For pickle imports: "module.name". */
  global?: string;
  /** Byte offset in the file or member, when known. */
  offset?: number;
}

/** One global a pickle imports, with how it was imported and used. */
export interface PickleImport {
  module: string;
  name: string;
  /** GLOBAL, STACK_GLOBAL, INST */
  via: string[];
  /** REDUCE, BUILD, OBJ, NEWOBJ, NEWOBJ_EX, INST */
  usedBy: string[];
  verdict: 'allowed' | 'dangerous' | 'unknown';
  /** Member inside a container, when not the file itself. */
  member?: string;
}

/** Formats a file can be recognised as. */
export type FileFormat = 'pickle' | 'pytorch' | 'zip' | 'npz' | 'npy' | 'safetensors' | 'gguf' | 'unknown';

export interface FileReport {
  file: string;
  size: number;
  format: FileFormat;
  /** True when loading the file would unpickle something (pickle, torch zip, object npy). */
  pickle: boolean;
  imports: PickleImport[];
  findings: Finding[];
}

export interface ScanLimits {
  /** Opcodes walked per pickle before giving up (reported as SCAN_LIMIT). */
  maxOpcodes: number;
  /** Memo entries per pickle. */
  maxMemo: number;
  /** Stack depth per pickle. */
  maxStack: number;
  /** Bytes of strings kept as values while walking one pickle. */
  maxStringBytes: number;
  /** Distinct globals one pickle stream may import. */
  maxImports: number;
  /** Pickles in one stream (legacy torch files hold several in a row). */
  maxPicklesPerStream: number;
  /** Entries in one zip. */
  maxZipEntries: number;
  /** Central directory size of one zip. */
  maxZipDirectory: number;
  /** Uncompressed bytes read from one zip member. */
  maxMemberBytes: number;
  /** Uncompressed:compressed ratio allowed for a deflated member. */
  maxRatio: number;
  /** safetensors JSON header bytes (the format's own reader stops at 100 MB). */
  maxSafetensorsHeader: number;
  /** GGUF key/value pairs and tensors. */
  maxGgufCount: number;
  /** GGUF string length. */
  maxGgufString: number;
  /** Elements in one GGUF array. */
  maxGgufArray: number;
  /** Files in one scan. */
  maxFiles: number;
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxOpcodes: 50_000_000,
  maxMemo: 1_000_000,
  maxStack: 4_000_000,
  maxStringBytes: 32 * 1024 * 1024,
  maxImports: 10_000,
  maxPicklesPerStream: 16,
  maxZipEntries: 100_000,
  maxZipDirectory: 64 * 1024 * 1024,
  maxMemberBytes: 16 * 1024 * 1024 * 1024,
  maxRatio: 1000,
  maxSafetensorsHeader: 100_000_000,
  maxGgufCount: 10_000_000,
  maxGgufString: 16 * 1024 * 1024,
  maxGgufArray: 100_000_000,
  maxFiles: 1_000_000,
};
