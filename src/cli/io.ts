/**
 * Shared CLI plumbing: every command's action runs through `run`, which maps a
 * ModelsignError to its exit code and one clear line on stderr (a stack trace only with
 * --debug).
 */
import type { Command } from 'commander';
import { ModelsignError, EXIT, usage } from '../errors.js';
import { clean } from '../util/one-line.js';

export const state = { debug: false, quiet: false };

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
  if (output.sink) return output.sink.json(v);
  process.stdout.write(JSON.stringify(v, null, 2) + '\n');
}

export function handleError(e: unknown): number {
  if (e instanceof ModelsignError) {
    errorLine(`${e.kind === 'usage' ? 'error' : 'refused'}: ${e.message} [${e.code}]`);
    if (state.debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
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
