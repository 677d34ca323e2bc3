/**
 * Scan the files of a .tar / .tar.gz archive as a stream, without extracting it: each entry
 * is checked as it goes past. Zip-based members (PyTorch checkpoints, .npz) need random
 * access to their central directory, so those alone are copied to a private temporary file,
 * scanned, and deleted.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { ReadEntry } from 'tar';
import { errnoCode } from '../errors.js';
import { sniff, SNIFF_BYTES } from './detect.js';
import { report, scanStream, scanZip } from './scan-file.js';
import { ByteSource } from './source.js';
import type { FileReport, Finding, ScanLimits } from './types.js';

/** The same test hashing uses to treat a model as an archive: the two must agree. */
export { isArchivePath as isTarName } from '../hashing/archive.js';

async function spool(src: ByteSource, dest: string): Promise<void> {
  const ws = createWriteStream(dest, { mode: 0o600 });
  try {
    while (await src.ensure(1)) {
      if (!ws.write(Buffer.from(src.take(src.buffered)))) await once(ws, 'drain');
    }
  } finally {
    ws.end();
    await once(ws, 'close');
  }
}

/**
 * `refused`: entries that were not read at all (links, members over a limit or that could not
 * be copied out, entries past the file limit); each has a finding.
 */
export async function scanTar(archive: string, limits: ScanLimits): Promise<{ reports: FileReport[]; findings: Finding[]; refused: number }> {
  const reports: FileReport[] = [];
  const findings: Finding[] = [];
  let refused = 0;
  const base = path.basename(archive);
  let tmp: string | undefined;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;

  const handle = async (entry: ReadEntry): Promise<void> => {
    const name = `${base}:${entry.path}`;
    if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
      if (entry.type === 'SymbolicLink' || entry.type === 'Link') {
        refused++;
        findings.push({ code: 'SCAN_SKIPPED', severity: 'medium', file: name, message: `${entry.type === 'Link' ? 'hard link' : 'symlink'} to ${JSON.stringify(entry.linkpath ?? '')} is not scanned` });
      }
      entry.resume();
      return;
    }
    if (reports.length >= limits.maxFiles) {
      refused++;
      // Fail closed: an entry left unscanned may hold anything.
      if (!findings.some((f) => f.code === 'SCAN_LIMIT' && f.message.startsWith('more than'))) {
        findings.push({ code: 'SCAN_LIMIT', severity: 'high', file: name, message: `more than ${limits.maxFiles} files in the archive; this entry and later ones are not scanned` });
      }
      entry.resume();
      return;
    }
    const src = ByteSource.fromIterable(entry as AsyncIterable<Buffer>, entry.size);
    await src.ensure(SNIFF_BYTES);
    const kind = sniff(src.peek(SNIFF_BYTES), entry.path);
    if (kind === 'zip') {
      if (entry.size > limits.maxMemberBytes) {
        refused++;
        findings.push({ code: 'SCAN_LIMIT', severity: 'high', file: name, message: `zip member of ${entry.size} bytes is over the ${limits.maxMemberBytes}-byte limit for copying out of the archive; not scanned` });
        await src.drain();
        return;
      }
      let dest: string | undefined;
      try {
        tmp ??= await mkdtemp(path.join(os.tmpdir(), 'modelsign-scan-'));
        dest = path.join(tmp, 'member.zip');
        await spool(src, dest);
      } catch (e) {
        // No writable temp dir (a read-only pod) or a full disk: say so, fail closed.
        const code = errnoCode(e);
        if (code === undefined) throw e;
        if (dest) await rm(dest, { force: true });
        refused++;
        findings.push({ code: 'SCAN_SKIPPED', severity: 'high', file: name, message: `zip member cannot be copied out of the archive to scan it (${code}; set TMPDIR to a writable directory); not scanned` });
        await src.drain();
        return;
      }
      try {
        reports.push(report(name, entry.size, await scanZip(dest, entry.size, name, limits)));
      } finally {
        await rm(dest, { force: true });
      }
      return;
    }
    reports.push(report(name, entry.size, await scanStream(src, kind, entry.size, name, limits)));
    await src.drain();
  };

  try {
    // tar loads only when a tar is scanned.
    const { Parser } = await import('tar');
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        // Entries arrive in order and the parser waits while one is being read.
        chain = chain.then(() => handle(entry)).catch((e) => {
          failure ??= e;
          entry.resume();
        });
      },
    });
    // Entries the parser skips (GNU sparse files, unknown types, oversized extended headers)
    // are still written by tar or Python when extracted: content we never looked at.
    parser.on('ignoredEntry', (entry: ReadEntry) => {
      refused++;
      const what = entry.meta ? 'an oversized extended header' : `a ${entry.type} entry, which modelsign does not read`;
      findings.push({ code: 'SCAN_SKIPPED', severity: 'high', file: `${base}:${entry.path}`, message: `not scanned: ${what}; an extractor may still write it` });
    });
    const done = new Promise<void>((resolve, reject) => {
      parser.on('end', resolve);
      parser.on('error', reject);
      parser.on('close', resolve);
    });
    const input = createReadStream(archive);
    input.on('error', (e) => parser.emit('error', e));
    input.pipe(parser as unknown as NodeJS.WritableStream);
    try {
      await done;
    } catch (e) {
      findings.push({ code: 'TAR_MALFORMED', severity: 'high', file: base, message: `archive cannot be read: ${(e as Error).message}` });
    }
    await chain;
    if (failure) throw failure;
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
  return { reports, findings, refused };
}
