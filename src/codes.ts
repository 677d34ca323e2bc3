/**
 * Every code modelsign reports, in one registry: a closed union per area. A ModelsignError,
 * a verification failure, a scan finding and a notice each carry one of these, so a code
 * that is not listed here does not compile; docs/cli.md's code table is generated from this
 * file (scripts/codes-doc.mjs) and a test keeps the two equal. `--json` output, audit logs and
 * scripts match on codes: they are part of the public contract and are never renamed.
 */

/** The command, its flags, environment or inputs were used wrongly (exit 2). */
export const USAGE_CODES = {
  MISSING_ARGUMENT: 'a required argument left out (`modelsign sign` with no MODEL)',
  UNKNOWN_OPTION: 'an option the command does not take',
  UNKNOWN_COMMAND: 'a command or subcommand that does not exist',
  MISSING_COMMAND: 'a command that only groups subcommands (`policy`, `audit`, `trusted-root`) given none',
  BAD_OPTION: 'an option value that is not allowed (not one of its choices, not a number, not a URL...)',
  MISSING_OPTION_VALUE: 'an option without its value (`--key` at the end of the line)',
  MISSING_OPTION: 'an option the command cannot do without (`verify` without anything to trust)',
  TOO_MANY_ARGUMENTS: 'more arguments than the command takes',
  CONFLICTING_OPTIONS: 'two options that exclude each other',
  USAGE: 'any other command-line mistake',
  BAD_ENV: 'a MODELSIGN_* variable whose value its option refuses',
  UNKNOWN_ENV: 'a MODELSIGN_* variable that matches no option of the command',
  MISSING_INPUT: 'GitHub Action: a required input left out',
  BAD_INPUT: 'GitHub Action: an input value that is not allowed',
  BAD_SHARD_SIZE: '--shard-size is not a positive whole number of bytes',
  BAD_VERSION: '--version is not a semantic version',
  BAD_KEY_TYPE: 'keygen --type names no supported key type',
  NO_TRUST: 'nothing to verify against: no key, certificate chain, identity or policy trust section',
  TRUST_CONFLICT: "trust given twice (keys or identities beside a policy's trust section) without saying which wins",
  MISSING_IDENTITY: 'a Sigstore signature (or an issuer or trusted root) without an identity to trust',
  BAD_IDENTITY: 'an identity rule with both an exact identity and a regular expression, or a bad expression',
  MISSING_TOKEN: 'keyless signing without an OIDC identity token',
  BAD_TOKEN: 'an identity token that is not a JWT',
  EMPTY_MODEL: 'no file to sign after exclusions, or (shards) only empty files (OMS v1.0 §6.1)',
  MODEL_NOT_FOUND: 'the model path does not exist or cannot be opened',
  MODEL_IS_SIGNATURE: 'verify was given a signature file (a Sigstore bundle) where the model belongs (the message names the model to give)',
  HF_NOT_CACHED: 'an hf:// model (or its revision) is not in the local Hugging Face cache (the message names the cache and the `hf download` to run)',
  HF_BAD_REFERENCE: 'an hf:// reference that is not hf://org/name[@revision]',
  OCI_BAD_REFERENCE: 'not a valid oci:// or oci: reference: no tag or digest, credentials in it, several layout manifests and no tag',
  OCI_INDEX: 'the OCI reference names an image index: name one of the manifests it lists, by digest',
  REGISTRY_UNREACHABLE: 'the OCI registry cannot be reached (refused, DNS, TLS, no answer for 60 s, slower than the minimum rate)',
  REGISTRY_DENIED: 'the OCI registry refused access (HTTP 401/403) with the configured credentials, or there are none',
  REGISTRY_AUTH_CONFIG: 'the Docker configuration or a credential helper cannot be used',
  REGISTRY_ERROR: 'the OCI registry answered otherwise than the distribution API says',
  PULL_FAILED: '--pull-to DIR cannot be used (exit 2), or a pulled file could not be written (a failure of that file, exit 1)',
  WRITE_FAILED: 'an output file (signature, trusted root cache) cannot be written',
  DRILL_BASELINE_REFUSED: "drill: the set-up refuses the drill's correctly signed model, so nothing could be tested",
} as const;

