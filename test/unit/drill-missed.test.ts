/**
 * The drill's MISSED path for the signature and file attacks. A correct verifier stops every
 * one of them, so a set-up that misses them cannot be made through verify's options; here
 * the library's createVerifier is replaced by a deliberately weak one (it checks who signed
 * but not the files, as a careless deployment might), and the drill command must report the
 * attacks it lets through and exit 1.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VerifySpec } from '../../src/verify/spec.js';
import type { VerifyResult } from '../../src/verify/types.js';

vi.mock('../../src/verify/verifier.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/verify/verifier.js')>();
  return {
    ...original,
    createVerifier: async (spec: VerifySpec) => {
      const { readBundleFile, parseBundle } = await import('../../src/oms/bundle.js');
      const { checkTrust } = await import('../../src/verify/pipeline.js');
      const { trustChecks } = await import('../../src/verify/trust.js');
      const { checks } = await trustChecks(spec.trust ?? {});
      return {
        description: 'weak: signature only',
        warnings: [],
        trust: checks,
        purpose: undefined,
        policy: undefined,
        async verify(model: string): Promise<VerifyResult> {
          const failures = [];
          try {
            await checkTrust(parseBundle(await readBundleFile(`${model}/model.sig`)), checks);
          } catch (e) {
            failures.push({ code: (e as { code: string }).code, message: String(e) });
          }
          return { verified: failures.length === 0, failures } as unknown as VerifyResult;
        },
      };
    },
  };
});

let dir: string | undefined;
afterEach(async () => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('drill against a weak verifier', () => {
  it('reports each attack the set-up lets through as MISSED and exits 1', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'drill-weak-'));
    const pub = path.join(dir, 'release.pub');
    await writeFile(pub, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const { register } = await import('../../src/cli/drill.js');
    const stdout: string[] = [];
    const stderr: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (stdout.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'modelsign', 'drill', '--key', pub]);
    const text = stdout.join('');
    expect(process.exitCode, stderr.join('')).toBe(1);
    for (const id of ['changed-byte', 'injected-file', 'removed-shard', 'renamed-file', 'symlink-out', 'appended-bytes']) {
      expect(text).toMatch(new RegExp(`^MISSED +${id} .*\\(the verifier accepted the attacked model\\)$`, 'm'));
    }
    // What a signature check alone does stop is still reported as stopped.
    expect(text).toMatch(/^STOPPED +untrusted-key .*\[KEY_HINT_MISMATCH\]$/m);
    expect(text).toMatch(/^STOPPED +edited-payload .*\[SIG_INVALID\]$/m);
    expect(stderr.join('')).toMatch(/modelsign: refused: \d+ attacks not stopped by this set-up: changed-byte, .* \[DRILL_MISSED\]/);
  });
});
