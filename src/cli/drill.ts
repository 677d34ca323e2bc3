/**
 * `modelsign drill`: run synthetic attacks against your own verification set-up. The set-up
 * is verify's: the drill takes verify's options (taken from verify's own definition, so the
 * two cannot differ), fills them from MODELSIGN_* the same way, and turns them into the same
 * VerifySpec (verify-spec.ts); the library's drill runs every attack through the verifier
 * that spec describes. This file words the report and decides the exit code.
 */
import type { Command, Option } from 'commander';
import { ModelsignError, reject, usage } from '../errors.js';
import type { DrillNote, DrillReport, Remedy } from '../drill/index.js';
import { info, out, printJson, run, warn } from './io.js';
import { verifyOptionList } from './verify.js';
import { applyEnvFlags, ENV_HELP } from './verify-env.js';
import { podError, startPodOutput } from './verify-pod.js';
import { noticeText, rephraseSetupError, specFromFlags, trustFromFlags, trustGiven, type VerifyFlags } from './verify-spec.js';

interface DrillFlags extends VerifyFlags {
  signingKey?: string;
  allowSkips?: boolean;
  json?: boolean;
  jobs?: number;
}

/** verify's options, as verify defines them (its --json aside: the drill prints its own report). */
function verifyOptions(): Option[] {
  return verifyOptionList().filter((o) => o.long !== '--json');
}

export function register(program: Command): void {
  const cmd = program
    .command('drill')
    .description('attack synthetic models in a temp directory and check your verification set-up (verify\'s options) stops each attack');
  for (const o of verifyOptions()) cmd.addOption(o);
  cmd
    .option('--signing-key <file>', 'a private key your set-up trusts (e.g. the release key), to sign the legitimate models the attacks start from (default: a throwaway key, trusted in place of your trust options)')
    .option('--allow-skips', 'exit 0 even when an attack could not be run (skipped); a MISSED attack still fails')
    .option('--json', 'print one JSON object: verifier, signer {source, key}, notes[] {code, message}, baseline {verified, reason}, attacks[] {id, title, outcome, codes, reason, remedy, fix}, caught, missed, skipped')
    .addHelpText(
      'after',
      `
Give the drill the options you give verify (without the model): the same keys, policy,
--state, --lineage, --revoked, --ignore-unsigned-files... and the same MODELSIGN_* variables.
Every attack is verified the way verify would verify it, so an attack your set-up would let
through is MISSED, with what would stop it ("add --state FILE to record versions").
Files verify writes or an attack must change (--state, --lineage, --revoked, --audit-log)
are used through temporary copies: yours are never changed.

Most attacks start from a legitimately signed model, so the drill signs its models with
--signing-key (a private key your set-up trusts) or, without it, with a throwaway key that
it trusts in place of your trust options (the report says so): then every attack runs
against the rest of your set-up, and untrusted-key and missing-signature against your trust.

Examples:
  modelsign drill --key keys/release.pub
  modelsign drill --key keys/release.pub --state /var/lib/modelsign/state.json --lineage manifests --revoked revoked.txt
  MODELSIGN_PASSPHRASE=... modelsign drill --policy policy.yaml --purpose retrain --signing-key keys/release.key
  MODELSIGN_KEY=keys/release.pub MODELSIGN_STATE=state.json modelsign drill --json

Output: one line per attack: "STOPPED", "MISSED" or "SKIPPED" (in --json: caught, missed, skipped).
Exit codes: 0 every attack was stopped; 1 an attack was MISSED [DRILL_MISSED], or skipped
without --allow-skips [DRILL_SKIPPED]; 2 usage error (as verify's), or the set-up refuses
the drill's correctly signed baseline, so nothing could be tested [DRILL_BASELINE_REFUSED]; 3 internal error.`,
    )
    .addHelpText('after', ENV_HELP)
    .action(
      run(async (flags: DrillFlags) => {
        try {
          return await drillAction(cmd, flags);
        } catch (e) {
          podError(flags, e);
          throw e;
        }
      }),
    );
}

