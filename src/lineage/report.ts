/** What the lineage stage reports: the verified ancestry, which the policy stage then judges. */
import type { DatasetRef, Relation } from './metadata.js';

/** One ancestor of the model, flat (depth 1 = a parent). */
export interface AncestorRecord {
  name: string;
  version: string | null;
  license: string | null;
  rootDigest: string;
  relation: Relation | null;
  signer: string | null;
  depth: number;
  childName: string | null;
  childVersion: string | null;
  bundleDigest: string | null;
  verified: boolean;
}

export interface LineageReport {
  ancestors: AncestorRecord[];
  /** The datasets the model's own signature names. */
  datasets?: DatasetRef[];
}
