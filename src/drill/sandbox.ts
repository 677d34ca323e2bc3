/**
 * The drill never writes to the user's files. What a verification writes (the anti-rollback
 * state, the audit log) and what an attack must change (the lineage store it files its
 * parent model in, the revocation list it revokes that parent in) live under the drill's
 * directory: copies of the state file and the revocation list (both bounded, read as verify
 * reads them), and an empty store and audit log in place of the user's (no attack needs
 * what they hold, and a store may hold any number of files). `spec()` is the user's
 * VerifySpec pointed at those copies: the same checks, nothing added that the user did not
 * configure (no state file, store or revocation list appears where there was none).
 */
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, usage, type Code } from '../errors.js';
import type { LoadedPolicy } from '../policy/load.js';
import type { LineageSpec, PolicySpec, TrustSpec, VerifySpec } from '../verify/spec.js';
import { MAX_REVOKED_BYTES } from '../lineage/revoked.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import { createVerifier, type Verifier } from '../verify/verifier.js';
import type { DrillNote } from './types.js';

/** The copies one attack verifies with. */
export interface AttackSandbox {
  /** This attack's own copy of the state file (absent when the set-up keeps no state). */
  stateFile?: string;
  /** A name for this attack's files in the sandbox. */
  slot: string;
}

export interface SandboxOptions {
  user: VerifySpec;
  /** The user's policy, as the user's verifier loaded it. */
  policy: LoadedPolicy | undefined;
  /** The drill's directory for the copies (created). */
  dir: string;
  /** Trust used in place of the user's (the throwaway key), when there is no signing key. */
  trust?: TrustSpec;
}

/** How verify words a file it cannot use: not a regular file, or an errno. */
interface FileWords {
  code: Code;
  notRegular(file: string): string;
  unreadable(file: string, errno: string): string;
}
const STATE_WORDS: FileWords = {
  code: 'STATE_UNREADABLE',
  notRegular: (f) => `cannot read state file ${f}: not a regular file`,
  unreadable: (f, c) => `cannot read state file ${f}: ${c}`,
};
const AUDIT_WORDS: FileWords = {
  code: 'AUDIT_WRITE_FAILED',
  notRegular: (f) => `audit log is not a regular file: ${f}`,
  unreadable: (f, c) => `cannot read audit log ${f}: ${c}`,
};

