/**
 * The modelsign GitHub Action: sign or verify a model in a workflow step, in process, with
 * the library API (no subprocess, no install step).
 *
 * Inputs map to the CLI's flags one to one, so a workflow reads like the command line:
 *   verify: key -> --key (one per line), signature, policy, purpose, lineage (-> --lineage),
 *           identity, identity-provider (Sigstore keyless signatures)
 *   sign:   key, signature, name, version, license, keyless (-> --keyless),
 *           parent (-> --parent, one per line), lineage (-> --record: file the bundle in the store)
 * verify builds its trust checks and stages with the same verify plugins as the CLI, so
 * every verify feature (policy, lineage, Sigstore identities) works here as soon as its
 * plugin is registered. Signing options that only the sign command knows (keyless, parent,
 * lineage) go through that command's own option handling, in process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { ModelsignError, usage } from '../errors.js';
import { output } from '../cli/io.js';
import { resultLabel } from '../cli/report.js';
import { verifyPlugins, type Flags, type VerifyPlugin } from '../cli/verify-plugins.js';
import type { VerifyResult } from '../verify/types.js';
import { Runner, table } from './runner.js';

/** Plugins that read the process environment or pod files: not for a workflow step. */
const NOT_IN_ACTION = new Set(['env', 'pod']);

/** Inputs only one command reads (action.yml); the others serve both. */
const INPUT_FOR: Record<string, 'sign' | 'verify'> = {
  name: 'sign',
  version: 'sign',
  license: 'sign',
  parent: 'sign',
  identity: 'verify',
  'identity-provider': 'verify',
  policy: 'verify',
  purpose: 'verify',
};

/** Which input produced a flag, for "this build does not support input X" messages. */
const INPUT_OF_FLAG: Record<string, string> = {
  '--key': 'key',
  '--signature': 'signature',
  '--policy': 'policy',
  '--purpose': 'purpose',
  '--lineage': 'lineage',
  '--record': 'lineage',
  '--identity': 'identity',
  '--identity-provider': 'identity-provider',
  '--keyless': 'keyless',
  '--parent': 'parent',
  '--name': 'name',
  '--version': 'version',
  '--license': 'license',
};

interface Cleanup {
  dirs: string[];
}

/** A key input is a path (one per line) or an inline PEM block (e.g. from a secret). */
function keyPaths(r: Runner, cleanup: Cleanup, secret: boolean): string[] {
  const raw = r.input('key');
  if (!raw.includes('-----BEGIN')) return r.listInput('key');
  if (secret) r.mask(raw);
  const dir = mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'modelsign-key-'));
  cleanup.dirs.push(dir);
  const file = path.join(dir, secret ? 'signing.key' : 'trusted.pub');
  writeFileSync(file, raw.endsWith('\n') ? raw : `${raw}\n`, { mode: 0o600 });
  return [file];
}

function unsupported(e: CommanderError, command: string): ModelsignError {
  const m = /unknown option '([^']+)'/.exec(e.message);
  if (m) {
    const input = INPUT_OF_FLAG[m[1]!] ?? m[1]!;
    return usage('UNSUPPORTED_INPUT', `input "${input}" needs \`modelsign ${command} ${m[1]}\`, which this modelsign build does not have`);
  }
  return usage('BAD_INPUT', e.message.replace(/^error: /, ''));
}

function flagArgs(pairs: Array<[string, string | string[] | boolean]>): string[] {
  const argv: string[] = [];
  for (const [flag, v] of pairs) {
    if (v === false || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (v === true) argv.push(flag);
    else for (const x of Array.isArray(v) ? v : [v]) argv.push(flag, x);
  }
  return argv;
}

// ---------------------------------------------------------------- verify

function verifyFlags(argv: string[], plugins: VerifyPlugin[]): Flags {
  const cmd = new Command('verify')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .option('--signature <file>');
  for (const p of plugins) p.addOptions?.(cmd);
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) throw unsupported(e, 'verify');
    throw e;
  }
  return cmd.opts();
}

