/**
 * Keyless signing end to end, offline: `modelsign sign --keyless` talks real HTTP to a private
 * Sigstore instance on 127.0.0.1 (@sigstore/mock's Fulcio, Rekor and TSA behind a node http
 * server), and the bundle verifies offline with that instance's trusted root and the token's
 * identity. Also the trusted-root command (TUF refresh fails clearly without a network).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, HAS_SHARED, keypair, makeHfModel, runCli, SHARED, tmpDir } from '../helpers/cli.js';
import { identityToken, startMockSigstore, type MockSigstore } from '../helpers/sigstore-mock.js';
import { docExamples } from '../helpers/doc-examples.js';
import { startTufRepo } from '../helpers/tuf-repo.js';

const ISSUER = 'https://token.actions.example.com';
const WORKFLOW = 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main';
const token = identityToken({ iss: ISSUER, sub: WORKFLOW });

let mock: MockSigstore;
let dir: string;
let cache: string;
let rootFile: string;
/** Never let a GitHub Actions runner or a user's token or cache leak into these runs. */
const cleanEnv = (extra: Record<string, string | undefined> = {}) => ({
  SIGSTORE_ID_TOKEN: undefined,
  ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
  MODELSIGN_CACHE_DIR: cache,
  ...extra,
});
const cli = (args: string[], extra: Record<string, string | undefined> = {}) => runCli(args, { env: cleanEnv(extra) });
const endpoints = (m: MockSigstore) => ['--fulcio-url', m.fulcioURL, '--rekor-url', m.rekorURL, '--tsa-url', m.tsaURL];
const trust = ['--identity', WORKFLOW, '--identity-provider', ISSUER];

async function newModel(): Promise<string> {
  return makeHfModel(path.join(await tmpDir(), 'model'));
}

beforeAll(async () => {
  mock = await startMockSigstore();
  dir = await tmpDir();
  cache = path.join(dir, 'cache');
  rootFile = path.join(dir, 'mock-trusted-root.json');
  await writeFile(rootFile, JSON.stringify(mock.trustedRoot, null, 2));
});
afterAll(async () => {
  await mock.close();
  await cleanupTmp();
});

