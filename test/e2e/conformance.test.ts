/**
 * The OMS conformance suite (../shared/conformance: 71 cases, each a config.json), run against
 * the built CLI on copies of its fixtures in temp directories.
 *
 *   roundtrip/         sign with modelsign, then verify with modelsign
 *   verify/positive/   a given bundle verifies (exit 0)
 *   verify/negative/   a given bundle, or a model changed after signing, is refused
 *   verify/historical/ bundles of older model_signing releases verify
 *
 * Stricter than "non-zero exit": a refused sign must be a usage error (exit 2) and a refused
 * verify a verdict (exit 1), each with the failure code listed in EXPECTED_CODES, so a case
 * cannot pass by failing for another reason (a missing file, a crash). Sigstore roundtrip
 * cases need a live OIDC token to sign and are skipped with that reason; each also runs
 * against a Sigstore instance on 127.0.0.1 (signed keylessly there, verified offline with
 * that instance's trusted root). Sigstore verify cases run offline against the shipped
 * public-good trusted root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanupTmp, CONFORMANCE, HAS_CONFORMANCE, runCli, tmpDir, type CliResult } from '../helpers/cli.js';
import { dssePae } from '../helpers/oms-bundle.js';
import { identityToken, startMockSigstore, type MockSigstore } from '../helpers/sigstore-mock.js';

afterAll(cleanupTmp);

interface CaseConfig {
  description: string;
  method: 'key' | 'certificate' | 'sigstore';
  model: string;
  model_relative_to?: 'test_dir';
  expect?: 'fail';
  expected_signed_files?: string[];
  sig_inside_model?: boolean;
  requires_ci?: boolean;
  sign?: { private_key?: string; signing_cert?: string; cert_chain?: string[]; identity_token_env?: string };
  verify?: { public_key?: string; cert_chain?: string[]; identity?: string; identity_provider?: string; ignore_paths?: string[]; ignore_unsigned_files?: boolean };
  model_modifications?: { symlinks?: Record<string, string>; delete?: string[]; tamper?: Record<string, string>; inject?: Record<string, string> };
}

interface Case {
  id: string;
  dir: string;
  kind: 'roundtrip' | 'positive' | 'negative' | 'historical';
  config: CaseConfig;
}

/**
 * Why each refusal case is refused: the failure code modelsign gives (sign: exit 2, verify:
 * exit 1). Written from each case's description and the OMS section it cites.
 */
const EXPECTED_CODES: Record<string, string | { code: string; exit: 2 }> = {
  'roundtrip/key-empty-model-rejected': 'EMPTY_MODEL',
  'roundtrip/key-symlink-cycle': 'SYMLINK_REFUSED',
  'roundtrip/key-symlink-default-rejected': 'SYMLINK_REFUSED',
  // Its target (/tmp/nonexistent-target) does not exist: refused as a broken link first.
  'roundtrip/key-symlink-outside-root': 'SYMLINK_BROKEN',
  'verify/negative/certificate-expired_fail': 'CERT_EXPIRED',
  'verify/negative/certificate-simple-wrong-ca_fail': 'CERT_CHAIN_UNTRUSTED',
  'verify/negative/key-simple-corrupted-bundle_fail': 'SIG_MALFORMED',
  'verify/negative/key-simple-extra-file_fail': 'FILE_UNEXPECTED',
  'verify/negative/key-simple-missing-file_fail': 'FILE_MISSING',
  'verify/negative/key-simple-no-signature_fail': 'SIG_MALFORMED',
  'verify/negative/key-simple-tampered-content_fail': 'FILE_CHANGED',
  'verify/negative/key-simple-truncated-bundle_fail': 'SIG_MALFORMED',
  'verify/negative/key-simple-wrong-key_fail': 'KEY_HINT_MISMATCH',
  'verify/negative/key-simple-wrong-mediatype_fail': 'SIG_MALFORMED',
  'verify/negative/key-verify-as-certificate_fail': 'SIG_WRONG_MATERIAL',
  'verify/negative/malformed-empty-bundle_fail': 'SIG_MALFORMED',
  'verify/negative/malformed-empty-resources_fail': 'SIG_INVALID',
  'verify/negative/malformed-missing-envelope_fail': 'SIG_MALFORMED',
  'verify/negative/malformed-no-predicate_fail': 'SIG_INVALID',
  'verify/negative/malformed-no-subject_fail': 'SIG_INVALID',
  'verify/negative/malformed-wrong-payload-type_fail': 'SIG_MALFORMED',
  'verify/negative/malformed-wrong-predicate_fail': 'SIG_INVALID',
  'verify/negative/malformed-wrong-statement-type_fail': 'SIG_INVALID',
  'verify/negative/sigstore-tampered-content_fail': 'FILE_CHANGED',
  // A keyless bundle checked with a key alone: modelsign asks for the identity to trust
  // (a usage error, exit 2) rather than judging a signature nobody said whom to trust for.
  'verify/negative/sigstore-verify-as-key_fail': { code: 'MISSING_IDENTITY', exit: 2 },
  'verify/negative/sigstore-wrong-identity_fail': 'IDENTITY_MISMATCH',
  // The case's identity is not the signer's either: the identity is what differs first.
  'verify/negative/sigstore-wrong-issuer_fail': 'IDENTITY_MISMATCH',
};

