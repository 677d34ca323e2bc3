/**
 * Certificate signing (sign --key K --signing-certificate LEAF --certificate-chain CHAIN) and
 * RFC 3161 timestamps on key and certificate signatures (--tsa-url, verify
 * --timestamp-authority), against a test PKI made with openssl and a real TSA on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bytes, cleanupTmp, HAS_SHARED, runCli, SHARED, tmpDir } from '../helpers/cli.js';
import { DAY, der, issue, makeCa, type Issued } from '../helpers/pki.js';
import { startTsa, type TestTsa } from '../helpers/tsa.js';
import { json } from '../helpers/verify-json.js';

let dir: string;
let model: string;
let root: Issued;
let int: Issued;
let leaf: Issued;
const servers: TestTsa[] = [];

beforeAll(async () => {
  dir = await tmpDir();
  ({ root, int } = await makeCa(dir));
  leaf = await issue(dir, 'release-signer', { issuer: int });
  model = path.join(dir, 'model');
  await mkdir(path.join(model, 'sub'), { recursive: true });
  await writeFile(path.join(model, 'weights.bin'), bytes(20_000, 4));
  await writeFile(path.join(model, 'sub', 'config.json'), '{"a":1}');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await cleanupTmp();
});

async function tsa(opts: Parameters<typeof startTsa>[0] = {}): Promise<TestTsa & { chainFile: string; rootFile: string }> {
  const t = await startTsa(opts);
  servers.push(t);
  const chainFile = path.join(dir, `tsa-${servers.length}-chain.pem`);
  const rootFile = path.join(dir, `tsa-${servers.length}-root.pem`);
  await writeFile(chainFile, t.chainPem);
  await writeFile(rootFile, t.rootPem);
  return Object.assign(t, { chainFile, rootFile });
}

const sigPath = (name: string) => path.join(dir, `${name}.sig`);
const bundleOf = async (name: string) => JSON.parse(await readFile(sigPath(name), 'utf8'));

function sign(name: string, key: string, extra: string[] = []) {
  return runCli(['sign', model, '--key', key, '--version', '1.0.0', '--signature', sigPath(name), ...extra]);
}

describe('certificate signing', () => {
  it('writes the signing certificate and the chain as x509CertificateChain, and verify accepts it', async () => {
    const s = await sign('cert', leaf.key, ['--signing-certificate', leaf.cert, '--certificate-chain', int.cert]);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const b = await bundleOf('cert');
    expect(b.verificationMaterial.x509CertificateChain.certificates.map((c: { rawBytes: string }) => c.rawBytes)).toEqual([(await der(leaf.cert)).toString('base64'), (await der(int.cert)).toString('base64')]);
    const v = await runCli(['verify', model, '--signature', sigPath('cert'), '--certificate-chain', root.cert, '--json']);
    expect(v.code, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout).signerInfo).toMatchObject({ kind: 'certificate', identity: 'CN=release-signer' });
    // The same trust checks as for any certificate signature: another root is refused.
    const other = await makeCa(path.join(dir, 'other'));
    const w = await runCli(['verify', model, '--signature', sigPath('cert'), '--certificate-chain', other.root.cert]);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/does not chain to a trusted root .*\[CERT_CHAIN_UNTRUSTED\]/);
  });

  it.skipIf(!HAS_SHARED)("has the shape model_signing writes (its v1.1.0 certificate bundle's fields)", async () => {
    const theirs = JSON.parse(await readFile(path.join(SHARED, 'model-transparency/v1.1.0-certificate/model.sig'), 'utf8'));
    const ours = await bundleOf('cert');
    const shape = (b: { verificationMaterial: object; dsseEnvelope: { signatures: object[] } }) => ({
      top: Object.keys(b).sort(),
      material: Object.keys(b.verificationMaterial).sort(),
      envelope: Object.keys(b.dsseEnvelope).sort(),
      signature: Object.keys(b.dsseEnvelope.signatures[0]!).sort(),
      media: (b as { mediaType?: string }).mediaType,
    });
    expect(shape(ours)).toEqual(shape(theirs));
    expect(ours.dsseEnvelope.signatures[0].keyid).toBe(theirs.dsseEnvelope.signatures[0].keyid);
  });

  it('a certificate for another key is refused before hashing (exit 2), nothing written', async () => {
    const stranger = await issue(dir, 'stranger', { issuer: int });
    const s = await sign('mismatch', stranger.key, ['--signing-certificate', leaf.cert, '--certificate-chain', int.cert]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/modelsign: error: .*cert\.pem certifies another public key \(sha256:[0-9a-f]{16}…\) than that of key .*key\.pem \(sha256:[0-9a-f]{16}…\) \[CERT_KEY_MISMATCH\]/);
    expect(existsSync(sigPath('mismatch'))).toBe(false);
  });

  it.each([
    ['an expired certificate', { from: new Date(Date.now() - 10 * DAY), to: new Date(Date.now() - DAY) }, /signing certificate "CN=\S+" expired .* \[CERT_EXPIRED\]/],
    ['a certificate that may not sign', { ext: 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,keyEncipherment\nextendedKeyUsage=serverAuth\n' }, /is not allowed to sign .*\[CERT_USAGE\]/],
  ])('%s is refused at sign (exit 2), nothing written', async (_what, opts, msg) => {
    const bad = await issue(dir, `bad-${Math.random().toString(36).slice(2, 8)}`, { issuer: int, ...opts });
    const s = await sign('bad-cert', bad.key, ['--signing-certificate', bad.cert, '--certificate-chain', int.cert]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/the certificate signature would not verify: /);
    expect(s.stderr).toMatch(msg);
    expect(existsSync(sigPath('bad-cert'))).toBe(false);
  });

  it('a chain that did not issue the certificate is refused at sign', async () => {
    const other = await makeCa(path.join(dir, 'unrelated'));
    const s = await sign('unrelated', leaf.key, ['--signing-certificate', leaf.cert, '--certificate-chain', other.int.cert]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/does not chain to a trusted root \(cert\.pem\) \[CERT_CHAIN_UNTRUSTED\]/);
  });

  it('--certificate-chain needs --signing-certificate; --keyless takes neither', async () => {
    const a = await sign('x', leaf.key, ['--certificate-chain', int.cert]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('sign --certificate-chain needs --signing-certificate [BAD_OPTION]');
    const b = await runCli(['sign', model, '--keyless', '--signing-certificate', leaf.cert, '--version', '1.0.0']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('[BAD_OPTION]');
  });

  it('a signing certificate file that is not there or holds no certificate is a usage error', async () => {
    const a = await sign('x', leaf.key, ['--signing-certificate', path.join(dir, 'nope.pem')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/signing certificate not found: .*nope\.pem \[CERT_UNREADABLE\]/);
    const b = await sign('x', leaf.key, ['--signing-certificate', leaf.pub]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/pub\.pem holds no PEM certificate \[CERT_UNREADABLE\]/);
  });
});

describe('RFC 3161 timestamps', () => {
  it('an expired certificate with a timestamp inside its validity verifies; without the TSA trusted it is refused', async () => {
    // The certificate was valid from 5 days ago to 1 day ago; the TSA stamped 3 days ago.
    const old = await issue(dir, 'expired-but-stamped', { issuer: int, from: new Date(Date.now() - 5 * DAY), to: new Date(Date.now() - DAY) });
    const t = await tsa({ clock: new Date(Date.now() - 3 * DAY) });
    const s = await sign('stamped-cert', old.key, ['--signing-certificate', old.cert, '--certificate-chain', int.cert, '--tsa-url', t.url]);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    expect(t.hits).toBe(2); // the check before hashing, then the signature
    const b = await bundleOf('stamped-cert');
    expect(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);

    const args = ['verify', model, '--signature', sigPath('stamped-cert'), '--certificate-chain', root.cert];
    const ok = await runCli([...args, '--timestamp-authority', t.chainFile, '--json']);
    expect(ok.code, ok.stdout).toBe(0);
    const signer = JSON.parse(ok.stdout).signerInfo;
    expect(Math.abs(Date.parse(signer.signedAt) - (Date.now() - 3 * DAY))).toBeLessThan(60_000);
    expect((await runCli([...args, '--timestamp-authority', t.chainFile])).stdout).toMatch(/signer: +certificate "CN=expired-but-stamped" .*, time-stamped 20\d\d-/);

    const noTsa = await runCli(args);
    expect(noTsa.code).toBe(1);
    expect(noTsa.stderr).toMatch(/expired .*the signature carries an RFC 3161 timestamp, which is used only with --timestamp-authority TSA_CHAIN\.pem \[CERT_EXPIRED\]/);

    const stranger = await tsa();
    const untrusted = await runCli([...args, '--timestamp-authority', stranger.chainFile, '--json']);
    expect(untrusted.code).toBe(1);
    expect(json(untrusted).failures[0]!.code).toBe('TIMESTAMP_INVALID');
    expect(json(untrusted).failures[0]!.message).toMatch(/timestamp 0 \(.*\) is not from a trusted timestamp authority/);
    // The TSA's root alone does not name its signing certificate: not enough to trust it.
    const rootOnly = await runCli([...args, '--timestamp-authority', t.rootFile, '--json']);
    expect(rootOnly.code).toBe(1);
    expect(json(rootOnly).failures[0]!.code).toBe('TIMESTAMP_INVALID');
  });

  it('a certificate that was not valid at the stamped time is refused at sign', async () => {
    const old = await issue(dir, 'expired-now', { issuer: int, from: new Date(Date.now() - 5 * DAY), to: new Date(Date.now() - DAY) });
    const t = await tsa();
    const s = await sign('stamped-late', old.key, ['--signing-certificate', old.cert, '--certificate-chain', int.cert, '--tsa-url', t.url]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/expired .*\[CERT_EXPIRED\]/);
    expect(existsSync(sigPath('stamped-late'))).toBe(false);
  });

  it('a key signature carries a timestamp; verify checks it when a TSA is trusted', async () => {
    const t = await tsa();
    const s = await sign('stamped-key', leaf.key, ['--tsa-url', t.url]);
    expect(s.code, s.stderr).toBe(0);
    const b = await bundleOf('stamped-key');
    expect(Object.keys(b.verificationMaterial).sort()).toEqual(['publicKey', 'timestampVerificationData', 'tlogEntries']);
    const args = ['verify', model, '--signature', sigPath('stamped-key'), '--key', leaf.pub];
    expect((await runCli(args)).code).toBe(0);
    const ok = await runCli([...args, '--timestamp-authority', t.chainFile, '--json']);
    expect(ok.code).toBe(0);
    expect(Math.abs(Date.parse(JSON.parse(ok.stdout).signerInfo.signedAt) - Date.now())).toBeLessThan(120_000);
    const stranger = await tsa();
    const bad = await runCli([...args, '--timestamp-authority', stranger.chainFile, '--json']);
    expect(bad.code).toBe(1);
    expect(json(bad).failures[0]!.code).toBe('TIMESTAMP_INVALID');
  });

  it('a timestamp taken from another signature is refused', async () => {
    const t = await tsa();
    expect((await sign('first', leaf.key, ['--tsa-url', t.url])).code).toBe(0);
    expect((await sign('second', leaf.key, ['--tsa-url', t.url, '--name', 'other'])).code).toBe(0);
    const a = await bundleOf('first');
    const b = await bundleOf('second');
    a.verificationMaterial.timestampVerificationData = b.verificationMaterial.timestampVerificationData;
    await writeFile(sigPath('swapped'), JSON.stringify(a));
    const r = await runCli(['verify', model, '--signature', sigPath('swapped'), '--key', leaf.pub, '--timestamp-authority', t.chainFile, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]!.code).toBe('TIMESTAMP_INVALID');
  });

  it('a TSA that cannot be reached fails sign with TIMESTAMP_FAILED (exit 1) before hashing, nothing written', async () => {
    const t = await tsa();
    await t.close();
    servers.splice(servers.indexOf(t), 1);
    const s = await sign('tsa-down', leaf.key, ['--tsa-url', t.url]);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(new RegExp(`time-stamping failed \\(${t.url.replace(/[.]/g, '\\.')}\\): .*\\[TIMESTAMP_FAILED\\]`));
    expect(existsSync(sigPath('tsa-down'))).toBe(false);
  });

  it('a --timestamp-authority file that is missing or holds no certificate is a usage error', async () => {
    expect((await sign('plain', leaf.key)).code).toBe(0);
    const args = ['verify', model, '--signature', sigPath('plain'), '--key', leaf.pub];
    const a = await runCli([...args, '--timestamp-authority', path.join(dir, 'missing.pem')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/timestamp authority file not found: .*missing\.pem \[TSA_UNREADABLE\]/);
    const b = await runCli([...args, '--timestamp-authority', leaf.pub]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/holds no PEM certificate \(it needs the TSA's signing certificate, then its chain\) \[TSA_UNREADABLE\]/);
  });
});
