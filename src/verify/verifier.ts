/**
 * createVerifier(spec).verify(model): the one place a verification is assembled from a
 * VerifySpec and run, including what happens around the pipeline: the anti-rollback state is
 * recorded when the whole verification passed, and every decision (or error) goes to the
 * audit log. The CLI, the Action and the drill are clients of this and nothing else.
 */
import path from 'node:path';
import { ModelsignError, usage } from '../errors.js';
import type { AuditDecision } from '../audit/record.js';
import type { LoadedPolicy } from '../policy/load.js';
import { PURPOSES, type FormatsPolicy, type Purpose } from '../policy/types.js';
import { severityRank } from '../scan/types.js';
import { isReference, openSource } from '../source/index.js';
import type { ModelSource, PullTarget } from '../source/index.js';
import { verifyModel } from './pipeline.js';
import type { LineageSpec, VerifySpec } from './spec.js';
import type { VerifyStage } from './stage.js';
import { describeTrust, hasAuthority, trustChecks } from './trust.js';
import type { Notice, TrustCheck, VerifyResult } from './types.js';

export interface VerifyCall {
  /** Signature file for this model (default: the spec's, else the source's own). */
  signature?: string;
  /** Called between hashing and the scanners' reading (tests swap a file there). */
  onHashed?: () => Promise<void> | void;
}

export interface Verifier {
  /** What is trusted and checked, in one line ("keys release.pub; policy p.yaml (deploy)"). */
  readonly description: string;
  /** Things worth saying about the set-up itself (an identity accepted from any issuer). */
  readonly warnings: readonly Notice[];
  readonly trust: readonly TrustCheck[];
  /** The purpose the policy is applied for, when there is a policy. */
  readonly purpose: Purpose | undefined;
  readonly policy: LoadedPolicy | undefined;
  /** Verify one model: never throws for a bad model (see VerifyResult.failures). */
  verify(model: string | ModelSource, call?: VerifyCall): Promise<VerifyResult>;
}

async function loadSpecPolicy(spec: VerifySpec): Promise<{ policy: LoadedPolicy | undefined; purpose: Purpose | undefined }> {
  if (!spec.policy) return { policy: undefined, purpose: undefined };
  const purpose = spec.policy.purpose ?? 'deploy';
  if (!(PURPOSES as readonly string[]).includes(purpose)) throw usage('BAD_OPTION', `purpose must be one of ${PURPOSES.join(', ')} (got "${purpose}")`);
  if (spec.policy.loaded) return { policy: spec.policy.loaded, purpose };
  const { loadPolicy } = await import('../policy/load.js');
  return { policy: await loadPolicy(spec.policy.file), purpose };
}

/** Trust from the spec or the policy's trust section; both at once only with a stated precedence. */
async function resolveTrust(spec: VerifySpec, policy: LoadedPolicy | undefined): Promise<{ checks: TrustCheck[]; warnings: Notice[]; description: string }> {
  const fromSpec = hasAuthority(spec.trust);
  const policyTrust = policy?.trust;
  const fromPolicy = !!policyTrust && policyTrust.keys.length + policyTrust.certificateChains.length + policyTrust.identities.length > 0;
  if (fromSpec && fromPolicy && spec.trustPrecedence === undefined) {
    throw usage(
      'TRUST_CONFLICT',
      `both the verification's own trust (keys, certificate chains or identities) and the trust section of policy ${policy.file} name who to trust; give only one, or say which wins`,
    );
  }
  if (fromPolicy && (!fromSpec || spec.trustPrecedence === 'policy')) {
    const { policyTrust: build } = await import('../policy/trust.js');
    const checks = await build(policyTrust, (f) => path.relative(path.dirname(policy.file), f), policy.file);
    return { checks, warnings: [], description: `trust section of ${policy.file}` };
  }
  const { checks, warnings } = await trustChecks(spec.trust ?? {});
  return { checks, warnings, description: describeTrust(spec.trust ?? {}) };
}

