/**
 * The modelsign GitHub Action: sign or verify a model in a workflow step, in process, with
 * the library API (no subprocess, no install step, nothing from the CLI).
 *
 * Inputs read like the CLI's flags, and are turned into the library's own specs here:
 *   verify: key (paths, one per line, or a PEM), signature, policy, purpose, lineage,
 *           identity, identity-provider -> a VerifySpec for createVerifier;
 *   sign:   key, signature, name, version, license, keyless, parent (one per line), lineage
 *           (the store to file the bundle in) -> signWithKey / signModel with lineage.
 * Messages speak of inputs, never of CLI flags.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelsignError, usage } from '../errors.js';
import { configure, settingsFromEnv } from '../settings.js';
import type { SignResult } from '../sign/sign.js';
import type { VerifySpec } from '../verify/spec.js';
import { resultLabel } from '../verify/label.js';
import type { VerifyResult } from '../verify/types.js';
import { Runner, table } from './runner.js';

/** Inputs only one command reads (action.yml); the others serve both. */
const INPUT_FOR: Record<string, 'sign' | 'verify'> = {
  name: 'sign',
  version: 'sign',
  license: 'sign',
  parent: 'sign',
  identity: 'verify',
  'identity-provider': 'verify',
  policy: 'verify',
  purpose: 'verify',
};

export interface Cleanup {
  dirs: string[];
}

/** A key input is a path (one per line) or an inline PEM block (e.g. from a secret). */
function keyPaths(r: Runner, cleanup: Cleanup, secret: boolean): string[] {
  const raw = r.input('key');
  if (!raw.includes('-----BEGIN')) return r.listInput('key');
  if (secret) r.mask(raw);
  const dir = mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'modelsign-key-'));
  cleanup.dirs.push(dir);
  const file = path.join(dir, secret ? 'signing.key' : 'trusted.pub');
  writeFileSync(file, raw.endsWith('\n') ? raw : `${raw}\n`, { mode: 0o600 });
  return [file];
}

// ---------------------------------------------------------------- verify

/** The verify inputs as the library's VerifySpec. */
export function verifySpec(r: Runner, cleanup: Cleanup): VerifySpec {
  const identity = r.input('identity');
  const issuer = r.input('identity-provider');
  const policy = r.input('policy');
  const purpose = r.input('purpose');
  const lineage = r.input('lineage');
  if (r.booleanInput('keyless') && !identity) {
    throw usage('MISSING_INPUT', 'verify with keyless: true needs the signer\'s identity (input "identity", and "identity-provider")');
  }
  if (issuer && !identity) throw usage('MISSING_IDENTITY', 'input "identity-provider" alone would trust anyone that issuer certified: give input "identity" too');
  if (purpose && !policy) throw usage('MISSING_INPUT', 'input "purpose" needs input "policy"');
  if (purpose && purpose !== 'deploy' && purpose !== 'retrain') throw usage('BAD_INPUT', `input "purpose" must be deploy or retrain (got "${purpose}")`);
  const keys = r.input('key') ? keyPaths(r, cleanup, false) : [];
  if (keys.length === 0 && !identity && !policy) throw usage('MISSING_INPUT', 'verify needs something to trust: input "key" (public key path or PEM), "identity", or a "policy"');
  return {
    trust: { keys, identities: identity ? [{ identity, ...(issuer ? { issuer } : {}) }] : [] },
    ...(policy ? { policy: { file: policy, ...(purpose ? { purpose: purpose as 'deploy' | 'retrain' } : {}) } } : {}),
    ...(lineage ? { lineage: { store: lineage } } : {}),
    ...(r.input('signature') ? { signature: r.input('signature') } : {}),
  };
}

/** The library's set-up refusals in the Action's words. */
function rephrase(e: unknown, spec: VerifySpec): unknown {
  if (!(e instanceof ModelsignError)) return e;
  if (e.code === 'NO_TRUST') return usage('MISSING_INPUT', `verify needs something to trust: input "key" (public key path or PEM) or "identity"; the policy ${spec.policy?.file} has no trust section`);
  if (e.code === 'TRUST_CONFLICT') return usage('TRUST_CONFLICT', `inputs "key"/"identity" and the trust section of policy ${spec.policy?.file} both name who to trust: give only one`);
  return e;
}

