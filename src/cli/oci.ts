/**
 * OCI models on the command line: the registry flags sign and verify share, and the
 * registry options read from the environment here (DOCKER_CONFIG, the home directory), so
 * the library never reads it.
 */
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { RegistryOptions } from '../oci/index.js';
import { collect } from './io.js';

export function addRegistryOptions(cmd: Command): Command {
  return cmd.option('--insecure-registry <host>', 'oci:// models: reach this registry (HOST[:PORT]) over plain HTTP instead of HTTPS; repeatable', collect, []);
}

/** Registry access as the user has it set up: DOCKER_CONFIG, else ~/.docker. */
export function registryOptions(flags: { insecureRegistry?: unknown }): RegistryOptions {
  const insecure = Array.isArray(flags.insecureRegistry) ? (flags.insecureRegistry as string[]) : [];
  const dockerConfigDir = process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
  return { insecureRegistries: insecure, dockerConfigDir };
}

export function isOciModel(model: string): boolean {
  return model.startsWith('oci:');
}