async function lineageStages(l: LineageSpec | undefined): Promise<VerifyStage[]> {
  if (!l || (l.store === undefined && l.minVersion === undefined && l.stateFile === undefined && l.revoked === undefined)) return [];
  let minVersion: string | undefined;
  if (l.minVersion !== undefined) {
    const semver = (await import('semver')).default;
    minVersion = semver.valid(l.minVersion) ?? undefined;
    if (!minVersion) throw usage('BAD_OPTION', `the minimum version must be a semantic version like 1.2.0 (got "${l.minVersion}")`);
  }
  const { lineageStage, openStore, readRevokedFile } = await import('../lineage/index.js');
  const store = l.store !== undefined ? await openStore(l.store) : undefined;
  const revoked = l.revoked !== undefined ? await readRevokedFile(l.revoked) : undefined;
  return [
    lineageStage({
      ...(store ? { store } : {}),
      ...(minVersion ? { minVersion } : {}),
      ...(l.stateFile !== undefined ? { stateFile: l.stateFile } : {}),
      ...(revoked ? { revoked } : {}),
    }),
  ];
}

async function policyStages(spec: VerifySpec, policy: LoadedPolicy | undefined, purpose: Purpose | undefined): Promise<VerifyStage[]> {
  const stages: VerifyStage[] = [];
  if (policy) {
    const { policyStage } = await import('../policy/stage.js');
    stages.push(policyStage(policy, purpose ?? 'deploy'));
  }
  const formats = combineFormats(policy?.formats, spec.formats);
  if ((formats.deny?.length ?? 0) > 0 || formats.scan === true) {
    const { formatsStage } = await import('../scan/stage.js');
    stages.push(formatsStage(formats));
  }
  return stages;
}

/**
 * A policy's format rules and the spec's, both in force: either side's denied formats are
 * denied, either side's scan runs, and the stricter failOn decides (a side that scans without
 * one fails on any finding). Neither side can loosen the other.
 */
export function combineFormats(a: Partial<FormatsPolicy> | undefined, b: Partial<FormatsPolicy> | undefined): Partial<FormatsPolicy> {
  const deny = [...new Set([...(a?.deny ?? []), ...(b?.deny ?? [])])];
  const scan = a?.scan === true || b?.scan === true;
  const levels = [a, b].filter((x) => x?.scan === true || x?.failOn !== undefined).map((x) => x?.failOn ?? 'low');
  const failOn = levels.sort((x, y) => severityRank(x) - severityRank(y))[0];
  return { deny, scan, ...(failOn !== undefined ? { failOn } : {}) };
}

/** A model whose signature links parents, verified without a store: say how to check them. */
function lineageNote(r: VerifyResult, l: LineageSpec | undefined): Notice[] {
  const lineage = r.metadata?.lineage;
  if (l?.store !== undefined || !lineage || typeof lineage !== 'object' || Array.isArray(lineage) || !Array.isArray(lineage.parents) || lineage.parents.length === 0) return [];
  const n = lineage.parents.length;
  return [{ code: 'LINEAGE_NOT_CHECKED', message: `this model links ${n} parent model(s); give a lineage store to verify its ancestry`, count: n }];
}

/** The model's anti-rollback record, under the state file's lock; a newer version recorded meanwhile fails the model. */
export async function recordState(r: VerifyResult, stateFile: string): Promise<void> {
  const name = r.metadata?.name ?? r.subjectName;
  const version = r.metadata?.version;
  if (!r.verified || name === undefined || version === undefined) return;
  const { recordVerified } = await import('../lineage/state.js');
  const failure = await recordVerified(stateFile, { name, version, ...(r.rootDigest ? { rootDigest: `sha256:${r.rootDigest}` } : {}) });
  if (failure) {
    r.failures.push(failure);
    r.verified = false;
  }
}