/**
 * The suite made these bundles by editing a signed payload without signing it again, so the
 * signature check refuses them (SIG_INVALID, above) before the statement is read. Signed
 * again with the suite's own key, each must still be refused, for the statement rule it cites.
 */
const RESIGNED_CODES: Record<string, string> = {
  'verify/negative/malformed-empty-resources_fail': 'EMPTY_MANIFEST',
  'verify/negative/malformed-no-predicate_fail': 'STATEMENT_MALFORMED',
  'verify/negative/malformed-no-subject_fail': 'STATEMENT_MALFORMED',
  'verify/negative/malformed-wrong-predicate_fail': 'UNSUPPORTED_FORMAT',
  'verify/negative/malformed-wrong-statement-type_fail': 'STATEMENT_MALFORMED',
};
const SUITE_SIGNING_KEY = 'keys/certificate/signing-key.pem';

function loadCases(): Case[] {
  if (!HAS_CONFORMANCE) return [];
  const root = path.join(CONFORMANCE, 'test-cases');
  const out: Case[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (!statSync(p).isDirectory()) continue;
      if (existsSync(path.join(p, 'config.json'))) {
        const id = `${rel}/${name}`;
        const kind = rel === 'roundtrip' ? 'roundtrip' : (rel.split('/')[1] as Case['kind']);
        out.push({ id, dir: p, kind, config: JSON.parse(readFileSync(path.join(p, 'config.json'), 'utf8')) as CaseConfig });
      } else {
        walk(p, rel ? `${rel}/${name}` : name);
      }
    }
  };
  walk(root, '');
  return out;
}

const CASES = loadCases();
const asset = (rel: string) => path.join(CONFORMANCE, 'assets', rel);
let work: string;
/** A P-256 public key for a case that names a key the suite does not ship (any key will do). */
let anyKey: string;

beforeAll(async () => {
  work = await tmpDir('modelsign-conformance-');
  anyKey = path.join(work, 'any-p256.pub');
  await writeFile(anyKey, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }));
});

