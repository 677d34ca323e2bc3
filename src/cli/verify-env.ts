/**
 * verify plugin: every verify option can come from the environment, so a Kubernetes init
 * container (or an operator) configures modelsign without arguments.
 *
 * The mapping is generic: each long flag --some-flag reads MODELSIGN_SOME_FLAG, and the
 * model argument reads MODELSIGN_MODEL. Flags added by later plugins (policy, lineage,
 * Sigstore identities...) get their variable with no extra code, because the mapping is
 * made from the command's option list when verify runs. A flag given on the command line
 * wins over the environment. Values go through the flag's own parser, so a bad value is
 * the same usage error (exit 2) as on the command line, naming the variable.
 *
 *   switches (--json)             1/true/yes/on or 0/false/no/off
 *   repeatable flags (--key)      several values separated by newlines or commas
 *
 * A MODELSIGN_* variable that matches no flag is an error (exit 2), never ignored.
 */
import type { Command, Option } from 'commander';
import { ModelsignError, usage } from '../errors.js';
import { state, warn } from './io.js';
import { closest } from '../util/did-you-mean.js';
type Flags = Record<string, unknown>;

const ENV_PREFIX = 'MODELSIGN_';

/** Flags that are not options of a verification (help and the program's own version). */
const NOT_FROM_ENV = new Set(['--help', '--version']);

/** MODELSIGN_* variables that are not verify flags but are still meaningful (to any command). */
export const NON_FLAG_VARIABLES: ReadonlySet<string> = new Set([
  'MODELSIGN_MODEL',
  'MODELSIGN_PASSPHRASE',
  // sign's PKCS #11 token PIN and module
  'MODELSIGN_PKCS11_PIN',
  'MODELSIGN_PKCS11_MODULE',
  // where `trusted-root update` keeps the refreshed Sigstore root
  'MODELSIGN_CACHE_DIR',
  // hashing engine and progress tuning (docs/performance.md)
  'MODELSIGN_NO_NATIVE_BLAKE',
  'MODELSIGN_NO_MMAP',
  'MODELSIGN_PREWARM',
  'MODELSIGN_PROGRESS',
  'MODELSIGN_PROGRESS_INTERVAL_MS',
]);

/**
 * Kubernetes gives every container <SERVICE>_SERVICE_HOST, <SERVICE>_PORT_443_TCP, ... for
 * each Service in the namespace; a Service named "modelsign" must not stop the init container.
 */
const SERVICE_LINK = /^MODELSIGN_(?:SERVICE_HOST|SERVICE_PORT(?:_[A-Z0-9_]+)?|PORT(?:_\d+_(?:TCP|UDP|SCTP)(?:_(?:PROTO|PORT|ADDR))?)?)$/;

/** --identity-provider -> MODELSIGN_IDENTITY_PROVIDER */
export function envName(long: string): string {
  return ENV_PREFIX + long.replace(/^--/, '').replace(/-/g, '_').toUpperCase();
}

function parseSwitch(name: string, raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw usage('BAD_ENV', `${name} must be true or false (got "${raw}")`);
}

function parseValue(opt: Option, name: string, raw: string): unknown {
  const repeatable = Array.isArray(opt.defaultValue) || opt.variadic;
  const values = repeatable
    ? raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : [raw];
  let acc: unknown = repeatable ? [] : undefined;
  for (const v of values) {
    try {
      if (opt.parseArg) acc = opt.parseArg(v, acc);
      else acc = repeatable ? [...(acc as unknown[]), v] : v;
    } catch (e) {
      if (e instanceof ModelsignError) throw usage(e.code, `${name}: ${e.message}`);
      throw usage('BAD_ENV', `${name}: ${(e as Error).message}`);
    }
  }
  return acc;
}

/**
 * Fill `flags` from MODELSIGN_* for every option not given on the command line.
 * `alsoKnown`: variables of another command's options (verify's, for `lineage`) that are
 * accepted without being applied, so one environment can serve both commands.
 */
