/** Make a FIFO with the system's mkfifo; false where that is not possible (then skip). */
import { spawnSync } from 'node:child_process';

export function mkfifo(file: string): boolean {
  if (process.platform === 'win32') return false;
  return spawnSync('mkfifo', [file]).status === 0;
}
