#!/usr/bin/env node
/**
 * modelsign CLI entry. Kept light: only commander and the command definitions load here;
 * each command imports the library (hashing, crypto, sigstore) when it runs, so
 * `modelsign --version` starts nearly as fast as node itself.
 */
import type { Code } from '../codes.js';
import './env-settings.js'; // first: the library's settings from the environment
import './prewarm.js'; // then: starts the hash threads early for digest/sign/verify
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { EXIT, usage, type ModelsignError } from '../errors.js';
import { handleError, output, state } from './io.js';

/**
 * The commands, each loaded only when needed: a run of `modelsign digest` loads the digest
 * command alone (its flags, its code), not the verify plugins and the other ten commands.
 * Help, `help`, an unknown word or no command load them all.
 */
type Registrar = () => Promise<{ register(program: Command): void }>;
const COMMANDS: Record<string, Registrar> = {
  keygen: () => import('./keygen.js'),
  key: () => import('./key.js'),
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

/**
 * The verdict field of each command's --json object, false in the object an error prints
 * (io.ts jsonError); commands not listed print `{"error": {...}}` alone.
 */
const JSON_VERDICT: Readonly<Record<string, string | null>> = { verify: 'verified', lineage: 'verified', 'lineage add': null, 'policy check': 'valid', 'audit verify': 'intact', scan: 'clean' };
/**
 * The commands that take every flag from MODELSIGN_* (verify-env.ts), --json included, and
 * refuse an unknown variable.
 */
const VERIFY_ENV_COMMANDS = new Set(['verify', 'lineage', 'drill']);
const SWITCH_ON = /^(1|true|yes|on)$/i;

/**
 * Whether the command line asks for JSON: `--json` among the words after the command (before
 * `--`), or MODELSIGN_JSON for the commands that read verify's environment. Known before parsing, so a flag commander refuses is
 * reported in JSON too.
 */
function jsonErrorsFor(argv: readonly string[], word: string | undefined, env: NodeJS.ProcessEnv): { field?: string } | undefined {
  if (word === undefined) return undefined;
  const words = argv.slice(argv.indexOf(word, 2) + 1);
  const end = words.indexOf('--');
  const sub = words.find((w) => !w.startsWith('-'));
  const own = JSON_VERDICT[`${word} ${sub}`];
  const fromEnv = VERIFY_ENV_COMMANDS.has(word) && own === undefined && SWITCH_ON.test((env.MODELSIGN_JSON ?? '').trim());
  const asked = (end < 0 ? words : words.slice(0, end)).includes('--json') || fromEnv;
  if (!asked) return undefined;
  const field = own === undefined ? JSON_VERDICT[word] : own;
  return typeof field === 'string' ? { field } : {};
}

/** The command word in argv (program options before it take no values), if it is one of ours. */
function commandIn(argv: readonly string[]): string | undefined {
  const word = argv.slice(2).find((a) => !a.startsWith('-'));
  return word !== undefined && Object.hasOwn(COMMANDS, word) ? word : undefined;
}

/**
 * commander's parse errors as our stable codes. Its own two-line output ("error: ..." then a
 * hint) is replaced by one line: `modelsign: error: <message> (see modelsign CMD --help) [CODE]`.
 */
const PARSE_ERROR_CODES: Readonly<Record<string, Code>> = {
  'commander.missingArgument': 'MISSING_ARGUMENT',
  'commander.optionMissingArgument': 'MISSING_OPTION_VALUE',
  'commander.missingMandatoryOptionValue': 'MISSING_OPTION',
  'commander.unknownOption': 'UNKNOWN_OPTION',
  'commander.unknownCommand': 'UNKNOWN_COMMAND',
  'commander.invalidArgument': 'BAD_OPTION',
  'commander.excessArguments': 'TOO_MANY_ARGUMENTS',
  'commander.conflictingOption': 'CONFLICTING_OPTIONS',
};
/** Not errors: help and version were printed as asked. */
const NOT_ERRORS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** "modelsign trusted-root update" */
function commandPath(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

function parseError(c: Command, code: Code, message: string): ModelsignError {
  // "error: unknown option '--jsn'\n(Did you mean --json?)": the suggestion stays, on the same line.
  const text = message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
  return usage(code, `${text} (see ${commandPath(c)} --help)`);
}

async function buildProgram(one: string | undefined): Promise<Command> {
  const program = new Command();
  program
    .name('modelsign')
    .description('Sign and verify ML models (OpenSSF Model Signing v1.0) with version lineage and license policy.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces on errors')
    .option('-q, --quiet', 'no progress output')
    // `sign --version 1.0.0` is the model's version, not ours: program options only before the command.
    .enablePositionalOptions()
    .hook('preAction', (_this, action) => {
      const g = action.optsWithGlobals<{ debug?: boolean; quiet?: boolean }>();
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

Exit codes: 0 ok/verified, 1 the model must not be used, 2 usage error, 3 internal error.`,
    );
  const modules = await Promise.all((one ? [one] : Object.keys(COMMANDS)).map((name) => COMMANDS[name]!()));
  for (const m of modules) m.register(program);
  // Every command reports usage errors with exit code 2 and one line, as the contract says.
  // Nested ones too (`trusted-root update`, `policy check`): each takes -q and --debug.
  const leaves = (cmds: readonly Command[]): Command[] => cmds.flatMap((c) => [c, ...leaves(c.commands)]);
  for (const c of [program, ...leaves(program.commands)]) {
    // commander calls this where it would exit; its own message is not printed (outputError).
    c.exitOverride((e) => {
      if (NOT_ERRORS.has(e.code)) throw e;
      throw parseError(c, PARSE_ERROR_CODES[e.code] ?? 'USAGE', e.message);
    });
    c.configureOutput({ outputError: () => undefined });
    if (c.commands.length > 0) {
      // `modelsign policy help nosuch`: commander would print the parent's help and exit 0.
      c.on('beforeHelp', (ctx: { error: boolean }) => {
        if (ctx.error && c.args[0] === 'help' && c.args[1] !== undefined) {
          throw parseError(c, 'UNKNOWN_COMMAND', `unknown command '${c.args[1]}'`);
        }
      });
    }
    if (c === program) continue;
    if (!c.options.some((opt) => opt.long === '--quiet')) c.option('-q, --quiet', 'no progress output');
    if (!c.options.some((opt) => opt.long === '--debug')) c.option('--debug', 'show stack traces on errors');
  }
  return program;
}

/**
 * Outside the commands that refuse them, an unknown MODELSIGN_* variable is a warning with its
 * near miss. verify's option list, which says which names are known, is loaded only when some
 * variable is not one of the fixed ones.
 */
async function warnAboutEnv(word: string | undefined): Promise<void> {
  if (word === undefined || VERIFY_ENV_COMMANDS.has(word)) return;
  const { NON_FLAG_VARIABLES, unknownEnv, warnUnknownEnv } = await import('./verify-env.js');
  if (unknownEnv(process.env, NON_FLAG_VARIABLES).length === 0) return;
  const { verifyOptionList } = await import('./verify.js');
  const longs = verifyOptionList().flatMap((o) => (o.long ? [o.long] : []));
  warnUnknownEnv([...longs, '--quiet', '--debug']);
}

export async function main(argv: string[]): Promise<number> {
  const word = commandIn(argv);
  const json = jsonErrorsFor(argv, word, process.env);
  if (json) state.jsonErrors = json;
  const program = await buildProgram(word);
  try {
    await warnAboutEnv(word);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    // Only help and version get here as CommanderError: the exit callbacks turned the rest into ours.
    if (e instanceof CommanderError) return NOT_ERRORS.has(e.code) ? EXIT.ok : EXIT.usage;
    // An error that stops the parse (verify's actions set up their own output): under
    // `verify --log-format json` (or MODELSIGN_LOG_FORMAT=json) it is a JSON event too.
    if (word === 'verify' && !output.sink) {
      const { useJsonLogsIfAsked } = await import('./verify-pod.js');
      useJsonLogsIfAsked(argv.slice(argv.indexOf(word, 2) + 1));
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
