/**
 * Hostile-input robustness: mutated and truncated samples of every format must always give
 * a report (findings, never an exception) and must finish.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { walkPickles } from '../../src/scan/pickle.js';
import { checkSafetensors } from '../../src/scan/safetensors.js';
import { checkGguf } from '../../src/scan/gguf.js';
import { scanFile } from '../../src/scan/scan-file.js';
import { ByteSource } from '../../src/scan/source.js';
import { DEFAULT_LIMITS } from '../../src/scan/types.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';
import * as F from '../helpers/scan-fixtures.js';

afterAll(cleanupTmp);

/** Overwrite, cut or splice random bytes of a sample. */
const mutated = (sample: Buffer) =>
  fc
    .tuple(fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(sample.length), fc.boolean())
    .map(([edits, cut, doCut]) => {
      const b = Buffer.from(sample);
      for (const [at, v] of edits) b[at] = v;
      return doCut ? b.subarray(0, cut) : b;
    });

const pickles = [F.osSystemProtocol2(), F.osSystemProtocol4(), F.tensorStateDict(), F.tensorStateDictProtocol4(), F.memoEvasion()];

describe('scanner never throws on hostile input', () => {
  it('pickle walker', async () => {
    for (const sample of pickles) {
      await fc.assert(
        fc.asyncProperty(mutated(sample), async (b) => {
          const r = await walkPickles(ByteSource.fromBuffer(b), { file: 'f', limits: DEFAULT_LIMITS });
          expect(Array.isArray(r.findings)).toBe(true);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('safetensors and GGUF checkers', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(F.validSafetensors()), async (b) => {
        expect(Array.isArray(await checkSafetensors(ByteSource.fromBuffer(b), b.length, 'f', DEFAULT_LIMITS))).toBe(true);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(mutated(F.validGguf()), async (b) => {
        expect(Array.isArray(await checkGguf(ByteSource.fromBuffer(b), b.length, 'f', DEFAULT_LIMITS))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('zip containers (stored and deflated)', async () => {
    const d = await tmpDir();
    const f = path.join(d, 'm.pt');
    for (const sample of [F.torchZip(F.tensorStateDict()), F.torchZip(F.osSystemProtocol4(), { deflate: true })]) {
      await fc.assert(
        fc.asyncProperty(mutated(sample), async (b) => {
          await writeFile(f, b);
          const r = await scanFile(f, 'm.pt', DEFAULT_LIMITS);
          expect(Array.isArray(r.findings)).toBe(true);
        }),
        { numRuns: 100 },
      );
    }
  });
});
