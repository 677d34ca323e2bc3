/**
 * The pre-1.0 format of the OpenSSF model_signing tool (its v0.2.0 release): predicate type
 * https://model_signing/Digests/v0.1, one in-toto subject per file (name + sha256 digest),
 * and a placeholder predicate. Verifiers MAY accept it (OMS spec, section 5.1); we read it so
 * models published with that release still verify, and never write it.
 *
 * Its signature is not over the DSSE PAE. v0.2.0 built the PAE as a Python f-string with the
 * payload *bytes object* interpolated, so what was signed is
 *     "DSSEV1 <len(type)> <type> <len(payload)> " + repr(payload)
 * (capital V, and repr() gives b'...' with escapes), UTF-8 encoded; and ECDSA always hashed
 * with SHA-256 whatever the curve. `legacyPae` rebuilds those bytes exactly.
 */
import { reject } from '../errors.js';
import type { Resource } from '../hashing/serialize.js';
import { isObject, type JsonValue } from '../util/strict-json.js';
import type { ParsedStatement } from './statement.js';

/** model_signing v0.2's predicate type (its Digests/v0.1 statements). */
export const LEGACY_PREDICATE_TYPE = 'https://model_signing/Digests/v0.1';

/** The model name model_signing itself reports for these payloads (they carry none). */
export const LEGACY_MODEL_NAME = 'compat-undefined-not-present';
const MAX_SUBJECTS = 1_000_000;

/**
 * Python's repr() of a bytes object, byte for byte (CPython's bytes_repr rules), as ASCII bytes.
 * Written straight into one buffer of the exact size: the payload is hostile until its
 * signature checks, and a string built piece by piece cost ~100 bytes of heap per input byte.
 */
export function pythonBytesReprBytes(data: Uint8Array): Buffer {
  const len = data.length;
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < len; i++) {
    const c = data[i]!;
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  // Single quotes unless the data holds ' and no ".
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let n = 3;
  for (let i = 0; i < len; i++) {
    const c = data[i]!;
    n += c === quote || c === 0x5c || c === 0x09 || c === 0x0a || c === 0x0d ? 2 : c < 0x20 || c >= 0x7f ? 4 : 1;
  }
  const out = Buffer.allocUnsafe(n);
  let o = 0;
  out[o++] = 0x62; // b
  out[o++] = quote;
  for (let i = 0; i < len; i++) {
    const c = data[i]!;
    if (c === quote || c === 0x5c) {
      out[o++] = 0x5c;
      out[o++] = c;
    } else if (c === 0x09 || c === 0x0a || c === 0x0d) {
      out[o++] = 0x5c;
      out[o++] = c === 0x09 ? 0x74 : c === 0x0a ? 0x6e : 0x72; // t n r
    } else if (c < 0x20 || c >= 0x7f) {
      const hi = c >> 4;
      const lo = c & 15;
      out[o++] = 0x5c;
      out[o++] = 0x78; // x
      out[o++] = hi < 10 ? 0x30 + hi : 0x57 + hi; // 0-9, a-f
      out[o++] = lo < 10 ? 0x30 + lo : 0x57 + lo;
    } else {
      out[o++] = c;
    }
  }
  out[o++] = quote;
  return out;
}

/** Python's repr() of a bytes object, as a string. */
export function pythonBytesRepr(data: Uint8Array): string {
  return pythonBytesReprBytes(data).toString('latin1');
}

/** The bytes model_signing v0.2.0 signed for a payload (see the module comment). */
export function legacyPae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEV1 ${type.length} ${payloadType} ${payload.length} `, 'utf8'), pythonBytesReprBytes(payload)]);
}

/** True when the payload is a legacy Digests/v0.1 statement (cheap check before parsing fully). */
export function isLegacyPayload(payload: Uint8Array): boolean {
  // Only payloads that name the legacy predicate get the legacy PAE: a v1.0 statement is
  // only ever accepted under the real DSSE PAE.
  if (payload.length > 64 * 1024 * 1024) return false;
  try {
    const st = JSON.parse(Buffer.from(payload).toString('utf8')) as unknown;
    return isObject(st) && (st as { predicateType?: unknown }).predicateType === LEGACY_PREDICATE_TYPE;
  } catch {
    return false;
  }
}

function bad(msg: string): never {
  throw reject('STATEMENT_MALFORMED', `legacy (model_signing v0.2) statement is malformed: ${msg}`);
}

/** Read a Digests/v0.1 statement into the shape verify uses: every subject is a file. */
export function readLegacyStatement(st: { [k: string]: JsonValue }): ParsedStatement {
  const subjects = st.subject;
  if (!Array.isArray(subjects) || subjects.length === 0) bad('subject must be a non-empty array');
  if (subjects.length > MAX_SUBJECTS) bad(`more than ${MAX_SUBJECTS} subjects`);
  const resources: Resource[] = subjects.map((s, i) => {
    if (!isObject(s)) bad(`subject[${i}] must be an object`);
    if (typeof s.name !== 'string') bad(`subject[${i}].name must be a string`);
    if (!isObject(s.digest) || typeof s.digest.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(s.digest.sha256)) {
      bad(`subject[${i}].digest.sha256 must be 64 lowercase hex characters`);
    }
    // v0.2 recorded how the digest was really computed; only whole-file SHA-256 existed in
    // the signatures that tool wrote, and anything else would need rules we cannot know.
    const ann = s.annotations;
    if (ann !== undefined) {
      if (!isObject(ann)) bad(`subject[${i}].annotations must be an object`);
      const actual = ann.actual_hash_algorithm;
      if (actual !== undefined && actual !== 'file-sha256') {
        throw reject('UNSUPPORTED_FORMAT', `legacy signature uses hash ${JSON.stringify(actual)} for ${s.name}; only file-sha256 is supported`);
      }
    }
    return { name: s.name, digest: s.digest.sha256, algorithm: 'sha256' };
  });
  return {
    format: 'legacy-v0.1',
    subjectName: LEGACY_MODEL_NAME,
    // No signed root digest: the pipeline computes one over the listed order.
    rootDigest: undefined,
    serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false },
    resources,
    metadata: undefined,
    raw: st,
  };
}