describe('sign --keyless against a loopback Sigstore', () => {
  let model: string;
  beforeAll(async () => {
    model = await newModel();
    const s = await cli(['sign', model, '--keyless', '--identity-token', token, ...endpoints(mock), '--version', '1.2.0', '--license', 'apache-2.0', '--json']);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const j = JSON.parse(s.stdout);
    expect(j.keyless).toEqual({ identity: WORKFLOW, fulcio: mock.fulcioURL, rekor: mock.rekorURL, tsa: mock.tsaURL });
  });

  it('talked to Fulcio, Rekor and the TSA over HTTP', () => {
    expect(mock.hits['/api/v2/signingCert']).toBeGreaterThanOrEqual(1);
    expect(mock.hits['/api/v1/log/entries']).toBeGreaterThanOrEqual(1);
    expect(mock.hits['/api/v1/timestamp']).toBeGreaterThanOrEqual(1);
  });

  it('wrote an OMS v1.0 bundle with a certificate, a Rekor entry and an RFC 3161 timestamp', async () => {
    const b = JSON.parse(await readFile(path.join(model, 'model.sig'), 'utf8'));
    expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(b.verificationMaterial.certificate.rawBytes).toEqual(expect.any(String));
    expect(b.verificationMaterial.tlogEntries).toHaveLength(1);
    expect(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
    const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString());
    expect(st.predicateType).toBe('https://model_signing/signature/v1.0');
    expect(st.subject[0].annotations.modelsign).toMatchObject({ name: 'model', version: '1.2.0', license: 'apache-2.0' });
  });

  it.skipIf(!HAS_SHARED)('the bundle and its statement validate against the OMS schemas', async () => {
    const schemas = path.join(SHARED, 'oms-spec-schemas');
    const load = async (n: string) => JSON.parse(await readFile(path.join(schemas, n), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const n of ['envelope', 'predicate']) ajv.addSchema(await load(`${n}.schema.json`));
    const b = JSON.parse(await readFile(path.join(model, 'model.sig'), 'utf8'));
    const vb = ajv.compile(await load('bundle.schema.json'));
    expect(vb(b), JSON.stringify(vb.errors)).toBe(true);
    const vs = ajv.compile(await load('statement.schema.json'));
    expect(vs(JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString())), JSON.stringify(vs.errors)).toBe(true);
  });

  it('verifies offline with the instance trusted root and the token identity', async () => {
    const r = await cli(['verify', model, ...trust, '--trusted-root', rootFile, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.verified).toBe(true);
    expect(j.signerInfo).toMatchObject({ kind: 'sigstore', identity: WORKFLOW, issuer: ISSUER });
  });

  it('an anchored regexp over the workflow identity verifies', async () => {
    const r = await cli(['verify', model, '--identity-regexp', 'https://github\\.com/acme/models/\\.github/workflows/[a-z]+\\.yml@refs/heads/main', '--identity-provider', ISSUER, '--trusted-root', rootFile]);
    expect(r.code).toBe(0);
  });

  it.each([
    ['another identity', ['--identity', 'https://github.com/evil/models/.github/workflows/release.yml@refs/heads/main', '--identity-provider', ISSUER], 'IDENTITY_MISMATCH'],
    ['a prefix of the identity', ['--identity', WORKFLOW.slice(0, -4), '--identity-provider', ISSUER], 'IDENTITY_MISMATCH'],
    ['a regexp matching a prefix only', ['--identity-regexp', 'https://github\\.com/acme/', '--identity-provider', ISSUER], 'IDENTITY_MISMATCH'],
    ['another issuer', ['--identity', WORKFLOW, '--identity-provider', 'https://accounts.google.com'], 'ISSUER_MISMATCH'],
  ])('%s exits 1', async (_w, args, code) => {
    const r = await cli(['verify', model, ...(args as string[]), '--trusted-root', rootFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[${code}]`);
  });

  it('under the public-good trusted root (another root CA) exits 1', async () => {
    const r = await cli(['verify', model, ...trust]);
    expect(r.code).toBe(1);
    // The TSA is checked first, then the Fulcio chain: neither is in the public-good root.
    expect(r.stderr).toMatch(/\[SIGSTORE_(TIMESTAMP|CERT)_INVALID\]/);
  });

  it('with no identity it refuses to run (exit 2)', async () => {
    const r = await cli(['verify', model, '--trusted-root', rootFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--trusted-root needs an identity.*\[MISSING_IDENTITY\]/);
  });

  it('a changed file exits 1', async () => {
    const m2 = await newModel();
    const s = await cli(['sign', m2, '--keyless', '--identity-token', token, ...endpoints(mock), '--version', '1.0.0']);
    expect(s.code).toBe(0);
    await writeFile(path.join(m2, 'config.json'), '{"hidden_size": 65}');
    const r = await cli(['verify', m2, ...trust, '--trusted-root', rootFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/config\.json: file content does not match the signature \[FILE_CHANGED\]/);
  });
});

describe('lineage across trust kinds: a keyless fine-tune of a key-signed base', () => {
  let ftSig: string;
  let store: string;
  let pub: string;
  beforeAll(async () => {
    const d = await tmpDir();
    const k = await keypair(d, 'ed25519', 'base');
    pub = k.pub;
    store = path.join(d, 'store');
    const base = await makeHfModel(path.join(d, 'base'));
    const b = await cli(['sign', base, '--key', k.key, '--version', '1.0.0', '--name', 'acme/base', '--license', 'apache-2.0', '--record', store]);
    expect(b.code, b.stderr).toBe(0);
    const ft = await makeHfModel(path.join(d, 'ft'));
    await writeFile(path.join(ft, 'adapter.json'), '{"r": 8}');
    const s = await cli(['sign', ft, '--keyless', '--identity-token', token, ...endpoints(mock), '--version', '1.0.0', '--name', 'acme/ft', '--parent', path.join(base, 'model.sig'), '--parent-key', k.pub, '--record', store]);
    expect(s.code, s.stderr).toBe(0);
    ftSig = path.join(ft, 'model.sig');
  });

  it('lineage takes --key and a Sigstore identity together: each link verifies under one of them', async () => {
    const r = await cli(['lineage', ftSig, '--lineage', store, '--key', pub, ...trust, '--trusted-root', rootFile, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.verified).toBe(true);
    expect(j.tree).toMatchObject({ name: 'acme/ft', version: '1.0.0', signer: expect.stringContaining(WORKFLOW) });
    expect(j.tree.parents[0]).toMatchObject({ name: 'acme/base', relation: 'finetune', verified: true, signer: expect.stringMatching(/^ed25519 key sha256:/) });
  });

  it('with the key alone the keyless model itself is refused (exit 1)', async () => {
    const r = await cli(['lineage', ftSig, '--lineage', store, '--key', pub]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^modelsign: refused: .*\[[A-Z_]+\]\n$/);
  });

  it('with the identity alone the key-signed base is a broken link (exit 1)', async () => {
    const r = await cli(['lineage', ftSig, '--lineage', store, ...trust, '--trusted-root', rootFile]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/finetune of acme\/base@1\.0\.0 .* NOT VERIFIED \[/);
    expect(r.stderr).toContain('lineage link acme/ft@1.0.0 -> acme/base@1.0.0');
  });

  it('verify --lineage walks the same chain under the same two trust flags', async () => {
    const r = await cli(['verify', path.dirname(ftSig), '--lineage', store, '--key', pub, ...trust, '--trusted-root', rootFile]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('with nothing to trust lineage shows the tree unverified (exit 0); an issuer alone is still a usage error (exit 2)', async () => {
    const r = await cli(['lineage', ftSig, '--lineage', store]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^acme\/ft@1\.0\.0 .* signer: not checked .* not verified \(no trust given\)$/);
    expect(lines[1]).toMatch(/^└─ finetune of acme\/base@1\.0\.0 .* not verified \(no trust given\)$/);
    const p = await cli(['lineage', ftSig, '--lineage', store, '--identity-provider', ISSUER]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('[MISSING_IDENTITY]');
  });

  it('docs/lineage.md: the keyless fine-tune example runs as written (exit 0, both links verified)', async () => {
    const docIssuer = 'https://token.actions.githubusercontent.com';
    const docIdentity = 'https://github.com/acme/models/.github/workflows/release.yml@refs/tags/v1.0.0';
    const work = await tmpDir();
    await mkdir(path.join(work, 'keys'));
    const k = await keypair(path.join(work, 'keys'), 'ed25519', 'base-key');
    await writeFile(path.join(work, 'keys', 'base.pub'), await readFile(k.pub));
    const base = await makeHfModel(path.join(work, 'base'));
    const b = await cli(['sign', base, '--key', k.key, '--version', '1.0.0', '--name', 'acme/base', '--record', path.join(work, 'manifests')]);
    expect(b.code, b.stderr).toBe(0);
    const ft = await makeHfModel(path.join(work, 'ft'));
    await writeFile(path.join(ft, 'adapter.json'), '{"r": 4}');
    const docToken = identityToken({ iss: docIssuer, sub: docIdentity });
    const s = await cli(['sign', ft, '--keyless', '--identity-token', docToken, ...endpoints(mock), '--version', '1.0.0', '--name', 'acme/ft', '--parent', path.join(base, 'model.sig'), '--parent-key', k.pub, '--record', path.join(work, 'manifests')]);
    expect(s.code, s.stderr).toBe(0);
    // The local Sigstore's root stands where `trusted-root update` keeps the refreshed one.
    const docCache = path.join(work, 'cache');
    await mkdir(docCache);
    await writeFile(path.join(docCache, 'trusted_root.json'), JSON.stringify(mock.trustedRoot));
    const lines = await docExamples('lineage.md', 'keyless');
    expect(lines).toHaveLength(1);
    const r = await runCli(lines[0]!.argv.slice(1), { cwd: work, env: cleanEnv({ MODELSIGN_CACHE_DIR: docCache }) });
    expect(r.code, r.stderr).toBe(0);
    const tree = r.stdout.trim().split('\n');
    expect(tree).toHaveLength(2);
    expect(tree[0]).toContain(`signer: ${docIdentity}`);
    expect(tree.every((l) => l.endsWith('  verified'))).toBe(true);
  });
});

describe('certificate validity is judged at the logged/timestamped time', () => {
  it('a bundle signed two days ago verifies though its 10-minute certificate has long expired', async () => {
    const past = await startMockSigstore({ clock: new Date(Date.now() - 2 * 24 * 3600 * 1000) });
    try {
      const m = await newModel();
      const s = await cli(['sign', m, '--keyless', '--identity-token', token, ...endpoints(past), '--version', '1.0.0']);
      expect(s.code).toBe(0);
      const root = path.join(await tmpDir(), 'past-root.json');
      await writeFile(root, JSON.stringify(past.trustedRoot));
      const r = await cli(['verify', m, ...trust, '--trusted-root', root]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      // The same certificate judged now (a plain certificate-chain check) is expired.
      const caPem = path.join(await tmpDir(), 'ca.pem');
      const der = Buffer.from((past.trustedRoot as { certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[] }).certificateAuthorities[0]!.certChain.certificates[0]!.rawBytes, 'base64');
      await writeFile(caPem, `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`);
      const now = await cli(['verify', m, '--certificate-chain', caPem]);
      expect(now.code).toBe(1);
      expect(now.stderr).toMatch(/\[CERT_EXPIRED\]/);
    } finally {
      await past.close();
    }
  });
});

describe('keyless tokens and failures', () => {
  it('a token that is not a JWT is a usage error (exit 2) that never repeats the token', async () => {
    const m = await newModel();
    for (const [args, env, source] of [
      [['--identity-token', 'abc'], {}, '--identity-token'],
      [['--identity-token', 'a.b'], {}, '--identity-token'],
      [['--identity-token', 'eyJhbGciOiJub25lIn0.bm90LWpzb24.'], {}, '--identity-token'],
      [[], { SIGSTORE_ID_TOKEN: 'secret-not-a-jwt' }, 'SIGSTORE_ID_TOKEN'],
    ] as const) {
      const s = await cli(['sign', m, '--keyless', ...args, ...endpoints(mock), '--version', '1.0.0'], env);
      expect(s.code).toBe(2);
      expect(s.stderr).toBe(`modelsign: error: ${source} is not an OIDC identity token (a JWT: three base64url parts separated by dots, the middle one a JSON object) [BAD_TOKEN]\n`);
      expect(existsSync(path.join(m, 'model.sig'))).toBe(false);
    }
  });

  it('takes the token from SIGSTORE_ID_TOKEN', async () => {
    const m = await newModel();
    const s = await cli(['sign', m, '--keyless', ...endpoints(mock), '--version', '1.0.0'], { SIGSTORE_ID_TOKEN: identityToken({ iss: ISSUER, sub: 'https://example.com/ci' }) });
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/identity: +https:\/\/example\.com\/ci \(Sigstore keyless/);
    const r = await cli(['verify', m, '--identity', 'https://example.com/ci', '--identity-provider', ISSUER, '--trusted-root', rootFile]);
    expect(r.code).toBe(0);
  });

  it('takes the token from GitHub Actions ambient credentials', async () => {
    const ghToken = identityToken({ iss: ISSUER, sub: 'repo:acme/models:ref:refs/heads/main' });
    const seen: string[] = [];
    const idp = http.createServer((req, res) => {
      seen.push(`${req.headers.authorization} ${new URL(req.url ?? '/', 'http://x').searchParams.get('audience')}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: ghToken }));
    });
    await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
    try {
      const m = await newModel();
      const s = await cli(['sign', m, '--keyless', ...endpoints(mock), '--version', '1.0.0'], {
        ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(idp.address() as AddressInfo).port}/token`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-secret',
      });
      expect(s.stderr).toBe('');
      expect(s.code).toBe(0);
      expect(seen).toEqual(['Bearer runner-secret sigstore']);
      const r = await cli(['verify', m, '--identity', 'repo:acme/models:ref:refs/heads/main', '--identity-provider', ISSUER, '--trusted-root', rootFile]);
      expect(r.code).toBe(0);
    } finally {
      await new Promise<void>((r) => idp.close(() => r()));
    }
  });

  it('without any token it is a usage error (exit 2) and writes nothing', async () => {
    const m = await newModel();
    const s = await cli(['sign', m, '--keyless', ...endpoints(mock), '--version', '1.0.0']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/keyless signing needs an OIDC identity token: --identity-token TOKEN, SIGSTORE_ID_TOKEN, or GitHub Actions .*\[MISSING_TOKEN\]/);
    expect(existsSync(path.join(m, 'model.sig'))).toBe(false);
  });

  it('an unreachable Fulcio fails clearly (exit 1) and writes nothing', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const m = await newModel();
    const s = await cli(['sign', m, '--keyless', '--identity-token', token, '--fulcio-url', `http://127.0.0.1:${port}`, '--rekor-url', mock.rekorURL, '--version', '1.0.0']);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/^modelsign: refused: keyless signing failed \(http:\/\/127\.0\.0\.1:\d+, .*\[KEYLESS_SIGN_FAILED\]\n$/);
    expect(existsSync(path.join(m, 'model.sig'))).toBe(false);
  });

  it('--key with --keyless is a usage error', async () => {
    const m = await newModel();
    const s = await cli(['sign', m, '--keyless', '--key', 'x.key', '--identity-token', token, '--version', '1.0.0']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/--keyless and --key exclude each other \[BAD_OPTION\]/);
  });

  it('a malformed --fulcio-url is a usage error', async () => {
    const m = await newModel();
    const s = await cli(['sign', m, '--keyless', '--identity-token', token, '--fulcio-url', 'not a url', '--version', '1.0.0']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/--fulcio-url is not a URL/);
  });
});

