/**
 * The Action's inputs as the library's specs: one VerifySpec for verify, the sign options for
 * sign. The checks here are about the inputs themselves, worded in them; everything else is
 * the library's to judge.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usage } from '../errors.js';
import type { IdentityRule } from '../policy/types.js';
import type { LineageSpec, TrustSpec, VerifySpec } from '../verify/spec.js';
import { hasAuthority } from '../verify/trust.js';
import type { Runner } from './runner.js';

/** Inputs only one command reads (action.yml); the others (model, signature, key, keyless, ignore-paths, lineage) serve both. */
export const INPUT_FOR: Readonly<Record<string, 'sign' | 'verify'>> = {
  name: 'sign',
  version: 'sign',
  license: 'sign',
  parent: 'sign',
  'shard-size': 'sign',
  passphrase: 'sign',
  identity: 'verify',
  'identity-regexp': 'verify',
  'identity-provider': 'verify',
  'certificate-chain': 'verify',
  policy: 'verify',
  purpose: 'verify',
  'min-version': 'verify',
  state: 'verify',
  revoked: 'verify',
  'audit-log': 'verify',
};

/** Every input action.yml declares, in its order. */
export const INPUTS = ['command', 'model', 'signature', 'key', 'passphrase', 'keyless', 'identity', 'identity-regexp', 'identity-provider', 'certificate-chain', 'policy', 'purpose', 'name', 'version', 'license', 'parent', 'lineage', 'ignore-paths', 'shard-size', 'min-version', 'revoked', 'state', 'audit-log'] as const;

export interface Cleanup {
  dirs: string[];
}

/** A key input is a path (one per line) or an inline PEM block (e.g. from a secret). */
export function keyPaths(r: Runner, cleanup: Cleanup, secret: boolean): string[] {
  const raw = r.input('key');
  if (!raw.includes('-----BEGIN')) return r.listInput('key');
  if (secret) r.mask(raw);
  const dir = mkdtempSync(path.join(r.env.RUNNER_TEMP || os.tmpdir(), 'modelsign-key-'));
  cleanup.dirs.push(dir);
  const file = path.join(dir, secret ? 'signing.key' : 'trusted.pub');
  writeFileSync(file, raw.endsWith('\n') ? raw : `${raw}\n`, { mode: 0o600 });
  return [file];
}

const SEMVER_START = /^v?\d+\.\d+\.\d+/;

// ---------------------------------------------------------------- verify

function identityRules(r: Runner): IdentityRule[] {
  const ids = r.listInput('identity');
  const res = r.listInput('identity-regexp');
  const issuer = r.input('identity-provider');
  if (issuer && ids.length + res.length === 0) {
    throw usage('MISSING_IDENTITY', 'input "identity-provider" alone would trust anyone that issuer certified: give input "identity" or "identity-regexp" too');
  }
  if (r.booleanInput('keyless') && ids.length + res.length === 0) {
    throw usage('MISSING_INPUT', 'verify with keyless: true needs the signer\'s identity (input "identity" or "identity-regexp", and "identity-provider")');
  }
  const withIssuer = issuer ? { issuer } : {};
  return [...ids.map((identity) => ({ identity, ...withIssuer })), ...res.map((identityRegExp) => ({ identityRegExp, ...withIssuer }))];
}

function trustSpec(r: Runner, cleanup: Cleanup): TrustSpec {
  const identities = identityRules(r);
  const keys = r.input('key') ? keyPaths(r, cleanup, false) : [];
  return { keys, certificateChains: r.listInput('certificate-chain'), identities };
}

function lineageSpec(r: Runner): LineageSpec | undefined {
  const minVersion = r.input('min-version');
  if (minVersion && !SEMVER_START.test(minVersion)) throw usage('BAD_INPUT', `input "min-version" must be a semantic version like 1.2.0 (got "${minVersion}")`);
  const l: LineageSpec = {
    ...(r.input('lineage') ? { store: r.input('lineage') } : {}),
    ...(minVersion ? { minVersion } : {}),
    ...(r.input('state') ? { stateFile: r.input('state') } : {}),
    ...(r.input('revoked') ? { revoked: r.input('revoked') } : {}),
  };
  return Object.keys(l).length > 0 ? l : undefined;
}

/** The verify inputs as the library's VerifySpec. */
export function verifySpec(r: Runner, cleanup: Cleanup): VerifySpec {
  const policy = r.input('policy');
  const purpose = r.input('purpose');
  if (purpose && !policy) throw usage('MISSING_INPUT', 'input "purpose" needs input "policy"');
  if (purpose && purpose !== 'deploy' && purpose !== 'retrain') throw usage('BAD_INPUT', `input "purpose" must be deploy or retrain (got "${purpose}")`);
  const trust = trustSpec(r, cleanup);
  if (!hasAuthority(trust) && !policy) {
    throw usage('MISSING_INPUT', 'verify needs something to trust: input "key" (public key path or PEM), "certificate-chain", "identity" or "identity-regexp", or a "policy"');
  }
  const lineage = lineageSpec(r);
  return {
    trust,
    ...(policy ? { policy: { file: policy, ...(purpose ? { purpose: purpose as 'deploy' | 'retrain' } : {}) } } : {}),
    ...(lineage ? { lineage } : {}),
    ...(r.input('signature') ? { signature: r.input('signature') } : {}),
    ignorePaths: r.listInput('ignore-paths'),
    ...(r.input('audit-log') ? { auditLog: r.input('audit-log') } : {}),
  };
}

// ---------------------------------------------------------------- sign

/** input "shard-size": a positive whole number of bytes (undefined: hash whole files). */
export function shardSize(r: Runner): number | undefined {
  const raw = r.input('shard-size');
  if (raw === '') return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw usage('BAD_INPUT', `input "shard-size" must be a positive whole number of bytes (got "${raw}")`);
  return n;
}
