/**
 * Signing with an EC key on a PKCS #11 token (an HSM, a smart card, SoftHSM), named by an
 * RFC 7512 URI, through the pkcs11js binding (an optional dependency: loaded only here).
 *
 * The token is found by the URI's token/slot/library attributes (exactly one must match), the
 * private key by object (CKA_LABEL) and/or id (CKA_ID) (exactly one must match), and its
 * public key from the public key or certificate object with the same id and label, else from
 * the signing certificate the caller gives. The token signs the digest (CKM_ECDSA over the
 * curve's hash: SHA-256 for P-256, SHA-384 for P-384, SHA-512 for P-521, as model_signing
 * does); its r||s answer is turned into the DER signature DSSE carries.
 *
 * The PIN comes from the URI (pin-value, or pin-source naming a file), else from the caller
 * (`pin()`: the CLI reads MODELSIGN_PKCS11_PIN or prompts). It is asked for only when the
 * token requires a login, and never appears in a message: messages show the redacted URI.
 */
import { createHash, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ModelsignError, usage } from '../errors.js';
import { readUserFile } from '../util/read-file.js';
import { keyTypeOf } from './algorithms.js';
import { parseLibraryVersion, parsePkcs11Uri, redactPkcs11Uri, type Pkcs11Uri } from './pkcs11-uri.js';
import type { RawSigner } from './signer.js';

type Pkcs11js = typeof import('pkcs11js');
type Session = import('pkcs11js').Handle;

export interface Pkcs11Options {
  /** The module (shared library) when the URI names none: --pkcs11-module / MODELSIGN_PKCS11_MODULE. */
  module?: string;
  /** Asked only when the URI carries no PIN and the token needs a login. */
  pin?: () => string | Promise<string>;
  /** The public key to use when the token holds no public key or certificate object for the key. */
  publicKey?: KeyObject;
  /** Where module-name is looked up. */
  moduleDirs?: readonly string[];
}

/** Where p11-kit and distributions install PKCS #11 modules (for module-name). */
export const MODULE_DIRS = ['/usr/lib/x86_64-linux-gnu/pkcs11', '/usr/lib/aarch64-linux-gnu/pkcs11', '/usr/lib64/pkcs11', '/usr/lib/pkcs11', '/usr/lib/softhsm', '/usr/lib64/softhsm'];
const MAX_PIN_FILE = 4096;
const CKR_USER_ALREADY_LOGGED_IN = 0x100;
const CKF_TOKEN_INITIALIZED = 0x400;

function loadBinding(): Pkcs11js {
  try {
    return createRequire(import.meta.url)('pkcs11js') as Pkcs11js;
  } catch (e) {
    throw usage('PKCS11_UNAVAILABLE', `PKCS #11 keys need the pkcs11js package, which is not installed or did not build (${(e as Error).message.split('\n')[0]})`);
  }
}

/** The module to load: the URI's module-path (a file, or a directory with module-name), its module-name, else the option. */
export function resolveModule(uri: Pkcs11Uri, opts: Pkcs11Options): string {
  const mp = uri.query['module-path'];
  const name = uri.query['module-name'];
  const fromOption = opts.module;
  const find = (dirs: readonly string[], n: string): string => {
    const want = n.toLowerCase();
    for (const dir of dirs) {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        continue;
      }
      // "softhsm2" matches libsofthsm2.so, softhsm2.so and softhsm2.so.1, as p11-kit names them.
      const hit = entries.find((f) => {
        const l = f.toLowerCase();
        return l === want || l.startsWith(`${want}.`) || l.startsWith(`lib${want}.`);
      });
      if (hit) return path.join(dir, hit);
    }
    throw usage('PKCS11_MODULE_NOT_FOUND', `no PKCS #11 module "${n}" in ${dirs.join(', ')}`);
  };
  let fromUri: string | undefined;
  if (mp !== undefined) fromUri = name !== undefined && !/\.(so|dylib|dll)(\.\d+)*$/.test(mp) ? find([mp], name) : mp;
  else if (name !== undefined) fromUri = find(opts.moduleDirs ?? MODULE_DIRS, name);
  if (fromUri !== undefined && fromOption !== undefined && path.resolve(fromUri) !== path.resolve(fromOption)) {
    throw usage('BAD_OPTION', `the PKCS #11 URI names module ${fromUri}, but --pkcs11-module (or MODELSIGN_PKCS11_MODULE) names ${fromOption}`);
  }
  const m = fromUri ?? fromOption;
  if (m === undefined) throw usage('PKCS11_MODULE_NOT_FOUND', 'no PKCS #11 module: give module-path=/path/lib.so in the URI, --pkcs11-module, or MODELSIGN_PKCS11_MODULE');
  return m;
}