/** Copy the case's model (a directory or a file) into a fresh directory, writable. */
async function copyModel(c: Case): Promise<{ model: string; caseDir: string }> {
  const caseDir = path.join(work, c.id.replace(/\//g, '_'));
  await rm(caseDir, { recursive: true, force: true });
  await mkdir(caseDir, { recursive: true });
  const src = c.config.model_relative_to === 'test_dir' ? path.join(c.dir, c.config.model) : asset(c.config.model);
  const model = path.join(caseDir, statSync(src).isDirectory() ? 'model' : path.basename(src));
  await cp(src, model, { recursive: true });
  await makeWritable(model);
  return { model, caseDir };
}

async function makeWritable(p: string): Promise<void> {
  const st = statSync(p);
  await chmod(p, st.isDirectory() ? 0o755 : 0o644);
  if (st.isDirectory()) for (const e of readdirSync(p)) await makeWritable(path.join(p, e));
}

async function applyModifications(c: Case, model: string): Promise<void> {
  const m = c.config.model_modifications ?? {};
  for (const [name, target] of Object.entries(m.symlinks ?? {})) await symlink(target, path.join(model, name));
  for (const name of m.delete ?? []) await rm(path.join(model, name), { force: true });
  for (const [name, content] of Object.entries(m.tamper ?? {})) await writeFile(path.join(model, name), content);
  for (const [name, content] of Object.entries(m.inject ?? {})) await writeFile(path.join(model, name), content);
}

function keyFile(rel: string): string {
  const p = asset(rel);
  return existsSync(p) ? p : anyKey;
}

function trustArgs(c: Case): string[] {
  const v = c.config.verify ?? {};
  if (c.config.method === 'key') return ['--key', keyFile(v.public_key!)];
  if (c.config.method === 'certificate') return (v.cert_chain ?? []).flatMap((f) => ['--certificate-chain', asset(f)]);
  return ['--identity', v.identity!, '--identity-provider', v.identity_provider!];
}

function verifyOptions(c: Case): string[] {
  const v = c.config.verify ?? {};
  return [...(v.ignore_paths ?? []).flatMap((p) => ['--ignore-paths', p]), ...(v.ignore_unsigned_files ? ['--ignore-unsigned-files'] : [])];
}

async function signedNames(sig: string): Promise<string[]> {
  const b = JSON.parse(await readFile(sig, 'utf8'));
  const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString());
  return (st.predicate.resources as { name: string }[]).map((r) => r.name).sort();
}

/** The predicate and subject digest: what must not change when the same model is signed again. */
async function manifest(sig: string): Promise<unknown> {
  const b = JSON.parse(await readFile(sig, 'utf8'));
  const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString());
  return { digest: st.subject[0].digest, predicate: st.predicate };
}

/** The expected refusal of a case: its failure code and exit status (sign: 2, verify: 1 unless listed). */
function expected(c: Case, exit: 1 | 2): { code: string; exit: 1 | 2 } {
  const want = EXPECTED_CODES[c.id];
  expect(want, `no expected code listed for ${c.id}`).toBeDefined();
  return typeof want === 'string' ? { code: want, exit } : want!;
}

function expectRefusal(c: Case, r: CliResult, exit: 1 | 2): void {
  const want = expected(c, exit);
  expect(r.code, r.stderr).toBe(want.exit);
  expect(r.stderr).toMatch(new RegExp(`\\[${want.code}\\]\\s*$`));
}

async function runRoundtrip(c: Case, sigstore?: { mock: MockSigstore; rootFile: string }): Promise<void> {
  const { model, caseDir } = await copyModel(c);
  await applyModifications(c, model);
  const s = c.config.sign ?? {};
  const sig = c.config.sig_inside_model ? path.join(model, 'model.sig') : path.join(caseDir, 'bundle.sig');
  const sigArgs = c.config.sig_inside_model ? [] : ['--signature', sig];
  const ignore = (c.config.verify?.ignore_paths ?? []).flatMap((p) => ['--ignore-paths', p]);
  const identity = 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main';
  const issuer = 'https://token.actions.githubusercontent.com';
  const method =
    c.config.method === 'sigstore'
      ? ['--keyless', '--fulcio-url', sigstore!.mock.fulcioURL, '--rekor-url', sigstore!.mock.rekorURL, '--identity-token', identityToken({ iss: issuer, sub: identity })]
      : ['--key', asset(s.private_key!), ...(s.signing_cert ? ['--signing-certificate', asset(s.signing_cert)] : []), ...(s.cert_chain ?? []).flatMap((f) => ['--certificate-chain', asset(f)])];
  const signArgs = ['sign', model, ...method, '--version', '1.0.0', ...sigArgs, ...ignore];
  const signed = await runCli(signArgs);
  if (c.config.expect === 'fail') {
    expectRefusal(c, signed, 2);
    expect(existsSync(sig)).toBe(false);
    return;
  }
  expect(signed.code, signed.stderr).toBe(0);
  if (c.config.expected_signed_files) expect(await signedNames(sig)).toEqual(c.config.expected_signed_files);
  if (c.id.endsWith('-deterministic')) {
    const again = path.join(caseDir, 'again.sig');
    const a = await runCli(['sign', model, ...method, '--version', '1.0.0', '--signature', again, ...ignore]);
    expect(a.code, a.stderr).toBe(0);
    expect(await manifest(again)).toEqual(await manifest(sig));
  }
  // "tolerate files added after signing": add one, so the flag has something to tolerate.
  if (c.config.verify?.ignore_unsigned_files) await writeFile(path.join(model, 'added-after-signing.bin'), 'unsigned\n');
  const trust = c.config.method === 'sigstore' ? ['--identity', identity, '--identity-provider', issuer, '--trusted-root', sigstore!.rootFile] : trustArgs(c);
  const v = await runCli(['verify', model, ...sigArgs, ...trust, ...verifyOptions(c)]);
  expect(v.code, `${v.stdout}\n${v.stderr}`).toBe(0);
}