async function verifyStep(r: Runner, cleanup: Cleanup, model: string): Promise<number> {
  const identity = r.input('identity');
  if (r.booleanInput('keyless') && !identity) {
    throw usage('MISSING_INPUT', 'verify with keyless: true needs the signer\'s identity (input "identity", and "identity-provider")');
  }
  const argv = flagArgs([
    ['--signature', r.input('signature')],
    ['--key', r.input('key') ? keyPaths(r, cleanup, false) : []],
    ['--identity', identity],
    ['--identity-provider', r.input('identity-provider')],
    ['--policy', r.input('policy')],
    ['--purpose', r.input('purpose')],
    ['--lineage', r.input('lineage')],
  ]);
  const plugins = verifyPlugins.filter((p) => !NOT_IN_ACTION.has(p.name));
  const flags = verifyFlags(argv, plugins);
  for (const p of plugins) await p.prepare?.(flags);
  const trust = (await Promise.all(plugins.map((p) => p.trust?.(flags) ?? Promise.resolve([])))).flat();
  if (trust.length === 0) throw usage('MISSING_INPUT', 'verify needs something to trust: input "key" (public key path or PEM), "identity", or a "policy"');
  const stages = (await Promise.all(plugins.map((p) => p.stages?.(flags) ?? Promise.resolve([])))).flat();
  const { verify } = await import('../index.js');
  const opts: import('../verify/pipeline.js').VerifyOptions = {
    model,
    trust,
    stages,
    ...(flags.signature ? { signature: flags.signature as string } : {}),
  };
  for (const p of plugins) await p.options?.(flags, opts);
  const res = await verify(opts);
  for (const p of plugins) await p.after?.(flags, res);

  r.setOutput('verified', String(res.verified));
  r.setOutput('root-digest', res.rootDigest ? `sha256:${res.rootDigest}` : '');
  r.setOutput('signature', res.signature);
  r.summary(verifySummary(res));
  if (res.verified) {
    r.log(`modelsign: verified ${resultLabel(res)} (${res.filesChecked} files), root digest sha256:${res.rootDigest}, signer ${res.signer}`);
    return 0;
  }
  for (const f of res.failures.slice(0, 10)) r.error(`${f.path !== undefined ? `${f.path}: ` : ''}${f.message} [${f.code}]`);
  if (res.failures.length > 10) r.error(`... and ${res.failures.length - 10} more failures (see the job summary)`);
  r.log(`modelsign: ${resultLabel(res)} must not be used (${res.failures.length} failure${res.failures.length === 1 ? '' : 's'})`);
  return 1;
}

