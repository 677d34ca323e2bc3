import { Option, type Command } from 'commander';
import { out, printJson, run } from './io.js';

export function register(program: Command): void {
  program
    .command('scan')
    .description('check model files for unsafe content without loading them: pickle imports, PyTorch/zip/npz/npy containers, safetensors and GGUF structure')
    .argument('<path>', 'a model file, a model directory, a .tar / .tar.gz archive, or hf://org/name[@revision] in the Hugging Face cache')
    .option('--json', 'print the full report as JSON')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the scan fail (exit 1)').choices(['low', 'medium', 'high', 'critical']).default('low'))
    .addHelpText(
      'after',
      `
Examples:
  modelsign scan ./my-model                     # every file in the directory
  modelsign scan pytorch_model.bin --json       # one file, full report
  modelsign scan model.tar.gz --fail-on high    # ignore unknown (medium) pickle imports

Exit codes: 0 no findings, 1 findings, 2 usage error, 3 internal error.
Severities: critical (loading can run code), high (malformed, hidden data, not fully
scannable), medium (import not needed for weights), low (informational).`,
    )
    .action(
      run(async (target: string, o: { json?: boolean; failOn: 'low' | 'medium' | 'high' | 'critical' }) => {
        const { scanPath } = await import('../scan/scan-path.js');
        const r = await scanPath(target, { failOn: o.failOn });
        const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0 };
        for (const f of r.findings) counts[f.severity]!++;
        if (o.json) {
          printJson({ ...r, counts });
          return r.clean ? 0 : 1;
        }
        // File names and imported names come from the scanned files: one line per finding whatever they hold.
        const { clean, displayPath } = await import('../util/one-line.js');
        const lines = r.findings.map((f) => clean(`${f.severity.toUpperCase().padEnd(8)} ${displayPath(f.file)}${f.member !== undefined ? `!${f.member}` : ''}: ${f.message} [${f.code}]`, 2000));
        const tally = Object.entries(counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ');
        // Honest counts: only files of a format modelsign checks were scanned.
        const files = [
          `${r.filesScanned} file${r.filesScanned === 1 ? '' : 's'} scanned`,
          ...(r.filesUnknownFormat > 0 ? [`${r.filesUnknownFormat} skipped (unknown format)`] : []),
          ...(r.filesRefused > 0 ? [`${r.filesRefused} refused`] : []),
        ].join(', ');
        lines.push(r.findings.length === 0 ? `clean: ${files}, no findings` : `${r.clean ? 'passed' : 'FAILED'}: ${files}, ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} (${tally})`);
        out(lines.join('\n'));
        return r.clean ? 0 : 1;
      }),
    );
}
