/** Options shared by the commands that hash a model (sign, verify, digest). */
import { Option, type Command } from 'commander';
import type { HashAlgorithm } from '../hashing/algorithms.js';
import { collect, parsePositiveInt, parseSizeOption } from './io.js';

export interface HashingFlags {
  ignorePaths?: string[];
  allowSymlinks?: boolean;
  jobs?: number;
  hash?: string;
  shardSize?: number;
  /** false under --no-ignore-git-paths. */
  ignoreGitPaths?: boolean;
}

/** The hashing flags as digest/sign options (--jobs goes to the engine, see engineFlags). */
export function hashingOptions(o: HashingFlags): { ignorePaths: string[]; ignoreGitPaths: boolean; allowSymlinks: boolean; hash: HashAlgorithm; shardSize?: number } {
  return {
    ignorePaths: o.ignorePaths ?? [],
    ignoreGitPaths: o.ignoreGitPaths ?? true,
    allowSymlinks: o.allowSymlinks ?? false,
    hash: (o.hash ?? 'sha256') as HashAlgorithm,
    ...(o.shardSize ? { shardSize: o.shardSize } : {}),
  };
}

export function addIgnoreOption(cmd: Command): Command {
  return cmd.option('--ignore-paths <path>', 'leave this path (relative to the model) out; repeatable', collect, []);
}

export function addEngineOptions(cmd: Command): Command {
  return cmd.option('--jobs <n>', 'hashing threads (default: one per core)', parsePositiveInt('--jobs'));
}

export function addSerializationOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--hash <alg>', 'hash algorithm for file digests').choices(['sha256', 'blake2b', 'blake3']).default('sha256'))
    .option('--shard-size <size>', 'hash files in shards of this size (OMS "shards" method; parallel on one big file): bytes, or 1GB = 10^9, 1GiB = 2^30', parseSizeOption('--shard-size'))
    .option('--allow-symlinks', 'follow symlinks that stay inside the model')
    .option('--no-ignore-git-paths', 'sign .git, .github, .gitattributes and .gitignore too (left out by default)');
}
