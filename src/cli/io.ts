/**
 * Shared CLI plumbing: every command's action runs through `run`, which maps a
 * ModelsignError to its exit code and one clear line on stderr (a stack trace only with
 * --debug).
 */
import type { Command } from 'commander';
import { ModelsignError, EXIT, usage } from '../errors.js';
import { clean } from '../util/one-line.js';

export const state: {
  debug: boolean;
  quiet: boolean;
  /**
   * Set when the command line asks for --json: an error then prints a JSON object on stdout
   * too (`{"verified": false, "error": {"code", "message"}}` for verify), so a script reading
   * stdout never gets empty input. `field` is the command's own verdict field, false.
   */
  jsonErrors?: { field?: string };
  /** A JSON report was printed: an error after it adds no second object. */
  printedJson: boolean;
} = { debug: false, quiet: false, printedJson: false };

/** Replaces the text output when set (verify --log-format json: one JSON line per event). */
export interface OutputSink {
  error(msg: string): void;
  warn(msg: string): void;
  info(msg: string): void;
  out(text: string): void;
  json(v: unknown): void;
}
export const output: { sink?: OutputSink } = {};

export function errorLine(msg: string): void {
  if (output.sink) return output.sink.error(msg);
  // Messages can quote names from a hostile signature or directory: keep them one line.
  process.stderr.write(`modelsign: ${clean(msg, 8000)}\n`);
}

/** A warning: never silenced by --quiet, since it says something about trust. */
export function warn(msg: string): void {
  if (output.sink) return output.sink.warn(msg);
  process.stderr.write(`modelsign: warning: ${msg}\n`);
}

/** Progress and notes on stderr (`modelsign: <msg>`), silenced by --quiet. */
export function info(msg: string): void {
  if (state.quiet) return;
  if (output.sink) return output.sink.info(msg);
  process.stderr.write(`modelsign: ${msg}\n`);
}

export function out(text: string): void {
  if (output.sink) return output.sink.out(text);
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(v: unknown): void {
  state.printedJson = true;
  if (output.sink) return output.sink.json(v);
  process.stdout.write(JSON.stringify(v, null, 2) + '\n');
}

/** Under --json, the error as the command's JSON object (unless a report was printed already). */
function jsonError(code: string, message: string): void {
  const j = state.jsonErrors;
  if (!j || state.printedJson) return;
  printJson({ ...(j.field !== undefined ? { [j.field]: false } : {}), error: { code, message } });
}

export function handleError(e: unknown): number {
  if (e instanceof ModelsignError) {
    errorLine(`${e.kind === 'usage' ? 'error' : 'refused'}: ${e.message} [${e.code}]`);
    if (state.debug && e.stack) process.stderr.write(`${e.stack}\n`);
    jsonError(e.code, e.message);
    return e.exitCode;
  }
  const err = e as Error;
  jsonError('INTERNAL', err?.message ?? String(e));
  errorLine(`internal error: ${err?.message ?? String(e)}${state.debug ? '' : ' (run with --debug for details)'}`);
  if (state.debug && err?.stack) process.stderr.write(`${err.stack}\n`);
  return EXIT.internal;
}

/** Wrap a command action: set the exit code from its result or error. */
export function run<A extends unknown[]>(fn: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? 0;
    } catch (e) {
      process.exitCode = handleError(e);
    }
  };
}

/**
 * A command that only groups subcommands (`policy`, `audit`, `trusted-root`): given none, it
 * is a usage error (exit 2, [MISSING_COMMAND]), not a help page on stderr with exit 0.
 * commander shows that help page through help({ error: true }); this stops it first.
 */
export function requireSubcommand(cmd: Command, message: string): void {
  cmd.on('beforeHelp', (ctx: { error: boolean }) => {
    if (ctx.error && cmd.args.length === 0) throw usage('MISSING_COMMAND', message);
  });
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parsePositiveInt(name: string): (v: string) => number {
  return (v: string) => {
    if (!/^\d+$/.test(v) || Number(v) <= 0 || !Number.isSafeInteger(Number(v))) {
      throw new ModelsignError('BAD_OPTION', `${name} must be a positive whole number (got "${v}")`, { kind: 'usage' });
    }
    return Number(v);
  };
}

/**
 * Byte sizes as people write them for model shards. K, M, G, T and KB..TB are powers of 1000,
 * as huggingface_hub's max_shard_size ("5GB") and Kubernetes quantities ("1G") read them;
 * KiB..TiB (or Ki..Ti) are powers of 1024. Units are case-insensitive and a trailing B alone
 * means bytes. A fraction is fine when the result is a whole number of bytes (1.5GiB).
 */
const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
};
const SIZE_HELP = 'bytes, or with a unit: 1G or 1GB = 10^9, 1GiB = 2^30 (K, M, G, T; KiB, MiB, GiB, TiB)';

/** A positive whole number of bytes from "1000000", "512MiB", "1GB"; undefined when it is not one. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = SIZE_UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const [whole, frac = ''] = m[1]!.split('.');
  // Exact arithmetic: 1.5GiB is 1610612736, and 0.3 bytes is refused rather than rounded.
  const scaled = BigInt(whole! + frac) * BigInt(unit);
  const div = 10n ** BigInt(frac.length);
  if (scaled % div !== 0n) return undefined;
  const n = scaled / div;
  if (n <= 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(n);
}

export function parseSizeOption(name: string): (v: string) => number {
  return (v: string) => {
    const n = parseByteSize(v);
    if (n === undefined) throw new ModelsignError('BAD_OPTION', `${name} must be a positive size: ${SIZE_HELP} (got "${v}")`, { kind: 'usage' });
    return n;
  };
}
