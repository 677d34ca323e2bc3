/**
 * Trust by certificate chain (model_signing's "certificate" method): the bundle carries the
 * signing (leaf) certificate followed by intermediates; the user names the root CAs they
 * trust (`--certificate-chain ROOTS.pem`, repeatable, any root suffices).
 *
 * What is checked, in order:
 *   0. every certificate in the bundle parses, extensions included (cert-extensions.ts); any
 *      structural problem is CERT_MALFORMED, a refusal, whoever wrote the bytes;
 *   1. a path leaf -> intermediates (from the bundle) -> one of the roots, each link by
 *      issuer name/key id (OpenSSL's check) and by signature; intermediates must be CAs
 *      allowed to sign certificates, and path-length limits hold;
 *   2. no certificate on the path below the root carries a critical extension this check does
 *      not process (RFC 5280 §4.2: such a certificate must be rejected), and an intermediate
 *      that restricts its extended key usage allows codeSigning;
 *   3. every certificate on the path, the root included, is valid at the verification time:
 *      each time a verified RFC 3161 timestamp vouches for (context.signedTimes, see
 *      timestamp.ts), else now;
 *   4. the leaf may sign code: key usage digitalSignature or extended key usage codeSigning,
 *      and neither present extension excludes that (a TLS server certificate - serverAuth
 *      only - is refused even with digitalSignature);
 *   5. the DSSE signature verifies with the leaf's public key.
 * The root is a trust anchor (RFC 5280 §6.1): only its CA flag and key usage are read.
 */
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { errnoCode, reject, usage } from '../errors.js';
import { findPemBlocks } from '../keys/pem.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import type { ParsedBundle } from '../oms/bundle.js';
import { CertParseError, OID_CODE_SIGNING, oidName, parseCertExtensions, type CertExtensions } from './cert-extensions.js';
import { verifyEnvelope } from './envelope.js';
import type { SignerInfo, TrustCheck, TrustContext } from './types.js';

const MAX_ROOT_FILE = 4 * 1024 * 1024;
const MAX_PATH = 8;

/** A certificate as node:crypto (OpenSSL) parsed it, with its extensions read strictly. */
interface Cert {
  node: X509Certificate;
  ext: CertExtensions;
}

interface Root extends Cert {
  file: string;
}

/** Both parses, or the reason there is none. */
function parseCert(der: Buffer): Cert {
  const node = new X509Certificate(der);
  // OpenSSL accepts some encodings the strict reader refuses; it reads the bytes OpenSSL kept.
  return { node, ext: parseCertExtensions(new Uint8Array(node.raw)) };
}

/** The certificates of one trusted-root file; every problem is ROOTS_UNREADABLE (exit 2). */
export async function loadRoots(file: string): Promise<Root[]> {
  let buf: Buffer;
  try {
    // Bounded, and never blocked by a FIFO: the reader every other small input goes through.
    buf = await readRegularFile(file, MAX_ROOT_FILE);
  } catch (e) {
    if (e instanceof FileTooLarge) throw usage('ROOTS_UNREADABLE', `certificate chain file ${file} is larger than 4 MiB`);
    if (e instanceof NotRegularFile) throw usage('ROOTS_UNREADABLE', `cannot read certificate chain file ${file}: not a regular file`);
    const c = errnoCode(e);
    throw usage('ROOTS_UNREADABLE', c === 'ENOENT' ? `certificate chain file not found: ${file}` : `cannot read certificate chain file ${file}: ${c ?? String(e)}`);
  }
  const blocks = findPemBlocks(buf.toString('utf8')).filter((b) => b.type === 'CERTIFICATE');
  if (blocks.length === 0) throw usage('ROOTS_UNREADABLE', `${file} holds no PEM certificate`);
  return blocks.map((b) => {
    try {
      return { ...parseCert(b.der), file };
    } catch (e) {
      throw usage('ROOTS_UNREADABLE', `${file} holds a malformed certificate: ${(e as Error).message}`);
    }
  });
}

