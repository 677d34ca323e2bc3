import type { Command } from 'commander';
import { addEngineOptions, addIgnoreOption, addSerializationOptions, hashingOptions, type HashingFlags } from './common.js';
import { out, printJson, run } from './io.js';
import { engineFlags } from './progress.js';
import { addRegistryOptions, registryOptions } from './oci.js';

export function register(program: Command): void {
  const cmd = program
    .command('digest')
    .description('print the root digest of a model (what sign would sign), as sha256:<hex>')
    .argument('<model>', 'model directory, single file, .tar/.tar.gz/.tgz archive, hf://org/name[@revision] in the Hugging Face cache, or an OCI artifact (oci://..., oci:DIR)')
    .option('--signature <file>', 'signature path to leave out (default: MODEL/model.sig, or MODEL.sig for a file)')
    .option('--json', 'print root digest and per-file digests as JSON');
  addIgnoreOption(cmd);
  addSerializationOptions(cmd);
  addEngineOptions(cmd);
  addRegistryOptions(cmd);
  cmd
    .addHelpText('after', '\nExamples:\n  modelsign digest ./my-model\n  modelsign digest ./my-model --json --jobs 4\n  modelsign digest my-model.tar.gz      # same digest as the directory it was made from')
    .action(
      run(async (model: string, o: HashingFlags & { json?: boolean; signature?: string; insecureRegistry?: string[] }) => {
        // First, so the hash threads start while the library loads and the model is listed.
        const engine = engineFlags(o, 'hashing');
        // Only what digest needs (not keys, trust or bundle parsing): less to load before hashing.
        const { digestModel: digest } = await import('../sign/digest.js');
        const d = await digest({
          model,
          open: { oci: { registry: registryOptions(o) } },
          ...hashingOptions(o),
          ...(o.signature ? { signature: o.signature } : {}),
          engine,
        });
        engine.onDone();
        const { reportExcludedSignatures } = await import('./report.js');
        reportExcludedSignatures(d.excludedSignatures);
        if (o.json) {
          printJson({ rootDigest: `sha256:${d.rootDigest}`, serialization: d.serialization, resources: d.resources });
        } else {
          out(`sha256:${d.rootDigest}`);
        }
      }),
    );
}
