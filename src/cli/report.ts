/** How a verification result is shown: human text or the stable JSON object. */
import { clean, displayPath } from '../util/one-line.js';
import type { SignResult } from '../sign/sign.js';
import { resultLabel } from '../verify/label.js';
import type { VerifyResult } from '../verify/types.js';
import type { ModelMetadata } from '../oms/statement.js';
import { isObject } from '../util/strict-json.js';
import { info, out, printJson, warn } from './io.js';

/** sign and digest: each signature found in the model and left out of what is signed. */
export function reportExcludedSignatures(names: readonly string[]): void {
  for (const n of names) warn(`left out ${displayPath(n)}: it is a signature (Sigstore bundle), not model content; recorded in ignore_paths`);
}

/**
 * Failures the text report lists; the rest are counted ("... and N more"). A hostile model
 * can produce one failure per file (200,000 unsigned files: 200,000 lines). --json lists
 * every failure: scripts and audit need them all, and a count alone would hide which.
 */
const MAX_TEXT_FAILURES = 100;

export function verifyJson(r: VerifyResult): object {
  return {
    verified: r.verified,
    model: r.model,
    signature: r.signature,
    rootDigest: r.rootDigest ? `sha256:${r.rootDigest}` : null,
    name: r.metadata?.name ?? r.subjectName ?? null,
    version: r.metadata?.version ?? null,
    license: r.metadata?.license ?? null,
    source: r.metadata?.source ?? null,
    signer: r.signer ?? null,
    signerInfo: r.signerInfo ?? null,
    filesChecked: r.filesChecked,
    bytesHashed: r.bytesHashed,
    failures: r.failures,
    ...r.reports,
  };
}

/**
 * Where the signed bytes came from, as the signer recorded it (a hub cache snapshot: its repo
 * and revision), as "key=value ..."; undefined when the signature says nothing.
 */
export function provenanceText(meta: ModelMetadata | undefined): string | undefined {
  const p = meta?.source;
  if (!isObject(p)) return undefined;
  const parts = Object.entries(p).flatMap(([k, v]) => (typeof v === 'string' ? [`${k}=${v}`] : []));
  return parts.length > 0 ? clean(parts.join(' '), 1000) : undefined;
}

export { resultLabel } from '../verify/label.js';

/**
 * Names, licenses, signers and file names come from the signature or the model directory:
 * each is printed on its own line with control characters replaced, so an escape sequence or
 * a carriage return in a signed name cannot repaint "FAILED" as "OK" on a terminal or log.
 */
export function verifyText(r: VerifyResult): string {
  const lines: string[] = [];
  const id = clean(resultLabel(r), 300);
  if (r.verified) {
    lines.push(`OK: ${id} verified (${r.filesChecked} files)`);
  } else {
    lines.push(`FAILED: ${id} must not be used (${r.failures.length} failure${r.failures.length === 1 ? '' : 's'})`);
    const shown = Math.min(r.failures.length, MAX_TEXT_FAILURES);
    for (let i = 0; i < shown; i++) {
      const f = r.failures[i]!;
      lines.push(`  ${f.code}${f.path !== undefined ? ` ${displayPath(f.path)}` : ''}: ${clean(f.message, 2000)}`);
    }
    const more = r.failures.length - shown;
    if (more > 0) lines.push(`  ... and ${more} more failure${more === 1 ? '' : 's'} (--json lists them all)`);
  }
  if (r.rootDigest) lines.push(`  root digest: sha256:${r.rootDigest}`);
  if (r.signer) lines.push(`  signer:      ${clean(r.signer, 1000)}`);
  if (r.metadata?.license) lines.push(`  license:     ${clean(r.metadata.license, 300)}`);
  const source = provenanceText(r.metadata);
  if (source) lines.push(`  source:      ${source}`);
  return lines.join('\n');
}

/**
 * After sign wrote its signature (key or keyless): stop the progress display, say what was
 * filed in the lineage store, and print the result (`extra` adds the keyless identity to both forms).
 */
export function reportSigned(r: SignResult, o: { json?: boolean }, engine: { onDone(): void }, extra: { json?: object; text?: string } = {}): void {
  engine.onDone();
  reportExcludedSignatures(r.excludedSignatures);
  for (const w of r.recorded) {
    if (w.what === 'model') info(`recorded ${w.file}`);
    else if (w.added) info(`recorded parent ${w.name}@${w.version} in ${w.file}`);
  }
  const meta = r.statement.subject[0].annotations?.modelsign;
  const source = provenanceText(meta);
  if (o.json) {
    printJson({ signature: r.signaturePath, rootDigest: `sha256:${r.rootDigest}`, name: meta?.name, version: meta?.version, license: meta?.license, source: meta?.source ?? null, files: r.files, bytes: r.bytes, excludedSignatures: r.excludedSignatures, ...extra.json });
  } else {
    out(`signed ${meta?.name}@${meta?.version} (${r.files} files, ${r.bytes} bytes)\n  root digest: sha256:${r.rootDigest}\n  signature:   ${r.signaturePath}${source ? `\n  source:      ${source}` : ''}${extra.text ?? ''}`);
  }
}
