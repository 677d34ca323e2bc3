/**
 * The verify stage for lineage, anti-rollback and revocation. It runs after the model's
 * own signature and files verified, and reports every problem it finds:
 *   --min-version / --state: the model's own version against a floor and the highest seen;
 *   --lineage: walk the ancestry with the SAME trust checks as the model, and leave what was
 *              found in the lineage report for later stages (policy);
 *   --revoked: the model and every ancestor the walk found against the revocation list. A
 *              model that links parents needs the store too: without the walk only its
 *              direct parents would be known, and a revoked grandparent would pass. That is
 *              refused as a usage error before the files are read; a model without parents
 *              is checked on its own.
 * Writing the state file happens after the whole verification passed (see the CLI plugin).
 */
import semver from 'semver';
import { ModelsignError, toFailure, usage, type Failure } from '../errors.js';
import { checkStage, type VerifyStage } from '../verify/stage.js';
import { parseLineageMeta, type LineageMeta } from './metadata.js';
import { revokedFailures, type RevokedList } from './revoked.js';
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

/** How many parents the signed lineage record lists (0 when it has none or is not an object). */
function declaredParents(lineage: unknown): number {
  if (typeof lineage !== 'object' || lineage === null || Array.isArray(lineage)) return 0;
  const parents = (lineage as { parents?: unknown }).parents;
  return Array.isArray(parents) ? parents.length : 0;
}

/** A revocation list without a store, for a model that links parents: not a check that can pass honestly. */
function requireStoreForRevoked(o: LineageStageOptions, lineage: unknown): void {
  const n = declaredParents(lineage);
  if (o.revoked === undefined || o.store !== undefined || n === 0) return;
  throw usage('REVOKED_NEEDS_LINEAGE', `the model links ${n} parent model(s): without a lineage store, the revocation list could be checked against its direct parents only, not their ancestors`);
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
      // Each verification reads the store afresh: what one walk listed, skipped or read is not the next one's.
      const store = o.store.reopen();
      const w = await walkLineage({
        root: { name, version, license: meta?.license, rootDigest, signer: ctx.result.signer, lineage },
        store,
        trust: ctx.trust,
        ...(o.maxDepth !== undefined ? { maxDepth: o.maxDepth } : {}),
      });
      for (const f of w.failures) failures.push(f); // a loop: no spread of an input-sized list
      for (const n of store.notices()) ctx.result.notes.push(n);
      ancestors = w.ancestors;
      ctx.result.reports.lineage = { ancestors: w.ancestors, ...(lineage?.datasets ? { datasets: lineage.datasets } : {}) };
    }

    if (o.revoked) {
      // Without a store the model has no parents (requireStoreForRevoked refused it otherwise).
      for (const f of revokedFailures({ id, rootDigest }, ancestors ?? [], o.revoked)) failures.push(f);
    }
    return failures;
  }, { produces: 'lineage', beforeFiles: (ctx) => requireStoreForRevoked(o, ctx.statement.metadata?.lineage) });
}

