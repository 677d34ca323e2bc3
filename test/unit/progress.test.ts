/** The progress display: when it draws, what it says, and that it stays quiet when asked. */
import { afterEach, describe, expect, it } from 'vitest';
import { createProgress, fmtBytes, fmtDuration } from '../../src/cli/progress.js';
import { state } from '../../src/cli/io.js';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

afterEach(() => {
  state.quiet = false;
});

describe('progress', () => {
  it('logs: nothing before the interval, then one line per interval, then a summary', () => {
    const c = clock();
    const out: string[] = [];
    const p = createProgress('hashing', 1000 * 1024 * 1024, { mode: 'plain', intervalMs: 5000, now: c.now, write: (s) => out.push(s) });
    c.advance(1000);
    p.update(100 * 1024 * 1024);
    expect(out).toEqual([]);
    c.advance(4000);
    p.update(500 * 1024 * 1024);
    expect(out).toEqual(['modelsign: hashing 50% (500.0 MiB of 1000.0 MiB) at 100.0 MiB/s, ETA 5s\n']);
    c.advance(1000);
    p.update(600 * 1024 * 1024); // within the interval: no line
    expect(out).toHaveLength(1);
    c.advance(4000);
    p.update(1000 * 1024 * 1024);
    expect(out[1]).toBe('modelsign: hashing 100% (1000.0 MiB of 1000.0 MiB) at 100.0 MiB/s, ETA 0s\n');
    p.finish();
    expect(out[2]).toBe('modelsign: hashing done: 1000.0 MiB in 10.0s (100.0 MiB/s)\n');
    p.finish();
    expect(out).toHaveLength(3);
  });

  it('logs: a run shorter than the interval prints nothing at all', () => {
    const c = clock();
    const out: string[] = [];
    const p = createProgress('hashing', 1024, { mode: 'plain', intervalMs: 5000, now: c.now, write: (s) => out.push(s) });
    c.advance(300);
    p.update(1024);
    p.finish();
    expect(out).toEqual([]);
  });

  it('terminal: a bar redrawn in place with bytes, rate and ETA, erased at the end', () => {
    const c = clock();
    const out: string[] = [];
    const p = createProgress('verifying', 2 * 1024 ** 3, { mode: 'tty', intervalMs: 200, now: c.now, write: (s) => out.push(s) });
    c.advance(100);
    p.update(1);
    expect(out).toEqual([]);
    c.advance(900);
    p.update(1024 ** 3);
    expect(out).toEqual(['\r\x1b[2Kverifying [############............]  50% 1.0 GiB/2.0 GiB 1.0 GiB/s ETA 1s']);
    p.finish();
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });

  it('--quiet: nothing, whatever the mode', () => {
    state.quiet = true;
    const c = clock();
    const out: string[] = [];
    for (const mode of ['tty', 'plain'] as const) {
      const p = createProgress('hashing', 1024, { mode, intervalMs: 1, now: c.now, write: (s) => out.push(s) });
      c.advance(10_000);
      p.update(512);
      p.finish();
    }
    expect(out).toEqual([]);
  });

  it('formats sizes and durations', () => {
    expect(fmtBytes(0)).toBe('0 B');
    expect(fmtBytes(1536)).toBe('1.5 KiB');
    expect(fmtBytes(3 * 1024 ** 4)).toBe('3.0 TiB');
    expect(fmtDuration(59.4)).toBe('59s');
    expect(fmtDuration(61)).toBe('1m01s');
    expect(fmtDuration(7322)).toBe('2h02m');
    expect(fmtDuration(Infinity)).toBe('?');
  });
});
