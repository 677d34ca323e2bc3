/**
 * Running the drill: build the user's verifier from their VerifySpec (so a set-up verify would
 * refuse is refused here, with the same error), make a legitimately signed model and check
 * the set-up accepts it (the baseline: otherwise "caught" would mean nothing), then build and
 * verify each attack, each in its own sandbox (sandbox.ts).
 *
 * The legitimate models are signed with the caller's key (one the set-up trusts) or, without
 * one, with a throwaway key that is trusted in place of the set-up's own trust: every attack
 * then runs against the rest of the set-up, and the attacks that need no trusted signature
 * (an untrusted signer, no signature) still face the set-up's real trust.
 */
import type { Code } from '../codes.js';
import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelsignError } from '../errors.js';
import { keyHint } from '../keys/algorithms.js';
import type { VerifySpec } from '../verify/spec.js';
import type { VerifyResult } from '../verify/types.js';
import { createVerifier, type Verifier } from '../verify/verifier.js';
import { ATTACKS, canMakeFifo } from './attacks.js';
import { signDrillModel, writeModel } from './model.js';
import { Sandbox, type AttackSandbox } from './sandbox.js';
import { AttackNotApplicable, type Attack, type AttackReport, type DrillContext, type DrillLicenses, type DrillNote, type KeyPair, type Remedy, type SetupFacts } from './types.js';
import { defaultRemedy, drillVersion, pickLicenses, setupFacts } from './verifier.js';

export interface DrillOptions {
  /** The set-up to test, as `verify` would run it. */
  spec: VerifySpec;
  /** A key the set-up trusts; without one, a throwaway key is trusted in place of the set-up's trust. */
  signer?: KeyPair;
  attacks?: Attack[];
  /** Told the set-up's verifier once it is built, before any attack runs (to show its description and warnings). */
  ready?: (verifier: Verifier) => void;
}

export interface DrillReport {
  /** The set-up, as its verifier describes it. */
  verifier: string;
  /** Who signed the legitimate models: the caller's key, or the throwaway key (its key hint). */
  signer: { source: 'signing-key' | 'throwaway'; key: string };
  /** What the drill did differently from `verify` with the same spec (never to the user's files). */
  notes: DrillNote[];
  /** `failure`: the set-up's first failure on the baseline, when it refused it. */
  baseline: { verified: boolean; reason: string; failure?: { code: Code; message: string } };
  attacks: AttackReport[];
  caught: number;
  missed: number;
  skipped: number;
  /** What the set-up checks (to word remedies). */
  facts: SetupFacts;
}

const THROWAWAY_LABEL = "the drill's throwaway key";

/** One verification of the drill's: a verifier from the sandboxed spec; only its verdict counts. */
type VerifyIn = (sb: AttackSandbox, model: string, o?: { realTrust?: boolean; revoke?: readonly string[]; signature?: string }) => Promise<VerifyResult>;

function baselineReport(r: VerifyResult, signer: KeyPair, throwaway: boolean): DrillReport['baseline'] {
  const by = throwaway ? THROWAWAY_LABEL : '--signing-key';
  if (r.verified) return { verified: true, reason: `a model signed with ${by} (sha256:${keyHint(signer.pub).slice(0, 16)}…) verifies` };
  const f = r.failures[0];
  return {
    verified: false,
    reason: `the set-up refuses a model signed with ${by}: ${f ? `${f.message} [${f.code}]` : 'unknown'}`,
    ...(f ? { failure: { code: f.code, message: f.message } } : {}),
  };
}

function throwawayNote(user: Verifier): DrillNote {
  const trusted = user.trust.map((t) => t.label).join(', ');
  return {
    code: 'DRILL_THROWAWAY_KEY',
    message: `the drill's models are signed with a throwaway key, trusted in place of ${trusted}: the attacks test the rest of the set-up (untrusted-key and missing-signature face its own trust); a signing key the set-up trusts tests that trust too`,
  };
}

