/**
 * The audit log: one hash-chained JSON line per verification decision (record.ts), appended
 * under a lock (append.ts) and checked link by link (check.ts). The verifier appends; nothing
 * else writes the log. See docs/audit-log.md.
 */
export { appendAudit } from './append.js';
export { checkAuditLog, type ChainReport } from './check.js';
export { GENESIS, type AuditDecision, type AuditRecord } from './record.js';
