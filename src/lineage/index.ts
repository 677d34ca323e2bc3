/**
 * Version lineage: signed parent links, the lineage store, the ancestry walk, anti-rollback
 * state and revocation lists. See docs/lineage.md.
 */
export { RELATIONS, parseLineageMeta, parseDatasetFlag, type Relation, type ParentLink, type DatasetRef, type LineageMeta } from './metadata.js';
export { LineageStore, openStore, recordBundle, checkStoreDir, createStoreDir, findRecordSlot, bundleDigestOf } from './store.js';
export { addToStore, type Filed } from './add.js';
export { verifyLineageBundle, type VerifiedBundle } from './ancestor.js';
export { loadParents, buildLineageMeta, resolveRelations } from './parents.js';
export { walkLineage, DEFAULT_MAX_DEPTH, type LineageNode, type AncestorRecord, type WalkResult, type WalkRoot } from './walk.js';
export { parseRevokedList, readRevokedFile, checkRevoked, revokedFailures, type RevokedList } from './revoked.js';
export { readState, recordVerified, checkRollback, type RollbackState } from './state.js';
export { renderTree } from './tree.js';
export { lineageStage, type LineageStageOptions } from './stage.js';
