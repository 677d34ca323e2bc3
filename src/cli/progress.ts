/**
 * Progress on stderr while a model is hashed, never on stdout (so `--json` output stays one
 * clean document):
 *   - on a terminal: one bar redrawn in place (bytes, rate, ETA), shown only once the work
 *     has run for a moment, and erased when it ends;
 *   - in logs (stderr not a TTY): a plain line every few seconds, and a closing summary line
 *     if any line was printed, so short runs print nothing;
 *   - with --quiet: nothing.
 * MODELSIGN_PROGRESS_INTERVAL_MS changes the interval (default 5000 in logs, 200 on a TTY);
 * MODELSIGN_PROGRESS=tty|plain|off forces a mode (tests, CI systems that render \r).
 */
import { state } from './io.js';

export function fmtBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function fmtDuration(secs: number): string {
  if (!Number.isFinite(secs)) return '?';
  const s = Math.round(secs);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export type ProgressMode = 'tty' | 'plain' | 'off';

export interface ProgressOptions {
  mode?: ProgressMode;
  intervalMs?: number;
  /** Where lines go (default: process.stderr). */
  write?: (s: string) => void;
  now?: () => number;
}

function envMode(): ProgressMode | undefined {
  const m = process.env.MODELSIGN_PROGRESS;
  return m === 'tty' || m === 'plain' || m === 'off' ? m : undefined;
}

function envInterval(): number | undefined {
  const v = Number(process.env.MODELSIGN_PROGRESS_INTERVAL_MS);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

const NOOP: Progress = { update() {}, finish() {} };

export function createProgress(label: string, total: number, opts: ProgressOptions = {}): Progress {
  const mode = state.quiet ? 'off' : (opts.mode ?? envMode() ?? (process.stderr.isTTY === true ? 'tty' : 'plain'));
  if (mode === 'off' || total <= 0) return NOOP;
  const tty = mode === 'tty';
  const interval = opts.intervalMs ?? envInterval() ?? (tty ? 200 : 5000);
  // A bar appears only once the work has lasted a moment, so quick runs do not flicker.
  const firstAfter = tty ? Math.min(interval, 250) : interval;
  const write = opts.write ?? ((s: string) => void process.stderr.write(s));
  const now = opts.now ?? Date.now;
  const t0 = now();
  let last = t0;
  let shown = false;
  let finished = false;
  let lastDone = 0;

  const line = (done: number, t: number): string => {
    const secs = Math.max(0.001, (t - t0) / 1000);
    const rate = done / secs;
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const pct = Math.min(100, (done / total) * 100);
    if (tty) {
      const width = 24;
      const fill = Math.round((pct / 100) * width);
      return `${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct.toFixed(0).padStart(3)}% ${fmtBytes(done)}/${fmtBytes(total)} ${fmtBytes(rate)}/s ETA ${fmtDuration(eta)}`;
    }
    return `modelsign: ${label} ${pct.toFixed(0)}% (${fmtBytes(done)} of ${fmtBytes(total)}) at ${fmtBytes(rate)}/s, ETA ${fmtDuration(eta)}`;
  };

  return {
    update(done: number) {
      if (finished) return;
      lastDone = done;
      const t = now();
      if (t - (shown ? last : t0) < (shown ? interval : firstAfter)) return;
      last = t;
      shown = true;
      write(tty ? `\r\x1b[2K${line(done, t)}` : `${line(done, t)}\n`);
    },
    finish() {
      if (finished) return;
      finished = true;
      if (!shown) return;
      if (tty) {
        write('\r\x1b[2K');
        return;
      }
      const secs = Math.max(0.001, (now() - t0) / 1000);
      write(`modelsign: ${label} done: ${fmtBytes(lastDone)} in ${secs.toFixed(1)}s (${fmtBytes(lastDone / secs)}/s)\n`);
    },
  };
}

/**
 * Engine options from --jobs plus a progress display created once the total is known. It
 * also starts the hash threads now, so their start-up overlaps enumeration and key loading
 * (the engine module is small; importing it does not load the rest of the library).
 */
export function engineFlags(
  o: { jobs?: number; hash?: string },
  label: string,
): { jobs?: number; onProgress: (done: number, total: number) => void; onDone: () => void } {
  void import('../hashing/engine.js').then((m) => m.prewarmHashPool({ ...(o.jobs ? { jobs: o.jobs } : {}), alg: o.hash })).catch(() => undefined);
  let p: Progress | undefined;
  return {
    ...(o.jobs ? { jobs: o.jobs } : {}),
    onProgress: (done, total) => {
      p ??= createProgress(label, total);
      p.update(done);
    },
    onDone: () => p?.finish(),
  };
}
