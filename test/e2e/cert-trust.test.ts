/**
 * Certificates used as model signers under `--certificate-chain ROOT`, end to end with the
 * built CLI: certificates made with the openssl command line, bundles signed with node:crypto.
 * A certificate the root issued for something else (a TLS server), one with a critical
 * extension nobody processes, one under an intermediate restricted to other purposes, and one
 * whose bundle carries a malformed extension are each refused with exit 1 and their code - in
 * verify, in a policy's `trust.certificateChains`, and in lineage walks.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { CA_EXT, CODE_SIGNING_EXT, certBundle, issue, makeRoot, type Issued } from '../helpers/certs.js';

let dir: string;
let root: Issued;
let mid: Issued;
let leaf: Issued;
let key: { key: string; pub: string };

afterAll(cleanupTmp);

/** A model signed with a throwaway key: its payload is re-signed below by a certificate. */
async function model(name: string, extra: string[] = []): Promise<{ dir: string; payload: Buffer }> {
  const m = path.join(dir, name);
  await mkdir(m, { recursive: true });
  await writeFile(path.join(m, 'w.bin'), bytes(2000, name.length));
  await writeFile(path.join(m, 'config.json'), '{}');
  const r = await runCli(['sign', m, '--key', key.key, '--version', '1.0.0', '--name', name, '--license', 'apache-2.0', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const b = JSON.parse(await readFile(path.join(m, 'model.sig'), 'utf8'));
  return { dir: m, payload: Buffer.from(b.dsseEnvelope.payload, 'base64') };
}

/** Sign `payload` with `signer`, shipping `chain` (signer first) in the bundle, into `sig`. */
async function certSign(sig: string, payload: Buffer, signer: Issued, chain: Issued[]): Promise<Buffer> {
  const text = Buffer.from(JSON.stringify(await certBundle(payload, signer, chain.map((c) => c.der))));
  await writeFile(sig, text);
  return text;
}

const verify = (args: string[]) => runCli(['verify', ...args]);

beforeAll(async () => {
  dir = await tmpDir('modelsign-cert-');
  key = await keypair(dir);
  root = await makeRoot(dir);
  mid = await issue(dir, root, 'good-mid', CA_EXT);
  leaf = await issue(dir, mid, 'good-leaf', CODE_SIGNING_EXT);
});

describe('--certificate-chain: who may sign a model', () => {
  it('a codeSigning leaf under a plain intermediate verifies (control)', async () => {
    const m = await model('ok');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, leaf, [leaf, mid]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/signer: +certificate "CN=good-leaf" issued under root "CN=test-root"/);
  });

  it('a TLS server certificate (digitalSignature, EKU serverAuth only) -> exit 1 CERT_USAGE', async () => {
    const tls = await issue(dir, mid, 'tls-server', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:models.example.com\n');
    const m = await model('tls');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, tls, [tls, mid]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'modelsign: refused: signing certificate "CN=tls-server" is not allowed to sign models: its extended key usage (serverAuth (1.3.6.1.5.5.7.3.1)) does not include codeSigning [CERT_USAGE]\n',
    );
  });

  it('a leaf whose key usage leaves out digitalSignature, even with EKU codeSigning -> exit 1 CERT_USAGE', async () => {
    const c = await issue(dir, mid, 'enc-only', 'keyUsage=critical,keyEncipherment\nextendedKeyUsage=codeSigning\n');
    const m = await model('enc');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, c, [c, mid]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"CN=enc-only" is not allowed to sign models: its key usage does not include digitalSignature \[CERT_USAGE\]/);
  });

  it('a leaf with an unknown critical extension -> exit 1 CERT_CRITICAL_EXTENSION', async () => {
    const c = await issue(dir, mid, 'odd-critical', `${CODE_SIGNING_EXT}1.3.6.1.4.1.55555.7=critical,DER:05:00\n`);
    const m = await model('crit');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, c, [c, mid]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('modelsign: refused: signing certificate "CN=odd-critical" has a critical extension modelsign does not process: 1.3.6.1.4.1.55555.7 [CERT_CRITICAL_EXTENSION]\n');
  });

  it('an intermediate with a critical name constraint (not processed, so not accepted) -> exit 1 CERT_CRITICAL_EXTENSION', async () => {
    const nc = await issue(dir, root, 'constrained-mid', `${CA_EXT}nameConstraints=critical,permitted;DNS:example.com\n`);
    const c = await issue(dir, nc, 'under-constraint', CODE_SIGNING_EXT);
    const m = await model('nc');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, c, [c, nc]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/intermediate certificate "CN=constrained-mid" has a critical extension modelsign does not process: nameConstraints \(2\.5\.29\.30\) \[CERT_CRITICAL_EXTENSION\]/);
  });

  it('a leaf under an intermediate whose EKU excludes codeSigning -> exit 1 CERT_USAGE', async () => {
    const tlsCa = await issue(dir, root, 'tls-only-ca', `${CA_EXT}extendedKeyUsage=serverAuth,clientAuth\n`);
    const c = await issue(dir, tlsCa, 'leaf-under-tls-ca', CODE_SIGNING_EXT);
    const m = await model('tlsca');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, c, [c, tlsCa]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'modelsign: refused: intermediate certificate "CN=tls-only-ca" restricts its extended key usage to serverAuth (1.3.6.1.5.5.7.3.1), clientAuth (1.3.6.1.5.5.7.3.2), which excludes codeSigning [CERT_USAGE]\n',
    );
  });

  it('an intermediate whose EKU includes codeSigning is accepted (control)', async () => {
    const csCa = await issue(dir, root, 'code-signing-ca', `${CA_EXT}extendedKeyUsage=codeSigning\n`);
    const c = await issue(dir, csCa, 'leaf-under-cs-ca', CODE_SIGNING_EXT);
    const m = await model('csca');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, c, [c, csCa]);
    expect((await verify([m.dir, '--certificate-chain', root.pem])).code).toBe(0);
  });
});

