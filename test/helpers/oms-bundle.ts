/**
 * Build OMS bundles the way other implementations write them (model_signing and friends), for
 * variant-form tests: hand-written payload text (so a float `shard_size` stays `1000000.0`),
 * any key type, public key as hint or rawBytes, keyid present/empty/null/absent, and
 * certificate chains. Signing uses node:crypto directly, never modelsign's code.
 */
import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';

export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export function dssePae(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${PAYLOAD_TYPE.length} ${PAYLOAD_TYPE} ${payload.length} `), payload]);
}

function hashFor(key: KeyObject): string | null {
  if (key.asymmetricKeyType === 'ed25519') return null;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === 'secp384r1') return 'sha384';
  if (curve === 'secp521r1') return 'sha512';
  return 'sha256';
}

export interface Res {
  name: string;
  digest: string;
  algorithm: string;
}

/** Statement text with the serialization object given as raw JSON text. */
export function statementText(opts: { name: string; resources: Res[]; serializationJson: string }): string {
  const root = createHash('sha256')
    .update(Buffer.concat(opts.resources.map((r) => Buffer.from(r.digest, 'hex'))))
    .digest('hex');
  return `{"_type": "https://in-toto.io/Statement/v1", "subject": [{"name": ${JSON.stringify(opts.name)}, "digest": {"sha256": "${root}"}}], "predicateType": "https://model_signing/signature/v1.0", "predicate": {"serialization": ${opts.serializationJson}, "resources": ${JSON.stringify(opts.resources)}}}`;
}

export type KeyIdForm = 'empty' | 'null' | 'absent' | 'value';

export function bundleFor(opts: {
  payload: Buffer;
  key: KeyObject;
  material: 'hint' | 'rawBytes' | { certificates: Buffer[] };
  keyid?: KeyIdForm;
}): object {
  const pub = createPublicKey(opts.key);
  const pem = pub.export({ type: 'spki', format: 'pem' }).toString();
  const sig = sign(hashFor(pub), dssePae(opts.payload), opts.key).toString('base64');
  const signature: Record<string, unknown> = { sig };
  const form = opts.keyid ?? 'empty';
  if (form === 'empty') signature.keyid = '';
  if (form === 'null') signature.keyid = null;
  if (form === 'value') signature.keyid = 'some-key-id';
  const verificationMaterial =
    opts.material === 'hint'
      ? { publicKey: { hint: createHash('sha256').update(pem).digest('hex') }, tlogEntries: [] }
      : opts.material === 'rawBytes'
        ? { publicKey: { rawBytes: Buffer.from(pem).toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256' } }
        : { x509CertificateChain: { certificates: opts.material.certificates.map((c) => ({ rawBytes: c.toString('base64') })) } };
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial,
    dsseEnvelope: { payload: opts.payload.toString('base64'), payloadType: PAYLOAD_TYPE, signatures: [signature] },
  };
}