export function applyEnv(cmd: Command, flags: Flags, env: NodeJS.ProcessEnv = process.env, alsoKnown: ReadonlySet<string> = new Set()): string[] {
  const used: string[] = [];
  // Errors are raised after every other variable is applied, so --termination-log and
  // --log-format from the environment still report them.
  let firstError: Error | undefined;
  for (const opt of cmd.options) {
    if (!opt.long || NOT_FROM_ENV.has(opt.long) || opt.negate) continue;
    const name = envName(opt.long);
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const key = opt.attributeName();
    if (cmd.getOptionValueSource(key) === 'cli') continue;
    try {
      flags[key] = opt.required || opt.optional ? parseValue(opt, name, raw) : parseSwitch(name, raw);
      used.push(name);
    } catch (e) {
      firstError ??= e instanceof Error ? e : new Error(String(e));
    }
  }
  if (flags.model === undefined && env[`${ENV_PREFIX}MODEL`]) {
    flags.model = env[`${ENV_PREFIX}MODEL`];
    used.push(`${ENV_PREFIX}MODEL`);
  }
  if (firstError !== undefined) throw firstError;
  // Fail closed: a variable meant for a flag this build lacks (say MODELSIGN_POLICY without
  // policy support) must not be skipped silently, or the pod would run with a weaker check.
  const known = new Set([...NON_FLAG_VARIABLES, ...alsoKnown, ...cmd.options.filter((o) => o.long).map((o) => envName(o.long!))]);
  const [name] = unknownEnv(env, known);
  if (name !== undefined) throw usage('UNKNOWN_ENV', `${name} is set, but ${cmd.name()} has no --${name.slice(ENV_PREFIX.length).toLowerCase().replace(/_/g, '-')} option in this build${meant(name, known)}`);
  return used;
}

/** " (did you mean MODELSIGN_KEY?)" for a near miss among `known`, else nothing. */
function meant(name: string, known: Iterable<string>): string {
  const m = closest(name, known);
  return m === undefined ? '' : ` (did you mean ${m}?)`;
}

/** The MODELSIGN_* variables of `env` that no command reads (set, not empty, not a Kubernetes service link). */
export function unknownEnv(env: NodeJS.ProcessEnv, known: ReadonlySet<string>): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX) && env[name] !== '' && !known.has(name) && !SERVICE_LINK.test(name))
    .sort();
}

/**
 * Commands other than verify read no flags from the environment, so an unknown MODELSIGN_*
 * variable is only a warning there (one line each, with the near miss it may be): it is
 * known when it is one of verify's options, which a shell or pod may set for a later verify.
 */
export function warnUnknownEnv(verifyOptionNames: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const known = new Set([...NON_FLAG_VARIABLES, ...verifyOptionNames.map(envName)]);
  for (const name of unknownEnv(env, known)) warn(`unknown environment variable ${name}${meant(name, known)}`);
}

export const ENV_HELP = `
Environment: every option can be set as MODELSIGN_<OPTION> (--identity-provider ->
MODELSIGN_IDENTITY_PROVIDER, switches as true/false, repeatable options comma- or
newline-separated) and the model as MODELSIGN_MODEL; the command line wins.
  MODELSIGN_MODEL=/models/llm MODELSIGN_KEY=/etc/modelsign/release.pub modelsign verify`;

/** Fill `flags` from MODELSIGN_* for `cmd`'s options, then honour --debug/--quiet from there too. */
export function applyEnvFlags(cmd: Command, flags: Flags, alsoKnown?: ReadonlySet<string>): void {
  applyEnv(cmd, flags, process.env, alsoKnown);
  // --debug/--quiet were read before the action ran; honour their variables too.
  if (flags.debug === true) state.debug = true;
  if (flags.quiet === true) state.quiet = true;
}
