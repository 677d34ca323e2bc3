/**
 * Trust by certificate chain (model_signing's "certificate" method): the bundle carries the
 * signing (leaf) certificate followed by intermediates; the user names the root CAs they
 * trust (`--certificate-chain ROOTS.pem`, repeatable, any root suffices).
 *
 * What is checked, in order:
 *   1. a path leaf -> intermediates (from the bundle) -> one of the roots, each link by
 *      issuer name/key id (OpenSSL's check) and by signature; intermediates must be CAs
 *      allowed to sign certificates, and path-length limits hold;
 *   2. every certificate on the path, the root included, is valid at the verification time:
 *      each time a verified RFC 3161 timestamp vouches for (context.signedTimes, see
 *      timestamp.ts), else now;
 *   3. the leaf may sign: key usage digitalSignature, or the codeSigning extended key usage;
 *   4. the DSSE signature verifies with the leaf's public key.
 */
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import type { X509Certificate as SigstoreCert } from '@sigstore/core';
import { errnoCode, reject, usage } from '../errors.js';
import { findPemBlocks } from '../keys/pem.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import type { ParsedBundle } from '../oms/bundle.js';
import { verifyEnvelope } from './envelope.js';
import type { SignerInfo, TrustCheck, TrustContext } from './types.js';

const MAX_ROOT_FILE = 4 * 1024 * 1024;
/** @sigstore/core (X.509 extension parsing), loaded when a certificate check is configured. */
let core: typeof import('@sigstore/core');
const MAX_PATH = 8;
const OID_EKU = '2.5.29.37';
const OID_CODE_SIGNING = '1.3.6.1.5.5.7.3.3';

interface Root {
  cert: X509Certificate;
  file: string;
}

async function loadRoots(file: string): Promise<Root[]> {
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
      return { cert: new X509Certificate(b.der), file };
    } catch (e) {
      throw usage('ROOTS_UNREADABLE', `${file} holds a malformed certificate: ${(e as Error).message}`);
    }
  });
}

function name(c: X509Certificate): string {
  // Fulcio certificates have an empty subject: name them by their SAN instead.
  return (c.subject ?? '').replace(/\n/g, ', ') || c.subjectAltName || '(empty subject)';
}

function parseBundleCert(der: Buffer, i: number): { node: X509Certificate; sig: SigstoreCert } {
  try {
    return { node: new X509Certificate(der), sig: core.X509Certificate.parse(Buffer.from(der)) };
  } catch (e) {
    throw reject('CERT_MALFORMED', `certificate ${i} in the signature cannot be parsed: ${(e as Error).message}`);
  }
}

function issues(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function sigstoreView(c: X509Certificate): SigstoreCert {
  return core.X509Certificate.parse(Buffer.from(c.raw));
}

/** Can this certificate act as a CA on the path (basic constraints, key usage)? */
function caProblem(c: SigstoreCert, belowCAs: number): string | undefined {
  const bc = c.extBasicConstraints;
  if (!bc || !bc.isCA) return 'is not a CA certificate';
  const ku = c.extKeyUsage;
  if (ku && !ku.keyCertSign) return 'may not sign certificates (key usage)';
  const limit = bc.pathLenConstraint;
  if (limit !== undefined && BigInt(belowCAs) > limit) return `path length limit ${limit} exceeded`;
  return undefined;
}

function canSign(c: SigstoreCert): boolean {
  if (c.extKeyUsage?.digitalSignature) return true;
  const eku = c.extension(OID_EKU);
  if (!eku) return false;
  try {
    return core.ASN1Obj.parseBuffer(Buffer.from(eku.value)).subs.some((s) => s.toOID() === OID_CODE_SIGNING);
  } catch {
    return false;
  }
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

/** Build leaf -> ... -> root; returns the path (leaf first) and the anchoring root. */
function buildPath(leaf: X509Certificate, intermediates: X509Certificate[], roots: Root[]): { path: X509Certificate[]; root: Root } {
  const pathCerts: X509Certificate[] = [leaf];
  const unused = [...intermediates];
  let current = leaf;
  for (let depth = 0; depth <= MAX_PATH; depth++) {
    const same = roots.find((r) => r.cert.raw.equals(current.raw));
    // A pinned certificate (the leaf itself, or a bundled copy of a root) anchors directly.
    if (same) return { path: depth === 0 ? pathCerts : pathCerts.slice(0, -1), root: same };
    const root = roots.find((r) => issues(r.cert, current));
    if (root) return { path: pathCerts, root };
    const idx = unused.findIndex((c) => issues(c, current));
    if (idx < 0) break;
    current = unused.splice(idx, 1)[0]!;
    const problem = caProblem(sigstoreView(current), pathCerts.length - 1);
    if (problem) throw reject('CERT_CHAIN_INVALID', `intermediate certificate "${name(current)}" ${problem}`);
    pathCerts.push(current);
  }
  throw reject('CERT_CHAIN_UNTRUSTED', `certificate "${name(leaf)}" does not chain to a trusted root (${[...new Set(roots.map((r) => path.basename(r.file)))].join(', ')})`);
}

export async function certificateChainTrust(rootFiles: string[]): Promise<TrustCheck> {
  if (rootFiles.length === 0) throw usage('MISSING_OPTION', 'certificate chain trust needs at least one root certificate file');
  core = await import('@sigstore/core');
  const roots = (await Promise.all(rootFiles.map(loadRoots))).flat();
  const label = `certificate chain ${rootFiles.join(', ')}`;
  return {
    kind: 'certificate',
    label,
    async verify(bundle: ParsedBundle, pae: Buffer, context?: TrustContext): Promise<SignerInfo> {
      const m = bundle.material;
      if (m.kind === 'publicKey') {
        throw reject('SIG_WRONG_MATERIAL', 'signature was made with a public key, not a certificate; verify it with --key');
      }
      const ders = m.kind === 'certificate' ? [m.certificate] : m.certificates;
      const parsed = ders.map((d, i) => parseBundleCert(d, i));
      const leaf = parsed[0]!;
      const times = context?.signedTimes?.length ? context.signedTimes : [new Date()];
      // The root must be a CA too, unless the user pinned the leaf itself as a "root".
      const { path: chain, root } = buildPath(
        leaf.node,
        parsed.slice(1).map((p) => p.node),
        roots,
      );
      if (!root.cert.raw.equals(leaf.node.raw)) {
        const problem = caProblem(sigstoreView(root.cert), chain.length - 1);
        if (problem) throw reject('CERT_CHAIN_INVALID', `root certificate "${name(root.cert)}" ${problem}`);
      }
      for (const at of times) {
        chain.forEach((c, i) => checkValidity(c, at, i === 0 ? 'signing' : 'intermediate'));
        checkValidity(root.cert, at, 'root');
      }
      if (!canSign(leaf.sig)) {
        throw reject('CERT_USAGE', `signing certificate "${name(leaf.node)}" is not allowed to sign (needs key usage digitalSignature or extended key usage codeSigning)`);
      }
      const match = verifyEnvelope(leaf.node.publicKey, bundle, pae);
      if (!match) throw reject('SIG_INVALID', `signature does not verify with the key of certificate "${name(leaf.node)}"`);
      const san = leaf.node.subjectAltName ?? undefined;
      return {
        kind: 'certificate',
        description: `certificate "${name(leaf.node)}"${san ? ` (${san})` : ''} issued under root "${name(root.cert)}"`,
        identity: san ?? name(leaf.node),
        authority: `root ${root.file}`,
      };
    },
  };
}
