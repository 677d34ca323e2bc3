/**
 * The audit record: one JSON line per verification decision.
 *
 * Each line carries `prev`, the SHA-256 (hex) of the exact bytes of the line before it
 * (without its newline); the first line carries GENESIS. Editing, removing or reordering a
 * line therefore breaks the link from the line after it, and `modelsign audit verify`
 * names the first line whose link does not hold. See docs/audit-log.md.
 */
import { createHash } from 'node:crypto';

export const AUDIT_FORMAT_VERSION = 1;
/** `prev` of the first line: a fixed value, not the hash of anything. */
export const GENESIS = '0'.repeat(64);
/** Longest line the writer produces and the checker accepts (bounds memory on hostile logs). */
export const MAX_LINE_BYTES = 1024 * 1024;
/** At most this many failure codes are recorded per decision (the count is always exact). */
const MAX_CODES = 100;

export type AuditResult = 'verified' | 'refused' | 'error';

export interface AuditRecord {
  v: number;
  seq: number;
  time: string;
  model: string;
  signature: string | null;
  rootDigest: string | null;
  name: string | null;
  version: string | null;
  signer: string | null;
  policy: string | null;
  purpose: string | null;
  result: AuditResult;
  failureCount: number;
  failures: string[];
  tool: string;
  prev: string;
}

export function lineHash(line: Uint8Array | string): string {
  return createHash('sha256').update(line).digest('hex');
}

/** The record fields a decision supplies; seq, prev, v and tool are filled in when appended. */
export type AuditDecision = Omit<AuditRecord, 'v' | 'seq' | 'prev' | 'tool' | 'failureCount' | 'failures'> & { failureCodes: string[] };

/** Serialise in a fixed key order (the line's bytes are what the next line hashes). */
export function formatRecord(d: AuditDecision, seq: number, prev: string, tool: string): string {
  const unique = [...new Set(d.failureCodes)].slice(0, MAX_CODES);
  const rec: AuditRecord = {
    v: AUDIT_FORMAT_VERSION,
    seq,
    time: d.time,
    model: d.model,
    signature: d.signature,
    rootDigest: d.rootDigest,
    name: d.name,
    version: d.version,
    signer: d.signer,
    policy: d.policy,
    purpose: d.purpose,
    result: d.result,
    failureCount: d.failureCodes.length,
    failures: unique,
    tool,
    prev,
  };
  return JSON.stringify(rec);
}
