/**
 * PEM blocks inside arbitrary text. Key files made by certtool or openssl often start with a
 * human-readable dump before the block; we take the blocks and ignore the rest.
 */
export interface PemBlock {
  type: string;
  der: Buffer;
  /** The block's exact text, from BEGIN through END. */
  text: string;
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

export function findPemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(PEM_RE)) {
    const body = m[2]!;
    // Encrypted legacy PEM headers ("Proc-Type: ...") are not supported; skip them.
    const b64 = body
      .split(/\r?\n/)
      .filter((l) => l.length > 0 && !l.includes(':'))
      .join('');
    out.push({ type: m[1]!, der: Buffer.from(b64, 'base64'), text: m[0] });
  }
  return out;
}

export function toPem(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

/** PEM types of cosign-format encrypted private keys (decrypted by encrypted.ts). */
export const LEGACY_ENCRYPTED_PEM_TYPES = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];
