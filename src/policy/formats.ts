/**
 * The policy's `formats` section goes to the file scanner (src/scan), which enforces it as
 * its own verify stage. This is the one place that connects the two. Wiring after the scan
 * merge:  import { formatsStage } from '../scan/stage.js';  and
 * `formatsStageFactory.make = formatsStage` (or initialise the object with it).
 */
import type { VerifyStage } from '../verify/pipeline.js';
import type { FormatsPolicy } from './types.js';

export const formatsStageFactory: { make?: (formats: FormatsPolicy) => VerifyStage } = {};

/** Stages enforcing `formats`; `enforced` is false when this build has no scanner. */
export function formatsStages(formats: FormatsPolicy | undefined): { stages: VerifyStage[]; enforced: boolean } {
  if (!formats) return { stages: [], enforced: true };
  const make = formatsStageFactory.make;
  return make ? { stages: [make(formats)], enforced: true } : { stages: [], enforced: false };
}
