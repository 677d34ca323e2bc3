/**
 * OCI models on the command line: the registry flags sign, digest and verify share.
 */
import type { Command } from 'commander';
import type { RegistryOptions } from '../oci/index.js';
import { collect } from './io.js';

export function addRegistryOptions(cmd: Command): Command {
  return cmd.option('--insecure-registry <host>', 'oci:// models: reach this registry (HOST[:PORT]) over plain HTTP instead of HTTPS; repeatable', collect, []);
}

/** Registry access from the flags (credentials come from DOCKER_CONFIG, a library setting the CLI fills). */
export function registryOptions(flags: { insecureRegistry?: unknown }): RegistryOptions {
  const insecure = Array.isArray(flags.insecureRegistry) ? (flags.insecureRegistry as string[]) : [];
  return { insecureRegistries: insecure };
}

export function isOciModel(model: string): boolean {
  return model.startsWith('oci:');
}
