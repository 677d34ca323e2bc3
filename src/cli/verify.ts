/**
 * `modelsign verify`: flags and MODELSIGN_* -> one VerifySpec (verify-spec.ts) -> the
 * library's verifier; this file only prints what it decided.
 */
import path from 'node:path';
import { Command, type Option } from 'commander';
import { usage } from '../errors.js';
import { addEngineOptions, addIgnoreOption } from './common.js';
import { errorLine, info, out, printJson, run, warn } from './io.js';
import { engineFlags } from './progress.js';
import { verifyJson, verifyText } from './report.js';
import { displayPath } from '../util/one-line.js';
import { applyEnvFlags, ENV_HELP } from './verify-env.js';
import { addLineageOptions, addPolicyOptions, addTrustOptions, LINEAGE_HELP, POLICY_HELP, TRUST_HELP } from './verify-options.js';
import { addPodOptions, podError, podResult, podStart, startPodOutput } from './verify-pod.js';
import { addRegistryOptions, isOciModel } from './oci.js';
import { noticeText, rephraseSetupError, specFromFlags, type VerifyFlags } from './verify-spec.js';

/**
 * verify's options as verify defines them (registered on a scratch program): the drill takes
 * them, and they name the MODELSIGN_* variables every command knows.
 */
export function verifyOptionList(): readonly Option[] {
  const scratch = new Command();
  register(scratch);
  return scratch.commands.find((c) => c.name() === 'verify')!.options;
}

export function register(program: Command): void {
  const cmd = program
    .command('verify')
    .description('verify a model against its signature: signer, every file hash, the file set')
    .argument('[model]', 'model directory, single file, .tar/.tar.gz/.tgz archive, hf://org/name[@revision] in the Hugging Face cache, or an OCI artifact (oci://REGISTRY/REPO:TAG, oci:DIR[:TAG]) (or MODELSIGN_MODEL)')
    .option('--signature <file>', 'signature file (default: MODEL/model.sig, MODEL.sig for a file; the signatures attached to an OCI artifact)')
    .option('--ignore-unsigned-files', 'allow files the signature does not list (listed files are still checked)')
    .option('--json', 'print one JSON object: verified, rootDigest, signer, failures[]');
  addTrustOptions(cmd);
  addLineageOptions(cmd);
  addPolicyOptions(cmd);
  cmd.option('--audit-log <file>', 'append this decision to a tamper-evident audit log (JSON lines, hash-chained; check with `modelsign audit verify`)');
  addRegistryOptions(cmd);
  cmd.option('--pull-to <dir>', 'oci:// models: download the signed files into DIR (new or empty), re-hashed as written; kept only when the model verifies');
  addPodOptions(cmd);
  addIgnoreOption(cmd);
  addEngineOptions(cmd);
  cmd
    .addHelpText(
      'after',
      `
Examples:
  modelsign verify ./llama-ft --key keys/release.pub
  modelsign verify model.safetensors --key release.pub --signature model.sig --json
  modelsign verify llm.tar.gz --key release.pub      # streams the archive, reads llm.tar.gz.sig
  modelsign verify oci://registry.example.com/acme/llm@sha256:... --key release.pub --pull-to /models/llm

Exit codes: 0 verified; 1 the model must not be used (changed, missing or unexpected file,
bad or missing signature, untrusted signer); 2 usage error (also: an OCI registry that cannot
be reached or refuses access before anything was checked); 3 internal error.`,
    )
    .addHelpText('after', TRUST_HELP)
    .addHelpText('after', LINEAGE_HELP)
    .addHelpText('after', POLICY_HELP)
    .addHelpText('after', ENV_HELP)
    .action(
      run(async (modelArg: string | undefined, flags: VerifyFlags) => {
        try {
          return await verifyAction(cmd, modelArg, flags);
        } catch (e) {
          podError(flags, e);
          throw e;
        }
      }),
    );
}

/**
 * `verify my-model/model.sig`: a signature where the model belongs. Said with the command that
 * was meant (the directory it lies in, or the file it is named after), not as a model that
 * fails to verify.
 */
async function refuseSignatureAsModel(model: string, signature: string | undefined): Promise<void> {
  if (!model.toLowerCase().endsWith('.sig')) return;
  const { isReference } = await import('../source/index.js');
  if (isReference(model)) return;
  const { stat } = await import('node:fs/promises');
  const st = await stat(model).catch(() => undefined);
  if (!st?.isFile()) return;
  const { parseBundle, readBundleFile } = await import('../oms/bundle.js');
  try {
    parseBundle(await readBundleFile(model));
  } catch {
    return; // not a bundle: a model file that happens to end in .sig
  }
  const q = (p: string) => (/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);
  const dir = path.dirname(model);
  const named = model.slice(0, -'.sig'.length);
  const given = signature !== undefined ? ` --signature ${q(signature)}` : '';
  let hint: string;
  if (path.basename(model).toLowerCase() === 'model.sig') {
    hint = `give the model directory: modelsign verify ${q(dir)}${given || ` (it reads ${q(model)} by default), or modelsign verify ${q(dir)} --signature ${q(model)}`}`;
  } else if (await stat(named).then(() => true, () => false)) {
    hint = `give the model it is named after: modelsign verify ${q(named)}${given || ` (it reads ${q(model)} by default)`}`;
  } else {
    hint = `give the model, and the signature with --signature: modelsign verify MODEL --signature ${q(model)}`;
  }
  throw usage('MODEL_IS_SIGNATURE', `${q(model)} is a signature, not a model: ${hint}`);
}

async function verifyAction(cmd: Command, modelArg: string | undefined, flags: VerifyFlags): Promise<number> {
  applyEnvFlags(cmd, flags);
  startPodOutput(flags);
  const model = modelArg ?? (flags.model as string | undefined);
  if (!model) throw usage('MISSING_ARGUMENT', 'verify needs MODEL (a directory, file or archive; or set MODELSIGN_MODEL)');
  await refuseSignatureAsModel(model, flags.signature);
  const engine = engineFlags(flags as { jobs?: number }, 'verifying');
  if (flags.pullTo !== undefined && !isOciModel(model)) throw usage('BAD_OPTION', '--pull-to applies to oci:// and oci: models only');
  const spec = specFromFlags(flags, engine);
  // The verifier alone, not the whole library index: less to load before hashing starts.
  const { verifyOnce } = await import('../verify/verifier.js');
  let r;
  try {
    r = await verifyOnce(spec, model, {
      ready: (v) => {
        for (const w of v.warnings) warn(noticeText(w));
        podStart(model, flags.signature);
      },
    });
  } catch (e) {
    throw rephraseSetupError(e, 'verify', flags);
  } finally {
    engine.onDone();
  }
  for (const n of r.notes) info(noticeText(n));
  if (r.verified && flags.pullTo !== undefined) info(`pulled the verified model into ${flags.pullTo}`);
  podResult(flags, r);
  if (flags.json) printJson(verifyJson(r));
  else out(verifyText(r));
  if (!r.verified) {
    const f = r.failures[0]!;
    if (!flags.json) errorLine(`refused: ${f.path !== undefined ? `${displayPath(f.path)}: ` : ''}${f.message} [${f.code}]`);
    return 1;
  }
  return 0;
}
