/**
 * The policy's `formats` section goes to the file scanner (src/scan), which enforces it as
 * its own verify stage after the files verified.
 */
import type { VerifyStage } from '../verify/pipeline.js';
import type { FormatsPolicy } from './types.js';

/** Stages enforcing `formats` (none, and the scanner not loaded, when the policy has no formats section). */
export async function formatsStages(formats: FormatsPolicy | undefined): Promise<VerifyStage[]> {
  if (!formats) return [];
  const { formatsStage } = await import('../scan/stage.js');
  return [formatsStage(formats)];
}