/** The PIN the URI carries (pin-value, or pin-source: a file path or file: URI), if any. */
export async function uriPin(uri: Pkcs11Uri): Promise<string | undefined> {
  if (uri.query['pin-value'] !== undefined) return uri.query['pin-value'];
  const src = uri.query['pin-source'];
  if (src === undefined) return undefined;
  // The parser allowed an absolute path or a file: URI only.
  const file = /^file:/i.test(src) ? src.replace(/^file:(\/\/[^/]*)?/i, '') : src;
  const text = (await readUserFile(file, MAX_PIN_FILE, 'PIN_UNREADABLE', 'pin-source')).toString('utf8');
  return text.replace(/\r?\n$/, '');
}

const trim = (s: string) => s.replace(/[ \0]+$/, '');

/** P1363 r||s (what CKM_ECDSA returns) to a DER ECDSA-Sig-Value. */
export function p1363ToDer(sig: Buffer): Buffer {
  if (sig.length === 0 || sig.length % 2 !== 0) throw new Error(`ECDSA signature of odd length ${sig.length}`);
  const int = (b: Buffer): Buffer => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    let v = b.subarray(i);
    if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const body = Buffer.concat([int(sig.subarray(0, sig.length / 2)), int(sig.subarray(sig.length / 2))]);
  const len = body.length < 0x80 ? Buffer.from([body.length]) : Buffer.from([0x81, body.length]);
  return Buffer.concat([Buffer.from([0x30]), len, body]);
}

/** An SPKI public key from CKA_EC_PARAMS (the curve OID, DER) and CKA_EC_POINT (a DER OCTET STRING, or the raw point). */
export function ecPublicKey(params: Buffer, point: Buffer): KeyObject {
  let q = point;
  // PKCS #11 wraps the point in an OCTET STRING; some tokens return it bare (0x04 || X || Y).
  if (q[0] === 0x04 && q.length > 2) {
    const len = q[1]! < 0x80 ? q[1]! : q[1] === 0x81 ? q[2]! : -1;
    const hdr = q[1]! < 0x80 ? 2 : 3;
    if (len === q.length - hdr && q[hdr] === 0x04) q = q.subarray(hdr);
  }
  const algo = Buffer.concat([Buffer.from('06072a8648ce3d0201', 'hex'), params]);
  const algSeq = Buffer.concat([Buffer.from([0x30, algo.length]), algo]);
  const bits = Buffer.concat([Buffer.from([0x00]), q]);
  const bitStr = Buffer.concat([Buffer.from([0x03]), derLen(bits.length), bits]);
  const body = Buffer.concat([algSeq, bitStr]);
  return createPublicKey({ key: Buffer.concat([Buffer.from([0x30]), derLen(body.length), body]), format: 'der', type: 'spki' });
}

function derLen(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
}

/** A one-line error from pkcs11js (its messages name the CKR_* code, never an argument). */
function tokenError(e: unknown, what: string, shown: string): ModelsignError {
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  const code = (e as { code?: number }).code;
  if (code === 0xa0 /* CKR_PIN_INCORRECT */) return usage('BAD_PIN', `wrong PIN for the token of ${shown}`);
  if (code === 0xa4 /* CKR_PIN_LOCKED */) return usage('BAD_PIN', `the PIN of the token of ${shown} is locked`);
  return usage('PKCS11_FAILED', `${what} failed for ${shown}: ${msg}`);
}

interface TokenSlot {
  slot: import('pkcs11js').Handle;
  info: import('pkcs11js').TokenInfo;
}

