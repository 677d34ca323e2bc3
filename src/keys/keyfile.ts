/**
 * Reading and writing key files.
 *   public:  SPKI PEM ("PUBLIC KEY"), or a certificate PEM whose key is used; text before
 *            the block is ignored.
 *   private: cosign-format encrypted PEM, or plain PKCS#8 ("PRIVATE KEY") / SEC1
 *            ("EC PRIVATE KEY") PEM.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { lstat, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, ModelsignError, usage } from '../errors.js';
import { keyHint, keyTypeOf, publicKeyPem, type KeyType, type SigningKeyType } from './algorithms.js';
// encrypted.ts (scrypt, XSalsa20-Poly1305) loads only for private keys: verify with a public
// key never needs it, and it is on the path before hashing starts.
const encrypted = () => import('./encrypted.js');
import { getPassphrase } from './passphrase.js';
import { findPemBlocks, LEGACY_ENCRYPTED_PEM_TYPES } from './pem.js';
import { readUserFile } from '../util/read-file.js';
import { writeFailureWords } from '../util/errno.js';
import { makeDirs } from '../util/write-atomic.js';

const MAX_KEY_FILE = 1024 * 1024;

export async function readKeyText(file: string, what: string): Promise<string> {
  // Bounded and non-blocking: a key path (from a policy or a ConfigMap) may name a FIFO or device.
  return (await readUserFile(file, MAX_KEY_FILE, 'KEY_UNREADABLE', what)).toString('utf8');
}

/** What a command says when handed the wrong kind of key (a private key where a public one belongs, or the reverse). */
const VERIFY_NEEDS_PUBLIC = 'verify needs the public key (.pub)';
const SIGN_NEEDS_PRIVATE = 'sign needs the private key (.key)';

/**
 * Parse public key text: the first PUBLIC KEY or CERTIFICATE block. `needs` finishes the
 * KEY_WRONG_KIND message for a private key ("FILE is a private key; <needs>").
 */
export function parsePublicKey(text: string, file = 'public key', needs = VERIFY_NEEDS_PUBLIC): KeyObject {
  const blocks = findPemBlocks(text);
  const b = blocks.find((x) => x.type === 'PUBLIC KEY') ?? blocks.find((x) => x.type === 'CERTIFICATE');
  if (!b) {
    if (blocks.some((x) => x.type.includes('PRIVATE KEY'))) throw usage('KEY_WRONG_KIND', `${file} is a private key; ${needs}`);
    throw usage('KEY_UNREADABLE', `${file} holds no PEM public key`);
  }
  try {
    if (b.type === 'CERTIFICATE') return new X509Certificate(b.der).publicKey;
    return createPublicKey({ key: b.der, format: 'der', type: 'spki' });
  } catch (e) {
    throw usage('KEY_UNREADABLE', `${file} holds a malformed public key: ${(e as Error).message}`);
  }
}

export async function loadPublicKey(file: string, needs = VERIFY_NEEDS_PUBLIC): Promise<KeyObject> {
  const key = parsePublicKey(await readKeyText(file, 'public key'), file, needs);
  if (!keyTypeOf(key)) throw usage('KEY_UNSUPPORTED', `${file}: unsupported key type ${key.asymmetricKeyType}`);
  return key;
}

/** `needs` finishes the KEY_WRONG_KIND message for a public key ("FILE is a public key; <needs>"). */
export async function loadPrivateKey(file: string, needs = SIGN_NEEDS_PRIVATE): Promise<KeyObject> {
  const text = await readKeyText(file, 'private key');
  const blocks = findPemBlocks(text);
  let key: KeyObject | undefined;
  const enc = blocks.find((b) => LEGACY_ENCRYPTED_PEM_TYPES.includes(b.type));
  try {
    if (enc) {
      const { decryptPrivateKey } = await encrypted();
      const der = decryptPrivateKey(enc.der, getPassphrase('decrypt', file), file);
      key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } else {
      const plain = blocks.find((b) => b.type === 'PRIVATE KEY');
      const sec1 = blocks.find((b) => b.type === 'EC PRIVATE KEY');
      if (plain) key = createPrivateKey({ key: plain.der, format: 'der', type: 'pkcs8' });
      else if (sec1) key = createPrivateKey({ key: sec1.der, format: 'der', type: 'sec1' });
      else if (blocks.some((b) => b.type === 'ENCRYPTED PRIVATE KEY')) {
        key = createPrivateKey({ key: text, format: 'pem', passphrase: getPassphrase('decrypt', file) });
      }
    }
  } catch (e) {
    if (e instanceof ModelsignError) throw e;
    throw usage('KEY_UNREADABLE', `${file} holds a malformed private key: ${(e as Error).message}`);
  }
  if (!key) {
    if (blocks.some((b) => b.type === 'PUBLIC KEY')) throw usage('KEY_WRONG_KIND', `${file} is a public key; ${needs}`);
    throw usage('KEY_UNREADABLE', `${file} holds no PEM private key`);
  }
  const t = keyTypeOf(key);
  if (!t || t === 'rsa') throw usage('KEY_UNSUPPORTED', `${file}: unsupported key type for signing (${key.asymmetricKeyType})`);
  return key;
}

