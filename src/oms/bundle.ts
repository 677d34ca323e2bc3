/**
 * Sigstore bundle v0.3 (JSON) holding a DSSE envelope: the OMS signature file.
 * The reader is strict (duplicate keys, sizes, base64) and keeps the raw JSON so that
 * Sigstore verification (sigstore-js) can be handed exactly what was read.
 */
import { stat } from 'node:fs/promises';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import { errnoCode, reject, usage } from '../errors.js';
import { decodeBase64 } from '../util/base64.js';
import { isObject, parseStrictJson, type JsonValue } from '../util/strict-json.js';
import { IN_TOTO_PAYLOAD_TYPE } from './dsse.js';

export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** Signature files larger than this are refused without reading further. */
export const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

export type VerificationMaterial =
  | { kind: 'publicKey'; hint?: string; rawBytes?: Buffer; keyDetails?: string }
  | { kind: 'x509CertificateChain'; certificates: Buffer[] }
  | { kind: 'certificate'; certificate: Buffer };

export interface ParsedBundle {
  mediaType: string;
  material: VerificationMaterial;
  payloadType: string;
  payload: Buffer;
  signatures: { sig: Buffer; keyid: string | null | undefined }[];
  /** The bundle as read, for sigstore-js. */
  json: JsonValue;
  /** The file's bytes as read (their SHA-256 is how lineage links name a signature). */
  bytes: Buffer;
}

export interface BuildBundleInput {
  payload: Buffer;
  signature: Buffer;
  material: { publicKeyHint: string } | { certificates: Buffer[] };
  /** RFC 3161 time-stamp responses (DER) over the signature. */
  timestamps?: Buffer[];
}

export function buildBundle(input: BuildBundleInput): object {
  const stamps = input.timestamps?.length ? { timestampVerificationData: { rfc3161Timestamps: input.timestamps.map((t) => ({ signedTimestamp: t.toString('base64') })) } } : {};
  const verificationMaterial =
    'publicKeyHint' in input.material
      ? { publicKey: { hint: input.material.publicKeyHint }, tlogEntries: [], ...stamps }
      : { x509CertificateChain: { certificates: input.material.certificates.map((c) => ({ rawBytes: c.toString('base64') })) }, tlogEntries: [], ...stamps };
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial,
    dsseEnvelope: {
      payload: input.payload.toString('base64'),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: input.signature.toString('base64'), keyid: '' }],
    },
  };
}

export function serializeBundle(bundle: object): string {
  return JSON.stringify(bundle, null, 2) + '\n';
}

/**
 * Read a signature file: bounded size, a missing file is a rejection (exit 1).
 *
 * It may sit in an attacker's model directory: a FIFO, socket or device there is refused
 * unread (opening is non-blocking, only a regular file is read), and `noFollow` (used for
 * the default MODEL/model.sig path, which the model's author controls) refuses a symlink
 * there instead of following it out of the model.
 */
export async function readBundleFile(file: string, maxBytes = MAX_BUNDLE_BYTES, opts: { noFollow?: boolean } = {}): Promise<Buffer> {
  try {
    return await readRegularFile(file, maxBytes, opts.noFollow ? { noFollow: true } : {});
  } catch (e) {
    if (e instanceof NotRegularFile) {
      const isDir = await stat(file).then((st) => st.isDirectory(), () => false);
      if (isDir) throw usage('SIG_UNREADABLE', `signature path is a directory: ${file}`);
      throw reject('SIG_UNREADABLE', `signature is not a regular file: ${file}`);
    }
    if (e instanceof FileTooLarge) throw reject('SIG_TOO_LARGE', `signature file is larger than ${maxBytes} bytes: ${file}`);
    const c = errnoCode(e);
    if (c === 'ENOENT') throw reject('SIG_MISSING', `signature file not found: ${file}`);
    if (c === 'ELOOP' && opts.noFollow) {
      throw reject('SIG_UNREADABLE', `signature file is a symlink, not followed: ${file} (name the signature with --signature to use it)`);
    }
    throw reject('SIG_UNREADABLE', `cannot read signature file ${file}: ${c ?? String(e)}`);
  }
}