describe('--certificate-chain: malformed certificate material is a refusal, never an internal error', () => {
  let bad: { mid: Issued; leaf: Issued };
  beforeAll(async () => {
    // basicConstraints SEQUENCE { INTEGER 0 }: a path length without the CA flag.
    const m = await issue(dir, root, 'bad-bc-mid', '2.5.29.19=critical,DER:30:03:02:01:00\nkeyUsage=critical,keyCertSign\n');
    bad = { mid: m, leaf: await issue(dir, m, 'under-bad-bc', CODE_SIGNING_EXT) };
  });
  const MALFORMED = /^modelsign: refused: certificate 1 in the signature cannot be parsed: extension basicConstraints: a path length without the CA flag \[CERT_MALFORMED\]\n$/;

  it('an intermediate with basicConstraints SEQUENCE { INTEGER 0 } -> exit 1 CERT_MALFORMED', async () => {
    const m = await model('badbc');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, bad.leaf, [bad.leaf, bad.mid]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.stderr).toMatch(MALFORMED);
    expect(r.code).toBe(1);
    const j = await verify([m.dir, '--certificate-chain', root.pem, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).failures).toEqual([expect.objectContaining({ code: 'CERT_MALFORMED' })]);
  });

  it('a malformed certificate the path does not even use -> exit 1 CERT_MALFORMED', async () => {
    const m = await model('badextra');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, leaf, [leaf, bad.mid, mid]);
    const r = await verify([m.dir, '--certificate-chain', root.pem]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/certificate 1 in the signature cannot be parsed: extension basicConstraints: a path length without the CA flag \[CERT_MALFORMED\]/);
  });

  it('the same through a policy trust.certificateChains -> exit 1 CERT_MALFORMED; a TLS certificate -> CERT_USAGE', async () => {
    const p = path.join(dir, 'cert-policy.yaml');
    await writeFile(p, `apiVersion: modelsign/v1\ntrust:\n  certificateChains: [${root.pem}]\nlicense:\n  deploy: { allow: [apache-2.0] }\n`);
    const m = await model('policybad');
    await certSign(path.join(m.dir, 'model.sig'), m.payload, bad.leaf, [bad.leaf, bad.mid]);
    const r = await verify([m.dir, '--policy', p]);
    expect(r.stderr).toMatch(MALFORMED);
    expect(r.code).toBe(1);
    const tls = await issue(dir, mid, 'tls-policy', 'keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
    const m2 = await model('policytls');
    await certSign(path.join(m2.dir, 'model.sig'), m2.payload, tls, [tls, mid]);
    const r2 = await verify([m2.dir, '--policy', p]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/"CN=tls-policy" is not allowed to sign models: .*serverAuth.* \[CERT_USAGE\]/);
    // The policy accepts a proper code-signing chain (control).
    const ok = await model('policyok');
    await certSign(path.join(ok.dir, 'model.sig'), ok.payload, leaf, [leaf, mid]);
    const r3 = await verify([ok.dir, '--policy', p]);
    expect(r3.stderr).toBe('');
    expect(r3.code).toBe(0);
  });

  describe('lineage walks', () => {
    let store: string;
    let child: string;
    beforeAll(async () => {
      store = path.join(dir, 'store');
      await mkdir(store);
      // The parent: signed under the malformed intermediate, filed in the store.
      const base = await model('base');
      const baseSig = await certSign(path.join(base.dir, 'model.sig'), base.payload, bad.leaf, [bad.leaf, bad.mid]);
      const baseRoot = JSON.parse(base.payload.toString()).subject[0].digest.sha256 as string;
      await writeFile(path.join(store, `base@1.0.0.${baseRoot}.sig`), baseSig);
      // The child: a proper chain, its signed lineage naming that parent bundle.
      const c = await model('child');
      const st = JSON.parse(c.payload.toString());
      st.subject[0].annotations.modelsign.version = '2.0.0';
      st.subject[0].annotations.modelsign.lineage = {
        parents: [{ name: 'base', version: '1.0.0', rootDigest: `sha256:${baseRoot}`, bundleDigest: `sha256:${createHash('sha256').update(baseSig).digest('hex')}`, relation: 'finetune' }],
      };
      await certSign(path.join(c.dir, 'model.sig'), Buffer.from(JSON.stringify(st)), leaf, [leaf, mid]);
      child = c.dir;
    });

    it('verify --lineage: the ancestor signed under the malformed intermediate -> exit 1 LINEAGE_UNTRUSTED [CERT_MALFORMED]', async () => {
      const r = await verify([child, '--certificate-chain', root.pem, '--lineage', store, '--json']);
      expect(r.code).toBe(1);
      const f = JSON.parse(r.stdout).failures;
      expect(f).toEqual([expect.objectContaining({ code: 'LINEAGE_UNTRUSTED' })]);
      expect(f[0].message).toMatch(/ancestor signature is not trusted: certificate 1 in the signature cannot be parsed: extension basicConstraints: a path length without the CA flag \[CERT_MALFORMED\]/);
      // Without the walk the child itself verifies (control: only the ancestor is bad).
      expect((await verify([child, '--certificate-chain', root.pem])).code).toBe(0);
    });

    it('modelsign lineage: the same ancestor -> exit 1; a malformed signature of the model itself -> exit 1 CERT_MALFORMED', async () => {
      const r = await runCli(['lineage', path.join(child, 'model.sig'), '--lineage', store, '--certificate-chain', root.pem]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/LINEAGE_UNTRUSTED: .*\[CERT_MALFORMED\]/);
      expect(r.stderr).toMatch(/^modelsign: refused: .*\[CERT_MALFORMED\] .*\[LINEAGE_UNTRUSTED\]\n$/);
      const own = await runCli(['lineage', path.join(dir, 'base', 'model.sig'), '--lineage', store, '--certificate-chain', root.pem]);
      expect(own.stderr).toMatch(MALFORMED);
      expect(own.code).toBe(1);
    });
  });
});
