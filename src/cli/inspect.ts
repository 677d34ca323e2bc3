import type { Command } from 'commander';
import { out, printJson, run } from './io.js';

export function register(program: Command): void {
  program
    .command('inspect')
    .description('show what a signature covers and who it claims signed it (does NOT verify it)')
    .argument('<signature>', 'signature file (model.sig)')
    .option('--json', 'print as JSON')
    .option('--files', 'list every signed resource')
    .addHelpText('after', '\nExamples:\n  modelsign inspect ./my-model/model.sig\n  modelsign inspect model.sig --json | jq .metadata')
    .action(
      run(async (sig: string, o: { json?: boolean; files?: boolean }) => {
        const { describeSignature } = await import('../oms/describe.js');
        const d = await describeSignature(sig);
        if (o.json) {
          printJson(d);
          return;
        }
        const lines = [
          `signature:   ${sig} (not verified: use "modelsign verify")`,
          `format:      ${d.format}, ${d.serialization.method} / ${d.serialization.hash_type}${d.serialization.shard_size ? ` / shard ${d.serialization.shard_size}` : ''}`,
          `model:       ${d.name}${d.version ? `@${d.version}` : ''}`,
          `root digest: ${d.rootDigest ?? '(none)'}`,
          `resources:   ${d.resources.length}`,
          `claimed signer: ${d.signer}`,
        ];
        if (d.license) lines.push(`license:     ${d.license}`);
        if (d.created) lines.push(`created:     ${d.created}`);
        if (d.tool) lines.push(`tool:        ${d.tool}`);
        if (d.serialization.ignore_paths?.length) lines.push(`ignored:     ${d.serialization.ignore_paths.join(', ')}`);
        if (o.files) for (const r of d.resources) lines.push(`  ${r.algorithm}:${r.digest}  ${r.name}`);
        out(lines.join('\n'));
      }),
    );
}
