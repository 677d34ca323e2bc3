/** `modelsign audit verify FILE`: check an audit log's hash chain. */
import type { Command } from 'commander';
import { errorLine, out, printJson, requireSubcommand, run } from './io.js';

export function register(program: Command): void {
  const audit = program
    .command('audit')
    .description('work with audit logs written by `verify --audit-log`')
    .addHelpText(
      'after',
      `
Examples:
  modelsign verify ./model --key release.pub --audit-log /var/log/modelsign/audit.jsonl
  modelsign audit verify /var/log/modelsign/audit.jsonl      # intact? (exit 0 / 1)
  modelsign audit verify audit.jsonl --anchor sha256:3f2a... --json`,
    );
  requireSubcommand(audit, 'audit needs a subcommand: modelsign audit verify FILE');
  audit
    .command('verify')
    .description('check that an audit log is intact: every line links to the one before it by SHA-256')
    .argument('<file>', 'audit log (JSON lines)')
    .option('--anchor <sha256>', 'a head hash (sha256:<64 hex>) kept elsewhere earlier: the log must still contain that line (catches lines cut from the end)')
    .option('--json', 'print one JSON object: intact, records, head, firstBadLine, reason')
    .option('-q, --quiet', 'no progress output')
    .option('--debug', 'show stack traces on errors')
    .addHelpText(
      'after',
      `
Examples:
  modelsign audit verify /var/log/modelsign/audit.jsonl
  modelsign audit verify audit.jsonl --anchor sha256:3f2a... --json

Exit codes: 0 intact; 1 broken (edited, removed, reordered or truncated line; the first bad
line is named); 2 usage error (file missing or unreadable, --anchor not sha256:<64 hex>); 3
internal error.`,
    )
    .action(
      run(async (file: string, flags: { json?: boolean; anchor?: string }) => {
        const { checkAuditLog } = await import('../audit/check.js');
        const r = await checkAuditLog(file, flags.anchor !== undefined ? { anchor: flags.anchor } : {});
        if (flags.json) printJson(r);
        if (r.intact) {
          if (!flags.json) out(`OK: audit log ${file} is intact (${r.records} record${r.records === 1 ? '' : 's'})${r.head ? `\n  head: sha256:${r.head}` : ''}`);
          return 0;
        }
        if (!flags.json) {
          out(`BROKEN: audit log ${file}: line ${r.firstBadLine}: ${r.reason}\n  ${r.records} record${r.records === 1 ? '' : 's'} before it check out`);
          errorLine(`refused: audit log ${file} is broken at line ${r.firstBadLine}: ${r.reason} [AUDIT_CHAIN_BROKEN]`);
        }
        return 1;
      }),
    );
}
