/**
 * The attack drill's vocabulary. An attack builds one hostile model (and maybe signature) in
 * the drill's temp directory; the drill runs it through the verifier the user's VerifySpec
 * describes and reports whether it was stopped.
 *
 * `needs` says what an attack cannot be built or judged without:
 *   - 'trusted-signature': a signature the set-up trusts (the baseline verified), for attacks
 *     that start from a legitimately signed model;
 *   - 'fifo': the platform can make named pipes (mkfifo).
 * An attack whose needs are not met is reported as skipped, with the reason, never as caught.
 * A check the set-up lacks is not a need: the attack runs and is MISSED, with its remedy.
 */
import type { KeyObject } from 'node:crypto';
import type { Code, NoticeCode } from '../codes.js';
import type { Purpose } from '../policy/types.js';
import type { VerifyResult } from '../verify/types.js';

export type Need = 'trusted-signature' | 'fifo';

export interface KeyPair {
  priv: KeyObject;
  pub: KeyObject;
}

/** What the user's set-up has, so attacks pick their inputs and say what would stop them. */
export interface SetupFacts {
  /** An anti-rollback state file (lineage.stateFile). */
  stateFile: boolean;
  /** A lineage store (lineage.store). */
  store: boolean;
  /** Where a revocation reaches the set-up: its revocation list file, else its policy's `revoked`. */
  revocation: 'list' | 'policy' | undefined;
  policyFile: string | undefined;
  purpose: Purpose | undefined;
  /** The policy has a license section. */
  licenseRule: boolean;
  /** Format rules are in force (a denied format or scanning). */
  formats: boolean;
  /** The set-up's minimum version (lineage.minVersion). */
  minVersion: string | undefined;
  ignoreUnsignedFiles: boolean;
  ignorePaths: readonly string[];
}

/**
 * What a MISSED attack needed, in the set-up's terms (each client words it in its own flags):
 * an anti-rollback state file, a revocation list, a policy with a license rule, a license rule
 * in the policy, a policy with format rules, format rules in the policy, no ignoring of
 * unsigned files, no ignored paths.
 */
export type Remedy = 'state' | 'revocation' | 'lineage-with-revoked' | 'policy-license' | 'license-rule' | 'policy-formats' | 'formats' | 'no-ignore-unsigned' | 'no-ignore-paths';

/** Something the drill did differently from `verify` with the same spec, and why. */
export interface DrillNote {
  code: NoticeCode;
  message: string;
  /** The user's file the note is about (never written). */
  file?: string;
}

/** What an attack changes in the set-up for its verification, always on the drill's copies. */
export interface AttackSetup {
  /** Root digests revoked through the set-up's own revocation channel (list or policy). */
  revoke?: string[];
}

export interface BuiltAttack {
  model: string;
  /** Signature path when not the default MODEL/model.sig. */
  signature?: string;
  setup?: AttackSetup;
}

/** The licenses the drill signs with: one the set-up allows, one outside its policy (if any). */
export interface DrillLicenses {
  allowed: string;
  outside?: string;
}

export interface DrillContext {
  /** The drill's private temp directory. */
  tmp: string;
  /** The key the legitimate models are signed with (trusted by the set-up, or the throwaway key). */
  signer: KeyPair;
  /** A legitimately signed model (signed with `signer`, version `version`). */
  base: string;
  /** The version legitimate models carry: at or above the set-up's minimum. */
  version: string;
  /** A fresh copy of the legitimately signed model, with its signature, at tmp/<name>. */
  copyBase(name: string): Promise<string>;
  /** Licenses to sign with (from the user's policy). */
  licenses: DrillLicenses;
  facts: SetupFacts;
  /** Verify with the set-up, inside this attack's sandbox (its own copy of the state file). */
  verify(model: string): Promise<VerifyResult>;
  /** File a bundle in the copy of the set-up's lineage store; false when it has none. */
  fileInStore(meta: { name: string; version: string; rootDigest: string }, bundle: Buffer): Promise<boolean>;
}

/** Thrown by `build` when the set-up leaves nothing to attack (reported as skipped). */
export class AttackNotApplicable extends Error {}

export interface Attack {
  id: string;
  title: string;
  needs: Need[];
  /** May throw AttackNotApplicable (with the reason) when the set-up leaves nothing to attack. */
  build(ctx: DrillContext): Promise<BuiltAttack>;
  /** What would have stopped it, when the set-up missed it (default: the set-up's loosening options). */
  remedy?(facts: SetupFacts): Remedy | undefined;
}

export type Outcome = 'caught' | 'missed' | 'skipped';

export interface AttackReport {
  id: string;
  title: string;
  outcome: Outcome;
  /** Failure codes the verifier gave (caught). */
  codes: Code[];
  /** Why it was skipped or missed. */
  reason?: string;
  /** What would have stopped a missed attack. */
  remedy?: Remedy;
}
