import type { Command } from 'commander';
import { usage } from '../errors.js';
import { promptTty } from '../keys/passphrase.js';
import type { KeylessSignFlags } from './sign-keyless.js';
import { addEngineOptions, addIgnoreOption, addSerializationOptions, hashingOptions } from './common.js';
import { collect, run, warn } from './io.js';
import { reportSigned } from './report.js';
import { engineFlags } from './progress.js';
import { addLineageSignOptions, lineageFromFlags, type SignLineageFlags } from './sign-lineage.js';
import { addRegistryOptions, registryOptions } from './oci.js';

interface SignFlags extends KeylessSignFlags, SignLineageFlags {
  keyless?: boolean;
  signingCertificate?: string;
  certificateChain?: string[];
  pkcs11Module?: string;
  insecureRegistry?: string[];
}

/**
 * The PKCS #11 PIN and module from the environment or the terminal (the library takes them
 * as parameters). The PIN is asked for only when the token needs one.
 */
function pkcs11Options(o: SignFlags): { module?: string; pin: () => string } {
  const module = o.pkcs11Module ?? process.env.MODELSIGN_PKCS11_MODULE;
  return {
    ...(module ? { module } : {}),
    pin: () => {
      const env = process.env.MODELSIGN_PKCS11_PIN;
      if (env !== undefined) return env;
      const typed = process.stdin.isTTY || process.stderr.isTTY ? promptTty('PKCS #11 token PIN: ') : undefined;
      if (typed === undefined) throw usage('NO_PIN', 'the token needs a PIN: set MODELSIGN_PKCS11_PIN, run on a terminal, or add pin-source to the URI');
      return typed;
    },
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('sign')
    .description('hash a model and write a signed OMS v1.0 manifest (Sigstore bundle)')
    .argument('<model>', 'model directory, single file, .tar/.tar.gz/.tgz archive, hf://org/name[@revision] in the Hugging Face cache, or an OCI artifact (oci://REGISTRY/REPO:TAG, oci:DIR[:TAG])')
    .option('--key <file|uri>', 'private key: modelsign/cosign encrypted PEM, plain PKCS#8/SEC1 PEM, or a PKCS #11 URI (pkcs11:token=...;object=...)')
    .option('--signing-certificate <leaf.pem>', 'certificate for --key: the bundle carries it and the chain (x509CertificateChain) instead of a key hint')
    .option('--certificate-chain <chain.pem>', 'with --signing-certificate: the certificates that follow it (intermediates, maybe the root), in order; repeatable', collect, [])
    .option('--pkcs11-module <lib.so>', 'PKCS #11 module for a pkcs11: key whose URI names none (default: MODELSIGN_PKCS11_MODULE)')
    .option('--version <semver>', 'model version, e.g. 1.2.0 (required)')
    .option('--name <name>', 'model name (default: the directory or file name)')
    .option('--license <id>', 'license: a Hugging Face license id or SPDX expression')
    .option('--signature <file>', 'where to write the signature (default: MODEL/model.sig, MODEL.sig for a file; attached to an OCI artifact)')
    .option('--json', 'print the result as JSON')
    .option('--keyless', 'sign with Sigstore keyless (Fulcio certificate for your OIDC identity + Rekor entry) instead of --key')
    .option('--identity-token <token>', 'keyless: OIDC token (default: SIGSTORE_ID_TOKEN, or GitHub Actions ambient credentials)')
    .option('--fulcio-url <url>', 'keyless: Fulcio instance (default https://fulcio.sigstore.dev)')
    .option('--rekor-url <url>', 'keyless: Rekor instance (default https://rekor.sigstore.dev)')
    .option('--tsa-url <url>', 'RFC 3161 timestamp authority to also time-stamp the signature (key, certificate and keyless)')
    .option('--staging', 'keyless: use the Sigstore staging instance');
  addIgnoreOption(cmd);
  addSerializationOptions(cmd);
  addEngineOptions(cmd);
  addLineageSignOptions(cmd);
  addRegistryOptions(cmd);
  cmd
    .addHelpText(
      'after',
      `
Examples:
  MODELSIGN_PASSPHRASE=... modelsign sign ./llama-ft --key keys/release.key --version 1.0.0 --license apache-2.0
  modelsign sign model.safetensors --key ci.key --version 2.1.0 --signature out/model.sig
  modelsign sign ./big-model --key release.key --version 3.0.0 --shard-size 1GiB
  modelsign sign ./llama-ft --key release.key --signing-certificate release.crt --certificate-chain ca-chain.pem --version 1.0.0
  modelsign sign ./llama-ft --key release.key --signing-certificate release.crt --tsa-url https://tsa.example/tsr --version 1.0.0
  MODELSIGN_PKCS11_PIN=... modelsign sign ./llama-ft --key 'pkcs11:token=release;object=signing-key?module-path=/usr/lib/softhsm/libsofthsm2.so' --version 1.0.0
  modelsign sign ./llama-ft --keyless --version 1.0.0            # in GitHub Actions (id-token: write)
  modelsign sign ./llama-ft --keyless --identity-token "$TOKEN" --version 1.0.0

  modelsign sign oci://registry.example.com/acme/llm:1.0 --key release.key --version 1.0.0   # attached as a referrer

  modelsign sign ./llama-ft --key release.key --version 1.1.0 --parent ./llama/model.sig --record=manifests
  modelsign sign ./merged --key release.key --version 1.0.0 --parent a/model.sig --parent b/model.sig --relation merge

Exit codes: 0 signed; 1 a --parent signature is not trusted or broken, or the TSA (or, with
--keyless, Fulcio or Rekor) failed; 2 usage error (bad flag, unreadable key, wrong passphrase or
PIN, a certificate for another key or one that would not verify, an empty model, symlink or
special file in the model, a parent with the same name and a version not lower than --version,
a signature or store that cannot be written, a signature larger than verify reads, as with a
tiny --shard-size; an OCI registry that cannot be reached or refuses the credentials); 3
internal error. On exit 2 or 3 nothing was written.`,
    )
    .action(
      run(async (model: string, o: SignFlags) => {
        if (o.keyless && o.key) throw usage('BAD_OPTION', '--keyless and --key exclude each other');
        if (o.keyless && (o.signingCertificate || o.certificateChain?.length)) throw usage('BAD_OPTION', '--keyless gets its certificate from Fulcio: it takes no --signing-certificate or --certificate-chain');
        if (!o.key && !o.keyless) throw usage('MISSING_OPTION', 'sign needs --key PRIVATE_KEY (or --keyless)');
        if (!o.version) throw usage('MISSING_OPTION', 'sign needs --version SEMVER (e.g. --version 1.0.0)');
        if (o.license !== undefined) {
          // A typo in --license would only show at verify time, as a license no policy knows.
          const { licenseProblem } = await import('../policy/licenses.js');
          const problem = licenseProblem(o.license);
          if (problem) warn(problem);
        }
        // Lineage (parents verified, datasets, store) applies to key and keyless signing alike.
        const lineage = lineageFromFlags(o);
        if (o.keyless) {
          const { signKeyless } = await import('./sign-keyless.js');
          return signKeyless(model, o, lineage);
        }
        const { signWithKey: sign } = await import('../sign/sign.js');
        const engine = engineFlags(o, 'hashing');
        const r = await sign({
          model,
          key: o.key as string,
          ...(lineage ? { lineage } : {}),
          ...(o.signingCertificate ? { signingCertificate: o.signingCertificate } : {}),
          ...(o.certificateChain?.length ? { certificateChain: o.certificateChain } : {}),
          ...(o.tsaUrl !== undefined ? { tsaUrl: o.tsaUrl } : {}),
          pkcs11: pkcs11Options(o),
          open: { oci: { registry: registryOptions(o) } },
          version: o.version,
          ...(o.name ? { name: o.name } : {}),
          ...(o.license ? { license: o.license } : {}),
          ...(o.signature ? { signature: o.signature } : {}),
          ...hashingOptions(o),
          engine,
        });
        reportSigned(r, o, engine);
      }),
    );
}
