/**
 * Signing with a certificate (model_signing's "certificate" method): the bundle carries the
 * signing certificate and then the given chain, in `verificationMaterial.x509CertificateChain`,
 * in the order given, as model_signing writes it.
 *
 * Checked at sign time, before anything is hashed (usage errors, exit 2):
 *   - the certificate certifies the signing key's own public key (CERT_KEY_MISMATCH);
 *   - the bundle verifies under the same trust check verify runs (src/verify/trust-cert.ts),
 *     with the given chain as the trust anchors (or the certificate itself when no chain is
 *     given): the chain links up, intermediates are CAs, the certificate may sign and is
 *     valid at the signing time (the TSA's time with --tsa-url, else now).
 */
import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { ModelsignError, usage } from '../errors.js';
import { findPemBlocks } from '../keys/pem.js';
import { readUserFile } from '../util/read-file.js';
import { parseBundle } from '../oms/bundle.js';
import type { TrustCheck } from '../verify/types.js';

const MAX_CERT_FILE = 4 * 1024 * 1024;
/** What parseBundle reads (1 signing certificate + 15). */
const MAX_CERTIFICATES = 16;

export interface SigningCertificates {
  leaf: X509Certificate;
  /** DER, the signing certificate first: what the bundle carries. */
  certificates: Buffer[];
  /** Verify a finished bundle as `verify --certificate-chain CHAIN` would, at `time`. */
  check(bundle: object, pae: Buffer, time: Date | undefined): Promise<void>;
}

async function certificatesIn(file: string, what: string): Promise<Buffer[]> {
  const buf = await readUserFile(file, MAX_CERT_FILE, 'CERT_UNREADABLE', what);
  const ders = findPemBlocks(buf.toString('utf8'))
    .filter((b) => b.type === 'CERTIFICATE')
    .map((b) => b.der);
  if (ders.length === 0) throw usage('CERT_UNREADABLE', `${file} holds no PEM certificate`);
  return ders;
}

const spkiHint = (k: KeyObject) => createHash('sha256').update(k.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

export async function loadSigningCertificates(leafFile: string, chainFiles: readonly string[], publicKey: KeyObject, keyLabel: string): Promise<SigningCertificates> {
  const leafDer = (await certificatesIn(leafFile, 'signing certificate'))[0]!;
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(leafDer);
  } catch (e) {
    throw usage('CERT_UNREADABLE', `${leafFile} holds a malformed certificate: ${(e as Error).message}`);
  }
  const ours = publicKey.export({ type: 'spki', format: 'der' });
  if (!leaf.publicKey.export({ type: 'spki', format: 'der' }).equals(ours)) {
    throw usage('CERT_KEY_MISMATCH', `${leafFile} certifies another public key (sha256:${spkiHint(leaf.publicKey)}…) than that of ${keyLabel} (sha256:${spkiHint(publicKey)}…)`);
  }
  const chain = (await Promise.all(chainFiles.map((f) => certificatesIn(f, 'certificate chain file')))).flat();
  const certificates = [leafDer, ...chain];
  if (certificates.length > MAX_CERTIFICATES) throw usage('BAD_OPTION', `the signing certificate and its chain hold ${certificates.length} certificates; verifiers read at most ${MAX_CERTIFICATES}`);
  const { certificateChainTrust } = await import('../verify/trust-cert.js');
  const trust: TrustCheck = await certificateChainTrust(chainFiles.length > 0 ? [...chainFiles] : [leafFile]);
  return {
    leaf,
    certificates,
    async check(bundle, pae, time) {
      try {
        await trust.verify(parseBundle(Buffer.from(JSON.stringify(bundle))), pae, time ? { signedTimes: [time] } : {});
      } catch (e) {
        if (e instanceof ModelsignError && e.kind === 'reject') throw usage(e.code, `the certificate signature would not verify: ${e.message}`);
        throw e;
      }
    },
  };
}
