/**
 * A small X.509 PKI for tests, made with the openssl command line (`openssl ca`, which can
 * date a certificate in the past): a root, an intermediate and leaves with chosen validity,
 * key usages and curves.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Issued {
  cert: string;
  key: string;
  /** The certificate's public key (SPKI PEM), for --key trust. */
  pub: string;
}

const CA_EXT = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n';
export const LEAF_EXT = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n';

const DAY = 24 * 3600 * 1000;
const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
let serial = 0x1000;

const run = (args: string[], cwd?: string) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'], ...(cwd ? { cwd } : {}) });

/** Issue a certificate for a new key; `issuer` absent: self-signed. */
export async function issue(
  dir: string,
  name: string,
  opts: { issuer?: Issued; ext?: string; from?: Date; to?: Date; curve?: 'P-256' | 'P-384' | 'P-521'; key?: string } = {},
): Promise<Issued> {
  const d = path.join(dir, `pki-${name}`);
  await mkdir(d, { recursive: true });
  const key = opts.key ?? path.join(d, 'key.pem');
  if (!opts.key) run(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${opts.curve ?? 'P-256'}`, '-out', key]);
  const pub = path.join(d, 'pub.pem');
  run(['pkey', '-in', key, '-pubout', '-out', pub]);
  await writeFile(path.join(d, 'index.txt'), '');
  await writeFile(path.join(d, 'serial'), `${(serial++).toString(16)}\n`);
  await writeFile(
    path.join(d, 'ca.cnf'),
    `[ca]\ndefault_ca = d\n[d]\ndatabase = ${d}/index.txt\nnew_certs_dir = ${d}\nserial = ${d}/serial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n`,
  );
  await writeFile(path.join(d, 'ext.cnf'), opts.ext ?? (opts.issuer ? LEAF_EXT : CA_EXT));
  run(['req', '-new', '-key', key, '-subj', `/CN=${name}`, '-out', path.join(d, 'req.csr')]);
  const from = opts.from ?? new Date(Date.now() - DAY);
  const to = opts.to ?? new Date(Date.now() + 30 * DAY);
  const cert = path.join(d, 'cert.pem');
  const signer = opts.issuer ? ['-cert', opts.issuer.cert, '-keyfile', opts.issuer.key] : ['-selfsign', '-keyfile', key];
  run(['ca', '-batch', '-notext', '-config', path.join(d, 'ca.cnf'), ...signer, '-in', path.join(d, 'req.csr'), '-out', cert, '-startdate', stamp(from), '-enddate', stamp(to), '-extfile', path.join(d, 'ext.cnf')]);
  return { cert, key, pub };
}

/** root -> intermediate, both valid from `from` (default a year ago) for ten years. */
export async function makeCa(dir: string, from = new Date(Date.now() - 365 * DAY)): Promise<{ root: Issued; int: Issued }> {
  const to = new Date(from.getTime() + 3650 * DAY);
  const root = await issue(dir, 'test-root', { from, to, ext: CA_EXT });
  const int = await issue(dir, 'test-intermediate', { issuer: root, from, to, ext: CA_EXT });
  return { root, int };
}

export async function der(pemFile: string): Promise<Buffer> {
  const t = await readFile(pemFile, 'utf8');
  return Buffer.from(t.split('-----BEGIN CERTIFICATE-----')[1]!.split('-----END CERTIFICATE-----')[0]!.replace(/\s+/g, ''), 'base64');
}

export { DAY };