/** The model's files, as listed and hashed: the model must not be used (exit 1; sign: exit 2). */
export const MODEL_CODES = {
  FILE_CHANGED: "a signed file's content (or size) differs",
  FILE_MISSING: 'a signed file is not there',
  FILE_UNEXPECTED: 'a file of the model is not in the signature',
  FILE_CHANGED_DURING_HASH: 'the file changed while (or after) it was read: not verified',
  FILE_IS_SYMLINK: 'a link where the signature has a regular file',
  FILE_REPLACED: 'a file or directory changed identity while the model was read',
  FILE_UNREADABLE: 'a file that cannot be opened or read (the errno is in the message)',
  SPECIAL_FILE: 'a FIFO, socket or device (never opened)',
  SYMLINK_REFUSED: 'a symlink where links are not allowed (or a link to a directory, or through a link)',
  SYMLINK_OUTSIDE: 'a symlink that points outside the model',
  SYMLINK_BROKEN: 'a symlink whose target does not exist',
  SYMLINK_LOOP: 'a directory reached twice, or a chain of links that loops',
  UNSAFE_NAME: 'a name that is not a clean relative path: absolute, "..", control characters, not valid UTF-8',
  DUPLICATE_NAME: 'a name listed twice (in a signature or an archive)',
  NAME_COLLISION: 'names that are the same after Unicode normalisation or case folding',
  UNREADABLE: 'a directory that cannot be listed or an entry that cannot be examined (EACCES, EIO...)',
  PATH_TOO_LONG: 'a path too long for the system to open (ENAMETOOLONG)',
  TOO_DEEP: 'directory nesting deeper than modelsign walks',
  TOO_MANY_FILES: 'a model with more than 1,000,000 files, or an archive with more than 1,000,000 entries or 64 MiB of entry names',
  ARCHIVE_MALFORMED: "an archive that GNU tar and Python's tarfile would not read the same way, or not at all (docs/archives.md)",
  ARCHIVE_LINK_OUTSIDE: 'an archive hard link to something that is not an earlier file of the model',
  UNSUPPORTED_ENTRY: 'an archive entry type modelsign does not read (sparse files, unknown types)',
  LFS_POINTER: 'a Git LFS pointer file in place of the real file (a clone without `git lfs pull`); scan reports it too',
  HF_BLOB_MISMATCH: 'a Hugging Face cache blob named by its sha256 whose content has another digest',
  OCI_MANIFEST_MALFORMED: 'an OCI manifest, index or referrers list is not valid',
  OCI_TOO_LARGE: 'an OCI manifest, list or token answer larger than modelsign reads',
  OCI_DIGEST_MISMATCH: 'an OCI manifest or blob does not match its digest or size',
  OCI_BLOB_UNREADABLE: 'an OCI blob could not be read (missing, a link in a layout, the registry went away while sending it)',
  OCI_LAYER_UNSUPPORTED: 'an OCI layer that is neither a named file nor a readable tar archive (zstd, encrypted, unknown)',
  OCI_WHITEOUT: 'a tar layer entry named .wh.* (an OCI whiteout): an image runtime would delete a file of another layer, which modelsign does not overlay',
} as const;