export function generateKeyPair(type: SigningKeyType): { privateKey: KeyObject; publicKey: KeyObject } {
  switch (type) {
    case 'ed25519':
      return generateKeyPairSync('ed25519');
    case 'ecdsa-p256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' });
    case 'ecdsa-p384':
      return generateKeyPairSync('ec', { namedCurve: 'P-384' });
    case 'ecdsa-p521':
      return generateKeyPairSync('ec', { namedCurve: 'P-521' });
  }
}

export interface WrittenKeys {
  privatePath: string;
  publicPath: string;
  type: KeyType;
  encrypted: boolean;
  /** The key hint (hex) bundles signed with this key carry: see keyHint. */
  hint: string;
}

/**
 * Refuse a key path prefix that cannot be what was meant: empty or a directory (which would
 * write hidden ".key"/".pub" files), or a file name (release.key would give release.key.key).
 */
export function checkKeyPrefix(prefix: string): void {
  const notPrefix = (p: string): boolean => p === '' || /[\\/]$/.test(p) || ['.', '..'].includes(path.basename(p));
  const bad = () => usage('BAD_OPTION', `--out needs a path prefix such as keys/release (writes keys/release.key and keys/release.pub); got ${JSON.stringify(prefix)}`);
  if (notPrefix(prefix)) throw bad();
  if (/\.(key|pub)$/i.test(path.basename(prefix))) {
    const stem = prefix.slice(0, -4);
    if (notPrefix(stem)) throw bad();
    throw usage('BAD_OPTION', `--out is a prefix: give ${stem}, get ${stem}.key and ${stem}.pub (${prefix} would write ${prefix}.key)`);
  }
}

/** Refuse before any work (or a passphrase prompt) when a key file is already there. */
export async function checkKeyFilesFree(prefix: string): Promise<void> {
  for (const f of [`${prefix}.key`, `${prefix}.pub`]) {
    const taken = await lstat(f).then(
      () => true,
      () => false,
    );
    if (taken) throw usage('KEY_EXISTS', `refusing to overwrite existing key file ${f}`);
  }
}

export async function writeKeyPair(prefix: string, type: SigningKeyType, passphrase: string | undefined): Promise<WrittenKeys> {
  checkKeyPrefix(prefix);
  await checkKeyFilesFree(prefix);
  const { privateKey, publicKey } = generateKeyPair(type);
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const privText = passphrase === undefined ? privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() : (await encrypted()).encryptPrivateKey(pkcs8, passphrase);
  const privatePath = `${prefix}.key`;
  const publicPath = `${prefix}.pub`;
  // A directory created for keys is private to its owner (an existing one is left as it is).
  await makeDirs(path.dirname(prefix), 'KEY_WRITE_FAILED', `key files at ${prefix}`, 0o700);
  let current = privatePath;
  // Every file this call created, so a failure part-way (a full disk, a quota, a file size
  // limit) removes them all: never half a pair, never an empty key file blocking the next try.
  const created: string[] = [];
  const writeNew = async (file: string, text: string, mode: number): Promise<void> => {
    current = file;
    // 'wx': never overwrite an existing key by accident.
    const fh = await open(file, 'wx', mode);
    created.push(file);
    try {
      await fh.writeFile(text);
      await fh.chmod(mode);
    } finally {
      await fh.close();
    }
  };
  try {
    await writeNew(privatePath, privText, 0o600);
    await writeNew(publicPath, publicKeyPem(publicKey), 0o644);
  } catch (e) {
    for (const f of created) await unlink(f).catch(() => undefined);
    const c = errnoCode(e);
    if (c === 'EEXIST') throw usage('KEY_EXISTS', `refusing to overwrite existing key file ${current}`);
    throw usage('KEY_WRITE_FAILED', `cannot write ${current}: ${writeFailureWords(e, current)}`);
  }
  return { privatePath, publicPath, type, encrypted: passphrase !== undefined, hint: keyHint(publicKey) };
}
