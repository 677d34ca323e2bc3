/**
 * The policy's `formats` section goes to the file scanner (src/scan), which enforces it as
 * its own verify stage after the files verified.
 */
import { formatsStage } from '../scan/stage.js';
import type { VerifyStage } from '../verify/pipeline.js';
import type { FormatsPolicy } from './types.js';

/** Stages enforcing `formats` (none when the policy has no formats section). */
export function formatsStages(formats: FormatsPolicy | undefined): VerifyStage[] {
  return formats ? [formatsStage(formats)] : [];
}