function auditBase(model: string, signature: string | undefined, spec: VerifySpec, purpose: Purpose | undefined): Omit<AuditDecision, 'result' | 'failureCodes'> {
  return {
    time: new Date().toISOString(),
    model: where(model),
    signature: signature !== undefined ? where(signature) : null,
    rootDigest: null,
    name: null,
    version: null,
    signer: null,
    policy: spec.policy ? path.resolve(spec.policy.file) : null,
    purpose: purpose ?? null,
  };
}

/** A local path made absolute; a reference (oci://..., oci:DIR, hf://...) as it is. */
function where(p: string): string {
  return isReference(p) ? p : path.resolve(p);
}

function auditDecision(r: VerifyResult, spec: VerifySpec, purpose: Purpose | undefined): AuditDecision {
  return {
    ...auditBase(r.model, r.signature, spec, purpose),
    rootDigest: r.rootDigest ? `sha256:${r.rootDigest}` : null,
    name: r.metadata?.name ?? r.subjectName ?? null,
    version: r.metadata?.version ?? null,
    signer: r.signer ?? null,
    result: r.verified ? 'verified' : 'refused',
    failureCodes: r.failures.map((f) => f.code),
  };
}

/**
 * The folders the state file and the audit log go in, created (mode 700, as sign's --record
 * and keygen's --out) by a verify before it reads the model, so a new path works the first
 * time and a path that cannot be made is refused before hashing. Building a verifier makes
 * none (the drill builds one only to describe the set-up).
 */
async function makeOutputDirs(spec: Pick<VerifySpec, 'auditLog' | 'lineage'>): Promise<void> {
  const { makeDirs } = await import('../util/write-atomic.js');
  if (spec.auditLog !== undefined) await makeDirs(path.dirname(path.resolve(spec.auditLog)), 'AUDIT_WRITE_FAILED', `audit log ${spec.auditLog}`, 0o700);
  const state = spec.lineage?.stateFile;
  if (state !== undefined) await makeDirs(path.dirname(path.resolve(state)), 'STATE_WRITE_FAILED', `state file ${state}`, 0o700);
}

export async function createVerifier(spec: VerifySpec): Promise<Verifier> {
  // Made by the first verify, not here: a verifier built only to describe a set-up (the
  // drill's) writes nothing.
  let dirsMade: Promise<void> | undefined;
  const { policy, purpose } = await loadSpecPolicy(spec);
  const trust = await resolveTrust(spec, policy);
  // Timestamps wrap every configured authority, the policy's included.
  const tsaFiles = spec.trust?.timestampAuthorities ?? [];
  const { timestampAuthorityTrust, withTimestamps } = await import('./timestamp.js');
  const tsa = tsaFiles.length > 0 ? await timestampAuthorityTrust(tsaFiles) : undefined;
  trust.checks = trust.checks.map((t) => withTimestamps(t, tsa));
  if (trust.checks.length === 0) {
    throw usage('NO_TRUST', policy ? `nothing to trust: the policy ${policy.file} has no trust section, and no key, certificate chain or identity is given` : 'nothing to trust: no key, certificate chain, identity or policy is given');
  }
  const stages = [...(await lineageStages(spec.lineage)), ...(await policyStages(spec, policy, purpose))];
  const description = [trust.description, ...(policy ? [`policy ${spec.policy!.file} (purpose ${purpose})`] : []), ...describeLineage(spec.lineage)].join('; ');

  const run = async (model: string | ModelSource, call: VerifyCall): Promise<VerifyResult> => {
    const signature = call.signature ?? spec.signature;
    const source = typeof model === 'string' ? await openSource(model, spec.open) : model;
    try {
      const r = await verifyOnSource(source, typeof model === 'string' ? model : source.model, signature, call);
      // A model pulled to a directory (oci:// --pull-to) is kept only once the verdict is final.
      await pulled(source)?.finish(r.verified, r.signature);
      return r;
    } catch (e) {
      await pulled(source)?.finish(false);
      throw e;
    }
  };

  const verifyOnSource = async (source: ModelSource, model: string, signature: string | undefined, call: VerifyCall): Promise<VerifyResult> => {
    const r = await verifyModel({
      model,
      source,
      ...(signature !== undefined ? { signature } : {}),
      trust: trust.checks,
      stages,
      ignorePaths: [...(spec.ignorePaths ?? [])],
      ignoreUnsignedFiles: spec.ignoreUnsignedFiles ?? false,
      ...(spec.engine ? { engine: spec.engine } : {}),
      ...(call.onHashed ? { onHashed: call.onHashed } : {}),
    });
    for (const n of lineageNote(r, spec.lineage)) r.notes.push(n);
    if (spec.lineage?.stateFile !== undefined) await recordState(r, spec.lineage.stateFile);
    return r;
  };

  return {
    description,
    warnings: trust.warnings,
    trust: trust.checks,
    purpose,
    policy,
    async verify(model, call = {}) {
      const name = typeof model === 'string' ? model : model.model;
      let r: VerifyResult;
      try {
        // A folder that could not be made is tried again by the next verify (the cause may be gone).
        await (dirsMade ??= makeOutputDirs(spec).catch((e: unknown) => {
          dirsMade = undefined;
          throw e;
        }));
        r = await run(model, call);
      } catch (e) {
        await auditError(spec, name, call.signature, purpose, e);
        throw e;
      }
      if (spec.auditLog !== undefined) {
        const { appendAudit } = await import('../audit/append.js');
        await appendAudit(spec.auditLog, auditDecision(r, spec, purpose));
      }
      return r;
    },
  };
}

