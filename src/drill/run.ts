/**
 * Running the drill: make a legitimately signed model, check the user's verifier accepts it
 * (the baseline: otherwise "caught" would mean nothing), then build and verify each attack.
 */
import type { Code } from '../codes.js';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { ModelsignError } from '../errors.js';
import { keyHint } from '../keys/algorithms.js';
import { ATTACKS, canMakeFifo } from './attacks.js';
import { signDrillModel, writeModel } from './model.js';
import { AttackNotApplicable, type Attack, type AttackReport, type DrillContext, type DrillSetup, type DrillVerifier, type Need } from './types.js';

export interface DrillOptions {
  verifier: DrillVerifier;
  /** The key the drill signs legitimate models with; the set-up should trust it. */
  signer?: { priv: KeyObject; pub: KeyObject };
  attacks?: Attack[];
}

export interface DrillReport {
  verifier: string;
  /** `failure`: the set-up's first failure on the baseline signed with --signing-key, when it refused it. */
  baseline: { verified: boolean; reason: string; failure?: { code: Code; message: string } };
  attacks: AttackReport[];
  caught: number;
  missed: number;
  skipped: number;
}

const FEATURE_NEEDS: readonly Need[] = ['policy'];

export async function runDrill(opts: DrillOptions): Promise<DrillReport> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'modelsign-drill-'));
  try {
    const base = path.join(tmp, 'base-model');
    await writeModel(base, 1);
    // Every verification walks lineage in a store of the drill's own (empty unless an attack fills one).
    const store = path.join(tmp, 'lineage-store');
    await mkdir(store);
    const defaultSetup: DrillSetup = { storeDir: store };
    let baseline: DrillReport['baseline'];
    if (opts.signer) {
      await signDrillModel(base, opts.signer, { license: opts.verifier.licenses.allowed });
      const r = await opts.verifier.verify(base, undefined, defaultSetup);
      const f = r.failures[0];
      baseline = r.verified
        ? { verified: true, reason: `a model signed with --signing-key (sha256:${keyHint(opts.signer.pub).slice(0, 16)}…) verifies` }
        : {
            verified: false,
            reason: `the set-up refuses a model signed with --signing-key: ${f ? `${f.message} [${f.code}]` : 'unknown'}`,
            ...(f ? { failure: { code: f.code, message: f.message } } : {}),
          };
    } else {
      baseline = { verified: false, reason: 'no --signing-key: the drill cannot make a model this set-up trusts' };
    }
    const met = new Set<string>([...opts.verifier.features]);
    if (baseline.verified) met.add('trusted-signature');
    if (canMakeFifo(tmp)) met.add('fifo');
    const ctx: DrillContext = {
      tmp,
      ...(opts.signer ? { signer: opts.signer } : {}),
      base,
      copyBase: async (name) => {
        const dest = path.join(tmp, name);
        await cp(base, dest, { recursive: true });
        return dest;
      },
      licenses: opts.verifier.licenses,
      verify: (model, setup) => opts.verifier.verify(model, undefined, setup),
    };
    const reports: AttackReport[] = [];
    for (const a of opts.attacks ?? ATTACKS) reports.push(await runAttack(a, ctx, opts.verifier, met, defaultSetup));
    return {
      verifier: opts.verifier.description,
      baseline,
      attacks: reports,
      caught: reports.filter((r) => r.outcome === 'caught').length,
      missed: reports.filter((r) => r.outcome === 'missed').length,
      skipped: reports.filter((r) => r.outcome === 'skipped').length,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function skipReason(a: Attack, met: Set<string>, hasSigner: boolean): string | undefined {
  // Missing features first: they say more than a missing key.
  for (const n of a.needs) {
    if (!met.has(n) && (FEATURE_NEEDS as readonly string[]).includes(n)) return `needs --${n} FILE: only a policy has this rule`;
  }
  for (const n of a.needs) {
    if (met.has(n)) continue;
    if (n === 'trusted-signature') return hasSigner ? 'needs a trusted signature: this set-up refuses --signing-key (see baseline)' : 'needs --signing-key, a private key this set-up trusts';
    if (n === 'fifo') return 'this platform cannot make named pipes (mkfifo)';
  }
  return undefined;
}

async function runAttack(a: Attack, ctx: DrillContext, verifier: DrillVerifier, met: Set<string>, defaultSetup: DrillSetup): Promise<AttackReport> {
  const why = skipReason(a, met, ctx.signer !== undefined);
  if (why) return { id: a.id, title: a.title, outcome: 'skipped', codes: [], reason: why };
  let built;
  try {
    built = await a.build(ctx);
  } catch (e) {
    if (e instanceof AttackNotApplicable) return { id: a.id, title: a.title, outcome: 'skipped', codes: [], reason: e.message };
    throw e;
  }
  let r;
  try {
    r = await verifier.verify(built.model, built.signature, built.setup ?? defaultSetup);
  } catch (e) {
    // verify would exit non-zero (2) on this model: it is not accepted. Other errors are bugs.
    if (e instanceof ModelsignError) return { id: a.id, title: a.title, outcome: 'caught', codes: [e.code] };
    throw e;
  }
  if (r.verified) return { id: a.id, title: a.title, outcome: 'missed', codes: [], reason: 'the verifier accepted the attacked model' };
  return { id: a.id, title: a.title, outcome: 'caught', codes: [...new Set(r.failures.map((f) => f.code))] };
}
