/**
 * The GitHub Actions runner protocol, as the runner speaks it (no @actions/* dependency):
 * inputs arrive as INPUT_<NAME> variables, outputs and the job summary are appended to the
 * files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and workflow commands
 * (::add-mask::, ::error::) are lines on stdout. Annotations speak in the Action's terms
 * (words.ts): a CLI flag a library message names becomes the input.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { usage } from '../errors.js';
import { actionTerms } from './words.js';

export class Runner {
  constructor(readonly env: NodeJS.ProcessEnv = process.env) {}

  /** INPUT_<NAME>: spaces become "_", upper-cased, hyphens kept (as the runner sets them). */
  input(name: string): string {
    return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  /** YAML 1.2 core-schema booleans, as actions/toolkit accepts them. */
  booleanInput(name: string): boolean {
    const v = this.input(name);
    if (v === '' || ['false', 'False', 'FALSE'].includes(v)) return false;
    if (['true', 'True', 'TRUE'].includes(v)) return true;
    throw usage('BAD_INPUT', `input "${name}" must be true or false (got "${v}")`);
  }

  /** One value per line (blank lines dropped). */
  listInput(name: string): string[] {
    return this.input(name)
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.log(`output ${name}=${value}`);
      return;
    }
    const delim = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delim}\n${value}\n${delim}\n`);
  }

  summary(markdown: string): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  }

  /** Ask the runner to hide a secret in every later log line (each line of it). */
  mask(secret: string | undefined): void {
    if (!secret) return;
    for (const line of secret.split(/\r?\n/)) if (line.trim() !== '') this.command('add-mask', line);
  }

  /** An error annotation; `file` (relative to the workspace) attaches it to that file. */
  error(message: string, file?: string): void {
    this.command('error', actionTerms(message), { ...(file !== undefined ? { file } : {}), title: 'modelsign' });
  }

  warning(message: string): void {
    this.command('warning', actionTerms(message), { title: 'modelsign' });
  }

  log(message: string): void {
    process.stdout.write(`${message}\n`);
  }

  private command(cmd: string, message: string, props: Record<string, string> = {}): void {
    const p = Object.entries(props)
      .map(([k, v]) => `${k}=${escapeProperty(v)}`)
      .join(',');
    process.stdout.write(`::${cmd}${p ? ` ${p}` : ''}::${escapeData(message)}\n`);
  }
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A markdown table cell: no pipes or newlines breaking the table. */
function cell(v: unknown): string {
  if (v === undefined || v === null || v === '') return '-';
  const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : (JSON.stringify(v) ?? '');
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function table(headers: string[], rows: unknown[][]): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}
