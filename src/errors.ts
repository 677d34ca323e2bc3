/**
 * One error type carries every failure to the CLI. Each has a stable `code` (part of the
 * public contract: `--json` output, audit logs and scripts match on it) and a `kind` that
 * decides the exit code:
 *   - 'reject' -> 1: the model must not be used (hash, file set, signature, trust, policy).
 *   - 'usage'  -> 2: the command was used wrongly (flags, unreadable key, wrong passphrase).
 *   - 'internal' -> 3: a bug or an environment failure we did not foresee.
 */
import type { Code } from './codes.js';

export type { Code } from './codes.js';

export type ErrorKind = 'reject' | 'usage' | 'internal';

export const EXIT = { ok: 0, reject: 1, usage: 2, internal: 3 } as const;

export class ModelsignError extends Error {
  readonly code: Code;
  readonly kind: ErrorKind;
  readonly path: string | undefined;

  constructor(code: Code, message: string, opts: { kind?: ErrorKind; path?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ModelsignError';
    this.code = code;
    this.kind = opts.kind ?? 'reject';
    this.path = opts.path;
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/** A failure that makes the model unusable (exit 1). */
export function reject(code: Code, message: string, path?: string): ModelsignError {
  return new ModelsignError(code, message, path === undefined ? { kind: 'reject' } : { kind: 'reject', path });
}

/** The command was used wrongly (exit 2). */
export function usage(code: Code, message: string, path?: string): ModelsignError {
  return new ModelsignError(code, message, path === undefined ? { kind: 'usage' } : { kind: 'usage', path });
}

/** One line of a verification report: stable code, optional file, human message. */
export interface Failure {
  code: Code;
  path?: string;
  message: string;
}

export function toFailure(e: ModelsignError): Failure {
  return e.path === undefined ? { code: e.code, message: e.message } : { code: e.code, path: e.path, message: e.message };
}

/** Node's errno errors carry a string `code`; this narrows an unknown catch value. */
export function errnoCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof (e).code === 'string') {
    return (e as { code: string }).code;
  }
  return undefined;
}
