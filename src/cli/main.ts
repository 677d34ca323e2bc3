#!/usr/bin/env node
/**
 * modelsign CLI entry. Kept light: only commander and the command definitions load here;
 * each command imports the library (hashing, crypto, sigstore) when it runs, so
 * `modelsign --version` starts nearly as fast as node itself.
 */
import './prewarm.js'; // first: starts the hash threads early for digest/sign/verify
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { EXIT } from '../errors.js';
import { handleError, state } from './io.js';

/**
 * The commands, each loaded only when needed: a run of `modelsign digest` loads the digest
 * command alone (its flags, its code), not the verify plugins and the other ten commands.
 * Help, `help`, an unknown word or no command load them all.
 */
type Registrar = () => Promise<{ register(program: Command): void }>;
const COMMANDS: Record<string, Registrar> = {
  keygen: () => import('./keygen.js'),
  sign: () => import('./sign.js'),
  verify: () => import('./verify.js'),
  digest: () => import('./digest.js'),
  inspect: () => import('./inspect.js'),
  policy: () => import('./policy.js'),
  scan: () => import('./scan.js'),
  lineage: () => import('./lineage.js'),
  audit: () => import('./audit.js'),
  drill: () => import('./drill.js'),
  'trusted-root': () => import('./trusted-root.js'),
};

/** The command word in argv (program options before it take no values), if it is one of ours. */
function commandIn(argv: readonly string[]): string | undefined {
  const word = argv.slice(2).find((a) => !a.startsWith('-'));
  return word !== undefined && Object.hasOwn(COMMANDS, word) ? word : undefined;
}

async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name('modelsign')
    .description('Sign and verify ML models (OpenSSF Model Signing v1.0) with version lineage and license policy.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces on errors')
    .option('-q, --quiet', 'no progress output')
    // `sign --version 1.0.0` is the model's version, not ours: program options only before the command.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .hook('preAction', (_this, action) => {
      const g = action.optsWithGlobals() as { debug?: boolean; quiet?: boolean };
      state.debug = !!g.debug;
      state.quiet = !!g.quiet;
    })
    .addHelpText(
      'after',
      `
Quick start:
  modelsign keygen --out release                     # release.key + release.pub
  modelsign sign ./my-model --key release.key --version 1.0.0 --license apache-2.0
  modelsign verify ./my-model --key release.pub      # exit 0 = safe to use

Exit codes: 0 ok/verified, 1 the model must not be used, 2 usage error.`,
    );
  const one = commandIn(argv);
  const modules = await Promise.all((one ? [one] : Object.keys(COMMANDS)).map((name) => COMMANDS[name]!()));
  for (const m of modules) m.register(program);
  // Every subcommand reports usage errors with exit code 2, as the contract says.
  // Nested ones too (`trusted-root update`, `policy check`): each takes -q and --debug.
  const leaves = (cmds: readonly Command[]): Command[] => cmds.flatMap((c) => [c, ...leaves(c.commands)]);
  for (const c of leaves(program.commands)) {
    c.exitOverride();
    if (!c.options.some((opt) => opt.long === '--quiet')) c.option('-q, --quiet', 'no progress output');
    if (!c.options.some((opt) => opt.long === '--debug')) c.option('--debug', 'show stack traces on errors');
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return handleError(e);
  }
}

// `modelsign --help | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const code = await main(process.argv);
process.exitCode = code;