/**
 * A decision that ends in an error (an unreadable key or state file, a missing model) is
 * logged too, as result "error"; the log itself failing is not logged again.
 */
async function auditError(spec: VerifySpec, model: string, signature: string | undefined, purpose: Purpose | undefined, e: unknown): Promise<void> {
  if (spec.auditLog === undefined || (e instanceof ModelsignError && e.code === 'AUDIT_WRITE_FAILED')) return;
  // A set-up error comes before any verify made the log's folder: make it here.
  await makeOutputDirs({ auditLog: spec.auditLog });
  const { appendAudit } = await import('../audit/append.js');
  const code = e instanceof ModelsignError ? e.code : 'INTERNAL';
  await appendAudit(spec.auditLog, { ...auditBase(model, signature ?? spec.signature, spec, purpose), result: 'error', failureCodes: [code] });
}

/**
 * Set up and run one verification: what `modelsign verify` and the Action do. An error in the
 * set-up itself (an unreadable key or policy) is an audited decision too. `ready` is told the
 * verifier before the model is read (to show its warnings first).
 */
export async function verifyOnce(spec: VerifySpec, model: string | ModelSource, call: VerifyCall & { ready?: (v: Verifier) => void } = {}): Promise<VerifyResult> {
  let verifier: Verifier;
  try {
    verifier = await createVerifier(spec);
  } catch (e) {
    await auditError(spec, typeof model === 'string' ? model : model.model, call.signature, spec.policy?.purpose ?? (spec.policy ? 'deploy' : undefined), e);
    throw e;
  }
  call.ready?.(verifier);
  return verifier.verify(model, call);
}

/** Where a source pulls the model to, when it does (an OCI artifact under --pull-to). */
function pulled(source: ModelSource): PullTarget | undefined {
  return (source as { pull?: PullTarget }).pull;
}

function describeLineage(l: LineageSpec | undefined): string[] {
  if (!l) return [];
  const parts: string[] = [];
  if (l.store !== undefined) parts.push(`lineage store ${l.store}`);
  if (l.minVersion !== undefined) parts.push(`minimum version ${l.minVersion}`);
  if (l.stateFile !== undefined) parts.push(`anti-rollback state ${l.stateFile}`);
  if (l.revoked !== undefined) parts.push(`revocation list ${l.revoked}`);
  return parts;
}
