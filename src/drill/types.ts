/**
 * The attack drill's vocabulary. An attack builds one hostile model (and maybe signature) in
 * the drill's temp directory; the drill runs it through the user's verifier and reports
 * whether it was caught.
 *
 * `needs` says what an attack requires before it can be built or judged:
 *   - 'trusted-signature': a signature the user's set-up trusts (the drill's --signing-key),
 *     for attacks that start from a legitimately signed model;
 *   - a verifier feature ('lineage', 'policy', 'scan'): the check the attack targets exists
 *     only when that feature is part of the verifier (see verifier.ts);
 *   - 'fifo': the platform can make named pipes (mkfifo).
 * An attack whose needs are not met is reported as skipped, with the reason, never as caught.
 */
import type { KeyObject } from 'node:crypto';
import type { VerifyResult } from '../verify/types.js';

export type Need = 'trusted-signature' | 'lineage' | 'policy' | 'scan' | 'fifo';

export interface BuiltAttack {
  model: string;
  /** Signature path when not the default MODEL/model.sig. */
  signature?: string;
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
}

export interface Attack {
  id: string;
  title: string;
  needs: Need[];
  /** Absent for attacks whose feature has not landed yet: they are listed and skipped. */
  build?(ctx: DrillContext): Promise<BuiltAttack>;
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
  /** Features of this verifier ('keys', and later 'policy', 'lineage', 'scan'). */
  features: Set<string>;
  verify(model: string, signature?: string): Promise<VerifyResult>;
}