/** The signature, its statement and who signed it (exit 1). */
export const SIGNATURE_CODES = {
  SIG_MISSING: 'the signature file is absent',
  SIG_MALFORMED: 'the signature file is not a valid Sigstore bundle with a DSSE envelope',
  SIG_TOO_LARGE: 'the signature file is larger than verify reads (sign: would be)',
  SIG_UNREADABLE: 'the signature path cannot be read (a directory, no permission)',
  SIG_INVALID: 'the signature does not verify with the trusted key or certificate',
  SIG_WRONG_MATERIAL: 'the bundle was signed with a certificate, not a key (or the reverse)',
  KEY_HINT_MISMATCH: 'the bundle names a different key than the trusted one',
  STATEMENT_MALFORMED: 'the signed statement is not a valid OMS statement',
  UNSUPPORTED_FORMAT: 'the bundle holds something other than a model signature',
  EMPTY_MANIFEST: 'the signature lists no resource: it covers nothing (OMS v1.0 §5.2.1; refused even under --ignore-unsigned-files)',
  ROOT_DIGEST_MISMATCH: 'the signed root digest does not match the signed resource list',
  JSON_MALFORMED: 'JSON that is not strict (duplicate keys, bad escapes, too deep)',
  CERT_MALFORMED: 'a certificate in the signature or a trusted root file cannot be parsed',
  CERT_CHAIN_INVALID: 'a certificate in the chain is not allowed to issue the next one',
  CERT_CHAIN_UNTRUSTED: 'the signing certificate does not chain to a trusted root',
  CERT_EXPIRED: 'a certificate in the chain had expired at the verification time',
  CERT_NOT_YET_VALID: 'a certificate in the chain was not yet valid at the verification time',
  CERT_USAGE: 'the signing certificate is not allowed to sign code (key usage, extended key usage)',
  CERT_CRITICAL_EXTENSION: 'a certificate in the chain has a critical extension the check does not process (RFC 5280)',
  ROOTS_UNREADABLE: 'a trusted root certificate file cannot be read',
  IDENTITY_MISMATCH: 'the Sigstore certificate carries another identity than the trusted ones',
  ISSUER_MISMATCH: 'the Sigstore identity was certified by another OIDC issuer than the trusted one',
  SIGSTORE_CERT_INVALID: 'the Fulcio certificate does not verify against the Sigstore trusted root',
  SIGSTORE_TIMESTAMP_INVALID: 'the signature timestamp does not verify',
  SIGSTORE_TLOG_INVALID: 'the Rekor transparency log entry does not verify',
  SIGSTORE_TLOG_MISMATCH: 'the Rekor entry is for another signature',
  SIGSTORE_INVALID: 'any other Sigstore verification failure',
  TRUSTED_ROOT_INVALID: 'a Sigstore trusted root file that is not valid',
  TRUSTED_ROOT_UNREADABLE: 'a Sigstore trusted root file that cannot be read',
  TRUSTED_ROOT_MISSING: 'the Sigstore trusted root shipped with modelsign is missing (a broken install)',
  TUF_UPDATE_FAILED: '`trusted-root update` could not refresh the root through TUF',
  KEYLESS_SIGN_FAILED: 'Fulcio, Rekor or the timestamp authority refused or failed while signing',
  TIMESTAMP_INVALID: 'an RFC 3161 timestamp is malformed, not signed by a trusted TSA, or not over this signature',
  TIMESTAMP_FAILED: 'the timestamp authority could not be reached, refused, or answered another request (exit 1)',
  TSA_UNREADABLE: 'a --timestamp-authority file cannot be read or holds no certificate',
  CERT_UNREADABLE: 'a --signing-certificate or --certificate-chain file is missing or holds no certificate',
  CERT_KEY_MISMATCH: 'the signing certificate certifies another key than --key',
} as const;

/** Key files and passphrases (exit 2). */
export const KEY_CODES = {
  KEY_EXISTS: 'keygen would overwrite an existing key file',
  KEY_UNREADABLE: 'a key file that cannot be read or parsed',
  KEY_UNSUPPORTED: 'a key type modelsign does not sign or verify with',
  KEY_WRITE_FAILED: 'keygen cannot write the key files',
  KEY_WRONG_KIND: 'a private key where a public one belongs, or the reverse',
  BAD_PASSPHRASE: 'the passphrase does not decrypt the key',
  NO_PASSPHRASE: 'an encrypted key without a passphrase to decrypt it',
  PASSPHRASE_MISMATCH: 'the two passphrases typed at keygen differ',
  KEY_MISMATCH: "a token's private key does not match the public key found for it",
  NO_PIN: 'the PKCS #11 token needs a PIN and none was given',
  BAD_PIN: 'the PKCS #11 PIN is wrong or locked',
  PIN_UNREADABLE: 'the pin-source file of a PKCS #11 URI cannot be read',
  PKCS11_URI_INVALID: 'a PKCS #11 URI (RFC 7512) that is malformed',
  PKCS11_URI_UNSUPPORTED: 'a PKCS #11 URI attribute modelsign does not support (vendor x- ones, a pin-source program)',
  PKCS11_UNAVAILABLE: 'the pkcs11js binding (an optional dependency) is not installed or did not build',
  PKCS11_MODULE_NOT_FOUND: 'no PKCS #11 module named, or it cannot be loaded, or module-name finds none',
  PKCS11_TOKEN_NOT_FOUND: 'no initialized token matches the PKCS #11 URI',
  PKCS11_TOKEN_AMBIGUOUS: 'more than one token matches the PKCS #11 URI',
  PKCS11_KEY_NOT_FOUND: 'no private key (or no public key for it) matches object/id',
  PKCS11_KEY_AMBIGUOUS: 'more than one private key matches object/id',
  PKCS11_FAILED: 'the token refused an operation (the CKR_* code is in the message)',
} as const;

