/**
 * Checking an audit log's hash chain. Reads the file in bounded chunks (logs grow without
 * limit; a hostile one may hold a gigantic "line"), checks every line links to the one
 * before it, and reports the first line where the chain does not hold.
 *
 * What a chain can and cannot show: an edited, removed, inserted or reordered line breaks
 * the link of the line after it (or its own); a file cut mid-line leaves a last line without
 * its newline. Removing whole lines from the *end* leaves a shorter valid chain: to catch
 * that, keep the head hash somewhere else and pass it back as an anchor (`--anchor`).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { errnoCode, usage } from '../errors.js';
import { clean } from '../util/one-line.js';
import { isObject, parseStrictJson } from '../util/strict-json.js';
import { AUDIT_FORMAT_VERSION, GENESIS, lineHash, MAX_LINE_BYTES } from './record.js';

export interface ChainReport {
  intact: boolean;
  file: string;
  /** Lines that checked out before the first bad one (all of them when intact). */
  records: number;
  /** SHA-256 of the last good line: the value to keep as an external anchor. */
  head: string | null;
  /** 1-based line number of the first bad line. */
  firstBadLine: number | null;
  reason: string | null;
  anchorFound?: boolean;
}

const RESULTS = new Set(['verified', 'refused', 'error']);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Why one line is not a well-formed record following `expectPrev`, or undefined. */
function lineProblem(line: Buffer, lineNo: number, expectPrev: string): string | undefined {
  let text: string;
  try {
    text = UTF8.decode(line);
  } catch {
    return 'not UTF-8';
  }
  if (text.length === 0) return 'empty line';
  let rec;
  try {
    rec = parseStrictJson(text, { what: 'audit record', code: 'AUDIT_CHAIN_BROKEN', maxDepth: 8 });
  } catch (e) {
    return (e as Error).message;
  }
  if (!isObject(rec)) return 'not a JSON object';
  if (rec.v !== AUDIT_FORMAT_VERSION) return `unknown record version ${JSON.stringify(rec.v)}`;
  if (typeof rec.prev !== 'string' || !/^[0-9a-f]{64}$/.test(rec.prev)) return 'no valid "prev" hash';
  if (rec.prev !== expectPrev) {
    return lineNo === 1
      ? 'first line does not start the chain (lines before it were removed, or it was edited)'
      : `"prev" does not match the SHA-256 of line ${lineNo - 1} (line ${lineNo - 1} was edited, or lines were removed, inserted or reordered here)`;
  }
  if (rec.seq !== lineNo) return `sequence number ${JSON.stringify(rec.seq)}, expected ${lineNo}`;
  if (typeof rec.time !== 'string' || typeof rec.model !== 'string') return 'missing time or model';
  if (typeof rec.result !== 'string' || !RESULTS.has(rec.result)) return `unknown result ${JSON.stringify(rec.result)}`;
  if (!Array.isArray(rec.failures) || !rec.failures.every((c) => typeof c === 'string')) return 'failures must be a list of codes';
  if (rec.result === 'verified' && rec.failures.length > 0) return 'a verified decision with failures';
  return undefined;
}

/** An anchor is a line's SHA-256 as `audit verify` prints the head: sha256:<64 hex> (or the bare hex). */
const ANCHOR_RE = /^(?:sha256:)?[0-9a-f]{64}$/i;

export async function checkAuditLog(file: string, opts: { anchor?: string } = {}): Promise<ChainReport> {
  // A malformed anchor could never match a line: that is a usage error, not a broken log.
  if (opts.anchor !== undefined && !ANCHOR_RE.test(opts.anchor)) {
    throw usage('BAD_OPTION', `--anchor must be a line hash as audit verify prints the head: sha256:<64 hex characters> (got "${clean(opts.anchor, 80)}")`);
  }
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const c = errnoCode(e);
    throw usage('AUDIT_UNREADABLE', c === 'ENOENT' ? `audit log not found: ${file}` : `cannot read audit log ${file}: ${c ?? String(e)}`);
  }
  const report: ChainReport = { intact: true, file, records: 0, head: null, firstBadLine: null, reason: null };
  const anchor = opts.anchor?.replace(/^sha256:/, '').toLowerCase();
  let anchorFound = false;
  const fail = (lineNo: number, reason: string): ChainReport => {
    report.intact = false;
    report.firstBadLine = lineNo;
    report.reason = reason;
    return report;
  };
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw usage('AUDIT_UNREADABLE', `audit log is not a regular file: ${file}`);
    const chunk = Buffer.alloc(4 * 1024 * 1024);
    let pending: Buffer = Buffer.alloc(0);
    let pos = 0;
    let lineNo = 0;
    let prev = GENESIS;
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      let data = Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
      let nl;
      while ((nl = data.indexOf(0x0a)) >= 0) {
        const line = data.subarray(0, nl);
        data = data.subarray(nl + 1);
        lineNo++;
        if (line.length > MAX_LINE_BYTES) return fail(lineNo, `line longer than ${MAX_LINE_BYTES} bytes`);
        const why = lineProblem(line, lineNo, prev);
        if (why) return fail(lineNo, why);
        prev = lineHash(line);
        report.records = lineNo;
        report.head = prev;
        if (anchor !== undefined && prev === anchor) anchorFound = true;
      }
      if (data.length > MAX_LINE_BYTES) return fail(lineNo + 1, `line longer than ${MAX_LINE_BYTES} bytes`);
      pending = Buffer.from(data);
    }
    if (pending.length > 0) {
      return fail(lineNo + 1, 'last line is cut off (no newline at the end: the log was truncated or a write was interrupted)');
    }
  } finally {
    await fh.close();
  }
  if (anchor !== undefined) {
    report.anchorFound = anchorFound;
    if (!anchorFound) {
      report.intact = false;
      report.reason = `no line has the anchor hash ${anchor} (lines were removed from the end, or the log was replaced)`;
      report.firstBadLine = report.records + 1;
    }
  }
  return report;
}
