/**
 * Extension points of `modelsign verify`. Each feature (certificates and Sigstore, lineage,
 * policy, audit log, archives, ...) is one plugin in its own file: it adds its flags, may
 * supply trust checks and pipeline stages, and may act on the result. verify.ts knows only
 * this list, so features stay independent of each other.
 */
import type { Command } from 'commander';
import type { VerifyOptions, VerifyStage } from '../verify/pipeline.js';
import type { TrustCheck, VerifyResult } from '../verify/types.js';
import { keyPlugin } from './verify-key.js';
import { policyPlugin } from './verify-policy.js';
import { lineagePlugin } from './verify-lineage.js';
import { envPlugin } from './verify-env.js';
import { podPlugin } from './verify-pod.js';
import { auditPlugin } from './verify-audit.js';
import { sigstorePlugin } from './verify-sigstore.js';
import { ociPlugin } from './verify-oci.js';

export type Flags = Record<string, unknown>;

export interface VerifyPlugin {
  name: string;
  /** Add this feature's options to the verify command. */
  addOptions?(cmd: Command): void;
  /** Fill in flags from elsewhere (environment, files) before anything runs. */
  prepare?(flags: Flags): Promise<void> | void;
  /** Trust checks this feature contributes (any one configured authority suffices). */
  trust?(flags: Flags): Promise<TrustCheck[]>;
  /** Pipeline stages run after the files verified. */
  stages?(flags: Flags): Promise<VerifyStage[]>;
  /** Change the verify options (e.g. an archive listing) before the pipeline runs. */
  options?(flags: Flags, opts: VerifyOptions): Promise<void> | void;
  /** Act on the result (write state, audit log, termination reason). */
  after?(flags: Flags, result: VerifyResult): Promise<void> | void;
  /** Verify stopped with an error before (or instead of) a result: log it, clean up. */
  error?(flags: Flags, model: string, error: unknown): Promise<void> | void;
}

/** Order matters only for `after` hooks; trust checks are tried in order. */
export const verifyPlugins: VerifyPlugin[] = [
  // envPlugin stays FIRST: its `prepare` fills flags from MODELSIGN_* before any other plugin reads them.
  envPlugin,
  keyPlugin,
  sigstorePlugin,
  // lineage records the ancestors (extra.lineage) that the policy stage then judges.
  lineagePlugin,
  policyPlugin,
  // oci opens oci:// models; its after-hook keeps or removes a --pull-to directory once the
  // verdict is final (after lineage), before pod and audit report it.
  ociPlugin,
  // pod and audit come LAST: their after-hooks report the final verdict (lineage's after-hook
  // can still turn a pass into a rollback failure when it records the state file under its lock).
  podPlugin,
  auditPlugin,
];
