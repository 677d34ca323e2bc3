/**
 * The modelsign GitHub Action: sign or verify a model in a workflow step, in process, with
 * the library API (no subprocess, no install step, nothing from the CLI).
 *
 * Inputs read like the CLI's flags, and are turned into the library's own specs (inputs.ts):
 *   verify: key, certificate-chain, identity, identity-regexp, identity-provider, policy,
 *           purpose, lineage, min-version, state, revoked, signature, ignore-paths, audit-log
 *           -> one VerifySpec for verifyOnce;
 *   sign:   key, passphrase, keyless, signature, name, version, license, parent, lineage (the
 *           store to file the bundle in), ignore-paths, shard-size -> signWithKey / signModel.
 * Messages speak of inputs, never of CLI flags (words.ts); annotations name the workspace file
 * they are about (files.ts); every outcome writes a job summary (summary.ts).
 */
import { rmSync } from 'node:fs';
import { ModelsignError, toFailure, usage, type Failure } from '../errors.js';
import { configure, settingsFromEnv } from '../settings.js';
import type { SignResult } from '../sign/sign.js';
import type { VerifySpec } from '../verify/spec.js';
import { resultLabel } from '../verify/label.js';
import type { VerifyResult } from '../verify/types.js';
import { inputFileOf, modelFile, workspaceRelative } from './files.js';
import { INPUT_FOR, INPUTS, keyPaths, shardSize, verifySpec, type Cleanup } from './inputs.js';
import { Runner } from './runner.js';
import { errorSummary, signSummary, verifySummary } from './summary.js';
import { actionTerms } from './words.js';

export { verifySpec, type Cleanup } from './inputs.js';

/** Where annotations are relative to: the runner's checkout (else the step's directory). */
function workspace(r: Runner): string {
  return r.env.GITHUB_WORKSPACE || process.cwd();
}

/** The workspace file of the input a code is about, when that input names one file. */
function inputFile(r: Runner, code: ModelsignError['code'], fallback?: string): string | undefined {
  const name = inputFileOf(code);
  const value = name === undefined ? '' : r.input(name);
  const file = value !== '' ? value : name === 'signature' ? fallback : undefined;
  if (file === undefined || /\r?\n/.test(file) || file.includes('-----BEGIN')) return undefined;
  return workspaceRelative(workspace(r), file);
}

/** The file an annotation of this failure belongs to (a model file, or an input's file). */
function failureFile(r: Runner, model: string, f: Failure, signature?: string): string | undefined {
  return f.path !== undefined ? modelFile(workspace(r), model, f.path) : inputFile(r, f.code, signature);
}

// ---------------------------------------------------------------- verify

