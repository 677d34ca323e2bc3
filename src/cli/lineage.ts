/**
 * `modelsign lineage MODEL|SIG [--lineage DIR] [trust] [--revoked FILE] [--json]`: walk a
 * signature's ancestry through the store (default ./manifests, as `sign --record`) and print
 * the tree. With trust flags (those of verify; any one suffices per link) every link is
 * verified and a broken one is exit 1; without any, the tree is shown as the bundles claim it,
 * every node marked not verified, exit 0. MODEL may be a model directory (its model.sig). The
 * model files are not read (`modelsign verify --lineage` checks them too).
 *
 * `modelsign lineage add STORE SIG...`: file signatures in a store under their canonical name.
 *
 * Every option also comes from MODELSIGN_* as for verify; verify's own variables that mean
 * nothing here (a policy, a state file...) are accepted and named in a note, so one
 * environment serves both commands.
 */
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { ModelsignError, usage } from '../errors.js';
import type { TrustCheck } from '../verify/types.js';
import { clean } from '../util/one-line.js';
import { errorLine, info, out, printJson, run, warn } from './io.js';
import { DEFAULT_STORE } from './sign-lineage.js';
import { applyEnvFlags, envName } from './verify-env.js';
import { addTrustOptions } from './verify-options.js';
import { noticeText, trustFromFlags, trustGiven, type VerifyFlags } from './verify-spec.js';

interface LineageFlags extends VerifyFlags {
  json?: boolean;
}

const NO_TRUST = 'not verified (no trust given)';

export function register(program: Command): void {
  const cmd = program
    .command('lineage')
    .description('print (and, given trust, verify) the ancestry of a signed model as a tree, from a lineage store; `lineage add` files signatures in a store')
    .argument('[model]', "the model's signature file (model.sig), or a model directory for its model.sig (or MODELSIGN_MODEL)")
    .option('--signature <file>', 'signature file (default: MODEL/model.sig for a directory, MODEL itself for a file)')
    .option('--lineage <dir>', `lineage store holding the ancestors' bundles (default: ./${DEFAULT_STORE}, where sign --record files them)`);
  addTrustOptions(cmd, 'trusted public key (PEM); repeatable, any one suffices; applies to the model and every ancestor')
    .option('--revoked <file>', 'revocation list (sha256:<root digest> per line, # comments): the model or any ancestor listed fails')
    .option('--json', 'print one JSON object: verified, trusted, signature, tree (null if the signature itself is refused), ancestors[], failures[]')
    // `lineage add STORE SIG --json`: options after the subcommand are the subcommand's.
    .enablePositionalOptions()
    .addHelpText(
      'after',
      `
Each line: name@version (with the relation to its child), root digest, signer, license, and
whether that link verified (signature under the trust flags, recorded bundle digest, version
order). Without any trust flag nothing is verified: every line says "${NO_TRUST}"
and the exit code is 0 (1 when --revoked names the model or an ancestor).

Every trust flag applies to the model and to every ancestor; any one of them suffices for
each link, so a keyless fine-tune of a key-signed base takes both.

Examples:
  modelsign lineage ./llama-ft                       # the tree, nothing verified
  modelsign lineage ./llama-ft/model.sig --lineage manifests --key keys/release.pub
  modelsign lineage model.sig --lineage manifests --key keys/release.pub --json | jq '.tree'
  modelsign lineage add manifests sigs/base.sig      # file a signature in the store

Exit codes: 0 every link verified (or no trust given); 1 the signature or any link failed,
or --revoked names the model or an ancestor (with or without trust); 2 usage error;
3 internal error.`,
    )
    .action(run(async (model: string | undefined, o: LineageFlags) => lineageAction(cmd, model, o)));

  cmd
    .command('add')
    .description('file signature bundles in a lineage store under <name>@<version>.<root digest>.sig, the name the store looks up first (as sign --record does)')
    .argument('<store>', 'the lineage store (created, mode 700, if missing)')
    .argument('<signature...>', 'signature files to file')
    .option('--json', 'print one JSON object: store, filed[] (signature, file, added, name, version, rootDigest, bundleDigest)')
    .addHelpText(
      'after',
      `
Each file must be a modelsign lineage bundle (OMS v1.0 with a semver version); its signature
is not checked here: every walk verifies each bundle under the verifier's trust. Nothing is
written unless every file can be filed. Filing the same bytes again changes nothing; another
bundle for the same name and version is filed beside it, never over it.

Examples:
  modelsign lineage add manifests ./llama/model.sig ./llama-chat/model.sig
  modelsign lineage add /etc/modelsign/lineage sigs/*.sig --json

Exit codes: 0 filed (or already there); 2 a file is not a bundle, or the store cannot be written; 3 internal error.`,
    )
    .action(
      run(async (store: string, sigs: string[], o: { json?: boolean }) => {
        const { addToStore } = await import('../lineage/add.js');
        const filed = await addToStore(store, sigs);
        if (o.json) printJson({ store, filed });
        else for (const f of filed) out(f.added ? `filed ${f.signature} as ${f.file}` : `${f.signature} is already in the store as ${f.file}`);
        return 0;
      }),
    );
}

