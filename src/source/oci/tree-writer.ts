/**
 * Writes model files under one directory as their bytes are hashed (the same chunks go to
 * the hasher and to the file, so what lands is what was hashed): the --pull-to target, or a
 * private spool for the scanners. Files are created exclusively (O_EXCL, O_NOFOLLOW) below a
 * directory this writer made or found empty, names are the source's validated names, and
 * writes are synchronous (the hashing loop gives them their pace). Nothing here throws while
 * streaming: a failed write is recorded against its file.
 */
import { closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errnoCode, usage, type Failure } from '../../errors.js';
import type { EntrySink } from '../archive.js';
import { errnoWords } from '../../util/errno.js';
import type { ModelFile } from '../walk.js';

export class TreeWriter {
  /** Files written whole, by name. */
  private readonly written = new Map<string, string>();
  private readonly failed = new Map<string, Failure>();

  private constructor(
    readonly root: string,
    /** Remove the root itself when discarding (this writer created it). */
    private readonly ownsRoot: boolean,
  ) {}

  /** A private temporary directory (mode 0700), removed by discard(). */
  static async spool(): Promise<TreeWriter> {
    return new TreeWriter(await mkdtemp(path.join(os.tmpdir(), 'modelsign-oci-')), true);
  }

  /** DIR for --pull-to: created if absent, else it must be an empty directory. */
  static async target(dir: string): Promise<TreeWriter> {
    const st = await lstat(dir).catch((e: unknown) => {
      if (errnoCode(e) === 'ENOENT') return undefined;
      throw e;
    });
    if (st === undefined) {
      try {
        await mkdir(dir, { recursive: true });
      } catch (e) {
        throw usage('PULL_FAILED', `--pull-to ${dir}: cannot create it: ${errnoWords(e)}`);
      }
      return new TreeWriter(path.resolve(dir), true);
    }
    if (!st.isDirectory()) throw usage('PULL_FAILED', `--pull-to ${dir} exists and is not a directory`);
    if ((await readdir(dir)).length > 0) throw usage('PULL_FAILED', `--pull-to ${dir} is not empty: pull into an empty or new directory`);
    return new TreeWriter(path.resolve(dir), false);
  }

  pathOf(name: string): string {
    return path.join(this.root, ...name.split('/'));
  }

  /** A sink for NAME's bytes; the file counts as written once end(true) succeeds. */
  open(name: string): EntrySink {
    const file = this.pathOf(name);
    let fd: number | undefined;
    let failure: Failure | undefined;
    const fail = (e: unknown, what: string): void => {
      failure ??= { code: 'PULL_FAILED', path: name, message: `cannot ${what} ${file}: ${errnoWords(e)}` };
    };
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    } catch (e) {
      fail(e, 'create');
    }
    return {
      write: (chunk) => {
        if (fd === undefined || failure) return;
        try {
          for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
        } catch (e) {
          fail(e, 'write');
        }
      },
      end: (complete) => {
        if (fd !== undefined) {
          try {
            closeSync(fd);
          } catch (e) {
            fail(e, 'close');
          }
        }
        if (!complete) failure ??= { code: 'FILE_CHANGED', path: name, message: 'the download ended before the whole file was read' };
        if (failure) this.failed.set(name, failure);
        else this.written.set(name, file);
      },
    };
  }

  /** Why NAME was not written whole, if it was opened at all. */
  failure(name: string): Failure | undefined {
    return this.failed.get(name);
  }

  isWritten(name: string): boolean {
    return this.written.has(name);
  }

  /** NAME as a listed local file (for a verified re-open), when it was written whole. */
  async file(name: string): Promise<ModelFile | undefined> {
    const abs = this.written.get(name);
    if (abs === undefined) return undefined;
    const st = await lstat(abs);
    return { name, abs, size: st.size, viaLink: false, id: { dev: st.dev, ino: st.ino }, stamp: { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs } };
  }

  /** Remove everything written, to start over (verify tries another attached signature). */
  async clear(): Promise<void> {
    for (const entry of await readdir(this.root).catch(() => [])) await rm(path.join(this.root, entry), { recursive: true, force: true });
    this.written.clear();
    this.failed.clear();
  }

  /** Remove everything written (and the root when this writer made it). */
  async discard(): Promise<void> {
    await this.clear();
    if (this.ownsRoot) await rm(this.root, { recursive: true, force: true });
  }
}