async function verifyStep(r: Runner, cleanup: Cleanup, model: string): Promise<number> {
  const spec = verifySpec(r, cleanup);
  const { verifyOnce } = await import('../verify/verifier.js');
  let res: VerifyResult;
  try {
    res = await verifyOnce(spec, model, {
      ready: (v) => {
        for (const w of v.warnings) r.warning(w.code === 'ANY_ISSUER' ? 'no input "identity-provider": the identity is accepted from any OIDC issuer Fulcio trusts' : w.message);
      },
    });
  } catch (e) {
    throw rephrase(e, spec);
  }
  for (const n of res.notes) r.log(`modelsign: note: ${n.code === 'LINEAGE_NOT_CHECKED' ? `this model links ${n.count ?? 0} parent model(s); set input "lineage" to verify its ancestry` : n.message}`);

  r.setOutput('verified', String(res.verified));
  r.setOutput('root-digest', res.rootDigest ? `sha256:${res.rootDigest}` : '');
  r.setOutput('signature', res.signature);
  r.summary(verifySummary(res));
  if (res.verified) {
    r.log(`modelsign: verified ${resultLabel(res)} (${res.filesChecked} files), root digest sha256:${res.rootDigest}, signer ${res.signer}`);
    return 0;
  }
  for (const f of res.failures.slice(0, 10)) r.error(`${f.path !== undefined ? `${f.path}: ` : ''}${f.message} [${f.code}]`);
  if (res.failures.length > 10) r.error(`... and ${res.failures.length - 10} more failures (see the job summary)`);
  r.log(`modelsign: ${resultLabel(res)} must not be used (${res.failures.length} failure${res.failures.length === 1 ? '' : 's'})`);
  return 1;
}

