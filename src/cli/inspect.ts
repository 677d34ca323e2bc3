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
        // Everything below is unverified signature content: control characters are replaced
        // so it cannot forge lines or drive the terminal.
        const { clean } = await import('../util/one-line.js');
        const c = (v: unknown, max = 300) => clean(String(v), max);
        const lines = [
          `signature:   ${c(sig, 4200)} (not verified: use "modelsign verify")`,
          `format:      ${c(d.format)}, ${c(d.serialization.method)} / ${c(d.serialization.hash_type)}${d.serialization.shard_size ? ` / shard ${c(d.serialization.shard_size)}` : ''}`,
          `model:       ${c(d.name)}${d.version ? `@${c(d.version)}` : ''}`,
          `root digest: ${c(d.rootDigest ?? '(none)')}`,
          `resources:   ${d.resources.length}`,
          `claimed signer: ${c(d.signer, 1000)}`,
        ];
        if (d.license) lines.push(`license:     ${c(d.license)}`);
        if (d.created) lines.push(`created:     ${c(d.created)}`);
        if (d.tool) lines.push(`tool:        ${c(d.tool)}`);
        if (d.serialization.ignore_paths?.length) lines.push(`ignored:     ${c(d.serialization.ignore_paths.join(', '), 4200)}`);
        if (o.files) for (const r of d.resources) lines.push(`  ${c(r.algorithm, 40)}:${c(r.digest, 200)}  ${c(r.name, 4200)}`);
        out(lines.join('\n'));
      }),
    );
}