async function drillAction(cmd: Command, flags: DrillFlags): Promise<number> {
  applyEnvFlags(cmd, flags);
  startPodOutput(flags);
  if (!trustGiven(trustFromFlags(flags)) && flags.policy === undefined) {
    throw usage('MISSING_OPTION', 'drill needs the set-up to test: --key PUBLIC_KEY (or another trust option, see --help) or --policy FILE');
  }
  // The drill's models are small: one hashing thread unless told otherwise.
  const spec = specFromFlags(flags, { jobs: flags.jobs ?? 1 });
  const signer = flags.signingKey !== undefined ? await loadSigner(flags.signingKey) : undefined;
  const { runDrill } = await import('../drill/run.js');
  let r: DrillReport;
  try {
    r = await runDrill({
      spec,
      ...(signer ? { signer } : {}),
      ready: (v) => {
        for (const w of v.warnings) warn(noticeText(w));
        info(`drill: attacking synthetic models with verification: ${v.description}`);
      },
    });
  } catch (e) {
    throw drillWords(rephraseSetupError(e, 'drill', flags));
  }
  if (flags.json) printJson(jsonReport(r, flags));
  else out(textReport(r, flags));
  verdict(r, flags);
  return 0;
}

async function loadSigner(file: string): Promise<{ priv: import('node:crypto').KeyObject; pub: import('node:crypto').KeyObject }> {
  const [{ createPublicKey }, { loadPrivateKey }] = await Promise.all([import('node:crypto'), import('../keys/keyfile.js')]);
  const priv = await loadPrivateKey(file, 'drill --signing-key needs the private key (.key); the public key goes to --key');
  return { priv, pub: createPublicKey(priv) };
}

/** A private key given to --key: say where it belongs in the drill. */
function drillWords(e: unknown): unknown {
  if (e instanceof ModelsignError && e.code === 'KEY_WRONG_KIND') {
    return usage('KEY_WRONG_KIND', e.message.replace(/; verify needs the public key \(\.pub\)$/, '; drill --key needs the public key (.pub) your set-up trusts; the private key goes to --signing-key'));
  }
  return e;
}

/** Who the set-up trusts, in its flags ("--key a.pub, --identity ci@corp"). */
function trustWords(f: DrillFlags): string {
  const given: string[] = [];
  for (const [flag, values] of [['--key', f.key], ['--certificate-chain', f.certificateChain], ['--identity', f.identity], ['--identity-regexp', f.identityRegexp]] as const) {
    for (const v of values ?? []) given.push(`${flag} ${v}`);
  }
  return given.length > 0 ? given.join(', ') : `the trust section of ${f.policy}`;
}

function noteText(n: DrillNote, f: DrillFlags): string {
  const file = n.file ?? '';
  switch (n.code) {
    case 'DRILL_THROWAWAY_KEY':
      return `no --signing-key: the models are signed with a throwaway key, trusted in place of ${trustWords(f)}; every attack runs against the rest of the set-up (untrusted-key and missing-signature against its trust); give --signing-key with a key the set-up trusts to test that trust too`;
    case 'DRILL_STATE_COPY':
      return `--state ${file}: each attack works on its own temporary copy; ${file} is not changed`;
    case 'DRILL_STORE_COPY':
      return `--lineage ${file}: the attacks work on an empty temporary store in its place (revoked-ancestor files its parent model there); ${file} is not changed`;
    case 'DRILL_REVOKED_COPY':
      return `--revoked ${file}: revoked-ancestor revokes its parent in a temporary copy; ${file} is not changed`;
    case 'DRILL_POLICY_REVOKED_COPY':
      return `--policy ${file}: revoked-ancestor revokes its parent in an in-memory copy of the policy's revoked list; ${file} is not changed`;
    case 'DRILL_AUDIT_COPY':
      return `--audit-log ${file}: the drill's decisions go to a new temporary log; ${file} is not changed`;
    case 'DRILL_SIGNATURE_NOT_USED':
      return `--signature ${file} is not used: each of the drill's models carries its own signature`;
    case 'DRILL_PULL_TO_NOT_USED':
      return `--pull-to ${file} is not used: the drill's models are local directories`;
    default:
      return n.message;
  }
}