function name(c: X509Certificate): string {
  // Fulcio certificates have an empty subject: name them by their SAN instead.
  return (c.subject ?? '').replace(/\n/g, ', ') || c.subjectAltName || '(empty subject)';
}

function parseBundleCert(der: Buffer, i: number): Cert {
  try {
    return parseCert(der);
  } catch (e) {
    // Any exception here comes from the bytes (OpenSSL's parse or the extension reader).
    const why = e instanceof CertParseError ? `extension ${e.message}` : (e as Error).message;
    throw reject('CERT_MALFORMED', `certificate ${i} in the signature cannot be parsed: ${why}`);
  }
}

function issues(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Can this certificate act as a CA on the path (basic constraints, key usage)? */
function caProblem(ext: CertExtensions, belowCAs: number): string | undefined {
  const bc = ext.basicConstraints;
  if (!bc || !bc.ca) return 'is not a CA certificate';
  if (ext.keyUsage && !ext.keyUsage.keyCertSign) return 'may not sign certificates (key usage)';
  if (bc.pathLen !== undefined && belowCAs > bc.pathLen) return `path length limit ${bc.pathLen} exceeded`;
  return undefined;
}

/** RFC 5280 §4.2: a critical extension the checker does not process means "do not accept". */
function refuseUnknownCritical(c: Cert, role: string): void {
  const [first] = c.ext.unknownCritical;
  if (first === undefined) return;
  throw reject('CERT_CRITICAL_EXTENSION', `${role} certificate "${name(c.node)}" has a critical extension modelsign does not process: ${c.ext.unknownCritical.map(oidName).join(', ')}`);
}

function ekuNames(ext: CertExtensions): string {
  return (ext.extKeyUsage ?? []).map(oidName).join(', ');
}

/** An extended key usage, where present, must allow code signing (leaf and intermediates alike). */
function ekuExcludesCodeSigning(ext: CertExtensions): boolean {
  return ext.extKeyUsage !== undefined && !ext.extKeyUsage.includes(OID_CODE_SIGNING);
}

function leafUsageProblem(ext: CertExtensions): string | undefined {
  if (ekuExcludesCodeSigning(ext)) return `its extended key usage (${ekuNames(ext)}) does not include codeSigning`;
  if (ext.keyUsage && !ext.keyUsage.digitalSignature) return 'its key usage does not include digitalSignature';
  if (!ext.keyUsage && !ext.extKeyUsage) return 'it has neither key usage digitalSignature nor extended key usage codeSigning';
  return undefined;
}

function checkValidity(c: X509Certificate, at: Date, role: string): void {
  const from = new Date(c.validFrom);
  const to = new Date(c.validTo);
  if (!(from.getTime() <= at.getTime())) {
    throw reject('CERT_NOT_YET_VALID', `${role} certificate "${name(c)}" is not valid before ${from.toISOString()} (verification time ${at.toISOString()})`);
  }
  if (!(at.getTime() <= to.getTime())) {
    throw reject('CERT_EXPIRED', `${role} certificate "${name(c)}" expired ${to.toISOString()} (verification time ${at.toISOString()})`);
  }
}

/** An intermediate the path goes through: a CA, nothing unknown marked critical, code signing not excluded. */
function checkIntermediate(c: Cert, belowCAs: number): void {
  const problem = caProblem(c.ext, belowCAs);
  if (problem) throw reject('CERT_CHAIN_INVALID', `intermediate certificate "${name(c.node)}" ${problem}`);
  refuseUnknownCritical(c, 'intermediate');
  if (ekuExcludesCodeSigning(c.ext)) {
    throw reject('CERT_USAGE', `intermediate certificate "${name(c.node)}" restricts its extended key usage to ${ekuNames(c.ext)}, which excludes codeSigning`);
  }
}

/** Build leaf -> ... -> root; returns the path (leaf first) and the anchoring root. */
function buildPath(leaf: Cert, intermediates: Cert[], roots: Root[]): { path: Cert[]; root: Root } {
  const pathCerts: Cert[] = [leaf];
  const unused = [...intermediates];
  let current = leaf;
  for (let depth = 0; depth <= MAX_PATH; depth++) {
    const same = roots.find((r) => r.node.raw.equals(current.node.raw));
    // A pinned certificate (the leaf itself, or a bundled copy of a root) anchors directly.
    if (same) return { path: depth === 0 ? pathCerts : pathCerts.slice(0, -1), root: same };
    const root = roots.find((r) => issues(r.node, current.node));
    if (root) return { path: pathCerts, root };
    const idx = unused.findIndex((c) => issues(c.node, current.node));
    if (idx < 0) break;
    current = unused.splice(idx, 1)[0]!;
    checkIntermediate(current, pathCerts.length - 1);
    pathCerts.push(current);
  }
  throw reject('CERT_CHAIN_UNTRUSTED', `certificate "${name(leaf.node)}" does not chain to a trusted root (${[...new Set(roots.map((r) => path.basename(r.file)))].join(', ')})`);
}

export async function certificateChainTrust(rootFiles: string[]): Promise<TrustCheck> {
  if (rootFiles.length === 0) throw usage('MISSING_OPTION', 'certificate chain trust needs at least one root certificate file');
  const roots = (await Promise.all(rootFiles.map(loadRoots))).flat();
  const label = `certificate chain ${rootFiles.join(', ')}`;
  return {
    kind: 'certificate',
    label,
    verify(bundle: ParsedBundle, pae: Buffer, context?: TrustContext): SignerInfo {
      const m = bundle.material;
      if (m.kind === 'publicKey') {
        throw reject('SIG_WRONG_MATERIAL', 'signature was made with a public key, not a certificate; verify it with --key');
      }
      const ders = m.kind === 'certificate' ? [m.certificate] : m.certificates;
      // Every certificate, used on the path or not: a bundle that cannot be read is refused.
      const parsed = ders.map((d, i) => parseBundleCert(d, i));
      const leaf = parsed[0]!;
      const times = context?.signedTimes?.length ? context.signedTimes : [new Date()];
      const { path: chain, root } = buildPath(leaf, parsed.slice(1), roots);
      // The root must be a CA too, unless the user pinned the leaf itself as a "root".
      if (!root.node.raw.equals(leaf.node.raw)) {
        const problem = caProblem(root.ext, chain.length - 1);
        if (problem) throw reject('CERT_CHAIN_INVALID', `root certificate "${name(root.node)}" ${problem}`);
      }
      refuseUnknownCritical(leaf, 'signing');
      for (const at of times) {
        chain.forEach((c, i) => checkValidity(c.node, at, i === 0 ? 'signing' : 'intermediate'));
        checkValidity(root.node, at, 'root');
      }
      const usageProblem = leafUsageProblem(leaf.ext);
      if (usageProblem) {
        throw reject('CERT_USAGE', `signing certificate "${name(leaf.node)}" is not allowed to sign models: ${usageProblem}`);
      }
      let key;
      try {
        key = leaf.node.publicKey;
      } catch (e) {
        throw reject('CERT_MALFORMED', `signing certificate "${name(leaf.node)}" has a public key that cannot be used: ${(e as Error).message}`);
      }
      const match = verifyEnvelope(key, bundle, pae);
      if (!match) throw reject('SIG_INVALID', `signature does not verify with the key of certificate "${name(leaf.node)}"`);
      const san = leaf.node.subjectAltName ?? undefined;
      return {
        kind: 'certificate',
        description: `certificate "${name(leaf.node)}"${san ? ` (${san})` : ''} issued under root "${name(root.node)}"`,
        identity: san ?? name(leaf.node),
        authority: `root ${root.file}`,
      };
    },
  };
}
