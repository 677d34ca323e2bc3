/**
 * A small private PKI made with the openssl command line: a root CA, intermediates and leaves
 * with any extension text openssl's config accepts (including raw DER, `OID=critical,DER:..`),
 * and OMS bundles signed by a leaf with node:crypto (never modelsign's code).
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleFor } from './oms-bundle.js';

export interface Issued {
  /** PEM certificate file. */
  pem: string;
  /** DER bytes of the certificate. */
  der: Buffer;
  /** PEM private key file. */
  key: string;
  subject: string;
}

let serial = 100;
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });

function derOf(pemText: string): Buffer {
  return Buffer.from(pemText.split('-----BEGIN CERTIFICATE-----')[1]!.split('-----END')[0]!.replace(/\s+/g, ''), 'base64');
}

/** A self-signed root CA (basicConstraints CA:TRUE, keyCertSign) valid for `days`. */
export async function makeRoot(dir: string, cn = 'test-root', days = 30): Promise<Issued> {
  const key = path.join(dir, `${cn}.key`);
  const pem = path.join(dir, `${cn}.pem`);
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
  const cnf = path.join(dir, `${cn}.cnf`);
  await writeFile(cnf, '[req]\ndistinguished_name=dn\n[dn]\n[ext]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');
  openssl(['req', '-x509', '-new', '-key', key, '-subj', `/CN=${cn}`, '-days', String(days), '-config', cnf, '-extensions', 'ext', '-out', pem]);
  return { pem, der: derOf(await readFile(pem, 'utf8')), key, subject: `CN=${cn}` };
}

/** A certificate for `cn` issued by `issuer`, with `ext` as an openssl extension file. */
export async function issue(dir: string, issuer: Issued, cn: string, ext: string, days = 10): Promise<Issued> {
  const key = path.join(dir, `${cn}.key`);
  const pem = path.join(dir, `${cn}.pem`);
  const csr = path.join(dir, `${cn}.csr`);
  const cnf = path.join(dir, `${cn}.ext`);
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
  openssl(['req', '-new', '-key', key, '-subj', `/CN=${cn}`, '-out', csr]);
  await writeFile(cnf, ext);
  openssl(['x509', '-req', '-in', csr, '-CA', issuer.pem, '-CAkey', issuer.key, '-set_serial', String(serial++), '-days', String(days), '-extfile', cnf, '-out', pem]);
  return { pem, der: derOf(await readFile(pem, 'utf8')), key, subject: `CN=${cn}` };
}

export const CA_EXT = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n';
export const CODE_SIGNING_EXT = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n';

/** An OMS bundle over `payload` signed by `leaf`'s key, carrying `chain` (leaf first). */
export async function certBundle(payload: Buffer, leaf: Issued, chain: Buffer[]): Promise<object> {
  return bundleFor({ payload, key: createPrivateKey(await readFile(leaf.key)), material: { certificates: chain }, keyid: 'null' });
}