/** Lineage, anti-rollback and revocation (exit 1; store and state problems: exit 2). */
export const LINEAGE_CODES = {
  LINEAGE_MALFORMED: "the signed lineage metadata (or an ancestor's bundle) is malformed",
  LINEAGE_MISSING: "no bundle with the parent's root digest in the lineage store",
  LINEAGE_UNTRUSTED: "an ancestor's signature is not trusted",
  LINEAGE_BUNDLE_MISMATCH: 'the store holds another signature than the one the child recorded',
  LINEAGE_LINK_MISMATCH: "the ancestor's signature names another model or version than the link",
  LINEAGE_TOO_DEEP: 'the ancestry is deeper than modelsign walks',
  LINEAGE_TOO_LARGE: 'the ancestry has more links than modelsign walks',
  LINEAGE_NO_VERSION: 'an ancestor carries no semantic version',
  LINEAGE_VERSION_ORDER: 'a new version of a model names a parent with the same name and a version not lower',
  LINEAGE_CYCLE: 'a parent has the same root digest as the model being signed',
  LINEAGE_STORE_UNREADABLE: 'the lineage store cannot be read',
  LINEAGE_STORE_TOO_LARGE: 'the lineage store holds more entries than modelsign reads, or more files than it indexes by content and none named for the ancestor',
  LINEAGE_NOT_BUNDLE: '`lineage add`: a file that is not a modelsign signature bundle (exit 2, with the reason)',
  REVOKED_NEEDS_LINEAGE: 'a revocation list for a model with parents, without a lineage store: only the direct parents could be checked (exit 2)',
  PARENT_UNREADABLE: 'a parent signature file cannot be read',
  PARENT_MALFORMED: 'a parent signature is broken',
  PARENT_UNTRUSTED: 'a parent signature is not trusted',
  PARENT_NO_VERSION: 'a parent signature carries no semantic version',
  NO_VERSION: 'the model carries no semantic version, so no minimum or rollback check can be made',
  VERSION_BELOW_MINIMUM: 'the model version is below --min-version',
  VERSION_ROLLBACK: 'the model version is lower than one verified before (anti-rollback state)',
  REVOKED: 'the model or an ancestor is on the revocation list',
  BAD_REVOKED_LIST: 'a revocation list line that is not sha256:<64 hex>',
  STATE_CORRUPT: 'the anti-rollback state file is corrupt (fails closed)',
  STATE_UNREADABLE: 'the anti-rollback state file cannot be read',
  STATE_LOCKED: 'the anti-rollback state file is locked by another verifier for too long',
  STATE_WRITE_FAILED: 'the anti-rollback state file cannot be written',
} as const;

