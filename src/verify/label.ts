import type { VerifyResult } from './types.js';

/** How a result names its model: name@version from the signed metadata, else the subject name or the model path. */
export function resultLabel(r: VerifyResult): string {
  return r.metadata ? `${r.metadata.name}${r.metadata.version ? `@${r.metadata.version}` : ''}` : (r.subjectName ?? r.model);
}
