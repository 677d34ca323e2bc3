/**
 * Which file an annotation belongs to, as GitHub wants it: a path relative to the workspace
 * (GITHUB_WORKSPACE), so the annotation shows on that file. A failure names a file of the
 * model (relative to it); a set-up error names an input's file (policy, key, state...).
 * Nothing outside the workspace, and nothing of a remote model (hf://, oci://), is named.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Code } from '../errors.js';

/** Codes whose failure is about the file an input names, when the failure names no file. */
const INPUT_FILE_OF_CODE: Partial<Record<Code, string>> = {
  SIG_MISSING: 'signature',
  SIG_MALFORMED: 'signature',
  SIG_TOO_LARGE: 'signature',
  SIG_UNREADABLE: 'signature',
  POLICY_INVALID: 'policy',
  POLICY_UNREADABLE: 'policy',
  KEY_UNREADABLE: 'key',
  KEY_WRONG_KIND: 'key',
  KEY_UNSUPPORTED: 'key',
  BAD_PASSPHRASE: 'key',
  NO_PASSPHRASE: 'key',
  ROOTS_UNREADABLE: 'certificate-chain',
  PARENT_UNREADABLE: 'parent',
  PARENT_MALFORMED: 'parent',
  PARENT_UNTRUSTED: 'parent',
  PARENT_NO_VERSION: 'parent',
  BAD_REVOKED_LIST: 'revoked',
  STATE_CORRUPT: 'state',
  STATE_UNREADABLE: 'state',
  STATE_WRITE_FAILED: 'state',
  AUDIT_WRITE_FAILED: 'audit-log',
};

/** The input whose file a failure with this code is about (undefined: none). */
export function inputFileOf(code: Code): string | undefined {
  return INPUT_FILE_OF_CODE[code];
}

/** A path relative to the workspace, with "/" separators; undefined when outside it. */
export function workspaceRelative(workspace: string, file: string): string | undefined {
  const rel = path.relative(path.resolve(workspace), path.resolve(file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** A model named by a scheme (hf://, oci://, oci:DIR) has no workspace file per failure. */
const REMOTE = /^[a-z][a-z0-9+.-]+:/i; // two letters at least: not a Windows drive

/**
 * The file a model failure at `inModel` (a path inside the model) is shown on: that file of
 * a directory model, the model itself when it is one file or an archive (the member is named
 * in the message).
 */
export function modelFile(workspace: string, model: string, inModel: string): string | undefined {
  if (REMOTE.test(model)) return undefined;
  let dir: boolean;
  try {
    dir = statSync(model).isDirectory();
  } catch {
    return undefined;
  }
  return workspaceRelative(workspace, dir ? path.join(model, inModel) : model);
}
