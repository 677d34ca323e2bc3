/**
 * Revocation list: a text file of root digests that must never be used again, one per line,
 *
 *     # withdrawn 2026-03: poisoned training data
 *     sha256:3f2a…  # CVE-2026-1234 backdoored adapter
 *
 * Blank lines and `#` comments are ignored; a comment after a digest is kept as the reason
 * and shown in the failure. Any other line is an error (a list we cannot read fails closed).
 */
import { errnoCode, usage, type Failure } from '../errors.js';
import { clean } from '../util/one-line.js';
import type { AncestorRecord } from './report.js';
import { bareHex, prefixed } from './metadata.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';

export const MAX_REVOKED_BYTES = 16 * 1024 * 1024;

export interface RevokedList {
  /** "sha256:<hex>" digests. */
  digests: Set<string>;
  /** digest -> the comment on its line, when there was one. */
  reasons: Map<string, string>;
}

export function parseRevokedList(text: string, source = 'revocation list'): RevokedList {
  const digests = new Set<string>();
  const reasons = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    const reason = hash >= 0 ? raw.slice(hash + 1).trim() : '';
    if (body === '') return;
    if (!/^sha256:[0-9a-fA-F]{64}$/.test(body)) {
      throw usage('BAD_REVOKED_LIST', `${source} line ${i + 1} is not sha256:<64 hex> (got "${body.slice(0, 80)}")`);
    }
    const d = body.toLowerCase();
    digests.add(d);
    if (reason && !reasons.has(d)) reasons.set(d, reason.slice(0, 200));
  });
  return { digests, reasons };
}

export async function readRevokedFile(file: string): Promise<RevokedList> {
  let buf: Buffer;
  try {
    buf = await readRegularFile(file, MAX_REVOKED_BYTES);
  } catch (e) {
    if (e instanceof FileTooLarge) throw usage('BAD_REVOKED_LIST', `revocation list ${file} is larger than ${MAX_REVOKED_BYTES} bytes`);
    const why = e instanceof NotRegularFile ? 'not a regular file' : (errnoCode(e) ?? String(e));
    throw usage('BAD_REVOKED_LIST', `cannot read revocation list ${file}: ${why}`);
  }
  return parseRevokedList(buf.toString('utf8'), `revocation list ${file}`);
}

/**
 * Which of `digests` are revoked, in the order given, each once. Digests may be given as
 * "sha256:<hex>" or bare hex; results are "sha256:<hex>".
 */
export function checkRevoked(digests: string[], revoked: Set<string>): string[] {
  const out: string[] = [];
  for (const d of digests) {
    const p = prefixed(d);
    if ((revoked.has(p) || revoked.has(bareHex(p))) && !out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * REVOKED failures for the model (`id` as name@version) and each ancestor found, each
 * digest once, with the reason from the list.
 */
export function revokedFailures(model: { id: string; rootDigest: string }, ancestors: readonly AncestorRecord[], list: RevokedList): Failure[] {
  const failures: Failure[] = [];
  const reason = (d: string) => {
    const r = list.reasons.get(d);
    return r ? `: ${clean(r)}` : '';
  };
  if (checkRevoked([model.rootDigest], list.digests).length > 0) {
    failures.push({ code: 'REVOKED', message: `${model.id} (${model.rootDigest}) is revoked${reason(model.rootDigest)}` });
  }
  const reported = new Set<string>();
  for (const a of ancestors) {
    if (reported.has(a.rootDigest) || checkRevoked([a.rootDigest], list.digests).length === 0) continue;
    reported.add(a.rootDigest);
    failures.push({ code: 'REVOKED', message: `lineage link ${clean(`${a.childName}@${a.childVersion ?? '?'}`)} -> ${clean(`${a.name}@${a.version ?? '?'}`)}: ancestor ${a.rootDigest} is revoked${reason(a.rootDigest)}` });
  }
  return failures;
}