/** What would have stopped a missed attack, in verify's flags. */
function remedyText(r: Remedy, report: DrillReport, f: DrillFlags): string {
  const { facts } = report;
  const purpose = facts.purpose ?? 'deploy';
  switch (r) {
    case 'state':
      return `add --state FILE to record versions${facts.minVersion !== undefined ? `; --min-version ${facts.minVersion} refuses only versions below it` : ''}`;
    case 'revocation':
      return facts.store ? 'add --revoked FILE to refuse revoked models and their fine-tunes, through every ancestor' : 'add --revoked FILE and --lineage DIR to refuse revoked models and their fine-tunes, through every ancestor';
    case 'lineage-with-revoked':
      return 'add --lineage DIR beside --revoked FILE: without a store, verify refuses every model with parents [REVOKED_NEEDS_LINEAGE]';
    case 'policy-license':
      return `add --policy FILE with a license rule for ${purpose}`;
    case 'license-rule':
      return `add a license rule for ${purpose} to ${facts.policyFile}`;
    case 'policy-formats':
      return 'add --policy FILE with formats: { scan: true } or { deny: [pickle] }';
    case 'formats':
      return `add formats: { scan: true } or { deny: [pickle] } to ${facts.policyFile}`;
    case 'no-ignore-unsigned':
      return 'drop --ignore-unsigned-files: it accepts files the signature does not list';
    case 'no-ignore-paths':
      return `check --ignore-paths ${(f.ignorePaths ?? []).join(', ')}: those paths are not verified`;
  }
}

function jsonReport(r: DrillReport, f: DrillFlags): Record<string, unknown> {
  return {
    verifier: r.verifier,
    signer: r.signer,
    notes: r.notes.map((n) => ({ code: n.code, message: noteText(n, f), ...(n.file !== undefined ? { file: n.file } : {}) })),
    baseline: r.baseline,
    attacks: r.attacks.map((a) => ({ ...a, ...(a.remedy ? { fix: remedyText(a.remedy, r, f) } : {}) })),
    caught: r.caught,
    missed: r.missed,
    skipped: r.skipped,
  };
}

const TAGS = { caught: 'STOPPED', missed: 'MISSED ', skipped: 'SKIPPED' } as const;

function textReport(r: DrillReport, f: DrillFlags): string {
  const w = Math.max(...r.attacks.map((a) => a.id.length));
  const lines = [`baseline: ${r.baseline.verified ? 'ok' : 'REFUSED'}: ${r.baseline.reason}`];
  for (const n of r.notes) lines.push(`note: ${noteText(n, f)}`);
  for (const a of r.attacks) {
    const detail = a.outcome === 'caught' ? `[${a.codes.join(', ')}]` : `(${a.remedy ? remedyText(a.remedy, r, f) : a.reason})`;
    lines.push(`${TAGS[a.outcome]} ${a.id.padEnd(w)}  ${a.title} ${detail}`);
  }
  lines.push(`${r.caught} stopped, ${r.missed} missed, ${r.skipped} skipped`);
  return lines.join('\n');
}

const ids = (r: DrillReport, outcome: string) => r.attacks.filter((a) => a.outcome === outcome).map((a) => a.id).join(', ');
const attacks = (n: number) => `${n} attack${n === 1 ? '' : 's'}`;

/** The drill passes only when every attack was stopped (skips only with --allow-skips). */
function verdict(r: DrillReport, f: DrillFlags): void {
  if (!r.baseline.verified) {
    // Nothing that needs a model the set-up accepts could be tested: a green exit would lie.
    const failure = r.baseline.failure;
    const why = failure ? ` (${failure.code}: ${failure.message})` : '';
    throw usage(
      'DRILL_BASELINE_REFUSED',
      f.signingKey !== undefined
        ? `the set-up does not accept the baseline model signed with --signing-key ${f.signingKey}${why}, so nothing could be tested; give --signing-key a private key the set-up trusts`
        : `the set-up refuses even a correctly signed model (signed with the drill's throwaway key, trusted in place of ${trustWords(f)})${why}, so nothing could be tested: verify with these options refuses every model`,
    );
  }
  const skipped = r.skipped > 0 && !f.allowSkips ? `; ${attacks(r.skipped)} skipped (not tested): ${ids(r, 'skipped')}` : '';
  if (r.missed > 0) throw reject('DRILL_MISSED', `${attacks(r.missed)} not stopped by this set-up: ${ids(r, 'missed')}${skipped}`);
  if (skipped !== '') throw reject('DRILL_SKIPPED', `${attacks(r.skipped)} skipped, so the set-up was not fully tested: ${ids(r, 'skipped')}; --allow-skips accepts that`);
}