function matchingSlots(p11: InstanceType<Pkcs11js['PKCS11']>, uri: Pkcs11Uri): TokenSlot[] {
  const lib = p11.C_GetInfo();
  const want = uri.path;
  if (want['library-manufacturer'] !== undefined && trim(lib.manufacturerID) !== want['library-manufacturer']) return [];
  if (want['library-description'] !== undefined && trim(lib.libraryDescription) !== want['library-description']) return [];
  if (want['library-version'] !== undefined) {
    const v = parseLibraryVersion(want['library-version']);
    if (lib.libraryVersion.major !== v.major || lib.libraryVersion.minor !== v.minor) return [];
  }
  const out: TokenSlot[] = [];
  for (const slot of p11.C_GetSlotList(true)) {
    if (want['slot-id'] !== undefined && slot.readUIntLE(0, Math.min(slot.length, 6)) !== Number(want['slot-id'])) continue;
    const si = p11.C_GetSlotInfo(slot);
    if (want['slot-description'] !== undefined && trim(si.slotDescription) !== want['slot-description']) continue;
    if (want['slot-manufacturer'] !== undefined && trim(si.manufacturerID) !== want['slot-manufacturer']) continue;
    const info = p11.C_GetTokenInfo(slot);
    // An uninitialized token (SoftHSM always offers one) holds no key.
    if ((info.flags & CKF_TOKEN_INITIALIZED) === 0) continue;
    if (want.token !== undefined && trim(info.label) !== want.token) continue;
    if (want.manufacturer !== undefined && trim(info.manufacturerID) !== want.manufacturer) continue;
    if (want.model !== undefined && trim(info.model) !== want.model) continue;
    if (want.serial !== undefined && trim(info.serialNumber) !== want.serial) continue;
    out.push({ slot, info });
  }
  return out;
}

function findObjects(p11: InstanceType<Pkcs11js['PKCS11']>, session: Session, template: import('pkcs11js').Template): Session[] {
  p11.C_FindObjectsInit(session, template);
  try {
    // Bounded: a token may hold thousands of objects; two are enough to know a match is not unique.
    return p11.C_FindObjects(session, 2);
  } finally {
    p11.C_FindObjectsFinal(session);
  }
}

