/**
 * The attack drill's vocabulary. An attack builds one hostile model (and maybe signature) in
 * the drill's temp directory; the drill runs it through the user's verifier and reports
 * whether it was caught.
 *
 * `needs` says what an attack requires before it can be built or judged:
 *   - 'trusted-signature': a signature the user's set-up trusts (the drill's --signing-key),
 *     for attacks that start from a legitimately signed model;
 *   - 'policy': the attack is about a rule only a policy has (--policy);
 *   - 'fifo': the platform can make named pipes (mkfifo).
 * An attack whose needs are not met is reported as skipped, with the reason, never as caught.
 */
import type { KeyObject } from 'node:crypto';
import type { VerifyResult } from '../verify/types.js';

export type Need = 'trusted-signature' | 'policy' | 'fifo';

/**
 * The drill's own lineage set-up for one verification (never the user's files): the store the
 * lineage walk reads, the anti-rollback state file, and root digests the drill revokes.
 */
export interface DrillSetup {
  storeDir?: string;
  stateFile?: string;
  /** Root digests the drill revokes... */
  revoked?: string[];
  /** ...and the same as a revocation list file (`verify --revoked FILE`). */
  revokedFile?: string;
}

export interface BuiltAttack {
  model: string;
  /** Signature path when not the default MODEL/model.sig. */
  signature?: string;
  /** Lineage set-up for this attack's verification (default: the drill's empty store). */
  setup?: DrillSetup;
}

/** The licenses the drill signs with: one the set-up allows, one outside its policy (if any). */
export interface DrillLicenses {
  allowed: string;
  outside?: string;
}

export interface DrillContext {
  /** The drill's private temp directory. */
  tmp: string;
  /** Key the user's set-up trusts (from --signing-key); present when 'trusted-signature' is met. */
  signer?: { priv: KeyObject; pub: KeyObject };
  /** A legitimately signed model (signed with `signer`). */
  base: string;
  /** A fresh copy of the legitimately signed model, with its signature, at tmp/<name>. */
  copyBase(name: string): Promise<string>;
  /** Licenses to sign with (from the user's policy, see verifier.ts). */
  licenses: DrillLicenses;
  /** The user's verifier, for attacks that must first get something verified (rollback). */
  verify(model: string, setup: DrillSetup): Promise<VerifyResult>;
}

/** Thrown by `build` when the set-up makes an attack meaningless (reported as skipped). */
export class AttackNotApplicable extends Error {}

export interface Attack {
  id: string;
  title: string;
  needs: Need[];
  /** May throw AttackNotApplicable (with the reason) when the set-up leaves nothing to attack. */
  build(ctx: DrillContext): Promise<BuiltAttack>;
}

export type Outcome = 'caught' | 'missed' | 'skipped';

export interface AttackReport {
  id: string;
  title: string;
  outcome: Outcome;
  /** Failure codes the verifier gave (caught), or why the attack was skipped. */
  codes: string[];
  reason?: string;
}

/** The verification the user configured, as the drill uses it. */
export interface DrillVerifier {
  /** One line: what is trusted and checked ("keys release.pub"). */
  description: string;
  /** Features of this verifier ('keys', 'lineage', and with --policy 'policy', maybe 'scan'). */
  features: Set<string>;
  licenses: DrillLicenses;
  verify(model: string, signature?: string, setup?: DrillSetup): Promise<VerifyResult>;
}
