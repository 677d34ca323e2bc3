/**
 * The verify stage for lineage, anti-rollback and revocation. It runs after the model's
 * own signature and files verified, and reports every problem it finds:
 *   --min-version / --state: the model's own version against a floor and the highest seen;
 *   --lineage: walk the ancestry with the SAME trust checks as the model, and leave what was
 *              found in the lineage report for later stages (policy);
 *   --revoked: the model and every known ancestor (from the walk, or without a store the
 *              signed parent links) against the revocation list.
 * Writing the state file happens after the whole verification passed (see the CLI plugin).
 */
import semver from 'semver';
import { ModelsignError, toFailure, type Failure } from '../errors.js';
import { checkStage, type VerifyStage } from '../verify/stage.js';
import { parseLineageMeta, type LineageMeta } from './metadata.js';
import { checkRevoked, type RevokedList } from './revoked.js';
import { checkRollback, readState } from './state.js';
import type { LineageStore } from './store.js';
import { walkLineage, type AncestorRecord } from './walk.js';
import { clean } from '../util/one-line.js';

export interface LineageStageOptions {
  store?: LineageStore;
  minVersion?: string;
  stateFile?: string;
  revoked?: RevokedList;
  maxDepth?: number;
}

export function lineageStage(o: LineageStageOptions): VerifyStage {
  return checkStage('lineage', async (ctx) => {
    const failures: Failure[] = [];
    const meta = ctx.result.metadata;
    const name = meta?.name ?? ctx.statement.subjectName;
    const version = typeof meta?.version === 'string' && semver.valid(meta.version) ? meta.version : undefined;
    const rootDigest = `sha256:${ctx.result.rootDigest}`;
    const id = clean(`${name}@${version ?? '?'}`);

    if (o.minVersion !== undefined || o.stateFile !== undefined) {
      if (version === undefined) {
        failures.push({ code: 'NO_VERSION', message: `${clean(name)} carries no semver version, so it cannot be checked against ${o.minVersion !== undefined ? '--min-version' : '--state'}` });
      } else {
        if (o.minVersion !== undefined && semver.lt(version, o.minVersion)) {
          failures.push({ code: 'VERSION_BELOW_MINIMUM', message: `${id} is below the minimum version ${o.minVersion}: rollback refused` });
        }
        if (o.stateFile !== undefined) {
          try {
            const f = checkRollback(await readState(o.stateFile), name, version, o.stateFile);
            if (f) failures.push(f);
          } catch (e) {
            // A corrupt state file fails closed (exit 1); an unreadable one is a usage error.
            if (e instanceof ModelsignError && e.kind === 'reject') failures.push(toFailure(e));
            else throw e;
          }
        }
      }
    }

    let lineage: LineageMeta | undefined;
    try {
      lineage = parseLineageMeta(meta?.lineage, `signature of ${id}`);
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === 'reject') failures.push(toFailure(e));
      else throw e;
    }

    let ancestors: AncestorRecord[] | undefined;
    if (o.store) {
      const w = await walkLineage({
        root: { name, version, license: meta?.license, rootDigest, signer: ctx.result.signer, lineage },
        store: o.store,
        trust: ctx.trust,
        ...(o.maxDepth !== undefined ? { maxDepth: o.maxDepth } : {}),
      });
      for (const f of w.failures) failures.push(f); // a loop: no spread of an input-sized list
      ancestors = w.ancestors;
      ctx.result.reports.lineage = { ancestors: w.ancestors, ...(lineage?.datasets ? { datasets: lineage.datasets } : {}) };
    }

    if (o.revoked) {
      const reason = (d: string) => {
        const r = o.revoked!.reasons.get(d);
        return r ? `: ${clean(r)}` : '';
      };
      if (checkRevoked([rootDigest], o.revoked.digests).length > 0) {
        failures.push({ code: 'REVOKED', message: `${id} (${rootDigest}) is revoked${reason(rootDigest)}` });
      }
      // Without a store, the signed links still name the direct parents' digests.
      const known = ancestors ?? (lineage?.parents ?? []).map((p) => ({ ...p, childName: name, childVersion: version ?? null }));
      const reported = new Set<string>();
      for (const a of known) {
        if (reported.has(a.rootDigest) || checkRevoked([a.rootDigest], o.revoked.digests).length === 0) continue;
        reported.add(a.rootDigest);
        failures.push({ code: 'REVOKED', message: `lineage link ${clean(`${a.childName}@${a.childVersion ?? '?'}`)} -> ${clean(`${a.name}@${a.version ?? '?'}`)}: ancestor ${a.rootDigest} is revoked${reason(a.rootDigest)}` });
      }
    }
    return failures;
  }, { produces: 'lineage' });
}