/** The library's set-up refusals in the Action's words. */
function rephrase(e: unknown, spec: VerifySpec): unknown {
  if (!(e instanceof ModelsignError)) return e;
  if (e.code === 'NO_TRUST') return usage('MISSING_INPUT', `verify needs something to trust: input "key" (public key path or PEM), "certificate-chain", "identity" or "identity-regexp"; the policy ${spec.policy?.file} has no trust section`);
  if (e.code === 'TRUST_CONFLICT') return usage('TRUST_CONFLICT', `inputs "key"/"certificate-chain"/"identity"/"identity-regexp" and the trust section of policy ${spec.policy?.file} both name who to trust: give only one`);
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
  for (const n of res.notes) r.log(`modelsign: note: ${n.code === 'LINEAGE_NOT_CHECKED' ? `this model links ${n.count ?? 0} parent model(s); set input "lineage" to verify its ancestry` : actionTerms(n.message)}`);

  r.setOutput('verified', String(res.verified));
  // Only a verified model's root digest is output: a refused one's is merely claimed.
  r.setOutput('root-digest', res.verified && res.rootDigest ? `sha256:${res.rootDigest}` : '');
  r.setOutput('signature', res.signature);
  r.summary(verifySummary(res));
  if (res.verified) {
    const ancestors = res.reports.lineage?.ancestors.length ?? 0;
    r.log(`modelsign: verified ${resultLabel(res)} (${res.filesChecked} files${ancestors > 0 ? `, ${ancestors} ancestor(s)` : ''}), root digest sha256:${res.rootDigest}, signer ${res.signer}`);
    return 0;
  }
  for (const f of res.failures.slice(0, 10)) r.error(`${f.path !== undefined ? `${f.path}: ` : ''}${f.message} [${f.code}]`, failureFile(r, model, f, res.signature));
  if (res.failures.length > 10) r.error(`... and ${res.failures.length - 10} more failures (see the job summary)`);
  r.log(`modelsign: ${resultLabel(res)} must not be used (${res.failures.length} failure${res.failures.length === 1 ? '' : 's'})`);
  return 1;
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
  if (keyless && r.input('passphrase')) throw usage('BAD_INPUT', 'input "passphrase" decrypts input "key": keyless signing has no key');
  const shards = shardSize(r);
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
    ignorePaths: r.listInput('ignore-paths'),
    ...(shards !== undefined ? { shardSize: shards } : {}),
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
  for (const n of res.excludedSignatures) r.warning(`left out ${n}: it is a signature (Sigstore bundle), not model content; recorded in ignore_paths`);
  for (const w of res.recorded) if (w.added || w.what === 'model') r.log(`modelsign: recorded ${w.what === 'parent' ? `parent ${w.name}@${w.version} in ` : ''}${w.file}`);
  r.setOutput('root-digest', `sha256:${res.rootDigest}`);
  r.setOutput('signature', res.signaturePath);
  r.summary(signSummary(res, model, signer ?? (keyless ? "Sigstore keyless (this workflow's identity)" : undefined)));
  const meta = res.statement.subject[0].annotations?.modelsign;
  r.log(`modelsign: signed ${meta?.name ?? model}${meta?.version ? `@${meta.version}` : ''}: root digest sha256:${res.rootDigest}, signature ${res.signaturePath}`);
  return 0;
}

// ---------------------------------------------------------------- entry

/** The library's passphrase refusal, pointing at the Action's input. */
function passphraseWords(e: ModelsignError): ModelsignError {
  if (e.code !== 'NO_PASSPHRASE') return e;
  return new ModelsignError(e.code, `${e.message.replace(/: set MODELSIGN_PASSPHRASE or run on a terminal$/, '')}: set input "passphrase" (from a secret) or the MODELSIGN_PASSPHRASE environment variable`, { kind: e.kind, ...(e.path !== undefined ? { path: e.path } : {}) });
}

/** Check the inputs that need no file or key, then run the command. */
async function runCommand(r: Runner, cleanup: Cleanup, command: string): Promise<number> {
  const model = r.input('model');
  if (command !== 'sign' && command !== 'verify') throw usage('BAD_INPUT', `input "command" must be sign or verify (got "${command}")`);
  if (!model) throw usage('MISSING_INPUT', 'input "model" is required (a model directory, file or .tar/.tar.gz archive)');
  // An input the other command uses is a mistake in the workflow, not something to ignore.
  for (const [name, forCommand] of Object.entries(INPUT_FOR)) {
    if (forCommand !== command && r.input(name) !== '') throw usage('BAD_INPUT', `input "${name}" is for command ${forCommand}; ${command} does not use it`);
  }
  return command === 'sign' ? await signStep(r, cleanup, model) : await verifyStep(r, cleanup, model);
}

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const r = new Runner(env);
  // Secrets never reach the log, even inside an error message: masked before anything else.
  const passphrase = r.input('passphrase');
  r.mask(passphrase);
  r.mask(env.MODELSIGN_PASSPHRASE);
  r.mask(env.COSIGN_PASSWORD);
  configure({ ...settingsFromEnv(env), ...(passphrase ? { passphrase } : {}) });
  const cleanup: Cleanup = { dirs: [] };
  const command = r.input('command');
  try {
    return await runCommand(r, cleanup, command);
  } catch (e) {
    const err = e instanceof ModelsignError ? passphraseWords(e) : undefined;
    const message = err ? err.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
    if (command === 'verify') r.setOutput('verified', 'false');
    const file = err === undefined ? undefined : failureFile(r, r.input('model'), toFailure(err));
    r.error(`${message} [${err?.code ?? 'INTERNAL'}]`, file);
    r.summary(errorSummary(command, err, message, INPUTS.filter((i) => r.input(i) !== '')));
    return err ? err.exitCode : 3;
  } finally {
    for (const d of cleanup.dirs) rmSync(d, { recursive: true, force: true });
  }
}