export async function openPkcs11Key(uriText: string, opts: Pkcs11Options = {}): Promise<RawSigner> {
  const uri = parsePkcs11Uri(uriText);
  const shown = redactPkcs11Uri(uriText);
  const modulePath = resolveModule(uri, opts);
  const pkcs11js = loadBinding();
  const p11 = new pkcs11js.PKCS11();
  try {
    p11.load(modulePath);
  } catch (e) {
    throw usage('PKCS11_MODULE_NOT_FOUND', `cannot load PKCS #11 module ${modulePath}: ${(e as Error).message.split('\n')[0]}`);
  }
  let session: Session | undefined;
  let closed = false;
  const close = (): Promise<void> => {
    if (closed) return Promise.resolve();
    closed = true;
    try {
      if (session) p11.C_CloseSession(session);
    } catch {
      // closing a session that the token already dropped
    }
    try {
      p11.C_Finalize();
    } catch {
      // not initialized
    }
    return Promise.resolve();
  };
  try {
    try {
      p11.C_Initialize();
    } catch (e) {
      throw tokenError(e, 'C_Initialize', shown);
    }
    const slots = matchingSlots(p11, uri);
    if (slots.length === 0) throw usage('PKCS11_TOKEN_NOT_FOUND', `no token matches ${shown} (module ${modulePath})`);
    if (slots.length > 1) throw usage('PKCS11_TOKEN_AMBIGUOUS', `${slots.length} tokens match ${shown} (${slots.map((s) => `"${trim(s.info.label)}"`).join(', ')}): add token=LABEL or slot-id=N`);
    const { slot, info } = slots[0]!;
    session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    if (info.flags & pkcs11js.CKF_LOGIN_REQUIRED) {
      const pin = (await uriPin(uri)) ?? (opts.pin ? await opts.pin() : undefined);
      if (pin === undefined) throw usage('NO_PIN', `the token of ${shown} needs a PIN: set MODELSIGN_PKCS11_PIN, run on a terminal, or add pin-source to the URI`);
      try {
        p11.C_Login(session, pkcs11js.CKU_USER, pin);
      } catch (e) {
        if ((e as { code?: number }).code !== CKR_USER_ALREADY_LOGGED_IN) throw tokenError(e, 'C_Login', shown);
      }
    }
    const ident: import('pkcs11js').Template = [];
    if (uri.path.object !== undefined) ident.push({ type: pkcs11js.CKA_LABEL, value: uri.path.object });
    if (uri.id !== undefined) ident.push({ type: pkcs11js.CKA_ID, value: uri.id });
    const keys = findObjects(p11, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }, ...ident]);
    if (keys.length === 0) throw usage('PKCS11_KEY_NOT_FOUND', `no private key matches ${shown} on token "${trim(info.label)}"`);
    if (keys.length > 1) throw usage('PKCS11_KEY_AMBIGUOUS', `several private keys match ${shown}: add id=%XX or object=LABEL`);
    const key = keys[0]!;
    const [kt, kid, klabel] = p11.C_GetAttributeValue(session, key, [{ type: pkcs11js.CKA_KEY_TYPE }, { type: pkcs11js.CKA_ID }, { type: pkcs11js.CKA_LABEL }]);
    const keyType = (kt!.value).readUIntLE(0, Math.min((kt!.value).length, 6));
    if (keyType !== pkcs11js.CKK_EC) throw usage('KEY_UNSUPPORTED', `the key of ${shown} is not an EC key (CKA_KEY_TYPE ${keyType}); PKCS #11 signing takes ECDSA P-256, P-384 or P-521`);
    const same: import('pkcs11js').Template = [
      ...((kid!.value).length > 0 ? [{ type: pkcs11js.CKA_ID, value: kid!.value }] : []),
      ...((klabel!.value).length > 0 ? [{ type: pkcs11js.CKA_LABEL, value: klabel!.value }] : []),
    ];
    const publicKey = tokenPublicKey(p11, pkcs11js, session, same) ?? opts.publicKey;
    if (!publicKey) throw usage('PKCS11_KEY_NOT_FOUND', `the token holds no public key or certificate for ${shown}: give --signing-certificate`);
    const type = keyTypeOf(publicKey);
    const hash = type === 'ecdsa-p256' ? 'sha256' : type === 'ecdsa-p384' ? 'sha384' : type === 'ecdsa-p521' ? 'sha512' : undefined;
    if (!hash) throw usage('KEY_UNSUPPORTED', `the key of ${shown} is on a curve modelsign does not sign with (P-256, P-384, P-521)`);
    const s = session;
    return {
      publicKey,
      label: `PKCS #11 key ${shown}`,
      sign(data: Buffer): Promise<Buffer> {
        const digest = createHash(hash).update(data).digest();
        try {
          p11.C_SignInit(s, { mechanism: pkcs11js.CKM_ECDSA }, key);
          return Promise.resolve(p1363ToDer(p11.C_Sign(s, digest, Buffer.alloc(132))));
        } catch (e) {
          return Promise.reject(tokenError(e, 'C_Sign', shown));
        }
      },
      close,
    };
  } catch (e) {
    await close();
    if (e instanceof ModelsignError) throw e;
    throw tokenError(e, 'PKCS #11', shown);
  }
}

/** The public key of the token's public key object, else its certificate object, with the same id/label. */
function tokenPublicKey(p11: InstanceType<Pkcs11js['PKCS11']>, pkcs11js: Pkcs11js, session: Session, same: import('pkcs11js').Template): KeyObject | undefined {
  if (same.length === 0) return undefined;
  const pubs = findObjects(p11, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY }, ...same]);
  if (pubs.length === 1) {
    const [params, point] = p11.C_GetAttributeValue(session, pubs[0]!, [{ type: pkcs11js.CKA_EC_PARAMS }, { type: pkcs11js.CKA_EC_POINT }]);
    return ecPublicKey(params!.value, point!.value);
  }
  const certs = findObjects(p11, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }, ...same]);
  if (certs.length === 1) {
    const [der] = p11.C_GetAttributeValue(session, certs[0]!, [{ type: pkcs11js.CKA_VALUE }]);
    return new X509Certificate(der!.value).publicKey;
  }
  return undefined;
}
