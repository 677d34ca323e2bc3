/**
 * verify plugin: lineage walk (--lineage DIR), anti-rollback (--min-version V, --state FILE)
 * and revocation (--revoked FILE). The stage does the checking; the after-hook records the
 * verified version in the state file, only when the whole verification passed.
 */
import type { Command } from 'commander';
import { usage } from '../errors.js';
import { info } from './io.js';
import type { VerifyPlugin } from './verify-plugins.js';

interface LineageFlags {
  lineage?: string;
  minVersion?: string;
  state?: string;
  revoked?: string;
}

export const lineagePlugin: VerifyPlugin = {
  name: 'lineage',
  addOptions(cmd: Command) {
    cmd
      .option('--lineage <dir>', 'lineage store: verify every ancestor (same trust as the model) and the links between them')
      .option('--min-version <semver>', 'refuse the model if its version is lower than this')
      .option('--state <file>', 'anti-rollback state: refuse a version lower than the highest verified before; record this one')
      .option('--revoked <file>', 'revocation list (sha256:<root digest> per line, # comments): refuse the model or any ancestor listed')
      .addHelpText(
        'after',
        `
Lineage and anti-rollback (exit 1 on a broken link, a rollback or a revoked digest):
  modelsign verify ./llama-ft --key release.pub --lineage manifests --state /var/lib/modelsign/state.json --revoked revoked.txt
  modelsign verify ./llama-ft --key release.pub --min-version 1.2.0`,
      );
  },
  async stages(flags) {
    const f = flags as LineageFlags;
    if (f.lineage === undefined && f.minVersion === undefined && f.state === undefined && f.revoked === undefined) return [];
    const semver = (await import('semver')).default;
    let minVersion: string | undefined;
    if (f.minVersion !== undefined) {
      minVersion = semver.valid(f.minVersion) ?? undefined;
      if (!minVersion) throw usage('BAD_OPTION', `--min-version must be a semantic version like 1.2.0 (got "${f.minVersion}")`);
    }
    const { lineageStage, openStore, readRevokedFile } = await import('../lineage/index.js');
    const store = f.lineage !== undefined ? await openStore(f.lineage) : undefined;
    const revoked = f.revoked !== undefined ? await readRevokedFile(f.revoked) : undefined;
    return [
      lineageStage({
        ...(store ? { store } : {}),
        ...(minVersion ? { minVersion } : {}),
        ...(f.state !== undefined ? { stateFile: f.state } : {}),
        ...(revoked ? { revoked } : {}),
      }),
    ];
  },
  async after(flags, result) {
    const f = flags as LineageFlags;
    const lineage = result.metadata?.lineage;
    if (f.lineage === undefined && lineage && typeof lineage === 'object' && !Array.isArray(lineage) && Array.isArray(lineage.parents) && lineage.parents.length > 0) {
      info(`note: this model links ${lineage.parents.length} parent model(s); pass --lineage DIR to verify its ancestry`);
    }
    if (f.state === undefined || !result.verified) return;
    const name = result.metadata?.name ?? result.subjectName;
    const version = result.metadata?.version;
    if (name === undefined || version === undefined) return;
    const { recordVerified } = await import('../lineage/state.js');
    // Re-checked under the lock: another verifier may have recorded a newer version since.
    const failure = await recordVerified(f.state, { name, version, ...(result.rootDigest ? { rootDigest: `sha256:${result.rootDigest}` } : {}) });
    if (failure) {
      result.failures.push(failure);
      result.verified = false;
    }
  },
};
