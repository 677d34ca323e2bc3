/** Random access to an open file: what zip readers and the verified re-open share. */
import type { FileHandle } from 'node:fs/promises';
import type { RandomAccess } from './types.js';

/** Reads of the open file `fh`, which has `size` bytes; a short read only at its end. */
export function handleReader(fh: FileHandle, size: number): RandomAccess {
  return {
    size,
    async read(position, length) {
      const n = Math.max(0, Math.min(length, size - position));
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await fh.read(buf, got, n - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
  };
}
