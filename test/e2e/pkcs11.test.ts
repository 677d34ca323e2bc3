/**
 * PKCS #11 keys (sign --key pkcs11:...) against a real software token (SoftHSM 2) made in a
 * temp directory: curves, where the PIN and the module come from, a PKCS #11 key with a
 * signing certificate, the failure paths, and that a PIN never appears in any output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { bytes, CLI, cleanupTmp, runCli, tmpDir, type CliResult } from '../helpers/cli.js';
import { issue, makeCa } from '../helpers/pki.js';
import { HAS_SOFTHSM, makeToken, SOFTHSM_MISSING, type SoftToken } from '../helpers/softhsm.js';

afterAll(cleanupTmp);

const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
if (process.env.TEST_REQUIRE_SOFTHSM === '1' && !HAS_SCRIPT) throw new Error('script(1), from util-linux, is required for the PIN prompt test (TEST_REQUIRE_SOFTHSM=1)');

/** Distinctive, so a leak in any output is found by a plain substring search. */
const PIN = '731946';

describe.skipIf(!HAS_SOFTHSM)(`PKCS #11 keys on SoftHSM${SOFTHSM_MISSING ? ` (skipped: ${SOFTHSM_MISSING})` : ''}`, () => {
  let dir: string;
  let model: string;
  let tok: SoftToken;
  const outputs: CliResult[] = [];
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const r = await runCli(args, { env: { ...tok.env, MODELSIGN_PKCS11_PIN: undefined, MODELSIGN_PKCS11_MODULE: undefined, ...env } });
    outputs.push(r);
    return r;
  };
  const uri = (object: string, query = `module-path=${tok.module}`) => `pkcs11:token=release;object=${object}${query ? `?${query}` : ''}`;
  const sig = (n: string) => path.join(dir, `${n}.sig`);
  const sign = (key: string, name: string, extra: string[] = [], env: Record<string, string> = { MODELSIGN_PKCS11_PIN: PIN }) =>
    cli(['sign', model, '--key', key, '--version', '1.0.0', '--signature', sig(name), ...extra], env);
  const verifyWith = (name: string, trust: string[]) => cli(['verify', model, '--signature', sig(name), ...trust]);

  beforeAll(async () => {
    dir = await tmpDir();
    model = path.join(dir, 'model');
    await mkdir(model);
    await writeFile(path.join(model, 'weights.bin'), bytes(50_000, 7));
    await writeFile(path.join(model, 'empty.txt'), '');
    tok = await makeToken(dir, {
      label: 'release',
      pin: PIN,
      tokens: ['spare'],
      keys: [
        { label: 'p256', id: '01', curve: 'P-256' },
        { label: 'p384', id: '02', curve: 'P-384' },
        { label: 'p521', id: '03', curve: 'P-521' },
      ],
    });
  });

  it.each(['p256', 'p384', 'p521'])('a %s token key signs (PIN from MODELSIGN_PKCS11_PIN); its public key verifies', async (label) => {
    const s = await sign(uri(label), label);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const v = await verifyWith(label, ['--key', tok.pub[label]!, '--json']);
    expect(v.code, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout).signerInfo.keyType).toBe(`ecdsa-${label}`);
    // Another key of the same token does not verify it.
    const other = label === 'p256' ? 'p384' : 'p256';
    expect((await verifyWith(label, ['--key', tok.pub[other]!])).code).toBe(1);
  });

  it('the key can be named by id alone, and the module by --pkcs11-module, MODELSIGN_PKCS11_MODULE or module-name', async () => {
    const byId = `pkcs11:token=release;id=%02`;
    expect((await sign(byId, 'by-id', ['--pkcs11-module', tok.module])).code).toBe(0);
    expect((await verifyWith('by-id', ['--key', tok.pub.p384!])).code).toBe(0);
    expect((await sign(byId, 'by-env-module', [], { MODELSIGN_PKCS11_PIN: PIN, MODELSIGN_PKCS11_MODULE: tok.module })).code).toBe(0);
    const byName = await sign(uri('p256', 'module-name=softhsm2'), 'by-module-name');
    expect(byName.stderr).toBe('');
    expect(byName.code).toBe(0);
  });

  it('the PIN may come from the URI: pin-value, or pin-source naming a file', async () => {
    const pinFile = path.join(dir, 'pin.txt');
    await writeFile(pinFile, `${PIN}\n`, { mode: 0o600 });
    for (const [name, q] of [
      ['pin-value', `pin-value=${PIN}`],
      ['pin-source', `pin-source=${pinFile}`],
      ['pin-source-uri', `pin-source=file:${pinFile}`],
    ]) {
      const s = await sign(uri('p256', `module-path=${tok.module}&${q}`), name!, [], {});
      expect(s.code, `${name}: ${s.stderr}`).toBe(0);
      expect((await verifyWith(name!, ['--key', tok.pub.p256!])).code).toBe(0);
    }
  });

  it('a wrong PIN or none is refused before hashing (exit 2), nothing written', async () => {
    const wrong = await sign(uri('p256'), 'wrong-pin', [], { MODELSIGN_PKCS11_PIN: '000000' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`modelsign: error: wrong PIN for the token of pkcs11:token=release;object=p256?module-path=${tok.module} [BAD_PIN]`);
    expect(existsSync(sig('wrong-pin'))).toBe(false);
    // No PIN anywhere and no terminal (the test's stdin is a pipe): a clear error, never a hang.
    const none = await sign(uri('p256'), 'no-pin', [], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('the token needs a PIN: set MODELSIGN_PKCS11_PIN, run on a terminal, or add pin-source to the URI [NO_PIN]');
  });

  it('the token, key and module must be found, exactly once', async () => {
    const cases: [string, string[], Record<string, string>, RegExp][] = [
      [uri('missing'), [], { MODELSIGN_PKCS11_PIN: PIN }, /no private key matches pkcs11:token=release;object=missing\?module-path=\S+ on token "release" \[PKCS11_KEY_NOT_FOUND\]/],
      [`pkcs11:token=nope;object=p256?module-path=${tok.module}`, [], { MODELSIGN_PKCS11_PIN: PIN }, /no token matches pkcs11:token=nope;object=p256\?module-path=\S+ \(module \S+\) \[PKCS11_TOKEN_NOT_FOUND\]/],
      [`pkcs11:object=p256?module-path=${tok.module}`, [], { MODELSIGN_PKCS11_PIN: PIN }, /2 tokens match .* \(("release", "spare"|"spare", "release")\): add token=LABEL or slot-id=N \[PKCS11_TOKEN_AMBIGUOUS\]/],
      ['pkcs11:token=release;object=p256', [], { MODELSIGN_PKCS11_PIN: PIN }, /no PKCS #11 module: give module-path=\/path\/lib\.so in the URI, --pkcs11-module, or MODELSIGN_PKCS11_MODULE \[PKCS11_MODULE_NOT_FOUND\]/],
      [uri('p256', 'module-path=/nonexistent/libnothing.so'), [], { MODELSIGN_PKCS11_PIN: PIN }, /cannot load PKCS #11 module \/nonexistent\/libnothing\.so: .*\[PKCS11_MODULE_NOT_FOUND\]/],
      [uri('p256', 'module-name=no-such-module'), [], { MODELSIGN_PKCS11_PIN: PIN }, /no PKCS #11 module "no-such-module" in .* \[PKCS11_MODULE_NOT_FOUND\]/],
      [uri('p256'), ['--pkcs11-module', '/usr/lib/other.so'], { MODELSIGN_PKCS11_PIN: PIN }, /the PKCS #11 URI names module \S+, but --pkcs11-module \(or MODELSIGN_PKCS11_MODULE\) names \/usr\/lib\/other\.so \[BAD_OPTION\]/],
    ];
    for (const [key, extra, env, msg] of cases) {
      const r = await sign(key, 'not-found', extra, env);
      expect(r.code, key).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(sig('not-found'))).toBe(false);
  });

  it('malformed or unsupported URIs are usage errors', async () => {
    const cases: [string, RegExp][] = [
      ['pkcs11:token=release;object=p256;color=blue', /path attribute color is not supported \(known: token, .*\) \[PKCS11_URI_UNSUPPORTED\]/],
      ['pkcs11:token=release;object=p256?pin-source=|/bin/cat', /pin-source naming a program is not supported: give a file path or file: URI \[PKCS11_URI_UNSUPPORTED\]/],
      ['pkcs11:token=release;object=p%2', /attribute object has a malformed percent escape \[PKCS11_URI_INVALID\]/],
      ['pkcs11:token=release', /the URI names no key: add object=LABEL or id=%XX \[PKCS11_URI_INVALID\]/],
    ];
    for (const [key, msg] of cases) {
      const r = await sign(key, 'bad-uri');
      expect(r.code, key).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
  });

  it('a token key signs with a signing certificate (x509CertificateChain) that verify chains to the root', async () => {
    const ca = await makeCa(path.join(dir, 'ca'));
    const cert = await issue(dir, 'hsm-signer', { issuer: ca.int, key: tok.priv.p384! });
    const s = await sign(uri('p384'), 'hsm-cert', ['--signing-certificate', cert.cert, '--certificate-chain', ca.int.cert]);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const b = JSON.parse(await readFile(sig('hsm-cert'), 'utf8'));
    expect(b.verificationMaterial.x509CertificateChain.certificates).toHaveLength(2);
    const v = await verifyWith('hsm-cert', ['--certificate-chain', ca.root.cert, '--json']);
    expect(v.code, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout).signerInfo.identity).toBe('CN=hsm-signer');
    // The certificate of another token key is refused before hashing.
    const wrong = await sign(uri('p256'), 'hsm-wrong-cert', ['--signing-certificate', cert.cert, '--certificate-chain', ca.int.cert]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/certifies another public key .* than that of PKCS #11 key pkcs11:token=release;object=p256\?module-path=\S+ .*\[CERT_KEY_MISMATCH\]/);
  });

  it('--parent with a token key needs --parent-key (the private key never leaves the token)', async () => {
    const base = path.join(dir, 'base');
    await mkdir(base);
    await writeFile(path.join(base, 'weights.bin'), bytes(1000, 8));
    expect((await cli(['sign', base, '--key', uri('p256'), '--version', '1.0.0', '--signature', sig('parent')], { MODELSIGN_PKCS11_PIN: PIN })).code).toBe(0);
    const r = await sign(uri('p256'), 'with-parent', ['--parent', sig('parent')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--parent needs --parent-key PUB when signing with a PKCS #11 key [MISSING_OPTION]');
    const ok = await sign(uri('p256'), 'with-parent', ['--parent', sig('parent'), '--parent-key', tok.pub.p256!, '--name', 'child', '--version', '2.0.0']);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it.skipIf(!HAS_SCRIPT)('without MODELSIGN_PKCS11_PIN the PIN is asked on the terminal, with echo off', async () => {
    // script(1) gives the CLI a pseudo-terminal; the PIN is typed once the prompt is up.
    const cmd = [process.execPath, CLI, 'sign', model, '--key', uri('p256'), '--version', '1.0.0', '--signature', sig('tty')].map((a) => `'${a}'`).join(' ');
    const env: NodeJS.ProcessEnv = { ...process.env, ...tok.env };
    delete env.MODELSIGN_PKCS11_PIN;
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    const done = new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      if (screen.includes('PKCS #11 token PIN: ') && !screen.includes('typed')) {
        screen += '(typed)';
        child.stdin.write(`${PIN}\n`);
      }
    });
    const code = await done;
    expect(screen).toContain('PKCS #11 token PIN: ');
    expect(screen).not.toContain(PIN);
    expect(code, screen).toBe(0);
    expect((await verifyWith('tty', ['--key', tok.pub.p256!])).code).toBe(0);
  });

  it('the PIN appears in no output, message or signature, whatever happened (also with --debug and --json)', async () => {
    await sign(uri('p256', `module-path=${tok.module}&pin-value=${PIN}`), 'debug-ok', ['--debug', '--json'], {});
    await sign(uri('missing', `module-path=${tok.module}&pin-value=${PIN}`), 'debug-missing', ['--debug'], {});
    await sign(`pkcs11:token=release;object=p256;pin-value=${PIN}?module-path=${tok.module}`, 'pin-in-path', ['--debug'], {});
    await sign(`pkcs11:token=release;object=p256?module-path=${tok.module}&pin-value=${PIN}&pin-value=${PIN}`, 'pin-twice', ['--debug'], {});
    await sign(`pkcs11:token=release;object=p256?module-path=${tok.module}&pin-value${PIN}`, 'pin-no-equals', ['--debug'], {});
    await sign(uri('p256'), 'debug-wrong', ['--debug'], { MODELSIGN_PKCS11_PIN: `${PIN}9` });
    expect(outputs.length).toBeGreaterThan(20);
    for (const o of outputs) {
      expect(o.stdout).not.toContain(PIN);
      expect(o.stderr).not.toContain(PIN);
    }
    expect(outputs.some((o) => o.stderr.includes('pin-value=<redacted>'))).toBe(true);
    expect(await readFile(sig('debug-ok'), 'utf8')).not.toContain(PIN);
  });
});