export async function runDrill(opts: DrillOptions): Promise<DrillReport> {
  // Built to describe the set-up (trust, policy, purpose), never to verify: it writes nothing.
  const user = await createVerifier(opts.spec);
  opts.ready?.(user);
  const facts = setupFacts(opts.spec, user);
  const throwaway = opts.signer === undefined;
  const signer = opts.signer ?? throwawayKey();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'modelsign-drill-'));
  try {
    const sandbox = await Sandbox.create({
      user: opts.spec,
      policy: user.policy,
      dir: path.join(tmp, 'sandbox'),
      ...(throwaway ? { trust: { publicKeys: [{ key: signer.pub, label: THROWAWAY_LABEL }] } } : {}),
    });
    const verifyIn: VerifyIn = async (sb, model, o = {}) => (await sandbox.verifier(sb, o)).verify(model, o.signature !== undefined ? { signature: o.signature } : {});
    const version = drillVersion(facts.minVersion);
    const licenses = await pickLicenses(user.policy, user.purpose ?? 'deploy');
    const base = path.join(tmp, 'base-model');
    await writeModel(base, 1);
    await signDrillModel(base, signer, { license: licenses.allowed, version });
    const baseline = baselineReport(await verifyIn(await sandbox.forAttack('baseline'), base), signer, throwaway);
    const met = new Set<string>();
    if (baseline.verified) met.add('trusted-signature');
    if (canMakeFifo(tmp)) met.add('fifo');
    const shared = { tmp, signer, base, version, licenses, facts, sandbox, verifyIn, met };
    const reports: AttackReport[] = [];
    for (const a of opts.attacks ?? ATTACKS) reports.push(await runAttack(a, shared));
    return {
      verifier: user.description,
      signer: { source: throwaway ? 'throwaway' : 'signing-key', key: `sha256:${keyHint(signer.pub)}` },
      notes: [...(throwaway ? [throwawayNote(user)] : []), ...sandbox.notes],
      baseline,
      attacks: reports,
      caught: reports.filter((r) => r.outcome === 'caught').length,
      missed: reports.filter((r) => r.outcome === 'missed').length,
      skipped: reports.filter((r) => r.outcome === 'skipped').length,
      facts,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function throwawayKey(): KeyPair {
  const kp = generateKeyPairSync('ed25519');
  return { priv: kp.privateKey, pub: kp.publicKey };
}

function skipReason(a: Attack, met: Set<string>): string | undefined {
  for (const n of a.needs) {
    if (met.has(n)) continue;
    if (n === 'trusted-signature') return 'needs a model the set-up accepts: it refuses the baseline (see baseline)';
    if (n === 'fifo') return 'this platform cannot make named pipes (mkfifo)';
  }
  return undefined;
}

interface Shared {
  tmp: string;
  signer: KeyPair;
  base: string;
  version: string;
  licenses: DrillLicenses;
  facts: SetupFacts;
  sandbox: Sandbox;
  verifyIn: VerifyIn;
  met: Set<string>;
}

async function runAttack(a: Attack, s: Shared): Promise<AttackReport> {
  const head = { id: a.id, title: a.title };
  const why = skipReason(a, s.met);
  if (why) return { ...head, outcome: 'skipped', codes: [], reason: why };
  const sb = await s.sandbox.forAttack(a.id);
  // An attack without a trusted signature is judged by the set-up's own trust.
  const realTrust = !a.needs.includes('trusted-signature');
  const ctx: DrillContext = {
    tmp: s.tmp,
    signer: s.signer,
    base: s.base,
    version: s.version,
    copyBase: async (name) => {
      const dest = path.join(s.tmp, name);
      await cp(s.base, dest, { recursive: true });
      return dest;
    },
    licenses: s.licenses,
    facts: s.facts,
    verify: (model) => s.verifyIn(sb, model, { realTrust }),
    fileInStore: (meta, bundle) => s.sandbox.fileInStore(meta, bundle),
  };
  let built;
  try {
    built = await a.build(ctx);
  } catch (e) {
    if (e instanceof AttackNotApplicable) return { ...head, outcome: 'skipped', codes: [], reason: e.message };
    throw e;
  }
  const v = await s.sandbox.verifier(sb, { realTrust, ...(built.setup?.revoke ? { revoke: built.setup.revoke } : {}) });
  let r;
  try {
    r = await v.verify(built.model, built.signature !== undefined ? { signature: built.signature } : {});
  } catch (e) {
    // A refusal (exit 1) stops the attack. A usage error (exit 2) stops every model like this
    // one, attacked or not (a fine-tune under --revoked without --lineage): not a defence.
    if (e instanceof ModelsignError && e.kind === 'reject') return { ...head, outcome: 'caught', codes: [e.code] };
    // An internal error (exit 3) is a bug, never a defence: the drill stops on it.
    if (e instanceof ModelsignError && e.kind === 'usage') {
      const remedy: Remedy | undefined = e.code === 'REVOKED_NEEDS_LINEAGE' ? 'lineage-with-revoked' : undefined;
      return { ...head, outcome: 'missed', codes: [e.code], reason: `verify stops with a usage error (exit 2) on this model, as on every model like it, attacked or not: ${e.message}`, ...(remedy ? { remedy } : {}) };
    }
    throw e;
  }
  if (r.verified) {
    const remedy = a.remedy?.(s.facts) ?? defaultRemedy(s.facts);
    return { ...head, outcome: 'missed', codes: [], reason: 'the verifier accepted the attacked model', ...(remedy ? { remedy } : {}) };
  }
  return { ...head, outcome: 'caught', codes: [...new Set(r.failures.map((f) => f.code))] };
}
