import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, usage } from '../errors.js';

/**
 * Write to a temp file beside the target, then rename: readers never see half a file. A
 * failure is a usage error `code` naming `label` (the file, or e.g. "state file FILE").
 */
export async function writeAtomic(file: string, data: string | Buffer, code = 'WRITE_FAILED', label = file): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx', mode: 0o644 });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw usage(code, `cannot write ${label}: ${errnoCode(e) ?? String(e)}`);
  }
}
