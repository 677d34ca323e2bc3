/**
 * verify plugin for running as a Kubernetes init container.
 *
 *   --termination-log PATH  on failure, a short reason is written here, so
 *                           `kubectl describe pod` shows why the pod did not start
 *                           (default: /dev/termination-log when it exists, as in every pod).
 *   --log-format json       stderr carries one JSON object per line and event
 *                           (verify.start, verify.failure, verify.result, error), for log
 *                           pipelines; progress bars are off.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ModelsignError } from '../errors.js';
import { writeFailureWords } from '../util/errno.js';
import type { VerifyResult } from '../verify/types.js';
import { output, state, warn } from './io.js';
import { verifyJson, resultLabel } from './report.js';
import { displayPath } from '../util/one-line.js';
type Flags = Record<string, unknown>;

const DEFAULT_TERMINATION_LOG = '/dev/termination-log';
/** Kubernetes keeps at most 4096 bytes of a termination message. */
const MAX_REASON_BYTES = 4096;
const MAX_REASON_LINES = 5;

function emit(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
}

/** The JSON-lines sink: every message the CLI would print becomes one event line. */
function jsonSink(): NonNullable<typeof output.sink> {
  return {
    error(msg) {
      const m = /^(refused|error|internal error): (.*?)(?: \[([A-Za-z0-9_.-]+)\])?$/s.exec(msg);
      if (m) emit('error', m[1] === 'refused' ? 'refused' : 'error', { message: m[2], ...(m[3] ? { code: m[3] } : {}) });
      else emit('error', 'error', { message: msg });
    },
    warn(msg) {
      emit('warn', 'warning', { message: msg });
    },
    info(msg) {
      emit('info', 'message', { message: msg });
    },
    out(text) {
      emit('info', 'report', { message: text.replace(/\n$/, '') });
    },
    json(v) {
      // --json still goes to stdout, as one line.
      process.stdout.write(`${JSON.stringify(v)}\n`);
    },
  };
}

/**
 * A usage error found while commander parses verify's command line (an unknown flag, a
 * missing value) comes before any plugin runs: it is a JSON event too when the words after
 * `verify` ask for it (their last --log-format), or, without that flag, MODELSIGN_LOG_FORMAT.
 */
export function useJsonLogsIfAsked(args: readonly string[]): void {
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--log-format') format = args[++i];
    else if (a.startsWith('--log-format=')) format = a.slice('--log-format='.length);
  }
  format ??= process.env.MODELSIGN_LOG_FORMAT;
  if (format === 'json' && !output.sink) output.sink = jsonSink();
}

function terminationLogPath(flags: Flags): string | undefined {
  const p = flags.terminationLog as string | undefined;
  if (p) return p;
  return existsSync(DEFAULT_TERMINATION_LOG) ? DEFAULT_TERMINATION_LOG : undefined;
}

/** Cut to at most `max` UTF-8 bytes without splitting a character. */
function clip(text: string, max: number): string {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= max) return text;
  return b.subarray(0, max - 3).toString('utf8').replace(/\uFFFD+$/, '') + '...';
}

function failureReason(r: VerifyResult): string {
  const id = r.metadata ? `${resultLabel(r)} (${r.model})` : r.model;
  const n = r.failures.length;
  const lines = [`modelsign: ${id} must not be used: ${n} failure${n === 1 ? '' : 's'}`];
  // Paths as the text report shows them: one line each, a 4 KiB path (nesting past PATH_MAX) shortened.
  for (const f of r.failures.slice(0, MAX_REASON_LINES)) lines.push(`${f.code}${f.path !== undefined ? ` ${displayPath(f.path)}` : ''}: ${f.message}`);
  if (n > MAX_REASON_LINES) lines.push(`... and ${n - MAX_REASON_LINES} more`);
  return clip(lines.join('\n') + '\n', MAX_REASON_BYTES);
}

function errorReason(e: unknown): string {
  if (e instanceof ModelsignError) {
    return clip(`modelsign: ${e.kind === 'usage' ? 'error' : 'refused'}: ${e.message} [${e.code}] (exit ${e.exitCode})\n`, MAX_REASON_BYTES);
  }
  return clip(`modelsign: internal error: ${(e as Error)?.message ?? String(e)}\n`, MAX_REASON_BYTES);
}

function writeReason(flags: Flags, reason: string): void {
  const file = terminationLogPath(flags);
  if (!file) return;
  try {
    writeFileSync(file, reason);
  } catch (e) {
    // The verdict (the exit code) matters more than the message: never fail because of it.
    const msg = `cannot write termination log ${file}: ${writeFailureWords(e, file)}`;
    warn(msg);
  }
}

export function addPodOptions(cmd: Command): Command {
  cmd.option('--termination-log <path>', `on failure write a short reason here (default: ${DEFAULT_TERMINATION_LOG} when it exists)`);
  cmd.addOption(new Option('--log-format <format>', 'stderr format: text, or json (one JSON object per line and event)').choices(['text', 'json']).default('text'));
  return cmd;
}

/** --log-format json: every message from here on is a JSON event on stderr; progress is off. */
export function startPodOutput(flags: Flags): void {
  if (flags.logFormat === 'json') {
    output.sink = jsonSink();
    state.quiet = true;
  }
}

/** The verify.start event, once the set-up is known. */
export function podStart(model: string, signature: string | undefined): void {
  if (output.sink) emit('info', 'verify.start', { model, ...(signature ? { signature } : {}) });
}

/** The result as JSON events (--log-format json) and, on refusal, the termination reason. */
export function podResult(flags: Flags, r: VerifyResult): void {
  if (flags.logFormat === 'json') {
    for (const f of r.failures) emit('error', 'verify.failure', { code: f.code, ...(f.path !== undefined ? { path: f.path } : {}), message: f.message });
    // The --json report's fields, but one line: failures as a count (each had its own event).
    const { verified, model, signature, rootDigest, name, version, signer, filesChecked, bytesHashed } = verifyJson(r) as Record<string, unknown>;
    emit(r.verified ? 'info' : 'error', 'verify.result', { verified, model, signature, rootDigest, name, version, signer, filesChecked, bytesHashed, failures: r.failures.length });
  }
  if (!r.verified) writeReason(flags, failureReason(r));
}

/** Verify stopped with an error: the termination reason (and JSON logs even if set-up failed before they started). */
export function podError(flags: Flags, e: unknown): void {
  if (flags.logFormat === 'json' && !output.sink) output.sink = jsonSink();
  writeReason(flags, errorReason(e));
}