/** The verification policy (exit 1; an invalid or unreadable policy: exit 2). */
export const POLICY_CODES = {
  POLICY_INVALID: 'the policy file is not valid (the field and the reason are in the message)',
  POLICY_UNREADABLE: 'the policy file cannot be read',
  POLICY_LICENSE_DENIED: 'a license that binds the model is denied for the purpose',
  POLICY_LICENSE_NOT_ALLOWED: 'a license that binds the model is not allowed for the purpose',
  POLICY_LICENSE_UNKNOWN: 'a license that binds the model is not a known license and not allowed by name',
  POLICY_PURPOSE_NOT_COVERED: 'the policy has no license rule for the purpose',
  POLICY_REVOKED: "the model or an ancestor is on the policy's revoked list",
  POLICY_MIN_VERSION: "the model or an ancestor is below the policy's minimum version",
  POLICY_LINEAGE_REQUIRED: 'the policy requires verified lineage, but none was checked',
  POLICY_LINEAGE_UNVERIFIED: 'the policy requires verified lineage, but an ancestor did not verify',
  POLICY_LINEAGE_UNKNOWN: 'the model has parents whose licenses bind it, but no lineage was checked',
} as const;

/** verify's formats stage and `modelsign scan` (exit 1; scan of a missing path: exit 2). */
export const SCAN_CODES = {
  FORMAT_DENIED: 'the policy denies the format of this file',
  FORMAT_UNCHECKED: 'a file could not be looked at, so it may be of a denied format (fails closed)',
  SCAN_FINDING: 'the scanner found something at or above the policy failOn severity',
  SCAN_NOT_FOUND: '`modelsign scan` of a path that does not exist',
} as const;

/** What the scanner reports inside files (docs/scanning.md); each finding has a severity. */
export const FINDING_CODES = {
  PICKLE_DANGEROUS_GLOBAL: 'a pickle imports something that runs code when loaded',
  PICKLE_UNKNOWN_GLOBAL: 'a pickle imports something not on the allow-list for weights',
  PICKLE_NONSTRING_GLOBAL: 'a pickle builds an import from values that are not plain strings (an evasion)',
  PICKLE_EXTENSION: 'a pickle imports through the extension registry, which the scanner cannot see',
  PICKLE_MALFORMED: 'a pickle that does not parse',
  PICKLE_FRAME_MISMATCH: 'an opcode argument that runs past its FRAME: pickle.load and pickle.loads read different opcodes',
  SAFETENSORS_HEADER_LENGTH: 'a safetensors header length that is impossible',
  SAFETENSORS_HEADER_JSON: 'a safetensors header that is not strict JSON',
  SAFETENSORS_TRUNCATED: 'a safetensors file shorter than its header says',
  SAFETENSORS_TENSOR: 'a safetensors tensor entry that is malformed',
  SAFETENSORS_DTYPE: 'a safetensors tensor with an unknown dtype',
  SAFETENSORS_OFFSETS: 'safetensors tensors whose data ranges overlap, leave gaps or lie outside the data',
  SAFETENSORS_SIZE: "a safetensors tensor whose byte size does not match its shape and dtype",
  SAFETENSORS_DUPLICATE_KEY: 'a safetensors header with a key twice',
  SAFETENSORS_METADATA: 'safetensors __metadata__ that is not a map of strings',
  SAFETENSORS_TRAILING_BYTES: 'bytes after the last safetensors tensor (hidden data)',
  GGUF_BAD_MAGIC: 'a .gguf file that does not start with the GGUF magic',
  GGUF_VERSION: 'a GGUF version the scanner does not read',
  GGUF_MALFORMED: 'a GGUF header that does not parse',
  GGUF_TENSOR: 'a GGUF tensor that is misaligned, out of range, overlapping or of an unknown type',
  NPY_MALFORMED: 'an .npy header that does not parse',
  ZIP_MALFORMED: 'a zip (PyTorch checkpoint, .npz) that cannot be read safely',
  ZIP_AMBIGUOUS: "a zip that Python's zipfile, PyTorch's reader and streaming readers would read differently",
  ZIP_ENCRYPTED: 'an encrypted zip member, which cannot be scanned',
  ZIP_NESTED: 'a zip inside a zip (not scanned)',
  SCAN_LIMIT: 'a file or member over a scan limit (not fully scanned)',
  SCAN_SKIPPED: 'a file or entry that was not scanned, with the reason',
} as const;

/** The audit log (exit 1: the log does not check; exit 2: cannot be written or read). */
export const AUDIT_CODES = {
  AUDIT_CHAIN_BROKEN: 'a line of the audit log is not chained to the one before it (edited, removed, reordered)',
  AUDIT_UNREADABLE: 'the audit log cannot be read',
  AUDIT_WRITE_FAILED: 'the audit log cannot be written (or locked)',
} as const;

