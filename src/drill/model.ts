/** The synthetic model the drill attacks: a small Hugging Face-style directory. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { keySigner, signModel } from '../sign/sign.js';
import type { ModelMetadata } from '../oms/statement.js';

/** Deterministic filler bytes (the drill's models are the same every run). */
export function filler(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

export const SHARD_1 = 'model-00001-of-00002.safetensors';
export const SHARD_2 = 'model-00002-of-00002.safetensors';

/**
 * A well-formed safetensors shard (8-byte header length, JSON header, one U8 tensor), so a
 * set-up that scans file contents (policy formats.scan) accepts the legitimate model.
 */
export function safetensorsShard(tensor: string, data: Buffer): Buffer {
  const header = Buffer.from(JSON.stringify({ [tensor]: { dtype: 'U8', shape: [data.length], data_offsets: [0, data.length] } }), 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([len, header, data]);
}

export async function writeModel(dir: string, seed = 1): Promise<string> {
  await mkdir(path.join(dir, 'tokenizer'), { recursive: true });
  await writeFile(path.join(dir, SHARD_1), safetensorsShard('a.weight', filler(64 * 1024, seed)));
  await writeFile(path.join(dir, SHARD_2), safetensorsShard('b.weight', filler(64 * 1024, seed + 1)));
  await writeFile(path.join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: { 'a.weight': SHARD_1, 'b.weight': SHARD_2 } }));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ architectures: ['LlamaForCausalLM'], hidden_size: 64, seed }));
  await writeFile(path.join(dir, 'tokenizer', 'tokenizer.json'), JSON.stringify({ version: '1.0', model: { vocab: { a: 0, b: 1 } } }));
  return dir;
}

export const DRILL_MODEL_NAME = 'drill-model';

export interface DrillSignOptions {
  version?: string;
  name?: string;
  license?: string;
  /** Extra signed metadata (e.g. lineage). */
  extra?: Record<string, ModelMetadata[string]>;
}

/** Sign the drill model; returns the bundle text and root digest (hex). */
export async function signDrillModel(dir: string, key: { priv: KeyObject; pub: KeyObject }, o: DrillSignOptions = {}): Promise<{ bundleText: string; rootDigest: string }> {
  const r = await signModel({
    model: dir,
    version: o.version ?? '1.0.0',
    name: o.name ?? DRILL_MODEL_NAME,
    license: o.license ?? 'apache-2.0',
    signer: keySigner(key.priv, key.pub),
    engine: { jobs: 1 },
    ...(o.extra ? { extraMetadata: o.extra } : {}),
  });
  return { bundleText: r.bundleText, rootDigest: r.rootDigest };
}
