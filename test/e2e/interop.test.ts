/**
 * Interoperability: every signature in the shared corpus (made by the OpenSSF model_signing
 * tool, v0.2.0 to v1.1.0) verifies offline, and each with a changed file, the wrong identity,
 * issuer, key or root does not. Variant forms other tools write (key types, hint/rawBytes,
 * keyid forms, blake2b/blake3, shards with float shard_size) are built here with node:crypto.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { blake3 } from '@noble/hashes/blake3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, HAS_SHARED, ROOT, runCli, SHARED, tmpDir } from '../helpers/cli.js';
import { bundleFor, statementText, type Res } from '../helpers/oms-bundle.js';

const MT = path.join(SHARED, 'model-transparency');
const KEYS = path.join(MT, 'keys');
const PUB = path.join(KEYS, 'signing-key-pub.pem');
const CA = path.join(KEYS, 'ca-cert.pem');
const ID = 'stefanb@us.ibm.com';
const ISSUER = 'https://sigstore.verify.ibm.com/oauth2';

let cache: string;
/** Keep every run away from a user's refreshed trusted root. */
const env = () => ({ MODELSIGN_CACHE_DIR: cache });
const verify = (args: string[]) => runCli(['verify', ...args], { env: env() });

interface Case {
  dir: string;
  /** verify target relative to the case directory ('' = the directory itself). */
  target: string;
  args: string[];
}

const versions = ['v0.3.1', 'v1.0.0', 'v1.0.1', 'v1.1.0'];
const ignore = (v: string) => (v === 'v1.0.1' ? ['--ignore-paths', 'ignore-me'] : []);
const cases: Case[] = [
  ...versions.map((v) => ({
    dir: `${v}-elliptic-key`,
    target: v === 'v0.3.1' || v === 'v1.0.0' ? 'signme-1' : '',
    args: ['--key', PUB, ...ignore(v)],
  })),
  ...['v0.2.0', ...versions].map((v) => ({ dir: `${v}-certificate`, target: '', args: ['--certificate-chain', CA, ...ignore(v)] })),
  ...versions.map((v) => ({ dir: `${v}-sigstore`, target: '', args: ['--identity', ID, '--identity-provider', ISSUER, ...ignore(v)] })),
];

function targetArgs(base: string, c: Case): string[] {
  const dir = path.join(base, c.dir);
  return c.target ? [path.join(dir, c.target), '--signature', path.join(dir, 'model.sig')] : [dir];
}

async function copyCase(c: Case): Promise<string> {
  const d = await tmpDir('modelsign-interop-');
  await cp(path.join(MT, c.dir), path.join(d, c.dir), { recursive: true });
  return d;
}

beforeAll(async () => {
  cache = await tmpDir('modelsign-cache-');
});
afterAll(cleanupTmp);

