/** Property tests of the signature bundle and statement readers (src/oms/bundle.ts, statement.ts). */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelsignError } from '../../src/errors.js';
import { buildBundle, parseBundle } from '../../src/oms/bundle.js';
import { buildStatement, parseStatement } from '../../src/oms/statement.js';
import { pae } from '../../src/oms/dsse.js';
import { keyHint, signBytes } from '../../src/keys/algorithms.js';
import { rootDigest } from '../../src/hashing/serialize.js';

const kp = generateKeyPairSync('ed25519');

function onlyModelsignErrors(fn: () => unknown): ModelsignError | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (!(e instanceof ModelsignError)) throw e;
    expect(e.kind).toBe('reject');
    return e;
  }
}

const safeSegment = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/).filter((s) => s !== '.' && s !== '..');
const safeName = fc.array(safeSegment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
const hex64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const resources = fc.uniqueArray(fc.record({ name: safeName, digest: hex64 }), { selector: (r) => r.name, maxLength: 8 }).map((rs) => rs.map((r) => ({ ...r, algorithm: 'sha256' })));

function statementFor(res: { name: string; digest: string; algorithm: string }[]) {
  return buildStatement({
    name: 'm',
    rootDigest: rootDigest(res),
    serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: ['.git'] },
    resources: res,
    metadata: { name: 'm', version: '1.0.0' },
  });
}

function bundleText(payload: Buffer): string {
  const signature = signBytes(kp.privateKey, pae('application/vnd.in-toto+json', payload));
  return JSON.stringify(buildBundle({ payload, signature, material: { publicKeyHint: keyHint(kp.publicKey) } }), null, 2);
}

describe('parseStatement', () => {
  it('reads back what buildStatement wrote', () => {
    fc.assert(
      fc.property(resources, (res) => {
        const st = parseStatement(Buffer.from(JSON.stringify(statementFor(res))));
        expect(st.resources).toEqual(res);
        expect(st.rootDigest).toBe(rootDigest(res));
        expect(st.metadata).toMatchObject({ name: 'm', version: '1.0.0' });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but ModelsignError on any JSON value or bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 5 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b))), (bytes) => {
        onlyModelsignErrors(() => parseStatement(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but ModelsignError when any part of a valid statement is replaced by any JSON value', () => {
    // Replace one node (chosen by a path of indices) of a valid statement with arbitrary JSON.
    const replaced = fc.tuple(resources, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })).map(([res, pathIdx, v]) => {
      const root = JSON.parse(JSON.stringify(statementFor(res))) as unknown;
      let node = root as Record<string, unknown> | unknown[];
      for (let i = 0; i < pathIdx.length; i++) {
        const keys = Array.isArray(node) ? node.map((_, j) => j) : Object.keys(node);
        if (keys.length === 0) break;
        const k = keys[pathIdx[i]! % keys.length]!;
        const child = (node as Record<string | number, unknown>)[k];
        if (i === pathIdx.length - 1 || child === null || typeof child !== 'object') {
          (node as Record<string | number, unknown>)[k] = v;
          break;
        }
        node = child as Record<string, unknown> | unknown[];
      }
      return Buffer.from(JSON.stringify(root));
    });
    fc.assert(
      fc.property(replaced, (bytes) => {
        const err = onlyModelsignErrors(() => parseStatement(bytes));
        if (err) expect(['STATEMENT_MALFORMED', 'UNSUPPORTED_FORMAT']).toContain(err.code);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseBundle', () => {
  it('reads back what buildBundle wrote: exact payload bytes, signature, hint', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 500 }), (p) => {
        const payload = Buffer.from(p);
        const b = parseBundle(Buffer.from(bundleText(payload)));
        expect(b.payload.equals(payload)).toBe(true);
        expect(b.material).toEqual({ kind: 'publicKey', hint: keyHint(kp.publicKey) });
        expect(b.signatures).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws anything but ModelsignError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        onlyModelsignErrors(() => parseBundle(Buffer.from(b)));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but ModelsignError on a valid bundle with bytes flipped, cut or inserted', () => {
    const base = Buffer.from(bundleText(Buffer.from(JSON.stringify(statementFor([{ name: 'a.bin', digest: '0'.repeat(64), algorithm: 'sha256' }])))));
    const edits = fc.array(fc.tuple(fc.nat(base.length - 1), fc.nat(2), fc.nat(255)), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(edits, (es) => {
        let b = Buffer.from(base);
        for (const [pos, op, byte] of es) {
          const p = pos % Math.max(1, b.length);
          if (op === 0) b[p] = byte;
          else if (op === 1) b = b.subarray(0, p);
          else b = Buffer.concat([b.subarray(0, p), Buffer.from([byte]), b.subarray(p)]);
        }
        onlyModelsignErrors(() => {
          const parsed = parseBundle(b);
          parseStatement(parsed.payload);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects any bundle where some key appears twice in one object', () => {
    const text = bundleText(Buffer.from('{}'));
    const keys = [...text.matchAll(/"([A-Za-z]+)":/g)].map((m) => m[1]!);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 1 }), (k, v) => {
        // Insert a second `k` right after the first one's value is opened: same object.
        const i = text.indexOf(`"${k}":`);
        const dup = `${text.slice(0, i)}"${k}":${JSON.stringify(v)},${text.slice(i)}`;
        const err = onlyModelsignErrors(() => parseBundle(Buffer.from(dup)));
        expect(err?.message).toMatch(/duplicate key/);
      }),
      { numRuns: 200 },
    );
  });
});