/** The attack drill's verdict on a set-up (exit 1): not every attack was shown to be stopped. */
export const DRILL_CODES = {
  DRILL_MISSED: 'drill: the set-up accepted an attacked model (the report names what would stop it)',
  DRILL_SKIPPED: 'drill: an attack could not be run, so the set-up was not fully tested (`--allow-skips` accepts that)',
} as const;

/** Not a verdict on anything: a bug or an environment failure nobody foresaw (exit 3). */
export const INTERNAL_CODES = {
  INTERNAL: 'an internal error (a bug: please report it)',
} as const;

/** Notes and warnings that do not change a verdict (each client words them its own way). */
export const NOTICE_CODES = {
  ANY_ISSUER: 'a Sigstore identity is trusted from any OIDC issuer',
  LINEAGE_NOT_CHECKED: 'the model names parents, but no lineage store was given to check them',
  LINEAGE_STORE_SKIPPED: 'files in the lineage store that were not used, each with the reason (not a bundle, a link outside the store, too large...)',
  DRILL_THROWAWAY_KEY: "drill: the models are signed with a throwaway key, trusted in place of the set-up's own trust",
  DRILL_STATE_COPY: 'drill: each attack works on a temporary copy of the anti-rollback state file (the file is not changed)',
  DRILL_STORE_COPY: 'drill: the attacks work on an empty temporary store in place of the lineage store (the store is not changed)',
  DRILL_REVOKED_COPY: 'drill: the revoked-ancestor attack revokes its parent in a temporary copy of the revocation list (the file is not changed)',
  DRILL_POLICY_REVOKED_COPY: "drill: the revoked-ancestor attack revokes its parent in an in-memory copy of the policy's revoked list (the file is not changed)",
  DRILL_AUDIT_COPY: 'drill: its decisions go to a new temporary audit log (the log is not changed)',
  DRILL_SIGNATURE_NOT_USED: "drill: the signature path is not used: the drill's models carry their own signatures",
  DRILL_PULL_TO_NOT_USED: "drill: the pull directory is not used: the drill's models are local",
} as const;

export const CODE_AREAS = {
  usage: USAGE_CODES,
  model: MODEL_CODES,
  signature: SIGNATURE_CODES,
  keys: KEY_CODES,
  lineage: LINEAGE_CODES,
  policy: POLICY_CODES,
  scan: SCAN_CODES,
  findings: FINDING_CODES,
  audit: AUDIT_CODES,
  drill: DRILL_CODES,
  internal: INTERNAL_CODES,
  notices: NOTICE_CODES,
} as const;

export type UsageCode = keyof typeof USAGE_CODES;
export type ModelCode = keyof typeof MODEL_CODES;
export type SignatureCode = keyof typeof SIGNATURE_CODES;
export type KeyCode = keyof typeof KEY_CODES;
export type LineageCode = keyof typeof LINEAGE_CODES;
export type PolicyCode = keyof typeof POLICY_CODES;
export type ScanCode = keyof typeof SCAN_CODES;
/** A scan finding's code; an LFS pointer is a model code that scan reports as a finding too. */
export type FindingCode = keyof typeof FINDING_CODES | 'LFS_POINTER';
export type AuditCode = keyof typeof AUDIT_CODES;
export type DrillCode = keyof typeof DRILL_CODES;
export type NoticeCode = keyof typeof NOTICE_CODES;

/** Every code an error or a failure may carry. */
export type Code = UsageCode | ModelCode | SignatureCode | KeyCode | LineageCode | PolicyCode | ScanCode | FindingCode | AuditCode | DrillCode | keyof typeof INTERNAL_CODES;

const ALL: ReadonlySet<string> = new Set(Object.values(CODE_AREAS).flatMap((a) => Object.keys(a)));

/** Whether `s` is a registered code (for codes that arrive as strings, e.g. from a worker thread). */
export function isCode(s: string): s is Code {
  return ALL.has(s) && !(s in NOTICE_CODES);
}
