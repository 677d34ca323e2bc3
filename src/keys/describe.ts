/**
 * What a key file is, without signing anything: its kind, type and hint, the value a bundle
 * signed with it carries in `verificationMaterial.publicKey.hint` (SHA-256 of the canonical
 * SPKI PEM, as model_signing writes it). `modelsign key fingerprint` and `inspect KEYFILE`
 * print it, so a key can be matched to the signatures it made.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { usage } from '../errors.js';
import { keyHint, keyTypeOf, type KeyType } from './algorithms.js';
import { loadPrivateKey, parsePublicKey, readKeyText } from './keyfile.js';
import { findPemBlocks } from './pem.js';

export interface KeyDescription {
  file: string;
  /** A private key file is described by its public half. */
  kind: 'public' | 'private';
  /** A public key taken from a certificate PEM. */
  fromCertificate: boolean;
  type: KeyType;
  /** Hex, as in bundles' publicKey.hint. */
  hint: string;
}

/** Whether the bytes hold a PEM block (a key or certificate), not a JSON bundle. */
export function looksLikePem(bytes: Buffer): boolean {
  return findPemBlocks(bytes.toString('utf8')).length > 0;
}

export async function describeKeyFile(file: string): Promise<KeyDescription> {
  const text = await readKeyText(file, 'key');
  const blocks = findPemBlocks(text);
  const isPrivate = !blocks.some((b) => b.type === 'PUBLIC KEY' || b.type === 'CERTIFICATE') && blocks.some((b) => b.type.includes('PRIVATE KEY'));
  // A private key may be encrypted: its passphrase is asked for as sign would.
  const pub: KeyObject = isPrivate ? createPublicKey(await loadPrivateKey(file, 'give a key file')) : parsePublicKey(text, file, 'give a key file');
  const type = keyTypeOf(pub);
  if (!type) throw usage('KEY_UNSUPPORTED', `${file}: unsupported key type ${pub.asymmetricKeyType}`);
  return { file, kind: isPrivate ? 'private' : 'public', fromCertificate: !isPrivate && !blocks.some((b) => b.type === 'PUBLIC KEY'), type, hint: keyHint(pub) };
}

/**
 * Two lines: the key, then its hint as verify and inspect name a key signer
 * ("... key sha256:<hint>"), so the line can be matched by eye or grep.
 */
export function keyDescriptionText(d: KeyDescription): string {
  const what = d.kind === 'private' ? `${d.type} private key` : d.fromCertificate ? `${d.type} key of a certificate` : `${d.type} public key`;
  return `key:  ${d.file} (${what})\nhint: sha256:${d.hint}`;
}