describe.skipIf(!HAS_SHARED)('model_signing corpus', () => {
  it.each(cases)('$dir verifies (exit 0)', async (c) => {
    const r = await verify([...targetArgs(MT, c), ...c.args, '--json']);
    expect(r.stderr).not.toMatch(/refused/);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.verified).toBe(true);
    expect(j.failures).toEqual([]);
  });

  it.each(cases)('$dir with a signed file changed exits 1', async (c) => {
    const d = await copyCase(c);
    const f = path.join(d, c.dir, 'signme-1');
    const b = await readFile(f);
    b[0] = b[0]! ^ 1;
    await writeFile(f, b);
    const r = await verify([...targetArgs(d, c), ...c.args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/signme-1: file content does not match the signature \[FILE_CHANGED\]/);
  });

  it.each(cases.filter((c) => c.target === ''))('$dir with an extra file exits 1, and 0 with --ignore-unsigned-files', async (c) => {
    const d = await copyCase(c);
    await writeFile(path.join(d, c.dir, 'extra.bin'), 'x');
    const r = await verify([...targetArgs(d, c), ...c.args]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FILE_UNEXPECTED extra\.bin/);
    const ok = await verify([...targetArgs(d, c), ...c.args, '--ignore-unsigned-files']);
    expect(ok.code).toBe(0);
  });

  it('v1.0.1 without --ignore-paths ignore-me reports the unsigned file', async () => {
    const r = await verify([path.join(MT, 'v1.0.1-elliptic-key'), '--key', PUB]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FILE_UNEXPECTED ignore-me/);
  });

  it('--ignore-unsigned-files still checks every listed file', async () => {
    const c = cases.find((x) => x.dir === 'v1.1.0-elliptic-key')!;
    const d = await copyCase(c);
    await writeFile(path.join(d, c.dir, 'signme-2'), 'changed');
    await writeFile(path.join(d, c.dir, 'unlisted'), 'fine');
    const r = await verify([...targetArgs(d, c), ...c.args, '--ignore-unsigned-files', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.failures).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', path: 'signme-2' })]);
  });

  it('--ignore-unsigned-files still reports a missing listed file', async () => {
    const c = cases.find((x) => x.dir === 'v1.1.0-certificate')!;
    const d = await copyCase(c);
    execFileSync('rm', [path.join(d, c.dir, 'signme-1')]);
    const r = await verify([...targetArgs(d, c), ...c.args, '--ignore-unsigned-files']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/signme-1: signed file is missing \[FILE_MISSING\]/);
  });

  describe('keys', () => {
    it.each(cases.filter((c) => c.dir.includes('elliptic')))('$dir with another key exits 1', async (c) => {
      const d = await tmpDir();
      const other = path.join(d, 'other.pub');
      await writeFile(other, generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }));
      const r = await verify([...targetArgs(MT, c), '--key', other, ...ignore(c.dir.slice(0, 6))]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\[(KEY_HINT_MISMATCH|SIG_INVALID)\]/);
    });

    it('a single-file signature (resource ".") does not verify a directory', async () => {
      const r = await verify([path.join(MT, 'v1.0.0-elliptic-key'), '--key', PUB]);
      expect(r.code).toBe(1);
    });
  });

  describe('certificate chains', () => {
    let otherRoot: string;
    beforeAll(async () => {
      const d = await tmpDir();
      otherRoot = path.join(d, 'other-root.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(d, 'k.pem'), '-subj', '/CN=root-ca', '-days', '10', '-out', otherRoot], { stdio: 'ignore' });
    });

    it.each(cases.filter((c) => c.dir.includes('certificate')))('$dir under another root CA exits 1', async (c) => {
      const r = await verify([...targetArgs(MT, c), '--certificate-chain', otherRoot, ...ignore(c.dir.slice(0, 6))]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/does not chain to a trusted root \(other-root\.pem\) \[CERT_CHAIN_UNTRUSTED\]/);
    });

    it('any of several roots suffices (repeatable --certificate-chain)', async () => {
      const r = await verify([path.join(MT, 'v1.1.0-certificate'), '--certificate-chain', otherRoot, '--certificate-chain', CA]);
      expect(r.code).toBe(0);
    });

    it('a key-signed bundle is not accepted by a certificate chain', async () => {
      const r = await verify([path.join(MT, 'v1.1.0-elliptic-key'), '--certificate-chain', CA]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\[SIG_WRONG_MATERIAL\]/);
    });

    it('a missing roots file is a usage error (exit 2)', async () => {
      const r = await verify([path.join(MT, 'v1.1.0-certificate'), '--certificate-chain', '/nonexistent/roots.pem']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/certificate chain file not found: \/nonexistent\/roots\.pem \[ROOTS_UNREADABLE\]/);
    });

    /** Issue a P-256 leaf under the corpus intermediate CA and sign a small model with it. */
    async function certModel(ext: string, days: number): Promise<{ dir: string }> {
      const d = await tmpDir();
      const keyPem = path.join(d, 'leaf.key');
      execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyPem]);
      execFileSync('openssl', ['req', '-new', '-key', keyPem, '-subj', '/CN=test-leaf', '-out', path.join(d, 'leaf.csr')]);
      await writeFile(path.join(d, 'ext.cnf'), ext);
      execFileSync(
        'openssl',
        ['x509', '-req', '-in', path.join(d, 'leaf.csr'), '-CA', path.join(KEYS, 'int-ca-cert.pem'), '-CAkey', path.join(KEYS, 'int-ca-priv.pem'), '-set_serial', '9', '-days', String(days), '-extfile', path.join(d, 'ext.cnf'), '-outform', 'DER', '-out', path.join(d, 'leaf.der')],
        { stdio: 'ignore' },
      );
      const model = path.join(d, 'model');
      await mkdir(model);
      await writeFile(path.join(model, 'w.bin'), bytes(1000, 5));
      const digest = createHash('sha256').update(bytes(1000, 5)).digest('hex');
      const payload = Buffer.from(statementText({ name: 'model', resources: [{ name: 'w.bin', digest, algorithm: 'sha256' }], serializationJson: '{"method": "files", "hash_type": "sha256", "allow_symlinks": false}' }));
      const intDer = Buffer.from((await readFile(path.join(KEYS, 'int-ca-cert.pem'), 'utf8')).split('-----BEGIN CERTIFICATE-----')[1]!.split('-----END')[0]!.replace(/\s+/g, ''), 'base64');
      const bundle = bundleFor({ payload, key: createPrivateKey(await readFile(keyPem)), material: { certificates: [await readFile(path.join(d, 'leaf.der')), intDer] }, keyid: 'null' });
      await writeFile(path.join(model, 'model.sig'), JSON.stringify(bundle));
      return { dir: model };
    }

    it('a leaf with digitalSignature chained leaf -> intermediate -> root verifies', async () => {
      const m = await certModel('keyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n', 5);
      const r = await verify([m.dir, '--certificate-chain', CA]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/signer: +certificate "CN=test-leaf" issued under root "CN=root-ca"/);
    });

    it('a leaf with only the codeSigning extended key usage verifies', async () => {
      const m = await certModel('extendedKeyUsage=codeSigning\n', 5);
      expect((await verify([m.dir, '--certificate-chain', CA])).code).toBe(0);
    });

    it('a leaf that may not sign exits 1', async () => {
      const m = await certModel('keyUsage=critical,keyEncipherment\nextendedKeyUsage=serverAuth\n', 5);
      const r = await verify([m.dir, '--certificate-chain', CA]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/"CN=test-leaf" is not allowed to sign .*\[CERT_USAGE\]/);
    });

    it('an expired leaf exits 1 (validity judged at verification time)', async () => {
      const m = await certModel('keyUsage=critical,digitalSignature\n', -1);
      const r = await verify([m.dir, '--certificate-chain', CA]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/signing certificate "CN=test-leaf" expired .*\[CERT_EXPIRED\]/);
    });

    it('a non-CA certificate used as an intermediate breaks the chain', async () => {
      const d = await tmpDir();
      const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
      // mid: an end-entity certificate (CA:FALSE) under the corpus intermediate; leaf under mid.
      for (const n of ['mid', 'leaf']) run(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path.join(d, `${n}.key`)]);
      run(['req', '-new', '-key', path.join(d, 'mid.key'), '-subj', '/CN=not-a-ca', '-out', path.join(d, 'mid.csr')]);
      // No key usage on mid: OpenSSL's issuer check would already refuse it for lacking keyCertSign.
      await writeFile(path.join(d, 'mid.cnf'), 'basicConstraints=critical,CA:FALSE\n');
      run(['x509', '-req', '-in', path.join(d, 'mid.csr'), '-CA', path.join(KEYS, 'int-ca-cert.pem'), '-CAkey', path.join(KEYS, 'int-ca-priv.pem'), '-set_serial', '11', '-days', '5', '-extfile', path.join(d, 'mid.cnf'), '-out', path.join(d, 'mid.pem')]);
      run(['req', '-new', '-key', path.join(d, 'leaf.key'), '-subj', '/CN=under-a-leaf', '-out', path.join(d, 'leaf.csr')]);
      await writeFile(path.join(d, 'leaf.cnf'), 'keyUsage=critical,digitalSignature\n');
      run(['x509', '-req', '-in', path.join(d, 'leaf.csr'), '-CA', path.join(d, 'mid.pem'), '-CAkey', path.join(d, 'mid.key'), '-set_serial', '12', '-days', '5', '-extfile', path.join(d, 'leaf.cnf'), '-outform', 'DER', '-out', path.join(d, 'leaf.der')]);
      const pemDer = async (f: string) => Buffer.from((await readFile(f, 'utf8')).split('-----BEGIN CERTIFICATE-----')[1]!.split('-----END')[0]!.replace(/\s+/g, ''), 'base64');
      const m = await certModel('keyUsage=critical,digitalSignature\n', 5);
      const sigPath = path.join(m.dir, 'model.sig');
      const b = JSON.parse(await readFile(sigPath, 'utf8'));
      const payload = Buffer.from(b.dsseEnvelope.payload, 'base64');
      const bundle = bundleFor({
        payload,
        key: createPrivateKey(await readFile(path.join(d, 'leaf.key'))),
        material: { certificates: [await readFile(path.join(d, 'leaf.der')), await pemDer(path.join(d, 'mid.pem')), await pemDer(path.join(KEYS, 'int-ca-cert.pem'))] },
      });
      await writeFile(sigPath, JSON.stringify(bundle));
      const r = await verify([m.dir, '--certificate-chain', CA]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/intermediate certificate "CN=not-a-ca" is not a CA certificate \[CERT_CHAIN_INVALID\]/);
    });

    it('a certificate in the bundle that cannot be parsed exits 1', async () => {
      const m = await certModel('keyUsage=critical,digitalSignature\n', 5);
      const sigPath = path.join(m.dir, 'model.sig');
      const b = JSON.parse(await readFile(sigPath, 'utf8'));
      b.verificationMaterial.x509CertificateChain.certificates[0].rawBytes = Buffer.from('not a certificate').toString('base64');
      await writeFile(sigPath, JSON.stringify(b));
      const r = await verify([m.dir, '--certificate-chain', CA]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/certificate 0 in the signature cannot be parsed.*\[CERT_MALFORMED\]/);
    });

    it('a roots file without a certificate is a usage error (exit 2)', async () => {
      const r = await verify([path.join(MT, 'v1.1.0-certificate'), '--certificate-chain', PUB]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/signing-key-pub\.pem holds no PEM certificate \[ROOTS_UNREADABLE\]/);
    });

    it('without the intermediate in the bundle the chain is untrusted', async () => {
      const m = await certModel('keyUsage=critical,digitalSignature\n', 5);
      const sigPath = path.join(m.dir, 'model.sig');
      const b = JSON.parse(await readFile(sigPath, 'utf8'));
      b.verificationMaterial.x509CertificateChain.certificates.pop();
      await writeFile(sigPath, JSON.stringify(b));
      const r = await verify([m.dir, '--certificate-chain', CA]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\[CERT_CHAIN_UNTRUSTED\]/);
    });
  });

  describe('Sigstore keyless, offline', () => {
    const sig = (v: string) => path.join(MT, `${v}-sigstore`);

    it.each([
      ['a wrong identity', ['--identity', 'someone@example.com', '--identity-provider', ISSUER], 'IDENTITY_MISMATCH'],
      ['a prefix of the identity', ['--identity', 'stefanb@us.ibm.co', '--identity-provider', ISSUER], 'IDENTITY_MISMATCH'],
      ['a regexp matching only a prefix', ['--identity-regexp', 'stefanb@us', '--identity-provider', ISSUER], 'IDENTITY_MISMATCH'],
      ['a wrong issuer', ['--identity', ID, '--identity-provider', 'https://accounts.google.com'], 'ISSUER_MISMATCH'],
      ['an issuer that is a prefix', ['--identity', ID, '--identity-provider', 'https://sigstore.verify.ibm.com'], 'ISSUER_MISMATCH'],
    ])('%s exits 1', async (_what, args, code) => {
      for (const v of ['v1.0.0', 'v1.1.0']) {
        const r = await verify([sig(v), ...(args as string[])]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`[${code}]`);
      }
    });

    it('an anchored regexp matching the whole identity verifies', async () => {
      const r = await verify([sig('v1.1.0'), '--identity-regexp', 'stefanb@us\\.ibm\\.com', '--identity-provider', ISSUER, '--json']);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.signerInfo).toMatchObject({ kind: 'sigstore', identity: ID, issuer: ISSUER });
    });

    it('without --identity-provider it verifies but warns that any issuer is accepted', async () => {
      const r = await verify([sig('v1.0.1'), '--identity', ID, '--ignore-paths', 'ignore-me']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('modelsign: warning: no --identity-provider: the identity is accepted from any OIDC issuer Fulcio trusts\n');
    });

    it('the same warning is one JSON event under --log-format json', async () => {
      const r = await verify([sig('v1.0.1'), '--identity', ID, '--ignore-paths', 'ignore-me', '--log-format', 'json']);
      expect(r.code).toBe(0);
      const ev = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(ev.filter((e) => e.event === 'warning')).toEqual([
        expect.objectContaining({ level: 'warn', message: 'no --identity-provider: the identity is accepted from any OIDC issuer Fulcio trusts' }),
      ]);
    });

    it('any of several identities suffices', async () => {
      const r = await verify([sig('v1.1.0'), '--identity', 'a@example.com', '--identity', ID, '--identity-provider', ISSUER]);
      expect(r.code).toBe(0);
    });

    it('with no identity at all it refuses to run (exit 2)', async () => {
      const none = await verify([sig('v1.1.0')]);
      expect(none.code).toBe(2);
      const keyOnly = await verify([sig('v1.1.0'), '--key', PUB]);
      expect(keyOnly.code).toBe(2);
      expect(keyOnly.stderr).toMatch(/Sigstore keyless signature: give the identity you trust.*\[MISSING_IDENTITY\]/);
      const issuerOnly = await verify([sig('v1.1.0'), '--identity-provider', ISSUER]);
      expect(issuerOnly.code).toBe(2);
      expect(issuerOnly.stderr).toMatch(/\[MISSING_IDENTITY\]/);
    });

    it('a Sigstore bundle under a trusted root that does not list its CA exits 1', async () => {
      const d = await tmpDir();
      const { shippedSnapshot } = await import(path.join(ROOT, 'dist/sigstore/trusted-root.js'));
      const root = JSON.parse(shippedSnapshot().text);
      const caDer = Buffer.from((await readFile(CA, 'utf8')).split('-----BEGIN CERTIFICATE-----')[1]!.split('-----END')[0]!.replace(/\s+/g, ''), 'base64');
      for (const ca of root.certificateAuthorities) ca.certChain.certificates = [{ rawBytes: caDer.toString('base64') }];
      const file = path.join(d, 'other-root.json');
      await writeFile(file, JSON.stringify(root));
      const r = await verify([sig('v1.1.0'), '--identity', ID, '--identity-provider', ISSUER, '--trusted-root', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Sigstore verification failed: .*\[SIGSTORE_CERT_INVALID\]/);
    });

    it('an edited log time (the time the certificate is judged at) breaks the signed entry timestamp', async () => {
      const d = await tmpDir();
      await cp(sig('v1.0.0'), path.join(d, 'm'), { recursive: true });
      const f = path.join(d, 'm', 'model.sig');
      const b = JSON.parse(await readFile(f, 'utf8'));
      b.verificationMaterial.tlogEntries[0].integratedTime = String(Number(b.verificationMaterial.tlogEntries[0].integratedTime) + 60);
      await writeFile(f, JSON.stringify(b));
      const r = await verify([path.join(d, 'm'), '--identity', ID, '--identity-provider', ISSUER]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\[SIGSTORE_TLOG_INVALID\]/);
    });

    it('an edited payload under the kept signature exits 1', async () => {
      const d = await tmpDir();
      await cp(sig('v1.1.0'), path.join(d, 'm'), { recursive: true });
      const f = path.join(d, 'm', 'model.sig');
      const b = JSON.parse(await readFile(f, 'utf8'));
      const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString());
      st.subject[0].name = 'other';
      b.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
      await writeFile(f, JSON.stringify(b));
      const r = await verify([path.join(d, 'm'), '--identity', ID, '--identity-provider', ISSUER]);
      expect(r.code).toBe(1);
    });

    it('an unreadable --trusted-root is a usage error (exit 2)', async () => {
      const r = await verify([sig('v1.1.0'), '--identity', ID, '--identity-provider', ISSUER, '--trusted-root', '/nonexistent.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/trusted root not found: \/nonexistent\.json \[TRUSTED_ROOT_UNREADABLE\]/);
    });

    it('inspect names the Fulcio identity (certificate with an empty subject)', async () => {
      const r = await runCli(['inspect', path.join(sig('v1.1.0'), 'model.sig')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/claimed signer: certificate email:stefanb@us\.ibm\.com \(issued by O=sigstore\.dev, CN=sigstore-intermediate\)/);
    });

    it('a certificate-chain check does not accept a Fulcio certificate that expired long ago', async () => {
      const r = await verify([sig('v1.1.0'), '--certificate-chain', CA]);
      expect(r.code).toBe(1);
    });
  });

  describe('legacy v0.2 (Digests/v0.1 predicate, legacy PAE)', () => {
    it('an edited payload does not verify', async () => {
      const d = await tmpDir();
      await cp(path.join(MT, 'v0.2.0-certificate'), path.join(d, 'm'), { recursive: true });
      const f = path.join(d, 'm', 'model.sig');
      const b = JSON.parse(await readFile(f, 'utf8'));
      const text = Buffer.from(b.dsseEnvelope.payload, 'base64').toString().replace('signme-2', 'signme-3');
      b.dsseEnvelope.payload = Buffer.from(text).toString('base64');
      await writeFile(f, JSON.stringify(b));
      const r = await verify([path.join(d, 'm'), '--certificate-chain', CA]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\[SIG_INVALID\]/);
    });

    it('inspect describes it', async () => {
      const r = await runCli(['inspect', path.join(MT, 'v0.2.0-certificate', 'model.sig'), '--json']);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.format).toBe('legacy-v0.1');
      expect(j.resources.map((x: { name: string }) => x.name)).toEqual(['signme-1', 'signme-2']);
    });
  });
});

