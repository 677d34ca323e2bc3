/**
 * RFC 3161 timestamps on key and certificate signatures, at verify time.
 *
 * Which TSAs are trusted is configured explicitly: `--timestamp-authority CHAIN.pem`
 * (repeatable), each file holding one TSA's signing certificate first, then its
 * intermediates and root, as a Sigstore trusted root lists a timestamp authority (and as TSAs
 * publish their chain). Nothing is trusted by default: a timestamp only moves the time a
 * certificate is judged at when its TSA was chosen by the verifier.
 *
 * @sigstore/verify checks each timestamp: the TSA's chain at the stamped time, the signed
 * attributes' signature with the TSA key, and that the message imprint is the SHA-256 of the
 * DSSE signature. modelsign then judges the signer's certificate at each verified time
 * instead of now, so a certificate signature stays verifiable after the certificate expires.
 *
 * With no TSA configured, timestamps are not read and certificates are judged now.
 */
import { ModelsignError, reject, usage } from '../errors.js';
import { findPemBlocks } from '../keys/pem.js';
import type { ParsedBundle } from '../oms/bundle.js';
import { isObject } from '../util/strict-json.js';
import { readUserFile } from '../util/read-file.js';
import type { SignerInfo, TrustCheck, TrustContext } from './types.js';

const MAX_TSA_FILE = 4 * 1024 * 1024;
/** Far more than any real bundle carries (Sigstore writes one). */
const MAX_TIMESTAMPS = 8;

export interface TimestampTrust {
  /** For messages: the files the TSAs came from. */
  readonly label: string;
  /** The times the bundle's timestamps vouch for, each verified; [] when it has none. */
  verifiedTimes(bundle: ParsedBundle): Promise<Date[]>;
}

/** The base64 signedTimestamp values of a bundle (bounded), without judging them. */
export function bundleTimestamps(bundle: ParsedBundle): string[] {
  const vm = isObject(bundle.json) ? bundle.json.verificationMaterial : undefined;
  const tvd = isObject(vm) ? vm.timestampVerificationData : undefined;
  const list = isObject(tvd) ? tvd.rfc3161Timestamps : undefined;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw reject('TIMESTAMP_INVALID', 'timestampVerificationData.rfc3161Timestamps is not a list');
  if (list.length > MAX_TIMESTAMPS) throw reject('TIMESTAMP_INVALID', `the signature carries ${list.length} timestamps (at most ${MAX_TIMESTAMPS} are read)`);
  return list.map((t, i) => {
    if (!isObject(t) || typeof t.signedTimestamp !== 'string' || t.signedTimestamp === '') throw reject('TIMESTAMP_INVALID', `timestamp ${i} has no signedTimestamp`);
    return t.signedTimestamp;
  });
}

async function loadChain(file: string, core: typeof import('@sigstore/core')): Promise<import('@sigstore/verify').TrustMaterial['timestampAuthorities'][number]> {
  const buf = await readUserFile(file, MAX_TSA_FILE, 'TSA_UNREADABLE', 'timestamp authority file');
  const blocks = findPemBlocks(buf.toString('utf8')).filter((b) => b.type === 'CERTIFICATE');
  if (blocks.length === 0) throw usage('TSA_UNREADABLE', `${file} holds no PEM certificate (it needs the TSA's signing certificate, then its chain)`);
  const certChain = blocks.map((b) => {
    try {
      return core.X509Certificate.parse(b.der as Buffer<ArrayBuffer>);
    } catch (e) {
      throw usage('TSA_UNREADABLE', `${file} holds a malformed certificate: ${(e as Error).message}`);
    }
  });
  const leaf = certChain[0]!;
  return { certChain, validFor: { start: leaf.notBefore, end: leaf.notAfter } };
}

