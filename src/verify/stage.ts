/**
 * Checks that run after a model's signature and files verified (lineage, policy, formats).
 *
 * Each stage says which reports it reads and which it produces; the pipeline refuses an
 * order in which a stage would read a report before the stage producing it ran. A stage may
 * also attach an inspector to the file read, so it sees the very bytes that were hashed
 * (the scanners).
 */
import type { Failure } from '../errors.js';
import type { ParsedBundle } from '../oms/bundle.js';
import type { ParsedStatement } from '../oms/statement.js';
import type { Inspector } from '../source/types.js';
import type { Reports, SignerInfo, TrustCheck, VerifyResult } from './types.js';

export type ReportKind = keyof Reports;

export interface VerifyContext {
  bundle: ParsedBundle;
  statement: ParsedStatement;
  signer: SignerInfo;
  /** The trust checks that accepted the model (ancestors are verified against the same). */
  trust: readonly TrustCheck[];
  /** The result so far; a stage writes its own report into `result.reports`. */
  result: VerifyResult;
}

/** What is known once the signature is trusted and its statement read, before any file is. */
export interface SignedContext {
  statement: ParsedStatement;
  result: VerifyResult;
}

/** One verification's run of a stage. */
export interface StageRun {
  /** Looks at the model's bytes during the file read. */
  inspector?: Inspector;
  /**
   * Runs before the files are read: a set-up that cannot judge this model (a usage error)
   * is refused before it is hashed. A throw here ends the verification.
   */
  beforeFiles?(ctx: SignedContext): void | Promise<void>;
  check(ctx: VerifyContext): Failure[] | Promise<Failure[]>;
}

export interface VerifyStage {
  readonly name: string;
  /** Reports of other stages this one reads (when they run at all). */
  readonly reads?: readonly ReportKind[];
  /** The report this one writes. */
  readonly produces?: ReportKind;
  start(): StageRun;
}

/** A stage that only checks (no inspector). */
export function checkStage(name: string, check: StageRun['check'], kinds: { reads?: ReportKind[]; produces?: ReportKind; beforeFiles?: StageRun['beforeFiles'] } = {}): VerifyStage {
  const { beforeFiles, ...rest } = kinds;
  return { name, ...rest, start: () => ({ check, ...(beforeFiles ? { beforeFiles } : {}) }) };
}

/**
 * Throws (a programming error, not a verdict) when a stage reads a report that a later stage
 * produces, or two stages produce the same report.
 */
export function checkStageOrder(stages: readonly VerifyStage[]): void {
  const producer = new Map<ReportKind, number>();
  stages.forEach((s, i) => {
    if (!s.produces) return;
    if (producer.has(s.produces)) throw new Error(`stages ${stages[producer.get(s.produces)!]!.name} and ${s.name} both produce the ${s.produces} report`);
    producer.set(s.produces, i);
  });
  stages.forEach((s, i) => {
    for (const k of s.reads ?? []) {
      const p = producer.get(k);
      if (p !== undefined && p > i) throw new Error(`stage ${s.name} reads the ${k} report, but ${stages[p]!.name} runs after it`);
    }
  });
}

/** The one inspector the stages attach to the read (at most one stage may). */
export function stageInspector(runs: readonly StageRun[]): Inspector | undefined {
  const with_ = runs.filter((r) => r.inspector);
  if (with_.length > 1) throw new Error('more than one stage attaches an inspector to the file read');
  return with_[0]?.inspector;
}
