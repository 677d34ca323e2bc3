/** `modelsign sign MODEL --keyless ...`: the same signing pipeline with a Sigstore signer. */
import { registryOptions } from './oci.js';
import { usage } from '../errors.js';
import { hashingOptions, type HashingFlags } from './common.js';
import type { SignLineage } from '../lineage/sign.js';
import { reportSigned } from './report.js';
import { engineFlags } from './progress.js';

/** The sign command's flags that keyless signing reads (sign.ts adds lineage and --keyless). */
export interface KeylessSignFlags extends HashingFlags {
  key?: string;
  insecureRegistry?: string[];
  version?: string;
  name?: string;
  license?: string;
  signature?: string;
  json?: boolean;
  identityToken?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  staging?: boolean;
}

export async function signKeyless(model: string, o: KeylessSignFlags, lineage?: SignLineage): Promise<number> {
  if (o.key) throw usage('BAD_OPTION', '--keyless and --key exclude each other');
  if (!o.version) throw usage('MISSING_OPTION', 'sign needs --version SEMVER (e.g. --version 1.0.0)');
  const { keylessSigner, bundleIdentity, keylessEndpoints } = await import('../sign/keyless.js');
  const { signModel } = await import('../sign/sign.js');
  const kopts = {
    ...(o.identityToken !== undefined ? { identityToken: o.identityToken } : {}),
    ...(o.fulcioUrl ? { fulcioURL: o.fulcioUrl } : {}),
    ...(o.rekorUrl ? { rekorURL: o.rekorUrl } : {}),
    ...(o.tsaUrl ? { tsaURL: o.tsaUrl } : {}),
    ...(o.staging ? { staging: true } : {}),
  };
  const signer = keylessSigner(kopts);
  const ep = keylessEndpoints(kopts);
  const engine = engineFlags(o, 'hashing');
  let identity: string | undefined;
  const r = await signModel({
    model,
    open: { oci: { registry: registryOptions(o) } },
    version: o.version,
    ...(lineage ? { lineage } : {}),
    signer: async (payload) => {
      const b = await signer(payload);
      identity = bundleIdentity(b);
      return b;
    },
    ...(o.name ? { name: o.name } : {}),
    ...(o.license ? { license: o.license } : {}),
    ...(o.signature ? { signature: o.signature } : {}),
    ...hashingOptions(o),
    engine,
  });
  reportSigned(r, o, engine, {
    json: { keyless: { identity: identity ?? null, fulcio: ep.fulcioURL, rekor: ep.rekorURL, tsa: ep.tsaURL ?? null } },
    text: `\n  identity:    ${identity ?? '(unknown)'} (Sigstore keyless, logged in ${ep.rekorURL})`,
  });
  return 0;
}
