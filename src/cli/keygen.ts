import type { Command } from 'commander';
import { usage } from '../errors.js';
import { out, printJson, run, warn } from './io.js';

export function register(program: Command): void {
  program
    .command('keygen')
    .description('generate a signing key pair: PREFIX.key (private, mode 600) and PREFIX.pub (public, SPKI PEM)')
    .requiredOption('--out <prefix>', 'path prefix for the key files')
    .option('--type <type>', 'ecdsa-p256 | ecdsa-p384 | ecdsa-p521 | ed25519 (ed25519 verifies in modelsign and cosign only, not model_signing)', 'ecdsa-p256')
    .option('--unencrypted', 'write the private key without a passphrase (not recommended)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
The private key is encrypted with a passphrase (scrypt + XSalsa20-Poly1305, cosign's
"ENCRYPTED SIGSTORE PRIVATE KEY" format) taken from MODELSIGN_PASSPHRASE or a prompt.

--out is a prefix: --out keys/release writes keys/release.key and keys/release.pub (and creates
keys/, mode 700, if it is missing).

Examples:
  MODELSIGN_PASSPHRASE=... modelsign keygen --out keys/release
  modelsign keygen --out keys/ci --type ecdsa-p384 --unencrypted`,
    )
    .action(
      run(async (o: { out: string; type: string; unencrypted?: boolean; json?: boolean }) => {
        const { SIGNING_KEY_TYPES } = await import('../keys/algorithms.js');
        if (!(SIGNING_KEY_TYPES as readonly string[]).includes(o.type)) {
          throw usage('BAD_KEY_TYPE', `--type must be one of ${SIGNING_KEY_TYPES.join(', ')} (got "${o.type}")`);
        }
        const { getPassphrase } = await import('../keys/passphrase.js');
        const { writeKeyPair, checkKeyPrefix, checkKeyFilesFree } = await import('../keys/keyfile.js');
        // Before the passphrase prompt: a wrong --out or an existing key is refused at once.
        checkKeyPrefix(o.out);
        await checkKeyFilesFree(o.out);
        const pass = o.unencrypted ? undefined : getPassphrase('encrypt', `${o.out}.key`);
        if (pass === '') throw usage('NO_PASSPHRASE', 'empty passphrase: set MODELSIGN_PASSPHRASE or pass --unencrypted');
        const w = await writeKeyPair(o.out, o.type as (typeof SIGNING_KEY_TYPES)[number], pass);
        // Only now that the keys are written: a failed keygen has nothing to warn about.
        if (!w.encrypted) warn('the private key is NOT encrypted; keep it out of version control and shared disks');
        if (o.json) printJson(w);
        else out(`wrote ${w.privatePath} (private, ${w.encrypted ? 'encrypted' : 'unencrypted'}) and ${w.publicPath} (public, ${w.type})`);
      }),
    );
}
