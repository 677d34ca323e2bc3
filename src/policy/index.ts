/**
 * The verification policy: a YAML or JSON file (load.ts, types.ts) naming who is trusted
 * (trust.ts), which licenses may be used for which purpose (licenses.ts, with the Hugging
 * Face license ids of hf-licenses.ts), revocations and minimum versions; applied as a verify
 * stage (stage.ts) that reads the lineage report. See docs/policy.md.
 */
export { loadPolicy, parsePolicyText, validatePolicy, type LoadedPolicy } from './load.js';
export { policyStage } from './stage.js';
export type { PolicyReport } from './report.js';
export type { Policy, PolicyTrust, Purpose } from './types.js';
