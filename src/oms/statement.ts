/**
 * The in-toto Statement v1 that OMS signs, and its strict reader.
 *
 * modelsign's own metadata (name, version, license, creation time, tool, lineage) lives in
 * subject[0].annotations.modelsign: in-toto allows annotations on a subject and the OMS
 * schema lets subjects carry extra fields, so every OMS verifier still accepts the bundle.
 */
import { reject } from '../errors.js';
import { isHashAlgorithm, type HashAlgorithm } from '../hashing/algorithms.js';
import type { Resource, SerializationMethod } from '../hashing/serialize.js';
import { isObject, parseStrictJson, type JsonValue } from '../util/strict-json.js';
import { LEGACY_PREDICATE_TYPE, readLegacyStatement } from './legacy.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const OMS_PREDICATE_TYPE = 'https://model_signing/signature/v1.0';

export interface Serialization {
  method: SerializationMethod;
  hash_type: HashAlgorithm;
  allow_symlinks: boolean;
  shard_size?: number;
  ignore_paths?: string[];
}

/** modelsign metadata carried in the subject's annotations. */
export interface ModelMetadata {
  name: string;
  version?: string;
  license?: string;
  created?: string;
  tool?: string;
  /** Filled in by the lineage feature; opaque to the core. */
  lineage?: JsonValue;
  [k: string]: JsonValue | undefined;
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: [{ name: string; digest: { sha256: string }; annotations?: { modelsign?: ModelMetadata } }];
  predicateType: typeof OMS_PREDICATE_TYPE;
  predicate: { serialization: Serialization; resources: Resource[] };
}

export function buildStatement(opts: {
  name: string;
  rootDigest: string;
  serialization: Serialization;
  resources: Resource[];
  metadata?: ModelMetadata;
}): Statement {
  const subject: Statement['subject'][0] = { name: opts.name, digest: { sha256: opts.rootDigest } };
  if (opts.metadata) subject.annotations = { modelsign: opts.metadata };
  return {
    _type: STATEMENT_TYPE,
    subject: [subject],
    predicateType: OMS_PREDICATE_TYPE,
    predicate: { serialization: opts.serialization, resources: opts.resources },
  };
}

/** What verify needs from a payload, whatever format version it came in. */
export interface ParsedStatement {
  format: 'oms-v1.0' | 'legacy-v0.1';
  subjectName: string;
  rootDigest: string | undefined;
  serialization: Serialization;
  resources: Resource[];
  metadata: ModelMetadata | undefined;
  raw: JsonValue;
}

const HEX = /^[0-9a-f]+$/;
const MAX_RESOURCES = 1_000_000;

function bad(msg: string): never {
  throw reject('STATEMENT_MALFORMED', `signed statement is malformed: ${msg}`);
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') bad(`${what} must be a string`);
  return v;
}

function parseResources(v: unknown, hashType: HashAlgorithm): Resource[] {
  if (!Array.isArray(v)) bad('predicate.resources must be an array');
  if (v.length > MAX_RESOURCES) bad(`more than ${MAX_RESOURCES} resources`);
  return v.map((r, i) => {
    if (!isObject(r)) bad(`resources[${i}] must be an object`);
    const name = str(r.name, `resources[${i}].name`);
    const digest = str(r.digest, `resources[${i}].digest`);
    const algorithm = str(r.algorithm, `resources[${i}].algorithm`);
    if (!HEX.test(digest)) bad(`resources[${i}].digest is not lowercase hex`);
    // model_signing writes the algorithm per resource; sharded manifests from some
    // versions say e.g. "sha256-sharded-1024". The digest itself is always hash_type.
    if (algorithm !== hashType && !algorithm.startsWith(`${hashType}-`)) {
      bad(`resources[${i}].algorithm "${algorithm}" does not match hash_type "${hashType}"`);
    }
    return { name, digest, algorithm };
  });
}

function parseSerialization(v: unknown): Serialization {
  if (!isObject(v)) bad('predicate.serialization must be an object');
  const method = v.method;
  if (method !== 'files' && method !== 'shards') bad(`unknown serialization method ${JSON.stringify(method)}`);
  const hashType = v.hash_type;
  if (!isHashAlgorithm(hashType)) bad(`unknown hash_type ${JSON.stringify(hashType)}`);
  const allow = v.allow_symlinks;
  if (typeof allow !== 'boolean') bad('serialization.allow_symlinks must be a boolean');
  const out: Serialization = { method, hash_type: hashType, allow_symlinks: allow };
  if (v.ignore_paths !== undefined) {
    if (!Array.isArray(v.ignore_paths) || !v.ignore_paths.every((p) => typeof p === 'string')) bad('ignore_paths must be an array of strings');
    out.ignore_paths = v.ignore_paths;
  }
  if (method === 'shards') {
    const s = v.shard_size;
    // Some model_signing versions write the shard size as a float (e.g. 1000000.0).
    if (typeof s !== 'number' || !Number.isSafeInteger(s) || s <= 0) bad('shard_size must be a positive integer');
    out.shard_size = s;
  }
  return out;
}

function parseMetadata(subject: { [k: string]: JsonValue }): ModelMetadata | undefined {
  const ann = subject.annotations;
  if (ann === undefined) return undefined;
  if (!isObject(ann)) bad('subject annotations must be an object');
  const m = ann.modelsign;
  if (m === undefined) return undefined;
  if (!isObject(m)) bad('annotations.modelsign must be an object');
  for (const k of ['name', 'version', 'license', 'created', 'tool'] as const) {
    if (m[k] !== undefined && typeof m[k] !== 'string') bad(`annotations.modelsign.${k} must be a string`);
  }
  return { ...m, name: typeof m.name === 'string' ? m.name : str(subject.name, 'subject.name') };
}

export function parseStatement(payload: Uint8Array): ParsedStatement {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    bad('payload is not UTF-8');
  }
  const st = parseStrictJson(text, { what: 'signed statement', code: 'STATEMENT_MALFORMED' });
  if (!isObject(st)) bad('not a JSON object');
  if (st._type !== STATEMENT_TYPE) bad(`_type is ${JSON.stringify(st._type)}, expected ${STATEMENT_TYPE}`);
  if (st.predicateType === LEGACY_PREDICATE_TYPE) {
    return readLegacyStatement(st);
  }
  if (st.predicateType !== OMS_PREDICATE_TYPE) {
    throw reject('UNSUPPORTED_FORMAT', `predicate type ${JSON.stringify(st.predicateType)} is not an OMS v1.0 model signature`);
  }
  const subjects = st.subject;
  if (!Array.isArray(subjects) || subjects.length !== 1) bad('exactly one subject is required');
  const subject = subjects[0];
  if (!isObject(subject)) bad('subject must be an object');
  const name = str(subject.name, 'subject.name');
  if (!isObject(subject.digest)) bad('subject.digest must be an object');
  const root = subject.digest.sha256;
  if (typeof root !== 'string' || !/^[0-9a-f]{64}$/.test(root)) bad('subject.digest.sha256 must be 64 lowercase hex characters');
  const pred = st.predicate;
  if (!isObject(pred)) bad('predicate must be an object');
  const serialization = parseSerialization(pred.serialization);
  const resources = parseResources(pred.resources, serialization.hash_type);
  return { format: 'oms-v1.0', subjectName: name, rootDigest: root, serialization, resources, metadata: parseMetadata(subject), raw: st };
}
