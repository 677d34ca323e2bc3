/** Options shared by the commands that hash a model (sign, verify, digest). */
import { Option, type Command } from 'commander';
import { collect, parsePositiveInt } from './io.js';

export interface HashingFlags {
  ignorePaths?: string[];
  allowSymlinks?: boolean;
  jobs?: number;
  hash?: string;
  shardSize?: number;
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
    .option('--shard-size <bytes>', 'hash files in shards of this many bytes (OMS "shards" method; parallel on one big file)', parsePositiveInt('--shard-size'))
    .option('--allow-symlinks', 'follow symlinks that stay inside the model');
}