describe('trusted-root command', () => {
  it('info names the shipped public-good snapshot and its age bound', async () => {
    const r = await cli(['trusted-root', 'info', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.source).toMatch(/^shipped public-good snapshot \(@sigstore\/tuf \d+\.\d+\.\d+ seeds\)$/);
    expect(j.newestKeyValidFrom).toMatch(/^20\d\d-/);
    expect(j.certificateAuthorities).toBeGreaterThan(0);
    expect(j.timestampAuthorities).toBeGreaterThan(0);
  });

  it('update fails clearly without a network (exit 1) and leaves the root in use unchanged', async () => {
    // A TUF mirror on loopback that is not there: the same failure as no network at all.
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const tufRoot = path.join(await tmpDir(), 'root.json');
    const { createRequire } = await import('node:module');
    const seeds = createRequire(import.meta.url)('@sigstore/tuf/seeds.json') as Record<string, { 'root.json': string }>;
    await writeFile(tufRoot, Buffer.from(seeds['https://tuf-repo-cdn.sigstore.dev']!['root.json'], 'base64'));
    const c2 = path.join(await tmpDir(), 'cache');
    const r = await runCli(['trusted-root', 'update', '--mirror', `http://127.0.0.1:${port}`, '--tuf-root', tufRoot, '--timeout', '3000'], { env: cleanEnv({ MODELSIGN_CACHE_DIR: c2 }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^modelsign: refused: cannot refresh the trusted root from http:\/\/127\.0\.0\.1:\d+ \(no network\?\): .*the root in use is unchanged \[TUF_UPDATE_FAILED\]\n$/);
    expect(existsSync(path.join(c2, 'trusted_root.json'))).toBe(false);
    const info = await runCli(['trusted-root', 'info'], { env: cleanEnv({ MODELSIGN_CACHE_DIR: c2 }) });
    expect(info.stdout).toMatch(/trusted root: shipped public-good snapshot/);
  });

  it('update fetches the trusted root through TUF and verify then uses it', async () => {
    const repo = await startTufRepo(Buffer.from(JSON.stringify(mock.trustedRoot)));
    try {
      const d = await tmpDir();
      const tufRoot = path.join(d, 'root.json');
      await writeFile(tufRoot, repo.rootJson);
      const c4 = path.join(d, 'cache');
      const env = { MODELSIGN_CACHE_DIR: c4 };
      const m = await newModel();
      expect((await cli(['sign', m, '--keyless', '--identity-token', token, ...endpoints(mock), '--version', '1.0.0'])).code).toBe(0);
      expect((await cli(['verify', m, ...trust], env)).code).toBe(1);
      const u = await cli(['trusted-root', 'update', '--mirror', repo.url, '--tuf-root', tufRoot, '--json'], env);
      expect(u.stderr).toBe('');
      expect(u.code).toBe(0);
      expect(JSON.parse(u.stdout)).toMatchObject({ written: path.join(c4, 'trusted_root.json'), mirror: repo.url, certificateAuthorities: 1 });
      expect((await cli(['verify', m, ...trust], env)).code).toBe(0);
      // A repository signed with another key, or a target that does not match the signed
      // metadata, is refused and nothing is written.
      const out = path.join(d, 'copy.json');
      const other = await startTufRepo(Buffer.from(JSON.stringify(mock.trustedRoot)));
      try {
        const bad = await cli(['trusted-root', 'update', '--mirror', other.url, '--tuf-root', tufRoot, '--out', out], { MODELSIGN_CACHE_DIR: path.join(d, 'c5') });
        expect(bad.code).toBe(1);
        expect(bad.stderr).toMatch(/\[TUF_UPDATE_FAILED\]/);
      } finally {
        await other.close();
      }
      repo.replaceTarget(Buffer.from(JSON.stringify({ ...mock.trustedRoot, tlogs: [] })));
      const swapped = await cli(['trusted-root', 'update', '--mirror', repo.url, '--tuf-root', tufRoot, '--out', out], { MODELSIGN_CACHE_DIR: path.join(d, 'c6') });
      expect(swapped.code).toBe(1);
      expect(swapped.stderr).toMatch(/\[TUF_UPDATE_FAILED\]/);
      expect(existsSync(out)).toBe(false);
    } finally {
      await repo.close();
    }
  });

  it('update for another mirror without --tuf-root is a usage error', async () => {
    const r = await cli(['trusted-root', 'update', '--mirror', 'http://127.0.0.1:9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--tuf-root ROOT\.json is needed/);
  });

  it('a stored refreshed root is used by default, and reset forgets it', async () => {
    const c3 = path.join(await tmpDir(), 'cache');
    await mkdir(c3, { recursive: true });
    await writeFile(path.join(c3, 'trusted_root.json'), JSON.stringify(mock.trustedRoot));
    const m = await newModel();
    expect((await cli(['sign', m, '--keyless', '--identity-token', token, ...endpoints(mock), '--version', '1.0.0'])).code).toBe(0);
    const env = { MODELSIGN_CACHE_DIR: c3 };
    expect((await cli(['verify', m, ...trust], env)).code).toBe(0);
    expect((await cli(['trusted-root', 'info'], env)).stdout).toMatch(/fetched by "modelsign trusted-root update"/);
    expect((await cli(['trusted-root', 'reset'], env)).code).toBe(0);
    expect((await cli(['verify', m, ...trust], env)).code).toBe(1);
  });

  it('trusted-root alone is a usage error like policy and audit alone; an unknown subcommand too', async () => {
    for (const args of [['trusted-root'], ['trusted-root', '-q']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('modelsign: error: trusted-root needs a subcommand: modelsign trusted-root info|update|reset [MISSING_COMMAND]\n');
      expect(r.stdout).toBe('');
    }
    const u = await cli(['trusted-root', 'nosuch']);
    expect(u.code).toBe(2);
    expect(u.stderr).toBe("modelsign: error: unknown command 'nosuch' (see modelsign trusted-root --help) [UNKNOWN_COMMAND]\n");
    const h = await cli(['trusted-root', 'help', 'nosuch']);
    expect(h.code).toBe(2);
    expect(h.stderr).toBe("modelsign: error: unknown command 'nosuch' (see modelsign trusted-root --help) [UNKNOWN_COMMAND]\n");
  });

  it('reset says whether there was a refreshed root to remove (exit 0 either way)', async () => {
    const c = path.join(await tmpDir(), 'cache');
    const stored = path.join(c, 'trusted_root.json');
    const none = await cli(['trusted-root', 'reset'], { MODELSIGN_CACHE_DIR: c });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(`no refreshed trusted root at ${stored}; nothing to remove\n`);
    expect(none.stderr).toBe('');
    await mkdir(c, { recursive: true });
    await writeFile(stored, JSON.stringify(mock.trustedRoot));
    const done = await cli(['trusted-root', 'reset'], { MODELSIGN_CACHE_DIR: c });
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(`removed ${stored}; verify uses the shipped snapshot again\n`);
    expect(existsSync(stored)).toBe(false);
    const again = await cli(['trusted-root', 'reset'], { MODELSIGN_CACHE_DIR: c });
    expect(again.stdout).toBe(`no refreshed trusted root at ${stored}; nothing to remove\n`);
  });

  it('update checks --mirror is an http(s) URL before anything else (exit 2, BAD_OPTION)', async () => {
    for (const [mirror, extra] of [['notaurl', []], ['notaurl', ['--tuf-root', 'root.json']], ['ftp://tuf.example.com', []], ['file:///tmp/repo', []]] as [string, string[]][]) {
      const r = await cli(['trusted-root', 'update', '--mirror', mirror, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`modelsign: error: --mirror must be an http:// or https:// URL (got "${mirror}") [BAD_OPTION]\n`);
    }
  });

  it('info, update and reset --help have examples, and the update examples pass its option checks', async () => {
    for (const sub of ['info', 'update', 'reset']) {
      const r = await cli(['trusted-root', sub, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n {2}modelsign trusted-root ${sub}\\b`));
    }
    // Every example with --staging or --mirror (trusted-root and trusted-root update help)
    // runs, in an empty directory, as far as reading its --tuf-root file: no option error.
    const texts = [(await cli(['trusted-root', '--help'])).stdout, (await cli(['trusted-root', 'update', '--help'])).stdout];
    const examples = texts.flatMap((t) => t.split('\n')).filter((l) => /^ {2}modelsign trusted-root update .*--(staging|mirror)\b/.test(l));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const empty = await tmpDir();
    for (const line of examples) {
      const args = line.replace(/#.*$/, '').trim().split(/\s+/).slice(1);
      expect(args).toContain('--tuf-root');
      const tufRoot = args[args.indexOf('--tuf-root') + 1];
      const r = await runCli(args, { cwd: empty, env: cleanEnv({ MODELSIGN_CACHE_DIR: path.join(empty, 'cache') }) });
      expect(r.code, line).toBe(2);
      expect(r.stderr, line).toBe(`modelsign: error: TUF root not found: ${tufRoot} [TRUSTED_ROOT_UNREADABLE]\n`);
    }
  });

  it('a trusted root file that is not one is a usage error', async () => {
    const bad = path.join(await tmpDir(), 'bad.json');
    await writeFile(bad, '{"mediaType": "something/else"}');
    const r = await cli(['trusted-root', 'info', '--trusted-root', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json is not a Sigstore trusted root \(mediaType .*\) \[TRUSTED_ROOT_INVALID\]/);
  });
});
