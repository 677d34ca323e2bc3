/**
 * The policy as a verify stage: runs after the signature, the files and the lineage walk
 * have been checked, and refuses the model when the policy says it must not be used for
 * this purpose (a license that binds it, a revoked digest, a version below the minimum, a
 * lineage that is required but missing or unverified).
 *
 * The licenses that bind a model are its own plus every ancestor's: the lineage stage puts
 * the verified ancestry in its report.
 */
import semver from 'semver';
import type { Failure } from '../errors.js';
import { checkStage, type VerifyContext, type VerifyStage } from '../verify/stage.js';
import { displayId, evaluateLicense, normalizeLicense, type Blocker } from './licenses.js';
import type { LoadedPolicy } from './load.js';
import type { Purpose } from './types.js';
import type { PolicyReport } from './report.js';

export type { PolicyReport } from './report.js';
import { prefixed } from '../lineage/metadata.js';
import type { AncestorRecord as Ancestor } from '../lineage/report.js';
import { clean as oneLine } from '../util/one-line.js';

/** Where a binding license came from, for messages and the JSON report. */
interface Source {
  kind: 'model' | 'ancestor';
  name: string;
  version: string | undefined;
  rootDigest: string | undefined;
  relation?: string | undefined;
  childName?: string | undefined;
  license: string | undefined;
}


/** Does the signed metadata say this model was built from parents? */
function declaresParents(lineage: unknown): boolean {
  if (Array.isArray(lineage)) return lineage.length > 0;
  if (typeof lineage === 'object' && lineage !== null) {
    const parents = (lineage as { parents?: unknown }).parents;
    return Array.isArray(parents) && parents.length > 0;
  }
  return false;
}

function short(d: string | undefined): string {
  return d ? `${d.slice(0, 'sha256:'.length + 12)}…` : 'unknown digest';
}

/** Names, versions and licenses come from signatures: one short line whatever they contain. */
const clean = (text: string, max = 120): string => oneLine(text, max);

function id(s: { name: string; version?: string | null | undefined }): string {
  return clean(`${s.name}${s.version ? `@${s.version}` : ''}`);
}

/** "ancestor NAME@VERSION (DIGEST, RELATION parent of CHILD)" */
function ancestorDesc(s: Source): string {
  const rel = s.relation && s.childName ? `, ${clean(s.relation, 40)} parent of ${clean(s.childName)}` : s.childName ? `, parent of ${clean(s.childName)}` : '';
  return `ancestor ${id(s)} (${clean(short(s.rootDigest))}${rel})`;
}

function origin(s: Source): string {
  return s.kind === 'model' ? `of the model ${id(s)}` : `brought in by ${ancestorDesc(s)}`;
}

function licenseFailure(s: Source, raw: string, blockers: Blocker[], purpose: Purpose): Failure {
  const denied = blockers.filter((b) => b.reason === 'denied');
  const code = denied.length > 0 ? 'POLICY_LICENSE_DENIED' : blockers.every((b) => b.reason === 'unknown') ? 'POLICY_LICENSE_UNKNOWN' : 'POLICY_LICENSE_NOT_ALLOWED';
  const why = (b: Blocker): string =>
    b.reason === 'denied' ? 'is denied' : b.reason === 'unknown' ? 'is not a known license and not allowed by name' : 'is not allowed';
  if (s.license === undefined || s.license.trim() === '') {
    const who = s.kind === 'model' ? `the model ${id(s)}` : ancestorDesc(s);
    return { code, message: `${who} records no license, and "none" is not allowed for ${purpose} by the policy` };
  }
  const whole = blockers.length === 1 && displayId(blockers[0]!.term).toLowerCase() === raw.toLowerCase();
  const detail = whole
    ? why(blockers[0]!)
    : `is not acceptable: ${blockers.map((b) => `${clean(displayId(b.term))} ${why(b)}`).join(', ')}`;
  return { code, message: `license "${clean(raw, 200)}" ${origin(s)} ${detail} for ${purpose} by the policy` };
}

export function policyStage(policy: LoadedPolicy, purpose: Purpose): VerifyStage {
  return checkStage('policy', (ctx) => checkPolicy(policy, purpose, ctx), { reads: ['lineage'], produces: 'policy' });
}

