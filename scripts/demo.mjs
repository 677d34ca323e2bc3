#!/usr/bin/env node
// The main job on a sample model: keygen, sign, verify, tamper, verify fails.
// Runs the built CLI exactly as a user would; exits non-zero if any step does not behave.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/main.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'modelsign-demo-'));
const env = { ...process.env, MODELSIGN_PASSPHRASE: 'demo-passphrase' };
let failed = false;

function step(title, args, expect) {
  process.stdout.write(`\n$ modelsign ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, env, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  const ok = r.status === expect;
  process.stdout.write(`==> ${title}: exit ${r.status} ${ok ? '(as expected)' : `(EXPECTED ${expect})`}\n`);
  if (!ok) failed = true;
}

// A small Hugging Face-style model.
const model = path.join(work, 'tiny-llm');
mkdirSync(path.join(model, 'tokenizer'), { recursive: true });
const weights = Buffer.alloc(1 << 20);
for (let i = 0; i < weights.length; i++) weights[i] = (i * 2654435761) >>> 24;
writeFileSync(path.join(model, 'model.safetensors'), weights);
writeFileSync(path.join(model, 'config.json'), JSON.stringify({ architectures: ['LlamaForCausalLM'], hidden_size: 64 }, null, 2));
writeFileSync(path.join(model, 'tokenizer', 'tokenizer.json'), JSON.stringify({ model: { vocab: { '<s>': 0, hello: 1 } } }));
process.stdout.write(`sample model: ${model}\n(MODELSIGN_PASSPHRASE is set for this demo)\n`);

step('1. generate a key pair', ['keygen', '--out', 'release'], 0);
step('2. sign the model', ['sign', 'tiny-llm', '--key', 'release.key', '--version', '1.0.0', '--license', 'apache-2.0'], 0);
step('3. verify it', ['verify', 'tiny-llm', '--key', 'release.pub'], 0);
step('4. what was signed', ['inspect', 'tiny-llm/model.sig'], 0);
process.stdout.write('\n# an attacker changes the config and plants a file\n');
appendFileSync(path.join(model, 'config.json'), ' ');
writeFileSync(path.join(model, 'modeling_evil.py'), 'import os\nos.system("id")\n');
step('5. verify the tampered model', ['verify', 'tiny-llm', '--key', 'release.pub'], 1);

rmSync(work, { recursive: true, force: true });
process.stdout.write(failed ? '\ndemo FAILED: a step did not behave as expected\n' : '\ndemo OK: the tampered model was refused\n');
process.exit(failed ? 1 : 0);
