/** The synthetic model the drill attacks: a small Hugging Face-style directory. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { keySigner, signModel } from '../sign/sign.js';

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

export async function writeModel(dir: string, seed = 1): Promise<string> {
  await mkdir(path.join(dir, 'tokenizer'), { recursive: true });
  await writeFile(path.join(dir, SHARD_1), filler(64 * 1024, seed));
  await writeFile(path.join(dir, SHARD_2), filler(64 * 1024, seed + 1));
  await writeFile(path.join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: { 'a.weight': SHARD_1, 'b.weight': SHARD_2 } }));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ architectures: ['LlamaForCausalLM'], hidden_size: 64, seed }));
  await writeFile(path.join(dir, 'tokenizer', 'tokenizer.json'), JSON.stringify({ version: '1.0', model: { vocab: { a: 0, b: 1 } } }));
  return dir;
}

export async function signDrillModel(dir: string, key: { priv: KeyObject; pub: KeyObject }, version = '1.0.0'): Promise<void> {
  await signModel({ model: dir, version, name: 'drill-model', license: 'apache-2.0', signer: keySigner(key.priv, key.pub), engine: { jobs: 1 } });
}