function bad(msg: string): never {
  throw reject('SIG_MALFORMED', `signature bundle is malformed: ${msg}`);
}

export function parseBundle(bytes: Buffer): ParsedBundle {
  if (bytes.length === 0) bad('file is empty');
  if (bytes.length > MAX_BUNDLE_BYTES) throw reject('SIG_TOO_LARGE', `signature bundle is larger than ${MAX_BUNDLE_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    bad('not UTF-8');
  }
  const json = parseStrictJson(text, { what: 'signature bundle', code: 'SIG_MALFORMED' });
  if (!isObject(json)) bad('not a JSON object');
  const mediaType = json.mediaType;
  if (typeof mediaType !== 'string' || !mediaType.startsWith('application/vnd.dev.sigstore.bundle')) bad('missing or unknown mediaType');
  const vm = json.verificationMaterial;
  if (!isObject(vm)) bad('verificationMaterial missing');
  let material: VerificationMaterial;
  if (isObject(vm.publicKey)) {
    const pk = vm.publicKey;
    material = { kind: 'publicKey' };
    if (pk.hint !== undefined) {
      if (typeof pk.hint !== 'string') bad('publicKey.hint must be a string');
      material.hint = pk.hint;
    }
    if (pk.rawBytes !== undefined) {
      if (typeof pk.rawBytes !== 'string') bad('publicKey.rawBytes must be a string');
      material.rawBytes = decodeBase64(pk.rawBytes, 'publicKey.rawBytes');
    }
    if (typeof pk.keyDetails === 'string') material.keyDetails = pk.keyDetails;
  } else if (isObject(vm.x509CertificateChain)) {
    const certs = vm.x509CertificateChain.certificates;
    if (!Array.isArray(certs) || certs.length === 0 || certs.length > 16) bad('x509CertificateChain.certificates must hold 1 to 16 certificates');
    material = {
      kind: 'x509CertificateChain',
      certificates: certs.map((c, i) => {
        if (!isObject(c) || typeof c.rawBytes !== 'string') bad(`certificate ${i} has no rawBytes`);
        return decodeBase64(c.rawBytes, `certificate ${i}`);
      }),
    };
  } else if (isObject(vm.certificate)) {
    if (typeof vm.certificate.rawBytes !== 'string') bad('certificate.rawBytes missing');
    material = { kind: 'certificate', certificate: decodeBase64(vm.certificate.rawBytes, 'certificate') };
  } else {
    bad('verificationMaterial has no publicKey, x509CertificateChain or certificate');
  }
  const env = json.dsseEnvelope;
  if (!isObject(env)) {
    if (json.messageSignature !== undefined) throw reject('UNSUPPORTED_FORMAT', 'bundle holds a message signature, not a DSSE envelope: not a model signature');
    bad('dsseEnvelope missing');
  }
  if (typeof env.payloadType !== 'string') bad('dsseEnvelope.payloadType missing');
  if (typeof env.payload !== 'string' || env.payload.length === 0) bad('dsseEnvelope.payload missing');
  const payload = decodeBase64(env.payload, 'dsseEnvelope.payload');
  const sigs = env.signatures;
  if (!Array.isArray(sigs) || sigs.length === 0) bad('dsseEnvelope.signatures is empty');
  if (sigs.length > 16) bad('too many signatures');
  const signatures = sigs.map((s, i) => {
    if (!isObject(s) || typeof s.sig !== 'string' || s.sig.length === 0) bad(`signature ${i} has no sig`);
    const keyid = s.keyid;
    if (keyid !== undefined && keyid !== null && typeof keyid !== 'string') bad(`signature ${i} keyid must be a string or null`);
    return { sig: decodeBase64(s.sig, `signature ${i}`), keyid: keyid };
  });
  return { mediaType, material, payloadType: env.payloadType, payload, signatures, json, bytes };
}

export { IN_TOTO_PAYLOAD_TYPE };
