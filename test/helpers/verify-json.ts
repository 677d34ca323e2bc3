/** Reading `verify --json` results and checking error output, shared by the hostile-input tests. */
import { expect } from 'vitest';
import type { CliResult } from './cli.js';

export interface VerifyJson {
  verified: boolean;
  failures: { code: string; path?: string; message: string }[];
}

/** The --json report, or a failure that shows what was printed instead. */
export function json(r: CliResult): VerifyJson {
  try {
    return JSON.parse(r.stdout) as VerifyJson;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 2000)}\n${r.stderr}`);
  }
}

/** One clear line, never a stack trace or an internal error. */
export function expectCleanError(r: CliResult): void {
  expect(r.code, r.stderr).not.toBe(3);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
}
