/** What the policy stage reports: which licenses bound the model, and whether lineage was checked. */
import type { Purpose } from './types.js';

export interface PolicyReport {
  file: string;
  purpose: Purpose;
  licenses: { from: 'model' | 'ancestor'; name: string; version: string | null; rootDigest: string | null; license: string; spdx: string | null; allowed: boolean | null }[];
  lineageChecked: boolean;
}
