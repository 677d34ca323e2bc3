/**
 * The attack drill: synthetic hostile models (attacks.ts, hostile.ts, model.ts) run through
 * the verifier the user's VerifySpec describes (createVerifier, with the drill's copies of
 * the files a verification writes: sandbox.ts), each reported as caught, missed (with what
 * would stop it) or skipped (run.ts). See docs/drill.md.
 */
export { runDrill, type DrillOptions, type DrillReport } from './run.js';
export { ATTACKS } from './attacks.js';
export type { Attack, AttackReport, DrillNote, KeyPair, Remedy, SetupFacts } from './types.js';