function verifySummary(res: VerifyResult): string {
  const head = res.verified ? `### ✅ modelsign verify: ${resultLabel(res)} verified` : `### ❌ modelsign verify: ${resultLabel(res)} must not be used`;
  const rows: unknown[][] = [
    ['Model', `\`${res.model}\``],
    ['Name', res.metadata?.name ?? res.subjectName],
    ['Version', res.metadata?.version],
    ['License', res.metadata?.license],
    ['Root digest', res.rootDigest ? `\`sha256:${res.rootDigest}\`` : undefined],
    ['Signer', res.signer],
    ['Signature', `\`${res.signature}\``],
    ['Files checked', `${res.filesChecked} (${res.bytesHashed} bytes)`],
    ['Result', res.verified ? 'verified' : `${res.failures.length} failure${res.failures.length === 1 ? '' : 's'}`],
  ];
  let md = `${head}\n\n${table(['Field', 'Value'], rows)}\n`;
  if (res.failures.length > 0) {
    md += `\n#### Failures\n\n${table(['Code', 'Path', 'Message'], res.failures.map((f) => [`\`${f.code}\``, f.path, f.message]))}\n`;
  }
  return md;
}

// ---------------------------------------------------------------- sign

interface SignSummary {
  signature: string;
  rootDigest: string;
  name?: string;
  version?: string;
  license?: string;
  files?: number;
  bytes?: number;
  signer?: string;
}

/** Sign through the sign command's own option handling (keyless, parent, lineage store). */
async function signViaCommand(r: Runner, model: string, argv: string[]): Promise<SignSummary> {
  const { register } = await import('../cli/sign.js');
  const program = new Command().exitOverride().enablePositionalOptions();
  const quiet = { writeOut: () => undefined, writeErr: () => undefined };
  program.configureOutput(quiet);
  register(program);
  for (const c of program.commands) c.exitOverride().configureOutput(quiet);
  let result: SignSummary | undefined;
  const errors: string[] = [];
  const saved = output.sink;
  output.sink = {
    error: (m) => void errors.push(m),
    // A workflow command: a % or newline in the message is escaped, never a second command.
    warn: (m) => r.warning(m),
    info: (m) => process.stdout.write(`${m}\n`),
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    json: (v) => void (result = v as SignSummary),
  };
  const before = process.exitCode;
  try {
    await program.parseAsync(['sign', model, ...argv, '--json'], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) throw unsupported(e, 'sign');
    throw e;
  } finally {
    output.sink = saved;
  }
  const code = process.exitCode;
  process.exitCode = before;
  if (typeof code === 'number' && code !== 0) {
    const m = /^(?:error|refused|internal error): (.*?)(?: \[([A-Za-z0-9_.-]+)\])?$/s.exec(errors[0] ?? '');
    throw new ModelsignError(m?.[2] ?? 'SIGN_FAILED', m?.[1] ?? errors[0] ?? 'sign failed', { kind: code === 1 ? 'reject' : 'usage' });
  }
  if (!result) throw new Error('sign produced no result');
  return { ...result, rootDigest: result.rootDigest.replace(/^sha256:/, '') };
}

async function signStep(r: Runner, cleanup: Cleanup, model: string): Promise<number> {
  const version = r.input('version');
  if (!version) throw usage('MISSING_INPUT', 'sign needs input "version" (a semantic version such as 1.2.0)');
  const keyless = r.booleanInput('keyless');
  const parents = r.listInput('parent');
  const lineage = r.input('lineage');
  const keyInput = r.input('key');
  if (!keyless && !keyInput) throw usage('MISSING_INPUT', 'sign needs input "key" (a private key path or PEM) or keyless: true');
  if (keyless && keyInput) throw usage('BAD_INPUT', 'give either input "key" or keyless: true, not both');
  const key = keyInput ? keyPaths(r, cleanup, true) : [];
  if (key.length > 1) throw usage('BAD_INPUT', 'sign takes one private key');
  const common = { signature: r.input('signature'), name: r.input('name'), license: r.input('license') };

  let s: SignSummary;
  if (keyless || parents.length > 0 || lineage) {
    s = await signViaCommand(
      r,
      model,
      flagArgs([
        ['--key', key],
        ['--keyless', keyless],
        ['--version', version],
        ['--name', common.name],
        ['--license', common.license],
        ['--signature', common.signature],
        ['--parent', parents],
        ['--record', lineage],
      ]),
    );
  } else {
    const { sign } = await import('../index.js');
    const res = await sign({
      model,
      key: key[0]!,
      version,
      ...(common.name ? { name: common.name } : {}),
      ...(common.license ? { license: common.license } : {}),
      ...(common.signature ? { signature: common.signature } : {}),
    });
    const meta = res.statement.subject[0].annotations?.modelsign;
    const hint = (JSON.parse(res.bundleText) as { verificationMaterial?: { publicKey?: { hint?: string } } }).verificationMaterial?.publicKey?.hint;
    s = {
      signature: res.signaturePath,
      rootDigest: res.rootDigest,
      ...(meta?.name ? { name: meta.name } : {}),
      ...(meta?.version ? { version: meta.version } : {}),
      ...(meta?.license ? { license: meta.license } : {}),
      files: res.files,
      bytes: res.bytes,
      ...(hint ? { signer: `key ${hint}` } : {}),
    };
  }
  r.setOutput('root-digest', `sha256:${s.rootDigest}`);
  r.setOutput('signature', s.signature);
  r.summary(
    `### ✍️ modelsign sign: ${s.name ?? model}${s.version ? `@${s.version}` : ''} signed\n\n${table(
      ['Field', 'Value'],
      [
        ['Model', `\`${model}\``],
        ['Name', s.name],
        ['Version', s.version],
        ['License', s.license],
        ['Root digest', `\`sha256:${s.rootDigest}\``],
        ['Signer', s.signer ?? (keyless ? 'Sigstore keyless (this workflow\'s identity)' : undefined)],
        ['Signature', `\`${s.signature}\``],
        ['Files', s.files === undefined ? undefined : `${s.files} (${s.bytes ?? 0} bytes)`],
      ],
    )}\n`,
  );
  r.log(`modelsign: signed ${s.name ?? model}${s.version ? `@${s.version}` : ''}: root digest sha256:${s.rootDigest}, signature ${s.signature}`);
  return 0;
}

// ---------------------------------------------------------------- entry

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const r = new Runner(env);
  // Secrets never reach the log, even inside an error message.
  r.mask(env.MODELSIGN_PASSPHRASE);
  r.mask(env.COSIGN_PASSWORD);
  const cleanup: Cleanup = { dirs: [] };
  const command = r.input('command');
  try {
    const model = r.input('model');
    if (command !== 'sign' && command !== 'verify') throw usage('BAD_INPUT', `input "command" must be sign or verify (got "${command}")`);
    if (!model) throw usage('MISSING_INPUT', 'input "model" is required (a model directory, file or .tar/.tar.gz archive)');
    // An input the other command uses is a mistake in the workflow, not something to ignore.
    for (const [name, forCommand] of Object.entries(INPUT_FOR)) {
      if (forCommand !== command && r.input(name) !== '') throw usage('BAD_INPUT', `input "${name}" is for command ${forCommand}; ${command} does not use it`);
    }
    return command === 'sign' ? await signStep(r, cleanup, model) : await verifyStep(r, cleanup, model);
  } catch (e) {
    const err = e instanceof ModelsignError ? e : undefined;
    const msg = err ? `${err.message} [${err.code}]` : `internal error: ${(e as Error)?.message ?? String(e)}`;
    if (command === 'verify') r.setOutput('verified', 'false');
    r.error(msg);
    r.summary(`### ❌ modelsign ${command || '(no command)'} failed\n\n${table(['Code', 'Message'], [[err ? `\`${err.code}\`` : 'INTERNAL', err ? err.message : msg]])}\n`);
    return err ? err.exitCode : 3;
  } finally {
    for (const d of cleanup.dirs) rmSync(d, { recursive: true, force: true });
  }
}