/** The MODELSIGN_* names of verify's options (verify's own registration, on a scratch program). */
async function verifyVariables(): Promise<Set<string>> {
  const options = (await import('./verify.js')).verifyOptionList();
  return new Set(options.filter((o) => o.long).map((o) => envName(o.long!)));
}

/** The signature to read: --signature, else MODEL's own (a directory: DIR/model.sig, as verify), else MODEL. */
async function signatureOf(model: string | undefined, signature: string | undefined): Promise<{ file: string; noFollow: boolean }> {
  if (signature !== undefined) return { file: signature, noFollow: false };
  if (model === undefined) throw usage('MISSING_ARGUMENT', 'lineage needs a signature file or a model directory (or set MODELSIGN_MODEL)');
  const isDir = await stat(model).then((s) => s.isDirectory(), () => false);
  if (!isDir) return { file: model, noFollow: false };
  const { openSource } = await import('../source/index.js');
  // The default path lies in the model directory: a link there is not followed (as verify).
  return { file: (await openSource(model)).defaultSignaturePath(), noFollow: true };
}

async function lineageAction(cmd: Command, modelArg: string | undefined, o: LineageFlags): Promise<number> {
  const verifyVars = await verifyVariables();
  applyEnvFlags(cmd, o, verifyVars);
  const ours = new Set(cmd.options.filter((x) => x.long).map((x) => envName(x.long!)));
  const unused = [...verifyVars].filter((v) => !ours.has(v) && (process.env[v] ?? '') !== '').sort();
  if (unused.length > 0) info(`note: ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} verify's; lineage does not use ${unused.length === 1 ? 'it' : 'them'}`);

  const sig = await signatureOf(modelArg ?? (o.model as string | undefined), o.signature);
  const spec = trustFromFlags(o);
  const { trustChecks } = await import('../verify/trust.js');
  let trust: TrustCheck[] | null = null;
  if (trustGiven(spec)) {
    const t = await trustChecks(spec);
    for (const n of t.warnings) warn(noticeText(n));
    trust = t.checks;
  } else {
    info('note: no trust given (--key, --certificate-chain, --identity...): the tree is shown as the signatures claim it, nothing is verified');
  }
  const { readBundleFile } = await import('../oms/bundle.js');
  const { LineageStore, openStore, readRevokedFile, revokedFailures, verifyLineageBundle, walkLineage, renderTree } = await import('../lineage/index.js');
  const { BundleCheckError } = await import('../lineage/ancestor.js');
  const revoked = o.revoked !== undefined ? await readRevokedFile(o.revoked) : undefined;
  const storeDir = o.lineage ?? DEFAULT_STORE;
  const explicitStore = o.lineage !== undefined;
  const storeExists = explicitStore || (await stat(storeDir).then((s) => s.isDirectory(), () => false));
  const store = storeExists ? await openStore(storeDir) : new LineageStore(storeDir);
  const report = (r: { verified: boolean; tree: unknown; ancestors: unknown[]; failures: unknown[] }) => printJson({ verified: r.verified, trusted: trust !== null, signature: sig.file, tree: r.tree, ancestors: r.ancestors, failures: r.failures });

  let root;
  try {
    root = await verifyLineageBundle(await readBundleFile(sig.file, undefined, { noFollow: sig.noFollow }), trust, `signature ${sig.file}`);
  } catch (e) {
    const refusal = e instanceof BundleCheckError ? new ModelsignError(e.inner.code, e.inner.message) : e;
    // The model's own signature is refused: --json still prints the report's shape
    // (nothing walked), and the refusal goes to stderr as its one line.
    if (o.json && refusal instanceof ModelsignError && refusal.kind === 'reject') report({ verified: false, tree: null, ancestors: [], failures: [{ code: refusal.code, message: refusal.message }] });
    throw refusal;
  }
  if (!storeExists && (root.lineage?.parents.length ?? 0) > 0) {
    throw usage('LINEAGE_STORE_UNREADABLE', `lineage store ${storeDir} not found (the default, where sign --record files bundles): give --lineage DIR`);
  }
  const w = await walkLineage({
    root: { name: root.name, version: root.version, license: root.license, rootDigest: root.rootDigest, signer: root.signer?.description, lineage: root.lineage },
    store,
    trust,
  });
  const failures = [...w.failures];
  if (revoked) for (const f of revokedFailures({ id: clean(`${root.name}@${root.version}`), rootDigest: root.rootDigest }, w.ancestors, revoked)) failures.push(f);
  for (const n of store.notices()) info(noticeText(n));
  const verified = trust !== null && failures.length === 0;
  if (o.json) {
    report({ verified, tree: w.tree, ancestors: w.ancestors, failures });
  } else {
    out(renderTree(w.tree, trust !== null));
    for (const f of failures) out(`  ${f.code}: ${f.message}`);
  }
  // Without trust nothing was judged: the tree (and any problem found) is information only,
  // except a revoked digest, which is refused whoever signed what claims it.
  const refusing = trust === null ? failures.filter((f) => f.code === 'REVOKED') : failures;
  if (refusing.length > 0) {
    const f = refusing[0]!;
    if (!o.json) errorLine(`refused: ${f.message} [${f.code}]`);
    return 1;
  }
  return 0;
}
