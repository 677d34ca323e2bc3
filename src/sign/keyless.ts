/**
 * Sigstore keyless signing as a BundleSigner: sigstore-js makes an ephemeral key, trades the
 * OIDC token for a Fulcio certificate binding that key to the token's identity, signs the
 * DSSE envelope, logs it in Rekor (and gets an RFC 3161 timestamp when a TSA is configured),
 * and returns a v0.3 bundle. The ephemeral key never leaves memory.
 *
 * The OIDC token comes from --identity-token, else SIGSTORE_ID_TOKEN, else the ambient GitHub
 * Actions credentials (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, with `id-token: write`).
 */
import { X509Certificate } from 'node:crypto';
import { ModelsignError, usage } from '../errors.js';
import { IN_TOTO_PAYLOAD_TYPE } from '../oms/dsse.js';
import { settings } from '../settings.js';
import type { BundleSigner } from './sign.js';

export const PUBLIC_GOOD = { fulcioURL: 'https://fulcio.sigstore.dev', rekorURL: 'https://rekor.sigstore.dev' } as const;
export const STAGING = {
  fulcioURL: 'https://fulcio.sigstage.dev',
  rekorURL: 'https://rekor.sigstage.dev',
  tsaURL: 'https://timestamp.sigstage.dev/api/v1/timestamp',
} as const;

export interface KeylessOptions {
  identityToken?: string;
  fulcioURL?: string;
  rekorURL?: string;
  tsaURL?: string;
  /** Use the Sigstore staging instance for every URL not given. */
  staging?: boolean;
  timeoutMs?: number;
}

export interface KeylessEndpoints {
  fulcioURL: string;
  rekorURL: string;
  tsaURL: string | undefined;
}

function checkUrl(name: string, u: string): string {
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    throw usage('BAD_OPTION', `${name} is not a URL: "${u}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw usage('BAD_OPTION', `${name} must be an http(s) URL: "${u}"`);
  // The identity token travels to Fulcio: plain http only to this machine (test instances).
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && !loopback) throw usage('BAD_OPTION', `${name} must use https (http is allowed only on loopback): "${u}"`);
  return u.replace(/\/+$/, '');
}

export function keylessEndpoints(opts: KeylessOptions): KeylessEndpoints {
  const base = opts.staging ? STAGING : { ...PUBLIC_GOOD, tsaURL: undefined };
  const tsa = opts.tsaURL ?? base.tsaURL;
  return {
    fulcioURL: checkUrl('--fulcio-url', opts.fulcioURL ?? base.fulcioURL),
    rekorURL: checkUrl('--rekor-url', opts.rekorURL ?? base.rekorURL),
    tsaURL: tsa === undefined ? undefined : checkUrl('--tsa-url', tsa),
  };
}

/**
 * An OIDC identity token is a JWT: three base64url parts, the middle one a JSON object. Checked
 * before anything is hashed or sent, and the message never repeats the token (it is a secret
 * that would end up in CI logs).
 */
function checkTokenShape(token: string, source: string): void {
  const parts = token.trim().split('.');
  const b64url = /^[A-Za-z0-9_-]+$/;
  let claims: unknown;
  if (parts.length === 3 && b64url.test(parts[0]!) && b64url.test(parts[1]!) && (parts[2] === '' || b64url.test(parts[2]!))) {
    try {
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      claims = undefined;
    }
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw usage('BAD_TOKEN', `${source} is not an OIDC identity token (a JWT: three base64url parts separated by dots, the middle one a JSON object)`);
  }
}

/** Fail early (before hashing a large model) when there is no way to get a token. */
export function checkTokenAvailable(opts: KeylessOptions): void {
  if (opts.identityToken !== undefined) {
    if (opts.identityToken.trim() === '') throw usage('MISSING_TOKEN', '--identity-token is empty');
    checkTokenShape(opts.identityToken, '--identity-token');
    return;
  }
  if (settings.identityToken) {
    checkTokenShape(settings.identityToken, 'SIGSTORE_ID_TOKEN');
    return;
  }
  if (settings.ambientCredentials) return;
  throw usage(
    'MISSING_TOKEN',
    'keyless signing needs an OIDC identity token: --identity-token TOKEN, SIGSTORE_ID_TOKEN, or GitHub Actions with "permissions: id-token: write"',
  );
}

/** The identity Fulcio certified, read from the bundle's certificate (for messages). */
export function bundleIdentity(bundle: object): string | undefined {
  const raw = (bundle as { verificationMaterial?: { certificate?: { rawBytes?: string } } }).verificationMaterial?.certificate?.rawBytes;
  if (!raw) return undefined;
  try {
    const san = new X509Certificate(Buffer.from(raw, 'base64')).subjectAltName;
    return san?.replace(/^(email|URI|DNS):/, '') ?? undefined;
  } catch {
    return undefined;
  }
}

export function keylessSigner(opts: KeylessOptions = {}): BundleSigner {
  checkTokenAvailable(opts);
  const ep = keylessEndpoints(opts);
  return async (payload: Buffer) => {
    const { attest } = await import('sigstore');
    try {
      const bundle = await attest(payload, IN_TOTO_PAYLOAD_TYPE, {
        fulcioURL: ep.fulcioURL,
        rekorURL: ep.rekorURL,
        ...(ep.tsaURL !== undefined ? { tsaServerURL: ep.tsaURL } : {}),
        ...((opts.identityToken ?? settings.identityToken) !== undefined ? { identityToken: opts.identityToken ?? settings.identityToken } : {}),
        timeout: opts.timeoutMs ?? 30_000,
        retry: { retries: 1 },
      });
      return bundle;
    } catch (e) {
      // sigstore-js may quote the token in its messages: never print it.
      const token = opts.identityToken ?? settings.identityToken;
      const scrub = (m: string) => (token ? m.split(token).join('<token>') : m);
      const msg = scrub(e instanceof Error ? e.message : String(e));
      // sigstore-js nests the HTTP/TLS cause; its first line says which service failed.
      const cause = scrub(e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '');
      throw new ModelsignError('KEYLESS_SIGN_FAILED', `keyless signing failed (${ep.fulcioURL}, ${ep.rekorURL}${ep.tsaURL ? `, ${ep.tsaURL}` : ''}): ${msg.split('\n')[0]}${cause.split('\n')[0]}`, {
        kind: 'reject',
        cause: e,
      });
    }
  };
}