/** Whether `file` exists; a path that is there but not a regular file is refused, never opened. */
async function regularFileExists(file: string, w: FileWords): Promise<boolean> {
  let st;
  try {
    st = await lstat(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return false;
    throw usage(w.code, w.unreadable(file, errnoCode(e) ?? String(e)));
  }
  if (!st.isFile()) throw usage(w.code, w.notRegular(file));
  return true;
}

/** Copy `src` to `dest` if it exists (a missing file stays missing in the copy). */
async function copyIfThere(src: string, dest: string, w: FileWords): Promise<boolean> {
  if (!(await regularFileExists(src, w))) return false;
  try {
    await copyFile(src, dest, constants.COPYFILE_EXCL);
  } catch (e) {
    throw usage(w.code, w.unreadable(src, errnoCode(e) ?? String(e)));
  }
  return true;
}


export class Sandbox {
  readonly notes: DrillNote[] = [];
  private storeCopy: string | undefined;
  private auditCopy: string | undefined;
  private slots = 0;

  private constructor(private readonly o: SandboxOptions) {}

  static async create(o: SandboxOptions): Promise<Sandbox> {
    const s = new Sandbox(o);
    await mkdir(o.dir, { recursive: true });
    await s.copyShared();
    return s;
  }

  private get lineage(): LineageSpec | undefined {
    return this.o.user.lineage;
  }

  /** The store and the audit log: one copy for the whole drill. */
  private async copyShared(): Promise<void> {
    const { user, dir } = this.o;
    const store = this.lineage?.store;
    if (store !== undefined) {
      this.storeCopy = path.join(dir, 'lineage-store');
      await mkdir(this.storeCopy, { mode: 0o700 });
      this.notes.push({ code: 'DRILL_STORE_COPY', message: `lineage store ${store}: the drill works on an empty temporary store in its place, where it files its own parent model; the store is not changed`, file: store });
    }
    const state = this.lineage?.stateFile;
    if (state !== undefined) {
      await regularFileExists(state, STATE_WORDS);
      this.notes.push({ code: 'DRILL_STATE_COPY', message: `state file ${state}: each attack works on its own temporary copy; the file is not changed`, file: state });
    }
    if (user.auditLog !== undefined) {
      this.auditCopy = path.join(dir, 'audit.log');
      await regularFileExists(user.auditLog, AUDIT_WORDS);
      this.notes.push({ code: 'DRILL_AUDIT_COPY', message: `audit log ${user.auditLog}: the drill's decisions go to a new temporary log; the log is not changed`, file: user.auditLog });
    }
    if (user.signature !== undefined) {
      this.notes.push({ code: 'DRILL_SIGNATURE_NOT_USED', message: `signature ${user.signature} is not used: each of the drill's models carries its own signature`, file: user.signature });
    }
    const pullTo = user.open?.oci?.pullTo;
    if (pullTo !== undefined) {
      this.notes.push({ code: 'DRILL_PULL_TO_NOT_USED', message: `pull directory ${pullTo} is not used: the drill's models are local directories`, file: pullTo });
    }
  }

  /** A fresh sandbox for one attack: its own copy of the state file as the user has it now. */
  async forAttack(name: string): Promise<AttackSandbox> {
    const slot = `${String(++this.slots).padStart(2, '0')}-${name}`;
    const state = this.lineage?.stateFile;
    if (state === undefined) return { slot };
    const stateFile = path.join(this.o.dir, `${slot}.state.json`);
    await copyIfThere(state, stateFile, STATE_WORDS);
    return { slot, stateFile };
  }

  /** File a bundle in the copy of the store; false when the set-up has no store. */
  async fileInStore(meta: { name: string; version: string; rootDigest: string }, bundle: Buffer): Promise<boolean> {
    if (this.storeCopy === undefined) return false;
    const { recordBundle } = await import('../lineage/store.js');
    await recordBundle(this.storeCopy, meta, bundle);
    return true;
  }

  /** The revocation list with `revoke` added, as a copy (the user's file when nothing is added). */
  private async revokedList(a: AttackSandbox, revoke: readonly string[]): Promise<string | undefined> {
    const list = this.lineage?.revoked;
    if (list === undefined || revoke.length === 0) return list;
    const copy = path.join(this.o.dir, `${a.slot}.revoked.txt`);
    // Read as verify reads it (bounded, a regular file only); the copy is then parsed by verify.
    const text = await readRegularFile(list, MAX_REVOKED_BYTES).then(
      (b) => b.toString('utf8'),
      (e: unknown) => {
        throw usage('BAD_REVOKED_LIST', `cannot read revocation list ${list}: ${e instanceof FileTooLarge ? `larger than ${MAX_REVOKED_BYTES} bytes` : e instanceof NotRegularFile ? 'not a regular file' : (errnoCode(e) ?? String(e))}`);
      },
    );
    await writeFile(copy, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${revoke.map((d) => `${d}  # revoked by modelsign drill`).join('\n')}\n`);
    this.noteOnce({ code: 'DRILL_REVOKED_COPY', message: `revocation list ${list}: revoked-ancestor revokes its parent in a temporary copy; the list is not changed`, file: list });
    return copy;
  }

  /** The policy with `revoke` added to its revoked list, in memory. */
  private policySpec(revoke: readonly string[]): PolicySpec | undefined {
    const { user, policy } = this.o;
    if (!user.policy || !policy) return user.policy;
    // With a revocation list, revocations go there; the policy is then used as it is.
    const add = this.lineage?.revoked === undefined ? revoke : [];
    if (add.length > 0) {
      this.noteOnce({ code: 'DRILL_POLICY_REVOKED_COPY', message: `policy ${user.policy.file}: revoked-ancestor revokes its parent in an in-memory copy of the policy's revoked list; the file is not changed`, file: user.policy.file });
    }
    const loaded = add.length > 0 ? { ...policy, revoked: [...policy.revoked, ...add] } : policy;
    return { file: user.policy.file, loaded, ...(user.policy.purpose !== undefined ? { purpose: user.policy.purpose } : {}) };
  }

  private noteOnce(n: DrillNote): void {
    if (!this.notes.some((x) => x.code === n.code)) this.notes.push(n);
  }

  /**
   * The user's spec for one verification of attack `a`: the copies in place of the files,
   * the drill's models carrying their own signatures (no --signature, no pulling), and the
   * throwaway key in place of the trust unless `realTrust`.
   */
  async verifier(a: AttackSandbox, o: { realTrust?: boolean; revoke?: readonly string[] } = {}): Promise<Verifier> {
    return createVerifier(await this.spec(a, o));
  }

  async spec(a: AttackSandbox, o: { realTrust?: boolean; revoke?: readonly string[] } = {}): Promise<VerifySpec> {
    const { user } = this.o;
    const revoke = o.revoke ?? [];
    const { signature: _signature, auditLog: _auditLog, lineage: _lineage, policy: _policy, trust: _trust, trustPrecedence: _precedence, open: _open, ...rest } = user;
    const substitute = o.realTrust ? undefined : this.o.trust;
    const revoked = await this.revokedList(a, revoke);
    const lineage: LineageSpec | undefined = this.lineage && {
      ...this.lineage,
      ...(this.storeCopy !== undefined ? { store: this.storeCopy } : {}),
      ...(a.stateFile !== undefined ? { stateFile: a.stateFile } : {}),
      ...(revoked !== undefined ? { revoked } : {}),
    };
    const policy = this.policySpec(revoke);
    const oci = user.open?.oci;
    const open = user.open && { ...user.open, ...(oci ? { oci: oci.registry ? { registry: oci.registry } : {} } : {}) };
    return {
      ...rest,
      ...(substitute ? { trust: substitute, trustPrecedence: 'spec' as const } : { ...(user.trust ? { trust: user.trust } : {}), ...(user.trustPrecedence ? { trustPrecedence: user.trustPrecedence } : {}) }),
      ...(policy ? { policy } : {}),
      ...(lineage ? { lineage } : {}),
      ...(this.auditCopy !== undefined ? { auditLog: this.auditCopy } : {}),
      ...(open ? { open } : {}),
    };
  }
}
