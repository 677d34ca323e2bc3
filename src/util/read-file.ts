/**
 * Read a whole small file that may be hostile or misplaced (a signature inside the model, a
 * bundle in a lineage store, an operator's policy, revocation list or state file):
 *   - O_NONBLOCK: a FIFO put in its place must not hang the verifier at open();
 *   - fstat on the open descriptor: only a regular file is read (never a device such as
 *     /dev/zero, a FIFO or a directory), and it is the file that was opened;
 *   - never more than maxBytes are read or held, even if the file grows meanwhile.
 * Errors from open() are passed through (callers name them); the other two are typed.
 */
import type { Code } from '../codes.js';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { errnoCode, usage } from '../errors.js';

export class NotRegularFile extends Error {
  constructor(
    readonly file: string,
    /** What it is instead, when that is a directory (messages say so). */
    readonly isDirectory = false,
  ) {
    super(`not a regular file: ${file}`);
  }
}

export class FileTooLarge extends Error {
  constructor(
    readonly file: string,
    readonly maxBytes: number,
  ) {
    super(`larger than ${maxBytes} bytes: ${file}`);
  }
}

export async function readRegularFile(file: string, maxBytes: number, opts: { noFollow?: boolean } = {}): Promise<Buffer> {
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (opts.noFollow ? constants.O_NOFOLLOW : 0));
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new NotRegularFile(file, st.isDirectory());
    if (st.size > maxBytes) throw new FileTooLarge(file, maxBytes);
    // One byte more than allowed tells a file that grew past the limit since fstat.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > maxBytes) throw new FileTooLarge(file, maxBytes);
    return buf.subarray(0, n);
  } finally {
    await fh.close();
  }
}

/**
 * readRegularFile for a file the user named on the command line (a key, a certificate, a PIN
 * file): every failure is one usage error with `code`, naming the file as `what`
 * ("signing certificate not found: FILE", "cannot read signing certificate FILE: EACCES").
 */
export async function readUserFile(file: string, maxBytes: number, code: Code, what: string): Promise<Buffer> {
  try {
    return await readRegularFile(file, maxBytes);
  } catch (e) {
    if (e instanceof FileTooLarge) throw usage(code, `${what} ${file} is larger than ${maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MiB` : `${maxBytes} bytes`}`);
    const c = e instanceof NotRegularFile ? 'not a regular file' : errnoCode(e);
    throw usage(code, c === 'ENOENT' ? `${what} not found: ${file}` : `cannot read ${what} ${file}: ${c ?? String(e)}`);
  }
}