function checkPolicy(policy: LoadedPolicy, purpose: Purpose, ctx: VerifyContext): Failure[] {
  const meta = ctx.statement.metadata;
  const model: Source = {
    kind: 'model',
    name: meta?.name ?? ctx.statement.subjectName,
    version: meta?.version,
    rootDigest: ctx.result.rootDigest ? prefixed(ctx.result.rootDigest) : undefined,
    license: meta?.license,
  };
  const lineage = ctx.result.reports.lineage;
  const report: PolicyReport = { file: policy.file, purpose, licenses: [], lineageChecked: lineage !== undefined };
  ctx.result.reports.policy = report;
  const ancestors = lineage?.ancestors ?? [];
  const sources: Source[] = [
    model,
    ...ancestors.map((a) => ({ kind: 'ancestor' as const, name: a.name, version: a.version ?? undefined, rootDigest: prefixed(a.rootDigest), relation: a.relation ?? undefined, childName: a.childName ?? undefined, license: a.license ?? undefined })),
  ];
  return [
    ...lineageFailures(policy, model, lineage !== undefined, ancestors, meta?.lineage),
    ...revokedFailures(policy, sources),
    ...minVersionFailures(policy, sources),
    ...licenseFailures(policy, purpose, sources, report),
  ];
}

function lineageFailures(policy: LoadedPolicy, model: Source, checked: boolean, ancestors: readonly Ancestor[], declared: unknown): Failure[] {
  const failures: Failure[] = [];
  if (policy.lineage.require) {
    if (!checked) failures.push({ code: 'POLICY_LINEAGE_REQUIRED', message: `the policy requires verified lineage, but no lineage was checked (give --lineage DIR)` });
    for (const a of ancestors) {
      if (!a.verified) failures.push({ code: 'POLICY_LINEAGE_UNVERIFIED', message: `the policy requires verified lineage, but ancestor ${id(a)} (${clean(short(prefixed(a.rootDigest)))}) is not verified` });
    }
  } else if (!checked && declaresParents(declared) && (policy.license !== undefined || policy.revoked.length > 0 || Object.keys(policy.lineage.minVersion).length > 0)) {
    // The parents' licenses, digests and versions bind this model too; without the walk we cannot
    // know them, and passing would let a fine-tune shed its base model's terms.
    failures.push({ code: 'POLICY_LINEAGE_UNKNOWN', message: `${id(model)} was built from parent models whose licenses bind it, but no lineage was checked (give --lineage DIR)` });
  }
  return failures;
}

function revokedFailures(policy: LoadedPolicy, sources: readonly Source[]): Failure[] {
  if (policy.revoked.length === 0) return [];
  const revoked = new Set(policy.revoked);
  return sources
    .filter((s) => s.rootDigest !== undefined && revoked.has(s.rootDigest))
    .map((s) => ({ code: 'POLICY_REVOKED', message: s.kind === 'model' ? `the model ${id(s)} (${s.rootDigest}) is revoked by the policy` : `ancestor ${id(s)} (${clean(s.rootDigest ?? '')}) is revoked by the policy` }));
}

/**
 * The minimum binds the model and everything it was built from: a fine-tune of an acme/llm
 * below the floor carries that old model's weights.
 */
function minVersionFailures(policy: LoadedPolicy, sources: readonly Source[]): Failure[] {
  const failures: Failure[] = [];
  for (const s of sources) {
    const min = Object.hasOwn(policy.lineage.minVersion, s.name) ? policy.lineage.minVersion[s.name] : undefined;
    if (min === undefined) continue;
    const v = s.version !== undefined ? semver.valid(s.version) : null;
    const who = s.kind === 'model' ? id(s) : ancestorDesc(s);
    if (v === null) failures.push({ code: 'POLICY_MIN_VERSION', message: `the policy requires ${clean(s.name)} >= ${min}, but the signature records ${s.version === undefined ? 'no version' : `version "${clean(s.version)}", which is not semver`}` });
    else if (semver.lt(v, min)) failures.push({ code: 'POLICY_MIN_VERSION', message: `${who} is below the policy's minimum version ${min}` });
  }
  return failures;
}

/** Every license that binds the model, judged by the purpose's rule (and recorded in the report). */
function licenseFailures(policy: LoadedPolicy, purpose: Purpose, sources: readonly Source[], report: PolicyReport): Failure[] {
  if (policy.license === undefined) return [];
  const rule = policy.rules[purpose];
  if (!rule) return [{ code: 'POLICY_PURPOSE_NOT_COVERED', message: `the policy has no license rule for ${purpose}, so no model may be used for ${purpose} under it` }];
  const failures: Failure[] = [];
  for (const s of sources) {
    const lic = normalizeLicense(s.license);
    const verdict = evaluateLicense(lic, rule);
    report.licenses.push({ from: s.kind, name: s.name, version: s.version ?? null, rootDigest: s.rootDigest ?? null, license: lic.raw, spdx: lic.spdx ?? null, allowed: verdict.ok });
    if (!verdict.ok) failures.push(licenseFailure(s, lic.raw, verdict.blockers, purpose));
  }
  return failures;
}
