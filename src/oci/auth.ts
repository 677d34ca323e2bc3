/**
 * Registry credentials the way users already have them: the Docker configuration
 * (`config.json` in DOCKER_CONFIG or ~/.docker: the caller names the directory) with its
 * `auths` entries, `credHelpers` and `credsStore` (docker-credential-NAME helpers, run with
 * `get` as docker runs them), and the challenge a registry answers with (Basic or Bearer).
 * Credentials are noted in Secrets as soon as they are read.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { errnoCode, usage } from '../errors.js';
import { FileTooLarge, readRegularFile } from '../util/read-file.js';
import { isObject, parseStrictJson, type JsonValue } from '../util/strict-json.js';
import type { Secrets } from './secrets.js';

export type Credential = { kind: 'basic'; username: string; password: string } | { kind: 'identity-token'; token: string };

const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_HELPER_OUTPUT = 64 * 1024;
const HELPER_TIMEOUT_MS = 10_000;
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** "https://host:5000/v1/" or "host:5000" -> "host:5000" (the docker config's key forms). */
export function normaliseRegistryKey(key: string): string {
  const s = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = s.split('/')[0]!.toLowerCase();
  return DOCKER_HUB_HOSTS.has(host) ? 'docker.io' : host;
}

function configError(file: string, why: string): never {
  throw usage('REGISTRY_AUTH_CONFIG', `cannot use the Docker configuration ${file}: ${why}`);
}

async function readConfig(file: string): Promise<Record<string, JsonValue> | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, MAX_CONFIG_BYTES);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    configError(file, e instanceof FileTooLarge ? `larger than ${MAX_CONFIG_BYTES} bytes` : `unreadable (${errnoCode(e) ?? 'not a regular file'})`);
  }
  let json: JsonValue;
  try {
    json = parseStrictJson(bytes.toString('utf8'), { what: 'Docker configuration' });
  } catch {
    // The position in the text may be beside a password: say only that it is not JSON.
    configError(file, 'not valid JSON');
  }
  if (!isObject(json)) configError(file, 'not a JSON object');
  return json;
}

/** The `auths` entry for `registry`, decoded (its `auth` field is base64 of user:password). */
export function authsEntry(config: Record<string, JsonValue>, registry: string, secrets: Secrets, file: string): Credential | undefined {
  const auths = config.auths;
  if (!isObject(auths)) return undefined;
  for (const key of Object.keys(auths)) {
    if (normaliseRegistryKey(key) !== registry) continue;
    const e = auths[key];
    if (!isObject(e)) continue;
    if (typeof e.identitytoken === 'string' && e.identitytoken !== '') {
      secrets.add(e.identitytoken);
      return { kind: 'identity-token', token: e.identitytoken };
    }
    if (typeof e.auth === 'string' && e.auth !== '') {
      secrets.add(e.auth);
      const plain = Buffer.from(e.auth, 'base64').toString('utf8');
      const colon = plain.indexOf(':');
      if (colon < 0) configError(file, `the auths entry for ${registry} is not base64 of user:password`);
      const cred = { kind: 'basic' as const, username: plain.slice(0, colon), password: plain.slice(colon + 1) };
      secrets.addBasic(cred.username, cred.password);
      return cred;
    }
    if (typeof e.username === 'string' && typeof e.password === 'string') {
      secrets.addBasic(e.username, e.password);
      return { kind: 'basic', username: e.username, password: e.password };
    }
  }
  return undefined;
}

/** Run docker-credential-NAME get for `server`; undefined when it has nothing for it. */
export async function runHelper(name: string, server: string, secrets: Secrets): Promise<Credential | undefined> {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw usage('REGISTRY_AUTH_CONFIG', `credential helper name ${JSON.stringify(name.slice(0, 80))} is not a plain name`);
  const program = `docker-credential-${name}`;
  const r = await new Promise<{ code: number | null; out: string; error?: string }>((resolve) => {
    const child = spawn(program, ['get'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let over = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), HELPER_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => {
      if (out.length + d.length > MAX_HELPER_OUTPUT) {
        over = true;
        child.kill('SIGKILL');
      } else out += d.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, out: '', error: errnoCode(e) ?? 'cannot run' });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(over ? { code: null, out: '', error: 'too much output' } : signal ? { code: null, out: '', error: `killed (${signal}; ${HELPER_TIMEOUT_MS / 1000} s limit)` } : { code, out });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(server);
  });
  if (r.error) throw usage('REGISTRY_AUTH_CONFIG', `credential helper ${program} failed: ${r.error === 'ENOENT' ? 'not found on PATH' : r.error}`);
  if (r.code !== 0) {
    if (/credentials not found/i.test(r.out)) return undefined;
    // Its output is never shown: a helper may print what it holds.
    throw usage('REGISTRY_AUTH_CONFIG', `credential helper ${program} failed (exit ${r.code})`);
  }
  let json: JsonValue;
  try {
    json = JSON.parse(r.out) as JsonValue;
  } catch {
    throw usage('REGISTRY_AUTH_CONFIG', `credential helper ${program} printed something that is not JSON`);
  }
  if (!isObject(json) || typeof json.Secret !== 'string' || typeof json.Username !== 'string') throw usage('REGISTRY_AUTH_CONFIG', `credential helper ${program} printed no Username and Secret`);
  secrets.add(json.Secret);
  if (json.Username === '<token>') return { kind: 'identity-token', token: json.Secret };
  secrets.addBasic(json.Username, json.Secret);
  return { kind: 'basic', username: json.Username, password: json.Secret };
}

/**
 * The credential for `registry` (host[:port]) from the Docker configuration in `configDir`:
 * its credHelpers entry, else credsStore, else its auths entry (also when a helper has
 * nothing for it); undefined when there is none (anonymous access).
 */
export async function credentialFor(configDir: string | undefined, registry: string, secrets: Secrets): Promise<Credential | undefined> {
  if (configDir === undefined) return undefined;
  const file = path.join(configDir, 'config.json');
  const config = await readConfig(file);
  if (!config) return undefined;
  const key = normaliseRegistryKey(registry);
  const server = key === 'docker.io' ? DOCKER_HUB_KEY : key;
  const helpers = config.credHelpers;
  const helper = isObject(helpers) ? Object.keys(helpers).find((k) => normaliseRegistryKey(k) === key) : undefined;
  const name = helper !== undefined ? (isObject(helpers) ? helpers[helper] : undefined) : config.credsStore;
  if (typeof name === 'string' && name !== '') {
    const c = await runHelper(name, server, secrets);
    if (c) return c;
  }
  return authsEntry(config, key, secrets, file);
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * The first challenge of a WWW-Authenticate header: `Bearer realm="...",service="...",scope="..."`
 * or `Basic realm="..."` (quoted strings with backslash escapes, or bare tokens).
 */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?:\s+|$)/.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = m[0].length;
  const s = header;
  while (i < s.length) {
    const km = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*/.exec(s.slice(i));
    if (!km) break;
    i += km[0].length;
    let value = '';
    if (s[i] === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length) i++;
        value += s[i];
        i++;
      }
      i++;
    } else {
      const vm = /^[^,\s]*/.exec(s.slice(i))!;
      value = vm[0];
      i += value.length;
    }
    params[km[1]!.toLowerCase()] = value;
    const sep = /^\s*,?\s*/.exec(s.slice(i))!;
    i += sep[0].length;
    if (sep[0].trim() !== ',') break;
  }
  return { scheme: m[1]!.toLowerCase(), params };
}
