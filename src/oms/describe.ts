/** A read-only description of a signature file, for `inspect` (no verification). */
import { X509Certificate } from 'node:crypto';
import { parseBundle, readBundleFile, type VerificationMaterial } from './bundle.js';
import { parseStatement, type ParsedStatement } from './statement.js';
import type { JsonValue } from '../util/strict-json.js';

export interface SignatureDescription {
  format: string;
  name: string;
  version: string | null;
  license: string | null;
  created: string | null;
  tool: string | null;
  rootDigest: string | null;
  serialization: ParsedStatement['serialization'];
  resources: ParsedStatement['resources'];
  signer: string;
  material: { kind: string; hint?: string; certificates?: { subject: string; issuer: string; san: string | undefined; notBefore: string; notAfter: string }[] };
  metadata: Record<string, JsonValue | undefined> | null;
}

function describeCert(der: Buffer) {
  try {
    const c = new X509Certificate(der);
    // Fulcio certificates have an empty subject (node reports undefined).
    return { subject: (c.subject ?? '').replace(/\n/g, ', '), issuer: (c.issuer ?? '').replace(/\n/g, ', '), san: c.subjectAltName, notBefore: c.validFrom, notAfter: c.validTo };
  } catch {
    return { subject: '(unparseable certificate)', issuer: '', san: undefined, notBefore: '', notAfter: '' };
  }
}

function describeMaterial(m: VerificationMaterial): { signer: string; material: SignatureDescription['material'] } {
  if (m.kind === 'publicKey') {
    return { signer: m.hint ? `public key sha256:${m.hint}` : 'public key (embedded)', material: { kind: 'publicKey', ...(m.hint ? { hint: m.hint } : {}) } };
  }
  const certs = (m.kind === 'certificate' ? [m.certificate] : m.certificates).map(describeCert);
  const leaf = certs[0]!;
  return { signer: `certificate ${leaf.san ?? leaf.subject} (issued by ${leaf.issuer})`, material: { kind: m.kind, certificates: certs } };
}

export async function describeSignature(file: string): Promise<SignatureDescription> {
  const b = parseBundle(await readBundleFile(file));
  const st = parseStatement(b.payload);
  const meta = st.metadata;
  const { signer, material } = describeMaterial(b.material);
  return {
    format: st.format,
    name: meta?.name ?? st.subjectName,
    version: meta?.version ?? null,
    license: meta?.license ?? null,
    created: meta?.created ?? null,
    tool: meta?.tool ?? null,
    rootDigest: st.rootDigest ? `sha256:${st.rootDigest}` : null,
    serialization: st.serialization,
    resources: st.resources,
    signer,
    material,
    metadata: meta ? { ...meta } : null,
  };
}