function verifySummary(res: VerifyResult): string {
  const head = res.verified ? `### ✅ modelsign verify: ${resultLabel(res)} verified` : `### ❌ modelsign verify: ${resultLabel(res)} must not be used`;
  const rows: unknown[][] = [
    ['Model', `\`${res.model}\``],
    ['Name', res.metadata?.name ?? res.subjectName],
    ['Version', res.metadata?.version],
    ['License', res.metadata?.license],
    ['Root digest', res.rootDigest ? `\`sha256:${res.rootDigest}\`` : undefined],
    ['Signer', res.signer],
    ['Signature', `\`${res.signature}\``],
    ['Files checked', `${res.filesChecked} (${res.bytesHashed} bytes)`],
    ['Result', res.verified ? 'verified' : `${res.failures.length} failure${res.failures.length === 1 ? '' : 's'}`],
  ];
  let md = `${head}\n\n${table(['Field', 'Value'], rows)}\n`;
  if (res.failures.length > 0) {
    md += `\n#### Failures\n\n${table(['Code', 'Path', 'Message'], res.failures.map((f) => [`\`${f.code}\``, f.path, f.message]))}\n`;
  }
  return md;
}

// ---------------------------------------------------------------- sign

async function signStep(r: Runner, cleanup: Cleanup, model: string): Promise<number> {
  const version = r.input('version');
  if (!version) throw usage('MISSING_INPUT', 'sign needs input "version" (a semantic version such as 1.2.0)');
  const keyless = r.booleanInput('keyless');
  const parents = r.listInput('parent');
  const store = r.input('lineage');
  const keyInput = r.input('key');
  if (!keyless && !keyInput) throw usage('MISSING_INPUT', 'sign needs input "key" (a private key path or PEM) or keyless: true');
  if (keyless && keyInput) throw usage('BAD_INPUT', 'give either input "key" or keyless: true, not both');
  if (keyless && parents.length > 0) throw usage('BAD_INPUT', 'input "parent" needs input "key": parents are verified against the signing key');
  const key = keyInput ? keyPaths(r, cleanup, true) : [];
  if (key.length > 1) throw usage('BAD_INPUT', 'sign takes one private key');
  if (r.input('license')) {
    // A typo in the license would only show at verify time, as a license no policy knows.
    const { licenseProblem } = await import('../policy/licenses.js');
    const problem = licenseProblem(r.input('license'), 'input "license"');
    if (problem) r.warning(problem);
  }
  const common = {
    model,
    version,
    ...(r.input('name') ? { name: r.input('name') } : {}),
    ...(r.input('license') ? { license: r.input('license') } : {}),
    ...(r.input('signature') ? { signature: r.input('signature') } : {}),
    ...(parents.length > 0 || store ? { lineage: { parents, ...(store ? { record: store } : {}) } } : {}),
  };
  let res: SignResult;
  let signer: string | undefined;
  if (keyless) {
    const [{ signModel }, { keylessSigner, bundleIdentity }] = await Promise.all([import('../sign/sign.js'), import('../sign/keyless.js')]);
    const sign = keylessSigner({});
    res = await signModel({
      ...common,
      signer: async (payload) => {
        const b = await sign(payload);
        signer = bundleIdentity(b);
        return b;
      },
    });
  } else {
    const { signWithKey } = await import('../sign/sign.js');
    res = await signWithKey({ ...common, key: key[0]! });
    const hint = (JSON.parse(res.bundleText) as { verificationMaterial?: { publicKey?: { hint?: string } } }).verificationMaterial?.publicKey?.hint;
    if (hint) signer = `key ${hint}`;
  }
  for (const w of res.recorded) if (w.added || w.what === 'model') r.log(`modelsign: recorded ${w.what === 'parent' ? `parent ${w.name}@${w.version} in ` : ''}${w.file}`);
  const meta = res.statement.subject[0].annotations?.modelsign;
  const label = `${meta?.name ?? model}${meta?.version ? `@${meta.version}` : ''}`;
  r.setOutput('root-digest', `sha256:${res.rootDigest}`);
  r.setOutput('signature', res.signaturePath);
  r.summary(
    `### ✍️ modelsign sign: ${label} signed\n\n${table(
      ['Field', 'Value'],
      [
        ['Model', `\`${model}\``],
        ['Name', meta?.name],
        ['Version', meta?.version],
        ['License', meta?.license],
        ['Root digest', `\`sha256:${res.rootDigest}\``],
        ['Signer', signer ?? (keyless ? "Sigstore keyless (this workflow's identity)" : undefined)],
        ['Signature', `\`${res.signaturePath}\``],
        ['Files', `${res.files} (${res.bytes} bytes)`],
      ],
    )}\n`,
  );
  r.log(`modelsign: signed ${label}: root digest sha256:${res.rootDigest}, signature ${res.signaturePath}`);
  return 0;
}

// ---------------------------------------------------------------- entry

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const r = new Runner(env);
  configure(settingsFromEnv(env));
  // Secrets never reach the log, even inside an error message.
  r.mask(env.MODELSIGN_PASSPHRASE);
  r.mask(env.COSIGN_PASSWORD);
  const cleanup: Cleanup = { dirs: [] };
  const command = r.input('command');
  try {
    const model = r.input('model');
    if (command !== 'sign' && command !== 'verify') throw usage('BAD_INPUT', `input "command" must be sign or verify (got "${command}")`);
    if (!model) throw usage('MISSING_INPUT', 'input "model" is required (a model directory, file or .tar/.tar.gz archive)');
    // An input the other command uses is a mistake in the workflow, not something to ignore.
    for (const [name, forCommand] of Object.entries(INPUT_FOR)) {
      if (forCommand !== command && r.input(name) !== '') throw usage('BAD_INPUT', `input "${name}" is for command ${forCommand}; ${command} does not use it`);
    }
    return command === 'sign' ? await signStep(r, cleanup, model) : await verifyStep(r, cleanup, model);
  } catch (e) {
    const err = e instanceof ModelsignError ? e : undefined;
    const msg = err ? `${err.message} [${err.code}]` : `internal error: ${(e as Error)?.message ?? String(e)}`;
    if (command === 'verify') r.setOutput('verified', 'false');
    r.error(msg);
    r.summary(`### ❌ modelsign ${command || '(no command)'} failed\n\n${table(['Code', 'Message'], [[err ? `\`${err.code}\`` : 'INTERNAL', err ? err.message : msg]])}\n`);
    return err ? err.exitCode : 3;
  } finally {
    for (const d of cleanup.dirs) rmSync(d, { recursive: true, force: true });
  }
}
