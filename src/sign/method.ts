/**
 * The signing methods that take a private key (model_signing's key, certificate, pkcs11-key
 * and pkcs11-certificate), as one BundleSigner: the key (a file or a PKCS #11 URI) signs the
 * DSSE PAE; the bundle names the key by its hint, or carries the signing certificate and its
 * chain; with a TSA, an RFC 3161 timestamp over the signature is added.
 *
 * Everything that can fail is tried once before the model is hashed (a probe signature over
 * a throw-away payload, time-stamped and checked like the real one): a wrong PIN, a
 * certificate for another key, an expired certificate or an unreachable TSA is found out
 * before an hour of hashing, and nothing is written.
 */
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { usage } from '../errors.js';
import { keyHint, verifyBytes } from '../keys/algorithms.js';
import { findPemBlocks } from '../keys/pem.js';
import type { Pkcs11Options } from '../keys/pkcs11.js';
import { isPkcs11Uri } from '../keys/pkcs11-uri.js';
import { keyObjectSigner, type RawSigner } from '../keys/signer.js';
import { buildBundle } from '../oms/bundle.js';
import { IN_TOTO_PAYLOAD_TYPE, pae } from '../oms/dsse.js';
import type { SigningCertificates } from './certificate.js';
import type { BundleSigner } from './sign.js';
import type { TimestampClient } from './timestamp.js';
import { readUserFile } from '../util/read-file.js';

export interface KeySignOptions {
  /** A private key file, a PKCS #11 URI (pkcs11:...), or a key in memory. */
  key: string | KeyObject;
  /** PEM signing certificate for the key: the bundle then carries a certificate chain. */
  signingCertificate?: string;
  /** PEM files of the certificates that follow it (intermediates, maybe the root), in order. */
  certificateChain?: string[];
  /** RFC 3161 TSA to time-stamp the signature. */
  tsaUrl?: string;
  /** PIN and module for a PKCS #11 key. */
  pkcs11?: Omit<Pkcs11Options, 'publicKey'>;
}

export interface PreparedSigner {
  signer: BundleSigner;
  /** The signing key's public half (a signer trusts its own key: its parents need no more). */
  publicKey: KeyObject;
  /** How the key is named in messages ("key release.key", "PKCS #11 key ..."). */
  label: string;
  close(): Promise<void>;
}

const PROBE = Buffer.from('{"modelsign":"signing check: this payload is never written"}');

/** The public key of a signing certificate file (undefined when it holds none: loadSigningCertificates says why). */
async function certificateKey(file: string): Promise<KeyObject | undefined> {
  const text = (await readUserFile(file, 4 * 1024 * 1024, 'CERT_UNREADABLE', 'signing certificate')).toString('utf8');
  const block = findPemBlocks(text).find((b) => b.type === 'CERTIFICATE');
  try {
    return block ? new X509Certificate(block.der).publicKey : undefined;
  } catch {
    return undefined;
  }
}

async function openKey(o: KeySignOptions): Promise<RawSigner> {
  if (typeof o.key !== 'string') return keyObjectSigner(o.key, createPublicKey(o.key), 'key');
  if (isPkcs11Uri(o.key)) {
    const { openPkcs11Key } = await import('../keys/pkcs11.js');
    // The certificate's key stands in when the token holds no public key object.
    const publicKey = o.signingCertificate ? await certificateKey(o.signingCertificate) : undefined;
    return openPkcs11Key(o.key, { ...o.pkcs11, ...(publicKey ? { publicKey } : {}) });
  }
  const { loadPrivateKey } = await import('../keys/keyfile.js');
  const key = await loadPrivateKey(o.key);
  return keyObjectSigner(key, createPublicKey(key), `key ${o.key}`);
}

export function methodSigner(raw: RawSigner, cert: SigningCertificates | undefined, tsa: TimestampClient | undefined): BundleSigner {
  return async (payload) => {
    const bytes = pae(IN_TOTO_PAYLOAD_TYPE, payload);
    const signature = await raw.sign(bytes);
    // A token's private key and the public key found for it must be one pair.
    if (!verifyBytes(raw.publicKey, bytes, signature)) throw usage('KEY_MISMATCH', `the signature of ${raw.label} does not verify with its public key${cert ? ' (the signing certificate)' : ''}`);
    const stamp = tsa ? await tsa(signature) : undefined;
    const bundle = buildBundle({
      payload,
      signature,
      material: cert ? { certificates: cert.certificates } : { publicKeyHint: keyHint(raw.publicKey) },
      ...(stamp ? { timestamps: [stamp.response] } : {}),
    });
    if (cert) await cert.check(bundle, bytes, stamp?.time);
    return bundle;
  };
}

/** Open the key, load the certificates, and sign a probe: ready to sign the model. */
export async function prepareKeySigner(o: KeySignOptions): Promise<PreparedSigner> {
  if (o.certificateChain?.length && !o.signingCertificate) throw usage('BAD_OPTION', 'sign --certificate-chain needs --signing-certificate');
  const { timestampClient } = await import('./timestamp.js');
  const tsa = o.tsaUrl !== undefined ? timestampClient(o.tsaUrl) : undefined;
  const raw = await openKey(o);
  try {
    let cert: SigningCertificates | undefined;
    if (o.signingCertificate) {
      const { loadSigningCertificates } = await import('./certificate.js');
      cert = await loadSigningCertificates(o.signingCertificate, o.certificateChain ?? [], raw.publicKey, raw.label);
    }
    const signer = methodSigner(raw, cert, tsa);
    if (cert || tsa || (typeof o.key === 'string' && isPkcs11Uri(o.key))) await signer(PROBE);
    return { signer, publicKey: raw.publicKey, label: raw.label, close: () => raw.close() };
  } catch (e) {
    await raw.close();
    throw e;
  }
}
