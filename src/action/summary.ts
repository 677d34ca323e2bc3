/**
 * The job summary (GITHUB_STEP_SUMMARY) of each outcome, as markdown: a verdict, a signed
 * model, or a step that could not run (a usage or internal error). Messages are in the
 * Action's terms (words.ts).
 */
import type { ModelsignError } from '../errors.js';
import type { ParentLink } from '../lineage/metadata.js';
import type { AncestorRecord } from '../lineage/report.js';
import type { SignResult } from '../sign/sign.js';
import { resultLabel } from '../verify/label.js';
import type { VerifyResult } from '../verify/types.js';
import { table } from './runner.js';
import { actionTerms } from './words.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The model's ancestors, parents first, as the lineage stage verified (or refused) them. */
function lineageSection(ancestors: readonly AncestorRecord[]): string {
  if (ancestors.length === 0) return '';
  const rows = ancestors.map((a) => [
    a.depth,
    `${a.name}${a.version ? `@${a.version}` : ''}`,
    a.relation,
    a.childName ? `${a.childName}${a.childVersion ? `@${a.childVersion}` : ''}` : undefined,
    a.license,
    `\`${a.rootDigest}\``,
    a.signer,
    a.verified ? 'verified' : 'not verified',
  ]);
  return `\n#### Lineage\n\n${table(['Depth', 'Ancestor', 'Relation', 'Parent of', 'License', 'Root digest', 'Signer', 'Result'], rows)}\n`;
}

export function verifySummary(res: VerifyResult): string {
  const label = resultLabel(res);
  const head = res.verified ? `### ✅ modelsign verify: ${label} verified` : `### ❌ modelsign verify: ${label} must not be used`;
  // A refused model's root digest is only what its signature claims: never shown as its own.
  const digest = res.rootDigest ? `\`sha256:${res.rootDigest}\`` : undefined;
  const rows: unknown[][] = [
    ['Model', `\`${res.model}\``],
    ['Name', res.metadata?.name ?? res.subjectName],
    ['Version', res.metadata?.version],
    ['License', res.metadata?.license],
    res.verified ? ['Root digest', digest] : ['Root digest (claimed by the signature, not verified)', digest],
    ['Signer', res.signer],
    ['Signature', `\`${res.signature}\``],
    ['Files checked', `${res.filesChecked} (${res.bytesHashed} bytes)`],
    ['Result', res.verified ? 'verified' : plural(res.failures.length, 'failure')],
  ];
  let md = `${head}\n\n${table(['Field', 'Value'], rows)}\n`;
  md += lineageSection(res.reports.lineage?.ancestors ?? []);
  if (res.failures.length > 0) {
    md += `\n#### Failures\n\n${table(['Code', 'Path', 'Message'], res.failures.map((f) => [`\`${f.code}\``, f.path, actionTerms(f.message)]))}\n`;
  }
  return md;
}

export function signSummary(res: SignResult, model: string, signer: string | undefined): string {
  const meta = res.statement.subject[0].annotations?.modelsign;
  const label = `${meta?.name ?? model}${meta?.version ? `@${meta.version}` : ''}`;
  const rows: unknown[][] = [
    ['Model', `\`${model}\``],
    ['Name', meta?.name],
    ['Version', meta?.version],
    ['License', meta?.license],
    ['Root digest', `\`sha256:${res.rootDigest}\``],
    ['Signer', signer],
    ['Signature', `\`${res.signaturePath}\``],
    ['Files', `${res.files} (${res.bytes} bytes)`],
  ];
  let md = `### ✍️ modelsign sign: ${label} signed\n\n${table(['Field', 'Value'], rows)}\n`;
  const parents = (meta?.lineage as { parents?: ParentLink[] } | undefined)?.parents ?? [];
  if (parents.length > 0) {
    md += `\n#### Lineage\n\n${table(['Parent', 'Relation', 'Root digest'], parents.map((p) => [`${p.name}@${p.version}`, p.relation, `\`${p.rootDigest}\``]))}\n`;
  }
  return md;
}

/** Why the step could not sign or verify at all: the exit code says which kind of error. */
export function errorSummary(command: string, err: ModelsignError | undefined, message: string, inputs: readonly string[]): string {
  const what = err === undefined ? 'internal error (exit 3)' : err.kind === 'usage' ? 'usage error (exit 2)' : err.kind === 'reject' ? 'refused (exit 1)' : 'internal error (exit 3)';
  const rows: unknown[][] = [
    ['Code', `\`${err?.code ?? 'INTERNAL'}\``],
    ['Message', actionTerms(message)],
    // Names only: an input's value may be a secret.
    ['Inputs given', inputs.length > 0 ? inputs.map((i) => `\`${i}\``).join(', ') : undefined],
  ];
  return `### ❌ modelsign ${command || '(no command)'} failed: ${what}\n\n${table(['Field', 'Value'], rows)}\n`;
}