async function runVerify(c: Case): Promise<void> {
  const { model, caseDir } = await copyModel(c);
  const sig = path.join(caseDir, 'bundle.sig');
  await cp(path.join(c.dir, 'bundle.sig'), sig);
  await applyModifications(c, model);
  const r = await runCli(['verify', model, '--signature', sig, ...trustArgs(c), ...verifyOptions(c), '--json']);
  if (c.config.expect === 'fail') {
    const want = expected(c, 1);
    expect(r.code, r.stderr).toBe(want.exit);
    if (want.exit === 2) expect(r.stderr).toMatch(new RegExp(`\\[${want.code}\\]\\s*$`));
    // A refusal is a verdict with the expected failure among the reported ones.
    else expect(JSON.parse(r.stdout).failures.map((f: { code: string }) => f.code)).toContain(want.code);
    if (RESIGNED_CODES[c.id]) await verifyResigned(c, model, sig, RESIGNED_CODES[c.id]!);
    return;
  }
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.verified).toBe(true);
  if (c.config.expected_signed_files) {
    expect(await signedNames(sig)).toEqual(c.config.expected_signed_files);
    expect(out.filesChecked).toBe(c.config.expected_signed_files.length);
  }
}

/** Sign the case's payload again with the suite's key (node:crypto, not modelsign) and verify. */
async function verifyResigned(c: Case, model: string, sig: string, code: string): Promise<void> {
  const b = JSON.parse(await readFile(sig, 'utf8'));
  const payload = Buffer.from(b.dsseEnvelope.payload, 'base64');
  const key = createPrivateKey(await readFile(asset(SUITE_SIGNING_KEY)));
  b.dsseEnvelope.signatures = [{ sig: cryptoSign('sha384', dssePae(payload), key).toString('base64'), keyid: '' }];
  const resigned = `${sig}.resigned`;
  await writeFile(resigned, JSON.stringify(b));
  const r = await runCli(['verify', model, '--signature', resigned, ...trustArgs(c), ...verifyOptions(c), '--json']);
  expect(r.code, r.stderr).toBe(1);
  expect(JSON.parse(r.stdout).failures.map((f: { code: string }) => f.code)).toEqual([code]);
}

describe.skipIf(!HAS_CONFORMANCE)('OMS conformance suite', () => {
  it('holds the 71 cases its README describes, and every refusal case has an expected code', () => {
    expect(CASES).toHaveLength(71);
    const refusals = CASES.filter((c) => c.config.expect === 'fail' && !(c.kind === 'roundtrip' && c.config.method === 'sigstore')).map((c) => c.id);
    expect(refusals.sort()).toEqual(Object.keys(EXPECTED_CODES).sort());
  });

  for (const c of CASES) {
    const title = `${c.id}: ${c.config.description}`;
    if (c.kind === 'roundtrip' && c.config.method === 'sigstore') {
      it.skip(`${title} [needs a live OIDC token (requires_ci); run below against a loopback Sigstore]`, () => undefined);
      continue;
    }
    it(title, () => (c.kind === 'roundtrip' ? runRoundtrip(c) : runVerify(c)));
  }

  describe('Sigstore roundtrip cases against a Sigstore instance on 127.0.0.1', () => {
    let mock: MockSigstore;
    let rootFile: string;
    beforeAll(async () => {
      mock = await startMockSigstore();
      rootFile = path.join(work, 'loopback-trusted-root.json');
      await writeFile(rootFile, JSON.stringify(mock.trustedRoot));
    });
    afterAll(() => mock?.close());
    for (const c of CASES.filter((x) => x.kind === 'roundtrip' && x.config.method === 'sigstore')) {
      it(`${c.id}: ${c.config.description}`, () => runRoundtrip(c, { mock, rootFile }));
    }
  });
});
