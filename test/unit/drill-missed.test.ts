/**
 * The drill's MISSED path. A correct verifier catches every attack, so a set-up that misses
 * one cannot be made through the CLI's options; here the verifier factory is replaced by a
 * deliberately weak one (it checks the signature but not the files, as a careless deployment
 * might), and the drill command must report the attacks it lets through and exit 1.
 */
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VerifyResult } from '../../src/verify/types.js';

const key = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const kp = (require('node:crypto') as typeof import('node:crypto')).generateKeyPairSync('ed25519');
  return { publicKey: kp.publicKey, privateKey: kp.privateKey };
});

vi.mock('../../src/drill/verifier.js', () => ({
  drillVerifier: async () => {
    const { readBundleFile, parseBundle } = await import('../../src/oms/bundle.js');
    const { checkTrust } = await import('../../src/verify/pipeline.js');
    const { keyTrust } = await import('../../src/verify/trust-key.js');
    const { publicKey } = key;
    return {
      description: 'weak: signature only',
      features: new Set(['keys']),
      licenses: { allowed: 'apache-2.0' },
      async verify(model: string): Promise<VerifyResult> {
        const failures = [];
        try {
          await checkTrust(parseBundle(await readBundleFile(`${model}/model.sig`)), [keyTrust(publicKey, 'test')]);
        } catch (e) {
          failures.push({ code: (e as { code: string }).code, message: String(e) });
        }
        return { verified: failures.length === 0, failures } as unknown as VerifyResult;
      },
    };
  },
}));
vi.mock('../../src/keys/keyfile.js', () => ({ loadPrivateKey: async () => key.privateKey }));

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('drill against a weak verifier', () => {
  it('reports each attack the set-up lets through as MISSED and exits 1', async () => {
    const { register } = await import('../../src/cli/drill.js');
    const stdout: string[] = [];
    const stderr: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (stdout.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'modelsign', 'drill', '--key', 'unused.pub', '--signing-key', 'unused.key']);
    const text = stdout.join('');
    expect(process.exitCode, stderr.join('')).toBe(1);
    for (const id of ['changed-byte', 'injected-file', 'removed-shard', 'renamed-file', 'symlink-out', 'appended-bytes']) {
      expect(text).toMatch(new RegExp(`^MISSED +${id} .*\\(the verifier accepted the attacked model\\)$`, 'm'));
    }
    // What a signature check alone does catch is still reported as caught.
    expect(text).toMatch(/^caught +untrusted-key .*\[KEY_HINT_MISMATCH\]$/m);
    expect(text).toMatch(/^caught +edited-payload .*\[SIG_INVALID\]$/m);
    expect(stderr.join('')).toMatch(/modelsign: refused: \d+ attacks were not caught by this set-up \[DRILL_MISSED\]/);
  });
});
