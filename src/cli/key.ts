/** `modelsign key fingerprint FILE`: the hint a key's signatures carry (see src/keys/describe.ts). */
import type { Command } from 'commander';
import { out, printJson, requireSubcommand, run } from './io.js';

export function register(program: Command): void {
  const key = program
    .command('key')
    .description('work with key files')
    .addHelpText('after', '\nExamples:\n  modelsign key fingerprint release.pub');
  requireSubcommand(key, 'key needs a subcommand: modelsign key fingerprint FILE');
  key
    .command('fingerprint')
    .description("print a key's hint: the SHA-256 of its public key that signatures made with it carry (publicKey.hint)")
    .argument('<file>', 'public key (PEM), certificate (PEM), or private key (its public half; an encrypted one needs its passphrase)')
    .option('--json', 'print one JSON object: file, kind, type, hint')
    .addHelpText(
      'after',
      `
Examples:
  modelsign key fingerprint release.pub
  modelsign key fingerprint release.key --json      # the same hint, from the private key

The hint is what "modelsign inspect model.sig" shows as "claimed signer: public key sha256:<hint>"
and verify as "signer: <type> key sha256:<hint>".

Exit codes: 0 printed; 2 the file is missing, unreadable or holds no supported key; 3 internal error.`,
    )
    .action(
      run(async (file: string, o: { json?: boolean }) => {
        const { describeKeyFile, keyDescriptionText } = await import('../keys/describe.js');
        const d = await describeKeyFile(file);
        if (o.json) printJson(d);
        else out(keyDescriptionText(d));
      }),
    );
}
