/**
 * Run the GitHub Action the way the runner does: `node dist-action/index.mjs` (the committed
 * bundle action.yml names) with INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files
 * and the workspace (GITHUB_WORKSPACE) as the working directory.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './cli.js';

export const ACTION_ENTRY = path.join(ROOT, 'dist-action/index.mjs');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parse the runner's `name<<DELIM ... DELIM` output file format. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

let runNo = 0;

/** One step in `workspace` (also HOME and RUNNER_TEMP); inputs named as in action.yml. */
export async function runActionIn(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const n = runNo++;
  const outputFile = path.join(workspace, `.output-${process.pid}-${n}.txt`);
  const summaryFile = path.join(workspace, `.summary-${process.pid}-${n}.md`);
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: workspace, RUNNER_TEMP: workspace, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...env };
  // As the runner names them: spaces to "_", upper case, hyphens kept.
  for (const [k, v] of Object.entries(inputs)) childEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION_ENTRY], { cwd: workspace, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let so = '';
    let se = '';
    child.stdout.on('data', (d) => (so += d));
    child.stderr.on('data', (d) => (se += d));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c ?? -1, stdout: so, stderr: se }));
  });
  return { code, stdout, stderr, outputs: parseOutputs(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') };
}
