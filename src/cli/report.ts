/** How a verification result is shown: human text or the stable JSON object. */
import { clean, displayPath } from '../util/one-line.js';
import type { SignResult } from '../sign/sign.js';
import type { VerifyResult } from '../verify/types.js';
import { out, printJson, warn } from './io.js';

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
    signer: r.signer ?? null,
    signerInfo: r.signerInfo ?? null,
    filesChecked: r.filesChecked,
    bytesHashed: r.bytesHashed,
    failures: r.failures,
    ...r.reports,
  };
}

/** How a result names its model: name@version from the signed metadata, else the subject name or the model path. */
export function resultLabel(r: VerifyResult): string {
  return r.metadata ? `${r.metadata.name}${r.metadata.version ? `@${r.metadata.version}` : ''}` : (r.subjectName ?? r.model);
}

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
  return lines.join('\n');
}

/**
 * After sign wrote its signature (key or keyless): stop the progress display, file the bundle
 * in the lineage store, warn about an empty model, and print the result (`extra` adds the
 * keyless identity to both forms).
 */
export async function reportSigned(
  r: SignResult,
  model: string,
  o: { json?: boolean },
  engine: { onDone(): void },
  lineage: { record(r: SignResult): Promise<void> } | undefined,
  extra: { json?: object; text?: string } = {},
): Promise<void> {
  engine.onDone();
  await lineage?.record(r);
  if (r.files === 0) warn(`no files to sign in ${model}: the signature covers nothing`);
  const meta = r.statement.subject[0].annotations?.modelsign;
  // Where the bytes came from (an OCI artifact: the manifest digest a deployment pins).
  const source = meta?.source;
  const manifest = source && typeof source === 'object' && !Array.isArray(source) && typeof source.manifest === 'string' ? `\n  manifest:    ${source.manifest}` : '';
  if (o.json) {
    printJson({ signature: r.signaturePath, rootDigest: `sha256:${r.rootDigest}`, name: meta?.name, version: meta?.version, license: meta?.license, files: r.files, bytes: r.bytes, ...(source ? { source } : {}), ...extra.json });
  } else {
    out(`signed ${meta?.name}@${meta?.version} (${r.files} files, ${r.bytes} bytes)\n  root digest: sha256:${r.rootDigest}${manifest}\n  signature:   ${r.signaturePath}${extra.text ?? ''}`);
  }
}
