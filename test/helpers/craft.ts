/**
 * Test helpers for hostile inputs: sign statements we write by hand with a real key, so the
 * verifier sees a *correctly signed* payload whose content is hostile (names, duplicate keys,
 * nesting). Uses only the library's public building blocks (pae, signBytes, buildBundle).
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBundle } from '../../src/oms/bundle.js';
import { buildStatement } from '../../src/oms/statement.js';
import { pae } from '../../src/oms/dsse.js';
import { keyHint, publicKeyPem, signBytes } from '../../src/keys/algorithms.js';
import { rootDigest } from '../../src/hashing/serialize.js';

export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface TestKey {
  priv: KeyObject;
  pub: KeyObject;
  /** Path of the public key PEM file. */
  pubFile: string;
}

export async function makeKey(dir: string, name: string, type: 'ed25519' | 'p256' | 'p384' = 'ed25519'): Promise<TestKey> {
  const kp =
    type === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: type === 'p256' ? 'prime256v1' : 'secp384r1' });
  const pubFile = path.join(dir, `${name}.pub`);
  await writeFile(pubFile, publicKeyPem(kp.publicKey));
  return { priv: kp.privateKey, pub: kp.publicKey, pubFile };
}

export function sha256hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface CraftResource {
  name: string;
  digest: string;
}

/** A statement object as sign would write it, over the given resources. */
export function craftStatement(resources: CraftResource[], ser: { method?: 'files' | 'shards'; allow_symlinks?: boolean; ignore_paths?: string[]; shard_size?: number } = {}): object {
  const res = resources.map((r) => ({ name: r.name, algorithm: 'sha256', digest: r.digest }));
  const serialization = {
    method: ser.method ?? 'files',
    hash_type: 'sha256' as const,
    allow_symlinks: ser.allow_symlinks ?? false,
    ...(ser.shard_size !== undefined ? { shard_size: ser.shard_size } : {}),
    ignore_paths: ser.ignore_paths ?? ['.git', '.github', '.gitattributes', '.gitignore', 'model.sig'],
  };
  return buildStatement({ name: 'crafted', rootDigest: rootDigest(res), serialization, resources: res, metadata: { name: 'crafted', version: '1.0.0' } });
}

/** Sign exact payload bytes with `signer`; the bundle names `hintKey` (default: the signer). */
export function signPayload(payload: Buffer | string, signer: KeyObject, hintKey: KeyObject): string {
  const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  const signature = signBytes(signer, pae(PAYLOAD_TYPE, bytes));
  return JSON.stringify(buildBundle({ payload: bytes, signature, material: { publicKeyHint: keyHint(hintKey) } }), null, 2) + '\n';
}

/** Sign a statement object correctly with `key` and write it to `file`. */
export async function writeSigned(file: string, statement: object | string, key: TestKey, opts: { hintKey?: KeyObject; signer?: KeyObject } = {}): Promise<void> {
  const payload = typeof statement === 'string' ? statement : JSON.stringify(statement);
  await writeFile(file, signPayload(payload, opts.signer ?? key.priv, opts.hintKey ?? key.pub));
}
