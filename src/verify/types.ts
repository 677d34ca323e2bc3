import type { Failure } from '../errors.js';
import type { ParsedBundle } from '../oms/bundle.js';
import type { ModelMetadata, ParsedStatement } from '../oms/statement.js';
import type { LineageReport } from '../lineage/report.js';
import type { PolicyReport } from '../policy/report.js';
import type { ScanReport } from '../scan/report.js';

/** Who signed, as established by a trust check. */
export interface SignerInfo {
  /** 'key' | 'certificate' | 'sigstore' */
  kind: string;
  /** One-line description, e.g. "key sha256:ab12..." or an identity. */
  description: string;
  keyHint?: string;
  keyType?: string;
  identity?: string;
  issuer?: string;
  /** Which configured authority accepted it (file name, identity rule...). */
  authority?: string;
  /** The earliest time a trusted RFC 3161 timestamp vouches for (ISO 8601), when one was verified. */
  signedAt?: string;
}

/** What a trust check may be told besides the bundle: verified times to judge certificates at. */
export interface TrustContext {
  /** Times vouched for by verified timestamps; certificates must be valid at each. Default: now. */
  signedTimes?: Date[];
}

/**
 * A trust check: given the parsed bundle and the DSSE PAE bytes, establish who signed or
 * throw a 'reject' ModelsignError. Key, certificate-chain and Sigstore checks implement it;
 * a policy may configure several, and any one suffices.
 */
export interface TrustCheck {
  /** What this authority is, for messages ("key release.pub"). */
  readonly label: string;
  /** 'key' | 'certificate' | 'sigstore': which kind of authority this is. */
  readonly kind?: string;
  verify(bundle: ParsedBundle, pae: Buffer, context?: TrustContext): SignerInfo | Promise<SignerInfo>;
}

export interface VerifyResult {
  verified: boolean;
  model: string;
  signature: string;
  rootDigest: string | undefined;
  subjectName: string | undefined;
  signer: string | undefined;
  signerInfo: SignerInfo | undefined;
  metadata: ModelMetadata | undefined;
  serialization: ParsedStatement['serialization'] | undefined;
  filesChecked: number;
  bytesHashed: number;
  /** Bytes read from the model's storage: hashing and scanning (an archive: as stored). */
  bytesRead: number;
  failures: Failure[];
  /** What the stages after the file check found (each present when its stage ran). */
  reports: Reports;
  /** Things worth telling the user that do not change the verdict. */
  notes: Notice[];
}

/**
 * A note or warning with a stable code: each client words it in its own terms (a CLI flag,
 * an Action input), `message` is the library's own wording.
 */
export interface Notice {
  code: string;
  message: string;
  /** A number the wording may use (how many parents...). */
  count?: number;
}

export interface Reports {
  lineage?: LineageReport;
  policy?: PolicyReport;
  scan?: ScanReport;
}

/** What to give when a Sigstore keyless signature arrives with no identity policy. */
export const NEED_IDENTITY =
  'give the identity you trust: --identity ID (or --identity-regexp RE) with --identity-provider ISSUER; without one, anyone Fulcio certified would be accepted';