describe('variant forms written by other tools', () => {
  async function model(files: Record<string, Buffer>): Promise<string> {
    const d = path.join(await tmpDir(), 'm');
    await mkdir(d);
    for (const [n, b] of Object.entries(files)) await writeFile(path.join(d, n), b);
    return d;
  }
  async function pubFile(key: KeyObject, prefix = ''): Promise<string> {
    const f = path.join(await tmpDir(), 'k.pub');
    await writeFile(f, prefix + key.export({ type: 'spki', format: 'pem' }).toString());
    return f;
  }
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const files = { 'a.bin': bytes(3000, 1), 'b.txt': Buffer.from('hello') };
  const ser = '{"method": "files", "hash_type": "sha256", "allow_symlinks": false}';
  const res: Res[] = [
    { name: 'a.bin', digest: sha(files['a.bin']), algorithm: 'sha256' },
    { name: 'b.txt', digest: sha(files['b.txt']), algorithm: 'sha256' },
  ];

  it.each([
    ['Ed25519', () => generateKeyPairSync('ed25519')],
    ['ECDSA P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['ECDSA P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['ECDSA P-521', () => generateKeyPairSync('ec', { namedCurve: 'P-521' })],
  ])('%s with hint and rawBytes material, every keyid form', async (_n, gen) => {
    const { privateKey, publicKey } = gen();
    const dir = await model(files);
    const pub = await pubFile(publicKey, 'Public Key Info:\n\tsome text dump before the block\n');
    const payload = Buffer.from(statementText({ name: 'm', resources: res, serializationJson: ser }));
    for (const material of ['hint', 'rawBytes'] as const) {
      for (const keyid of ['empty', 'null', 'absent', 'value'] as const) {
        await writeFile(path.join(dir, 'model.sig'), JSON.stringify(bundleFor({ payload, key: privateKey, material, keyid })));
        const r = await verify([dir, '--key', pub]);
        expect({ material, keyid, code: r.code, err: r.stderr }).toEqual({ material, keyid, code: 0, err: '' });
      }
    }
    await writeFile(path.join(dir, 'b.txt'), 'hellO');
    expect((await verify([dir, '--key', pub])).code).toBe(1);
  });

  it('blake2b and blake3 hash_type', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pub = await pubFile(publicKey);
    const hashers = {
      blake2b: (b: Buffer) => createHash('blake2b512').update(b).digest('hex'),
      blake3: (b: Buffer) => Buffer.from(blake3(b)).toString('hex'),
    };
    for (const [alg, h] of Object.entries(hashers)) {
      const dir = await model(files);
      const r2: Res[] = Object.entries(files).map(([name, b]) => ({ name, digest: h(b), algorithm: alg }));
      const payload = Buffer.from(statementText({ name: 'm', resources: r2, serializationJson: `{"method": "files", "hash_type": "${alg}", "allow_symlinks": false}` }));
      await writeFile(path.join(dir, 'model.sig'), JSON.stringify(bundleFor({ payload, key: privateKey, material: 'hint' })));
      const ok = await verify([dir, '--key', pub]);
      expect({ alg, code: ok.code, err: ok.stderr }).toEqual({ alg, code: 0, err: '' });
      await writeFile(path.join(dir, 'a.bin'), bytes(3000, 2));
      const bad = await verify([dir, '--key', pub]);
      expect({ alg, code: bad.code }).toEqual({ alg, code: 1 });
    }
  });

  it.each([
    ['integer shard_size, plain algorithm names', '1000', () => `sha256`],
    ['float shard_size, sha256-sharded-N algorithm names', '1000.0', (n: number) => `sha256-sharded-${n}`],
  ])('shards: %s', async (_what, sizeText, algName) => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pub = await pubFile(publicKey);
    const big = bytes(2500, 3);
    const dir = await model({ 'w.bin': big, 'e.txt': Buffer.alloc(0) });
    const shards: Res[] = [
      { name: 'e.txt:0:0', digest: sha(Buffer.alloc(0)), algorithm: algName(1000) },
      { name: 'w.bin:0:1000', digest: sha(big.subarray(0, 1000)), algorithm: algName(1000) },
      { name: 'w.bin:1000:2000', digest: sha(big.subarray(1000, 2000)), algorithm: algName(1000) },
      { name: 'w.bin:2000:2500', digest: sha(big.subarray(2000)), algorithm: algName(1000) },
    ];
    const payload = Buffer.from(
      statementText({ name: 'm', resources: shards, serializationJson: `{"method": "shards", "hash_type": "sha256", "shard_size": ${sizeText}, "allow_symlinks": false}` }),
    );
    expect(payload.toString()).toContain(`"shard_size": ${sizeText}`);
    await writeFile(path.join(dir, 'model.sig'), JSON.stringify(bundleFor({ payload, key: privateKey, material: 'hint' })));
    const ok = await verify([dir, '--key', pub]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const changed = Buffer.from(big);
    changed[1500] = changed[1500]! ^ 0xff;
    await writeFile(path.join(dir, 'w.bin'), changed);
    const bad = await verify([dir, '--key', pub]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/w\.bin: file content does not match the signature \[FILE_CHANGED\]/);
  });

  it('a model_signing v0.2 key signature (legacy predicate, legacy PAE, SHA-256 on P-384, rawBytes key)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pub = await pubFile(publicKey);
    const dir = await model(files);
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: Object.entries(files).map(([name, b]) => ({ name, digest: { sha256: sha(b) }, annotations: { actual_hash_algorithm: 'file-sha256' } })),
      predicateType: 'https://model_signing/Digests/v0.1',
      predicate: { unused: 'Unused, just passed due to API requirements' },
    };
    const payload = Buffer.from(JSON.stringify(statement, null, 2));
    // What v0.2.0 signed: its f-string PAE with Python's repr() of the payload bytes.
    const repr = execFileSync('python3', ['-c', 'import sys; d=sys.stdin.buffer.read(); sys.stdout.write("DSSEV1 28 application/vnd.in-toto+json %d %s" % (len(d), d))'], { input: payload });
    const { sign: cSign } = await import('node:crypto');
    const sig = cSign('sha256', repr, privateKey).toString('base64');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { rawBytes: Buffer.from(pem).toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256' } },
      dsseEnvelope: { payload: payload.toString('base64'), payloadType: 'application/vnd.in-toto+json', signatures: [{ sig, keyid: null }] },
    };
    await writeFile(path.join(dir, 'model.sig'), JSON.stringify(bundle));
    const ok = await verify([dir, '--key', pub, '--json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).name).toBe('compat-undefined-not-present');
    await writeFile(path.join(dir, 'b.txt'), 'changed');
    expect((await verify([dir, '--key', pub])).code).toBe(1);
    // The legacy PAE is never accepted for a v1.0 payload.
    const v1 = Buffer.from(statementText({ name: 'm', resources: res, serializationJson: ser }));
    const v1Repr = execFileSync('python3', ['-c', 'import sys; d=sys.stdin.buffer.read(); sys.stdout.write("DSSEV1 28 application/vnd.in-toto+json %d %s" % (len(d), d))'], { input: v1 });
    await writeFile(path.join(dir, 'b.txt'), files['b.txt']);
    bundle.dsseEnvelope.payload = v1.toString('base64');
    bundle.dsseEnvelope.signatures[0]!.sig = cSign('sha256', v1Repr, privateKey).toString('base64');
    await writeFile(path.join(dir, 'model.sig'), JSON.stringify(bundle));
    const refused = await verify([dir, '--key', pub]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\[SIG_INVALID\]/);
  });

  it('single-file model: resource named "." or by the file name', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pub = await pubFile(publicKey);
    const d = await tmpDir();
    const file = path.join(d, 'weights.bin');
    await writeFile(file, bytes(500, 9));
    for (const name of ['.', 'weights.bin']) {
      const payload = Buffer.from(statementText({ name: 'weights.bin', resources: [{ name, digest: sha(bytes(500, 9)), algorithm: 'sha256' }], serializationJson: ser }));
      await writeFile(`${file}.sig`, JSON.stringify(bundleFor({ payload, key: privateKey, material: 'rawBytes' })));
      const r = await verify([file, '--key', pub]);
      expect({ name, code: r.code, err: r.stderr }).toEqual({ name, code: 0, err: '' });
    }
  });
});

