/**
 * `modelsign lineage SIG --lineage DIR --key PUB [--json]`: verify a signature and walk its
 * ancestry through the store, printing the tree. Trust is given as for verify: --key,
 * --certificate-chain, or a Sigstore --identity/--identity-regexp (any one suffices per link). The model files are not needed (use
 * `modelsign verify --lineage` to check them too). Exit 1 if any link is broken.
 */
import type { Command } from 'commander';
import { ModelsignError, usage } from '../errors.js';
import { errorLine, out, printJson, run, warn } from './io.js';
import { addTrustOptions } from './verify-options.js';
import { noticeText, trustFromFlags, trustGiven, type VerifyFlags } from './verify-spec.js';

interface LineageFlags extends VerifyFlags {
  json?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command('lineage')
    .description('print and verify the ancestry of a signed model as a tree, from a lineage store')
    .argument('<signature>', "the model's signature file (model.sig)")
    .option('--lineage <dir>', 'lineage store holding the ancestors\' bundles (required)');
  addTrustOptions(cmd, 'trusted public key (PEM); repeatable, any one suffices; applies to the model and every ancestor')
    .option('--json', 'print one JSON object: verified, signature, tree (null if the signature itself is refused), ancestors[], failures[]')
    .addHelpText(
      'after',
      `
Each line: name@version (with the relation to its child), root digest, signer, license, and
whether that link verified (signature under the trust flags, recorded bundle digest, version
order).

Every trust flag applies to the model and to every ancestor; any one of them suffices for
each link, so a keyless fine-tune of a key-signed base takes both.

Examples:
  modelsign lineage ./llama-ft/model.sig --lineage manifests --key keys/release.pub
  modelsign lineage model.sig --lineage manifests --key keys/release.pub --json | jq '.tree'
  modelsign lineage model.sig --lineage manifests --key keys/base.pub \\
      --identity release@acme.com --identity-provider https://accounts.google.com

Exit codes: 0 every link verified; 1 the signature or any link failed; 2 usage error; 3 internal error.`,
    )
    .action(
      run(async (sig: string, o: LineageFlags) => {
        if (o.lineage === undefined) throw usage('MISSING_OPTION', 'lineage needs --lineage DIR (the lineage store)');
        const spec = trustFromFlags(o);
        if (!trustGiven(spec)) {
          throw usage('MISSING_OPTION', 'lineage needs something to trust: --key PUBLIC_KEY, --certificate-chain ROOTS.pem, or --identity/--identity-regexp');
        }
        const { trustChecks } = await import('../verify/trust.js');
        const { checks: trust, warnings } = await trustChecks(spec);
        for (const n of warnings) warn(noticeText(n));
        const { readBundleFile } = await import('../oms/bundle.js');
        const { openStore, verifyLineageBundle, walkLineage, renderTree } = await import('../lineage/index.js');
        const { BundleCheckError } = await import('../lineage/ancestor.js');
        const store = await openStore(o.lineage);
        let root;
        try {
          root = await verifyLineageBundle(await readBundleFile(sig), trust, `signature ${sig}`);
        } catch (e) {
          const refusal = e instanceof BundleCheckError ? new ModelsignError(e.inner.code, e.inner.message) : e;
          // The model's own signature is refused: --json still prints the report's shape
          // (nothing walked), and the refusal goes to stderr as its one line.
          if (o.json && refusal instanceof ModelsignError && refusal.kind === 'reject') {
            printJson({ verified: false, signature: sig, tree: null, ancestors: [], failures: [{ code: refusal.code, message: refusal.message }] });
          }
          throw refusal;
        }
        const w = await walkLineage({
          root: { name: root.name, version: root.version, license: root.license, rootDigest: root.rootDigest, signer: root.signer.description, lineage: root.lineage },
          store,
          trust,
        });
        const verified = w.failures.length === 0;
        if (o.json) {
          printJson({ verified, signature: sig, tree: w.tree, ancestors: w.ancestors, failures: w.failures });
        } else {
          out(renderTree(w.tree));
          for (const f of w.failures) out(`  ${f.code}: ${f.message}`);
        }
        if (!verified) {
          const f = w.failures[0]!;
          if (!o.json) errorLine(`refused: ${f.message} [${f.code}]`);
          return 1;
        }
        return 0;
      }),
    );
}

