/** `modelsign drill`: run synthetic attacks against your own verification set-up. */
import type { Command } from 'commander';
import { usage } from '../errors.js';
import { collect, errorLine, info, out, printJson, run } from './io.js';

interface DrillFlags {
  key: string[];
  policy?: string;
  purpose?: string;
  signingKey?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('drill')
    .description('attack synthetic models in a temp directory and check your verification set-up catches each attack')
    .option('--key <file>', 'trusted public key, as you pass it to verify; repeatable', collect, [])
    .option('--policy <file>', 'verification policy, as you pass it to verify: its trust, license, revocation and formats rules are what the attacks face')
    .option('--purpose <purpose>', 'deploy or retrain, as you pass it to verify with --policy (default: deploy)')
    .option('--signing-key <file>', 'a private key your set-up trusts (e.g. the release key), to make the legitimate models the attacks start from')
    .option('--json', 'print one JSON object: verifier, baseline {verified, reason}, attacks[] {id, title, outcome, codes, reason}, caught, missed, skipped')
    .addHelpText(
      'after',
      `
The verification is built as 'modelsign verify' builds it from the same options (--key, or
--policy with its trust section, license rules, revoked list and formats/scan rules), plus a
lineage store and anti-rollback state file of the drill's own in its temp directory.

Most attacks start from a legitimately signed model (then change a byte, add a file, edit the
manifest...), so the drill needs a private key your set-up trusts: --signing-key (the drill
cannot sign as a certificate chain or Sigstore identity). Without it, only the attacks that
need no trusted signature run; the others are listed as skipped. With it, the set-up must
accept the baseline (a model correctly signed with that key): if it does not, nothing could
be tested, and the drill prints its report and exits 2 [DRILL_BASELINE_REFUSED].

Examples:
  MODELSIGN_PASSPHRASE=... modelsign drill --key keys/release.pub --signing-key keys/release.key
  modelsign drill --policy policy.yaml --purpose retrain --signing-key ci-drill.key
  modelsign drill --key release.pub --signing-key ci-drill.key --json

Output: one line per attack: "caught", "MISSED" or "skipped" (with the reason).
Exit codes: 0 no attack was missed; 1 at least one attack was MISSED; 2 usage error, or the
set-up refuses the baseline signed with --signing-key; 3 internal error.`,
    )
    .action(
      run(async (o: DrillFlags) => {
        if (o.key.length === 0 && o.policy === undefined) throw usage('MISSING_OPTION', 'drill needs the set-up to test: --key PUBLIC_KEY or --policy FILE');
        const [{ drillVerifier }, { runDrill }, { loadPrivateKey }] = await Promise.all([import('../drill/verifier.js'), import('../drill/run.js'), import('../keys/keyfile.js')]);
        const verifier = await drillVerifier({ keys: o.key, ...(o.policy !== undefined ? { policy: o.policy } : {}), ...(o.purpose !== undefined ? { purpose: o.purpose } : {}) });
        let signer;
        if (o.signingKey) {
          const { createPublicKey } = await import('node:crypto');
          const priv = await loadPrivateKey(o.signingKey, 'drill --signing-key needs the private key (.key); the public key goes to --key');
          signer = { priv, pub: createPublicKey(priv) };
        }
        info(`drill: attacking synthetic models with verification: ${verifier.description}`);
        const r = await runDrill({ verifier, ...(signer ? { signer } : {}) });
        if (o.json) {
          printJson(r);
        } else {
          const w = Math.max(...r.attacks.map((a) => a.id.length));
          const lines = [`baseline: ${r.baseline.verified ? 'ok' : 'NOT TRUSTED'}: ${r.baseline.reason}`];
          for (const a of r.attacks) {
            const tag = a.outcome === 'caught' ? 'caught ' : a.outcome === 'missed' ? 'MISSED ' : 'skipped';
            const detail = a.outcome === 'caught' ? `[${a.codes.join(', ')}]` : `(${a.reason})`;
            lines.push(`${tag} ${a.id.padEnd(w)}  ${a.title} ${detail}`);
          }
          lines.push(`${r.caught} caught, ${r.missed} missed, ${r.skipped} skipped`);
          out(lines.join('\n'));
        }
        // A set-up that refuses the drill's correctly signed model could not be tested: every
        // attack that needs a trusted signature was skipped, so a green exit would lie.
        if (signer && !r.baseline.verified) {
          const f = r.baseline.failure;
          const why = f ? ` (${f.code}: ${f.message})` : '';
          throw usage(
            'DRILL_BASELINE_REFUSED',
            `the set-up does not accept the baseline model signed with --signing-key ${o.signingKey}${why}, so nothing could be tested; give --signing-key a private key the set-up trusts`,
          );
        }
        if (r.missed > 0) {
          if (!o.json) errorLine(`refused: ${r.missed} attack${r.missed === 1 ? ' was' : 's were'} not caught by this set-up [DRILL_MISSED]`);
          return 1;
        }
        return 0;
      }),
    );
}
