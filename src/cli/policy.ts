/** `modelsign policy check FILE`: validate a verification policy without a model. */
import path from 'node:path';
import type { Command } from 'commander';
import { ModelsignError } from '../errors.js';
import { out, printJson, requireSubcommand, run } from './io.js';

export function register(program: Command): void {
  const policy = program
    .command('policy')
    .description('work with verification policies (see docs/policy.md)')
    .addHelpText(
      'after',
      `
Examples:
  modelsign policy check policies/deploy.yaml      # is this policy valid? (exit 0 / 2)
  modelsign policy check policy.json --json
  modelsign verify ./model --policy policies/deploy.yaml --purpose deploy`,
    );
  // `modelsign policy` alone is a usage error, not a silent help page with exit 0.
  requireSubcommand(policy, 'policy needs a subcommand: modelsign policy check FILE');
  policy
    .command('check')
    .description('validate a policy file: schema, license ids, identity patterns, and every key and certificate chain file it names')
    .argument('<file>', 'policy file (YAML or JSON)')
    .option('--json', 'print one JSON object: valid, the normalised policy or the error')
    .option('-q, --quiet', 'no progress output')
    .option('--debug', 'show stack traces on errors')
    .addHelpText(
      'after',
      `
Examples:
  modelsign policy check policies/deploy.yaml
  modelsign policy check policy.json --json

Exit codes: 0 the policy is valid; 2 it is not (the message names the field, e.g.
license.retrain.deny[0]), a key or certificate chain file it names is missing or unreadable
(the field and the file are named: trust.certificateChains[0]), or the policy cannot be read;
3 internal error.`,
    )
    .action(
      run(async (file: string, o: { json?: boolean }) => {
        const { loadPolicy } = await import('../policy/load.js');
        try {
          const p = await loadPolicy(file);
          // Every file the policy names is read now, so a missing one is found before deployment.
          const { checkPolicyFiles } = await import('../policy/files.js');
          await checkPolicyFiles(p, file);
          const notes: string[] = [];
          if (!p.trust) notes.push('no trust section: verify needs --key (or another trust option) on the command line');
          const { rules: _rules, ...plain } = p;
          if (o.json) {
            printJson({ valid: true, policy: plain, notes });
            return 0;
          }
          const rel = (f: string) => path.relative(process.cwd(), f) || f;
          const lines = [`OK: policy ${file} is valid`];
          if (p.trust) lines.push(`  trust:    ${[...p.trust.keys.map((k) => `key ${rel(k)}`), ...p.trust.certificateChains.map((c) => `certificate chain ${rel(c)}`), ...p.trust.identities.map((i) => i.identity !== undefined ? `identity ${i.identity} (issuer ${i.issuer})` : `identity matching ${i.identityRegExp!.slice(4, -2)} (issuer ${i.issuer})`)].join('; ')}`);
          for (const purpose of ['deploy', 'retrain'] as const) {
            const r = p.license?.[purpose];
            if (p.license) lines.push(`  ${purpose}:${' '.repeat(8 - purpose.length)}${r ? `allow [${r.allow.join(', ')}]${r.deny.length ? `, deny [${r.deny.join(', ')}]` : ''}` : 'refused (no rule for this purpose)'}`);
          }
          if (!p.license) lines.push('  licenses: not checked (no license section)');
          lines.push(`  lineage:  ${p.lineage.require ? 'required' : 'checked when given (--lineage)'}${Object.keys(p.lineage.minVersion).length ? `; minimum versions: ${Object.entries(p.lineage.minVersion).map(([n, v]) => `${n} >= ${v}`).join(', ')}` : ''}`);
          if (p.revoked.length) lines.push(`  revoked:  ${p.revoked.length} digest${p.revoked.length === 1 ? '' : 's'}`);
          if (p.formats) {
            const f = p.formats;
            // failOn only matters with scan: say which findings refuse, or that it does nothing.
            const scan = f.scan ? `, scan (refuses findings of severity ${f.failOn ?? 'low'} and above${f.failOn === undefined ? ': any finding' : ''})` : '';
            const unused = !f.scan && f.failOn !== undefined ? `, failOn ${f.failOn} (no effect without scan: true)` : '';
            lines.push(`  formats:  deny [${f.deny.join(', ')}]${scan}${unused}`);
          }
          for (const n of notes) lines.push(`  note: ${n}`);
          out(lines.join('\n'));
          return 0;
        } catch (e) {
          if (o.json && e instanceof ModelsignError) printJson({ valid: false, error: { code: e.code, message: e.message } });
          throw e;
        }
      }),
    );
}
