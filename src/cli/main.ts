#!/usr/bin/env node
/**
 * modelsign CLI entry. Kept light: only commander and the command definitions load here;
 * each command imports the library (hashing, crypto, sigstore) when it runs, so
 * `modelsign --version` starts nearly as fast as node itself.
 */
import './prewarm.js'; // first: starts the hash threads early for digest/sign/verify
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { EXIT } from '../errors.js';
import { handleError, state } from './io.js';
import { register as registerKeygen } from './keygen.js';
import { register as registerSign } from './sign.js';
import { register as registerVerify } from './verify.js';
import { register as registerDigest } from './digest.js';
import { register as registerInspect } from './inspect.js';
import { register as registerPolicy } from './policy.js';
import { register as registerScan } from './scan.js';
import { register as registerLineage } from './lineage.js';
import { register as registerAudit } from './audit.js';
import { register as registerDrill } from './drill.js';
import { register as registerTrustedRoot } from './trusted-root.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('modelsign')
    .description('Sign and verify ML models (OpenSSF Model Signing v1.0) with version lineage and license policy.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces on errors')
    .option('-q, --quiet', 'no progress output')
    // `sign --version 1.0.0` is the model's version, not ours: program options only before the command.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .hook('preAction', (_this, action) => {
      const g = action.optsWithGlobals() as { debug?: boolean; quiet?: boolean };
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

Exit codes: 0 ok/verified, 1 the model must not be used, 2 usage error.`,
    );
  const commands = [
    registerKeygen,
    registerSign,
    registerVerify,
    registerDigest,
    registerInspect,
    registerPolicy,
    registerScan,
    registerLineage,
    registerAudit,
    registerDrill,
    registerTrustedRoot,
  ];
  for (const reg of commands) reg(program);
  // Every subcommand reports usage errors with exit code 2, as the contract says.
  for (const c of program.commands) {
    c.exitOverride();
    if (!c.options.some((opt) => opt.long === '--quiet')) c.option('-q, --quiet', 'no progress output');
    if (!c.options.some((opt) => opt.long === '--debug')) c.option('--debug', 'show stack traces on errors');
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return handleError(e);
  }
}

const code = await main(process.argv);
process.exitCode = code;
