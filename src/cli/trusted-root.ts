/**
 * `modelsign trusted-root info|update|reset`: which Sigstore trusted root verify uses, and
 * refreshing it through TUF where a network exists.
 */
import type { Command } from 'commander';
import { usage } from '../errors.js';
import { out, printJson, requireSubcommand, run } from './io.js';

function summarize(json: unknown): Record<string, number> {
  const j = json as Record<string, unknown[] | undefined>;
  return {
    certificateAuthorities: j.certificateAuthorities?.length ?? 0,
    tlogs: j.tlogs?.length ?? 0,
    ctlogs: j.ctlogs?.length ?? 0,
    timestampAuthorities: j.timestampAuthorities?.length ?? 0,
  };
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export function register(program: Command): void {
  const cmd = program
    .command('trusted-root')
    .description('show or refresh the Sigstore trusted root used to verify keyless signatures offline')
    .addHelpText(
      'after',
      `
Examples:
  modelsign trusted-root info                      # which root verify uses, how old it is
  modelsign trusted-root update                    # refresh through TUF (needs network)
  modelsign trusted-root update --out root.json    # fetch a copy to ship to air-gapped hosts
  modelsign trusted-root update --staging --tuf-root staging-tuf-root.json --out staging-root.json
  modelsign trusted-root reset                     # back to the shipped snapshot`,
    );
  // `modelsign trusted-root` alone is a usage error, as `policy` and `audit` alone are.
  requireSubcommand(cmd, 'trusted-root needs a subcommand: modelsign trusted-root info|update|reset');

  cmd
    .command('info')
    .description('show the trusted root verify would use')
    .option('--trusted-root <file>', 'describe this file instead')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      `
Examples:
  modelsign trusted-root info                            # the root verify uses by default
  modelsign trusted-root info --json
  modelsign trusted-root info --trusted-root root.json   # describe a copy you were given`,
    )
    .action(
      run(async (o: { trustedRoot?: string; json?: boolean }) => {
        const { loadTrustedRoot, newestKeyDate } = await import('../sigstore/trusted-root.js');
        const r = await loadTrustedRoot(o.trustedRoot);
        const newest = newestKeyDate(r.json) ?? null;
        const counts = summarize(r.json);
        if (o.json) {
          printJson({ source: r.source, newestKeyValidFrom: newest, ...counts });
          return;
        }
        out(
          [
            `trusted root: ${r.source}`,
            `  newest key valid from: ${newest ?? '(none)'} (the root is at least this recent)`,
            `  Fulcio CAs: ${counts.certificateAuthorities}, Rekor logs: ${counts.tlogs}, CT logs: ${counts.ctlogs}, timestamp authorities: ${counts.timestampAuthorities}`,
          ].join('\n'),
        );
      }),
    );

  cmd
    .command('update')
    .description('fetch the current trusted root through TUF (verified against the TUF root) and store it')
    .option('--out <file>', 'write here instead of the cache verify reads by default')
    .option('--mirror <url>', 'TUF repository (default https://tuf-repo-cdn.sigstore.dev)')
    .option('--tuf-root <file>', 'TUF root.json to trust for a mirror other than public good')
    .option('--staging', 'use the Sigstore staging TUF repository (needs --tuf-root)')
    .option('--timeout <ms>', 'network timeout in milliseconds', (v) => Number(v), 10_000)
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      `
Examples:
  modelsign trusted-root update                    # public good, into the cache verify reads
  modelsign trusted-root update --out root.json    # a copy to ship to air-gapped hosts
  modelsign trusted-root update --mirror https://tuf.example.com --tuf-root tuf-root.json
  modelsign trusted-root update --staging --tuf-root staging-tuf-root.json --out staging-root.json

--tuf-root is the TUF repository's own root.json (not a Sigstore trusted root): it is needed
for every repository but public good (--mirror other than public good, or --staging).`,
    )
    .action(
      run(async (o: { out?: string; mirror?: string; tufRoot?: string; staging?: boolean; timeout: number; json?: boolean }) => {
        // A bad URL is named first, not hidden behind the --tuf-root it would also need.
        if (o.mirror !== undefined && !isHttpUrl(o.mirror)) throw usage('BAD_OPTION', `--mirror must be an http:// or https:// URL (got "${o.mirror}")`);
        const { updateTrustedRoot, STAGING_TUF_MIRROR, newestKeyDate } = await import('../sigstore/trusted-root.js');
        if (o.staging && o.mirror) throw usage('BAD_OPTION', '--staging and --mirror exclude each other');
        const mirror = o.staging ? STAGING_TUF_MIRROR : o.mirror;
        if (mirror !== undefined && mirror !== 'https://tuf-repo-cdn.sigstore.dev' && o.tufRoot === undefined) {
          throw usage('MISSING_OPTION', `--tuf-root ROOT.json is needed to trust the TUF repository ${mirror}`);
        }
        if (!Number.isFinite(o.timeout) || o.timeout <= 0) throw usage('BAD_OPTION', '--timeout must be a positive number of milliseconds');
        const r = await updateTrustedRoot({
          ...(mirror !== undefined ? { mirror } : {}),
          ...(o.tufRoot !== undefined ? { tufRoot: o.tufRoot } : {}),
          ...(o.out !== undefined ? { out: o.out } : {}),
          timeoutMs: o.timeout,
        });
        const newest = newestKeyDate(r.root.json) ?? null;
        if (o.json) printJson({ written: r.out, mirror: r.source, newestKeyValidFrom: newest, ...summarize(r.root.json) });
        else out(`trusted root refreshed from ${r.source}\n  written: ${r.out}\n  newest key valid from: ${newest ?? '(none)'}`);
      }),
    );

  cmd
    .command('reset')
    .description('forget the refreshed trusted root; verify uses the shipped snapshot again')
    .addHelpText(
      'after',
      `
Examples:
  modelsign trusted-root reset                     # remove the root "update" stored
  MODELSIGN_CACHE_DIR=/var/cache/modelsign modelsign trusted-root reset

Only the refreshed root in the cache is removed (MODELSIGN_CACHE_DIR, else
$XDG_CACHE_HOME/modelsign or ~/.cache/modelsign); files written by "update --out" stay.`,
    )
    .action(
      run(async () => {
        const { resetTrustedRoot } = await import('../sigstore/trusted-root.js');
        const r = await resetTrustedRoot();
        out(r.removed ? `removed ${r.path}; verify uses the shipped snapshot again` : `no refreshed trusted root at ${r.path}; nothing to remove`);
      }),
    );
}
