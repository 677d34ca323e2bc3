/**
 * A real software PKCS #11 token for tests: Debian's softhsm2. Each token lives in a temp
 * directory with its own config (SOFTHSM2_CONF, passed to the CLI in its environment), made
 * with softhsm2-util; EC keys are generated with openssl and imported (key pair objects).
 *
 * Where softhsm2 or the pkcs11js binding is missing the tests skip with one line, unless
 * TEST_REQUIRE_SOFTHSM=1 (set by .ci/run), which makes that an error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const MODULES = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so', '/usr/lib64/pkcs11/libsofthsm2.so', '/usr/local/lib/softhsm/libsofthsm2.so'];
export const SOFTHSM_MODULE = MODULES.find((m) => existsSync(m));

function bindingLoads(): boolean {
  try {
    createRequire(import.meta.url)('pkcs11js');
    return true;
  } catch {
    return false;
  }
}

const hasUtil = spawnSync('softhsm2-util', ['--version'], { stdio: 'ignore' }).status === 0;
export const SOFTHSM_MISSING = !hasUtil ? 'softhsm2-util is not installed (apt-get install softhsm2)' : !SOFTHSM_MODULE ? 'libsofthsm2.so is not installed' : !bindingLoads() ? 'the pkcs11js binding did not build' : undefined;
export const HAS_SOFTHSM = SOFTHSM_MISSING === undefined;
if (process.env.TEST_REQUIRE_SOFTHSM === '1' && !HAS_SOFTHSM) throw new Error(`SoftHSM tests cannot run: ${SOFTHSM_MISSING} (TEST_REQUIRE_SOFTHSM=1)`);

export interface TokenKey {
  label: string;
  /** CKA_ID as hex. */
  id: string;
  curve?: 'P-256' | 'P-384' | 'P-521';
  /** An existing PKCS#8 PEM private key to import (default: a new one). */
  keyFile?: string;
}

export interface SoftToken {
  /** Environment for the CLI: SOFTHSM2_CONF of this token's directory. */
  env: Record<string, string>;
  module: string;
  /** Public key PEM file per key label. */
  pub: Record<string, string>;
  /** Private key PEM file per key label (what was imported). */
  priv: Record<string, string>;
}

/** Create (once per directory) an initialized token holding the given keys. */
export async function makeToken(dir: string, opts: { label: string; pin: string; keys: TokenKey[]; tokens?: string[] }): Promise<SoftToken> {
  const tokens = path.join(dir, 'tokens');
  await mkdir(tokens, { recursive: true });
  const conf = path.join(dir, 'softhsm2.conf');
  await writeFile(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  const env = { SOFTHSM2_CONF: conf };
  const util = (args: string[]) => execFileSync('softhsm2-util', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  for (const label of [opts.label, ...(opts.tokens ?? [])]) util(['--init-token', '--free', '--label', label, '--pin', opts.pin, '--so-pin', `${opts.pin}-so`]);
  const pub: Record<string, string> = {};
  const priv: Record<string, string> = {};
  for (const k of opts.keys) {
    const keyFile = k.keyFile ?? path.join(dir, `${k.label}.key.pem`);
    if (!k.keyFile) execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${k.curve ?? 'P-256'}`, '-out', keyFile], { stdio: 'ignore' });
    const pubFile = path.join(dir, `${k.label}.pub.pem`);
    execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-out', pubFile], { stdio: 'ignore' });
    util(['--import', keyFile, '--token', opts.label, '--label', k.label, '--id', k.id, '--pin', opts.pin]);
    pub[k.label] = pubFile;
    priv[k.label] = keyFile;
  }
  return { env, module: SOFTHSM_MODULE!, pub, priv };
}