describe.skipIf(!HAS_SHARED)('modelsign signs with the corpus P-384 key', () => {
  it('passes the independent OMS check and verifies with the corpus public key', async () => {
    const d = await tmpDir();
    const m = path.join(d, 'model');
    await mkdir(path.join(m, 'sub'), { recursive: true });
    await writeFile(path.join(m, 'weights.safetensors'), bytes(200_000, 4));
    await writeFile(path.join(m, 'sub', 'config.json'), '{"a":1}');
    await writeFile(path.join(m, 'empty'), '');
    const s = await runCli(['sign', m, '--key', path.join(KEYS, 'signing-key.pem'), '--version', '1.0.0']);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const check = execFileSync('python3', [path.join(ROOT, 'test/helpers/oms_check.py'), path.join(m, 'model.sig'), PUB, m], { encoding: 'utf8' });
    expect(check.trim()).toBe('OK');
    expect((await verify([m, '--key', PUB])).code).toBe(0);
    // The independent check fails closed too.
    await writeFile(path.join(m, 'sub', 'config.json'), '{"a":2}');
    let failed = false;
    try {
      execFileSync('python3', [path.join(ROOT, 'test/helpers/oms_check.py'), path.join(m, 'model.sig'), PUB, m], { encoding: 'utf8' });
    } catch (e) {
      failed = (e as { status?: number }).status === 1;
    }
    expect(failed).toBe(true);
  });
});
