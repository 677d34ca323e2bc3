/**
 * The attack drill: synthetic hostile models (attacks.ts, hostile.ts, model.ts) run through
 * the verifier a set-up describes (verifier.ts, built by createVerifier), each reported as
 * caught, missed or skipped (run.ts). See docs/drill.md.
 */
export { runDrill, type DrillReport } from './run.js';
export { drillVerifier, type DrillConfig } from './verifier.js';
export { ATTACKS } from './attacks.js';
export type { Attack, AttackReport, DrillVerifier } from './types.js';
