import type { Command } from 'commander';
import { ModelsignError } from '../errors.js';
import type { SignatureDescription } from '../oms/describe.js';
import { out, printJson, run } from './io.js';

/**
 * The lineage a signature claims (parents and datasets), as lines for the text report; a
 * malformed annotation is said to be one, since nothing here is verified.
 */
async function lineageLines(d: SignatureDescription, c: (v: unknown, max?: number) => string): Promise<string[]> {
  const raw = d.metadata?.lineage;
  if (raw === undefined) return [];
  const { parseLineageMeta } = await import('../lineage/metadata.js');
  let meta;
  try {
    meta = parseLineageMeta(raw);
  } catch (e) {
    if (e instanceof ModelsignError) return [`lineage:     malformed (${c(e.message, 500)})`];
    throw e;
  }
  if (!meta) return [];
  const lines = [`parents:     ${meta.parents.length === 0 ? '(none)' : meta.parents.length}`];
  for (const p of meta.parents) lines.push(`  ${c(p.relation, 20).padEnd(10)} ${c(p.name)}@${c(p.version)}  root ${c(p.rootDigest, 80)}`);
  const ds = meta.datasets ?? [];
  if (ds.length > 0) {
    lines.push(`datasets:    ${ds.length}`);
    for (const x of ds) lines.push(`  ${c(x.uri, 2100)}${x.digest ? `  ${c(x.digest, 80)}` : ''}`);
  }
  return lines;
}

/** `inspect KEYFILE`: a file that is no bundle but a PEM key or certificate is described as a key. */
async function keyInstead(file: string, e: unknown): Promise<boolean> {
  if (!(e instanceof ModelsignError) || e.code !== 'SIG_MALFORMED') return false;
  const { readRegularFile } = await import('../util/read-file.js');
  const bytes = await readRegularFile(file, 1024 * 1024).catch(() => undefined);
  const { looksLikePem } = await import('../keys/describe.js');
  return bytes !== undefined && looksLikePem(bytes);
}

export function register(program: Command): void {
  program
    .command('inspect')
    .description('show what a signature covers and who it claims signed it (does NOT verify it); given a key file, its hint')
    .argument('<signature>', 'signature file (model.sig), or a key or certificate PEM (prints its hint, as `key fingerprint`)')
    .option('--json', 'print as JSON')
    .option('--files', 'list every signed resource')
    .addHelpText('after', '\nExamples:\n  modelsign inspect ./my-model/model.sig\n  modelsign inspect model.sig --json | jq .metadata\n  modelsign inspect release.pub                 # the key hint its signatures carry')
    .action(
      run(async (sig: string, o: { json?: boolean; files?: boolean }) => {
        const { describeSignature } = await import('../oms/describe.js');
        let d: SignatureDescription;
        try {
          d = await describeSignature(sig);
        } catch (e) {
          if (!(await keyInstead(sig, e))) throw e;
          const { describeKeyFile, keyDescriptionText } = await import('../keys/describe.js');
          const k = await describeKeyFile(sig);
          if (o.json) printJson(k);
          else out(keyDescriptionText(k));
          return;
        }
        if (o.json) {
          printJson(d);
          return;
        }
        // Everything below is unverified signature content: control characters are replaced
        // so it cannot forge lines or drive the terminal.
        const { clean } = await import('../util/one-line.js');
        const c = (v: unknown, max = 300) => clean(String(v), max);
        const lines = [
          `signature:   ${c(sig, 4200)} (not verified: use "modelsign verify")`,
          `format:      ${c(d.format)}, ${c(d.serialization.method)} / ${c(d.serialization.hash_type)}${d.serialization.shard_size ? ` / shard ${c(d.serialization.shard_size)}` : ''}`,
          `model:       ${c(d.name)}${d.version ? `@${c(d.version)}` : ''}`,
          `root digest: ${c(d.rootDigest ?? '(none)')}`,
          `resources:   ${d.resources.length}`,
          `claimed signer: ${c(d.signer, 1000)}`,
        ];
        if (d.license) lines.push(`license:     ${c(d.license)}`);
        if (d.created) lines.push(`created:     ${c(d.created)}`);
        if (d.tool) lines.push(`tool:        ${c(d.tool)}`);
        lines.push(...(await lineageLines(d, c)));
        if (d.serialization.ignore_paths?.length) lines.push(`ignored:     ${c(d.serialization.ignore_paths.join(', '), 4200)}`);
        if (o.files) for (const r of d.resources) lines.push(`  ${c(r.algorithm, 40)}:${c(r.digest, 200)}  ${c(r.name, 4200)}`);
        out(lines.join('\n'));
      }),
    );
}
