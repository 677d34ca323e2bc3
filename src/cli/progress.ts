/**
 * Progress on stderr: a redrawn bar on a terminal (bytes, rate, ETA); in logs (no TTY) a
 * plain line every few seconds; nothing with --quiet. Never writes to stdout.
 */
import { state } from './io.js';

function fmtBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function createProgress(label: string, total: number, opts: { intervalMs?: number } = {}): Progress {
  const noop: Progress = { update() {}, finish() {} };
  if (state.quiet || total < 64 * 1024 * 1024) return noop;
  const tty = process.stderr.isTTY === true;
  const interval = opts.intervalMs ?? (tty ? 200 : 5000);
  const t0 = Date.now();
  let last = 0;
  let drawn = false;
  const line = (done: number): string => {
    const secs = Math.max(0.001, (Date.now() - t0) / 1000);
    const rate = done / secs;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const pct = total > 0 ? Math.min(100, (done / total) * 100) : 100;
    if (tty) {
      const width = 24;
      const fill = Math.round((pct / 100) * width);
      return `${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct.toFixed(0)}% ${fmtBytes(done)}/${fmtBytes(total)} ${fmtBytes(rate)}/s ETA ${eta.toFixed(0)}s`;
    }
    return `${label}: ${pct.toFixed(0)}% ${fmtBytes(done)} of ${fmtBytes(total)} at ${fmtBytes(rate)}/s, ETA ${eta.toFixed(0)}s`;
  };
  return {
    update(done: number) {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      drawn = true;
      process.stderr.write(tty ? `\r\x1b[2K${line(done)}` : `${line(done)}\n`);
    },
    finish() {
      if (drawn && tty) process.stderr.write('\r\x1b[2K');
    },
  };
}

/** Engine options from --jobs plus a progress display created once the total is known. */
export function engineFlags(o: { jobs?: number }, label: string, onCreate: (p: Progress) => void): { jobs?: number; onProgress: (done: number, total: number) => void } {
  let p: Progress | undefined;
  return {
    ...(o.jobs ? { jobs: o.jobs } : {}),
    onProgress: (done, total) => {
      if (!p) {
        p = createProgress(label, total);
        onCreate(p);
      }
      p.update(done);
    },
  };
}
