/**
 * verify plugin: `--audit-log FILE` appends one hash-chained JSON line per decision
 * (src/audit/). Listed last in verify-plugins.ts so its `after` hook sees what every other
 * plugin added. Decisions that end in an error before a result exists (unreadable key,
 * missing model) are logged from the `error` hook as result "error".
 */
import path from 'node:path';
import type { Command } from 'commander';
import { ModelsignError } from '../errors.js';
import type { AuditDecision } from '../audit/record.js';
import type { VerifyResult } from '../verify/types.js';
import type { Flags, VerifyPlugin } from './verify-plugins.js';

/** A local path made absolute; an OCI reference (oci://..., oci:DIR) as it is. */
function where(p: string): string {
  return p.startsWith('oci:') ? p : path.resolve(p);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function base(model: string, flags: Flags): Omit<AuditDecision, 'result' | 'failureCodes'> {
  return {
    time: new Date().toISOString(),
    model: where(model),
    signature: str(flags.signature) ? path.resolve(flags.signature as string) : null,
    rootDigest: null,
    name: null,
    version: null,
    signer: null,
    // Flags other plugins own; recorded when they are present.
    policy: str(flags.policy) ? path.resolve(flags.policy as string) : null,
    purpose: str(flags.purpose),
  };
}

function decisionFromResult(flags: Flags, r: VerifyResult): AuditDecision {
  return {
    ...base(r.model, flags),
    signature: where(r.signature),
    rootDigest: r.rootDigest ? `sha256:${r.rootDigest}` : null,
    name: r.metadata?.name ?? r.subjectName ?? null,
    version: r.metadata?.version ?? null,
    signer: r.signer ?? null,
    result: r.verified ? 'verified' : 'refused',
    failureCodes: r.failures.map((f) => f.code),
  };
}

export const auditPlugin: VerifyPlugin = {
  name: 'audit',
  addOptions(cmd: Command) {
    cmd.option('--audit-log <file>', 'append this decision to a tamper-evident audit log (JSON lines, hash-chained; check with `modelsign audit verify`)');
  },
  async after(flags, result) {
    if (typeof flags.auditLog !== 'string') return;
    const { appendAudit } = await import('../audit/append.js');
    await appendAudit(flags.auditLog, decisionFromResult(flags, result));
  },
  async error(flags, model, e) {
    if (typeof flags.auditLog !== 'string') return;
    // The log itself could not be written: nothing more to record there.
    if (e instanceof ModelsignError && e.code === 'AUDIT_WRITE_FAILED') return;
    const { appendAudit } = await import('../audit/append.js');
    const code = e instanceof ModelsignError ? e.code : 'INTERNAL';
    await appendAudit(flags.auditLog, { ...base(model, flags), result: 'error', failureCodes: [code] });
  },
};
