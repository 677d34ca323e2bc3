/**
 * hf://org/name[@revision] model arguments: the hub cache directory is found in the
 * environment as huggingface_hub finds it, and the library resolves the reference there.
 */
import os from 'node:os';
import path from 'node:path';
import { HF_SCHEME } from '../source/hf-layout.js';
import type { ModelSource } from '../source/types.js';

type Env = Readonly<Record<string, string | undefined>>;

/** "~" and "~/..." as the home directory, as huggingface_hub expands these variables. */
function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

/**
 * The hub cache: HF_HUB_CACHE, else HUGGINGFACE_HUB_CACHE (its older name), else
 * HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.
 */
export function hubCacheDir(env: Env = process.env): string {
  const set = (k: string): string | undefined => (env[k] ? expandHome(env[k]) : undefined);
  const hub = set('HF_HUB_CACHE') ?? set('HUGGINGFACE_HUB_CACHE');
  if (hub) return hub;
  const home = set('HF_HOME') ?? path.join(set('XDG_CACHE_HOME') ?? path.join(os.homedir(), '.cache'), 'huggingface');
  return path.join(home, 'hub');
}

/** `{ source }` for an hf:// model argument, resolved in the cache (HF_NOT_CACHED when it is not there); `{}` for a path. */
export async function modelSource(model: string): Promise<{ source?: ModelSource }> {
  if (!model.startsWith(HF_SCHEME)) return {};
  const { openSource } = await import('../source/index.js');
  return { source: await openSource(model, { hfCache: hubCacheDir() }) };
}