/** The TSAs of the given chain files (usage error when one cannot be read). */
export async function timestampAuthorityTrust(files: readonly string[]): Promise<TimestampTrust> {
  if (files.length === 0) throw usage('MISSING_OPTION', 'timestamp trust needs at least one timestamp authority file');
  const [core, { Verifier }] = await Promise.all([import('@sigstore/core'), import('@sigstore/verify')]);
  const timestampAuthorities = await Promise.all(files.map((f) => loadChain(f, core)));
  const label = files.join(', ');
  return {
    label,
    verifiedTimes(bundle) {
      try {
        return Promise.resolve(judgeTimes(bundle));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  };

  /** The verified time of each of the bundle's timestamps. */
  function judgeTimes(bundle: ParsedBundle): Date[] {
    const stamps = bundleTimestamps(bundle);
    if (stamps.length === 0) return [];
    // The timestamp covers one signature; with several, which one it dates is unclear.
    if (bundle.signatures.length !== 1) throw reject('TIMESTAMP_INVALID', `a timestamped signature must hold exactly one DSSE signature (it holds ${bundle.signatures.length})`);
    const times: Date[] = [];
    for (const [i, b64] of stamps.entries()) {
      let ts: InstanceType<typeof core.RFC3161Timestamp>;
      try {
        const der: Buffer<ArrayBuffer> = Buffer.from(new Uint8Array(Buffer.from(b64, 'base64')));
        ts = core.RFC3161Timestamp.parse(der);
        // The getters parse lazily: read the time now, so a malformed token is refused here.
        void ts.signingTime;
      } catch (e) {
        throw reject('TIMESTAMP_INVALID', `timestamp ${i} is malformed: ${(e as Error).message}`);
      }
      // Only the timestamp is judged here (the trust check verifies the DSSE signature with
      // the signer's key): no transparency log, no signing key to find, no signature check.
      const material = { certificateAuthorities: [], timestampAuthorities, tlogs: [], ctlogs: [], publicKey: () => ({ publicKey: undefined as never, validFor: () => true }) };
      const entity = {
        signature: { signature: bundle.signatures[0]!.sig, compareSignature: () => true, compareDigest: () => true, verifySignature: () => true },
        key: { $case: 'public-key' as const, hint: '' },
        tlogEntries: [],
        timestamps: [{ $case: 'timestamp-authority' as const, timestamp: ts }],
      };
      try {
        new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 }).verify(entity);
      } catch (e) {
        throw reject('TIMESTAMP_INVALID', `timestamp ${i} (${ts.signingTime.toISOString()}) is not from a trusted timestamp authority (${label}) or does not cover this signature: ${(e as Error).message}`);
      }
      times.push(ts.signingTime);
    }
    return times;
  }
}

const judgedAtTime = new Set(['CERT_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * A trust check that first verifies the bundle's timestamps (when TSAs are configured) and
 * hands their times to `check`. Sigstore checks are left as they are: they verify timestamps
 * against the Sigstore trusted root themselves.
 */
export function withTimestamps(check: TrustCheck, tsa: TimestampTrust | undefined): TrustCheck {
  if (check.kind === 'sigstore') return check;
  return {
    label: check.label,
    ...(check.kind !== undefined ? { kind: check.kind } : {}),
    async verify(bundle: ParsedBundle, pae: Buffer, context?: TrustContext): Promise<SignerInfo> {
      if (!tsa) {
        try {
          return await check.verify(bundle, pae, context);
        } catch (e) {
          // The answer is there, untrusted: say how to use it.
          if (e instanceof ModelsignError && judgedAtTime.has(e.code) && bundleTimestamps(bundle).length > 0) {
            throw reject(e.code, `${e.message}; the signature carries an RFC 3161 timestamp, which is used only with --timestamp-authority TSA_CHAIN.pem`);
          }
          throw e;
        }
      }
      const times = await tsa.verifiedTimes(bundle);
      if (times.length === 0) return check.verify(bundle, pae, context);
      const signer = await check.verify(bundle, pae, { ...context, signedTimes: times });
      const first = new Date(Math.min(...times.map((t) => t.getTime()))).toISOString();
      return { ...signer, signedAt: first, description: `${signer.description}, time-stamped ${first}` };
    },
  };
}
