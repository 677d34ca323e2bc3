import type { Command } from 'commander';
import { usage } from '../errors.js';
import { addEngineOptions, addIgnoreOption } from './common.js';
import { errorLine, out, printJson, run } from './io.js';
import { engineFlags } from './progress.js';
import { verifyJson, verifyText } from './report.js';
import { displayPath } from '../util/one-line.js';
import { verifyPlugins, type Flags } from './verify-plugins.js';

export function register(program: Command): void {
  const cmd = program
    .command('verify')
    .description('verify a model against its signature: signer, every file hash, the file set')
    .argument('[model]', 'model directory, single file, .tar/.tar.gz/.tgz archive, or OCI artifact (oci://REGISTRY/REPO:TAG, oci:DIR[:TAG]) (or MODELSIGN_MODEL)')
    .option('--signature <file>', 'signature file (default: MODEL/model.sig, MODEL.sig for a file; the signatures attached to an OCI artifact)')
    .option('--ignore-unsigned-files', 'allow files the signature does not list (listed files are still checked)')
    .option('--json', 'print one JSON object: verified, rootDigest, signer, failures[]');
  for (const p of verifyPlugins) p.addOptions?.(cmd);
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
be reached or refuses access before anything was checked).`,
    )
    .action(
      run(async (modelArg: string | undefined, flags: Flags) => {
        try {
          return await verifyAction(modelArg, flags);
        } catch (e) {
          // Let plugins record the failed decision (audit log, termination reason), then report it.
          const model = modelArg ?? (flags.model as string | undefined) ?? '';
          for (const p of verifyPlugins) await p.error?.(flags, model, e);
          throw e;
        }
      }),
    );
}

/** The verify command proper; errors it throws reach the plugins' `error` hooks. */
async function verifyAction(modelArg: string | undefined, flags: Flags): Promise<number> {
  for (const p of verifyPlugins) await p.prepare?.(flags);
  const model = modelArg ?? (flags.model as string | undefined);
  if (!model) throw usage('MISSING_ARGUMENT', 'verify needs MODEL (a directory, file or archive; or set MODELSIGN_MODEL)');
  const trust = (await Promise.all(verifyPlugins.map((p) => p.trust?.(flags) ?? Promise.resolve([])))).flat();
  if (trust.length === 0) throw usage('MISSING_OPTION', 'verify needs something to trust: --key PUBLIC_KEY (or another trust option, see --help)');
  const stages = (await Promise.all(verifyPlugins.map((p) => p.stages?.(flags) ?? Promise.resolve([])))).flat();
  // The pipeline alone, not the whole library index: less to load before hashing starts.
  const { verifyModel: verify } = await import('../verify/pipeline.js');
  const engine = engineFlags(flags as { jobs?: number }, 'verifying');
  const opts: import('../verify/pipeline.js').VerifyOptions = {
    model,
    trust,
    stages,
    ...(flags.signature ? { signature: flags.signature as string } : {}),
    ignorePaths: (flags.ignorePaths as string[] | undefined) ?? [],
    ignoreUnsignedFiles: !!flags.ignoreUnsignedFiles,
    engine,
  };
  for (const p of verifyPlugins) await p.options?.(flags, opts);
  const r = await verify(opts);
  engine.onDone();
  for (const p of verifyPlugins) await p.after?.(flags, r);
  if (flags.json) printJson(verifyJson(r));
  else out(verifyText(r));
  if (!r.verified) {
    const f = r.failures[0]!;
    if (!flags.json) errorLine(`refused: ${f.path !== undefined ? `${displayPath(f.path)}: ` : ''}${f.message} [${f.code}]`);
    return 1;
  }
  return 0;
}
