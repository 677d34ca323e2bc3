/**
 * A model shipped as a tar archive (.tar, .tar.gz, .tgz): listed and hashed while it streams,
 * never extracted (src/hashing/archive.ts), so an archive and the directory it was made from
 * have the same resources and root digest.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReadEntry } from 'tar';
import { EMBEDDED_SIGNATURE, scanArchive } from '../hashing/archive.js';
import { ByteSource } from '../scan/source.js';
import { toSourceFile } from './local-read.js';
import type { Inspector, ModelSource, ReadRequest, ReadResult, SourceFile } from './types.js';

const ARCHIVE_RE = /\.(tar|tar\.gz|tgz)$/i;

/** Whether a model path names a tar archive. */
export function isArchivePath(p: string): boolean {
  return ARCHIVE_RE.test(p);
}

export function archiveSource(model: string): ModelSource {
  return {
    kind: 'archive',
    model,
    defaultIgnores: [EMBEDDED_SIGNATURE],
    defaultName: () => path.basename(path.resolve(model)).replace(ARCHIVE_RE, '') || 'model',
    defaultSignaturePath: () => `${model}.sig`,
    read: (req) => readArchive(model, req),
  };
}

async function readArchive(model: string, req: ReadRequest): Promise<ReadResult> {
  const r = await scanArchive(model, {
    alg: req.alg ?? 'sha256',
    ranges: req.alg ? req.ranges : () => [],
    allowSymlinks: req.allowSymlinks,
    ignorePaths: req.ignorePaths,
    ...(req.signedPaths ? { signedPaths: req.signedPaths } : {}),
    ...(req.engine?.onProgress ? { onProgress: req.engine.onProgress } : {}),
    ...(req.onRestart ? { onRestart: req.onRestart } : {}),
  });
  req.engine?.onDone?.();
  await req.onHashed?.();
  const listing = { ...r.listing, files: r.listing.files.map(toSourceFile) };
  let bytesRead = (await stat(model)).size;
  if (req.inspector) {
    // An archive the first pass could not read is already a listing problem.
    const unreadable = listing.problems.some((p) => p.path === undefined && p.code === 'ARCHIVE_MALFORMED');
    await inspectEntries(model, listing.files, req.inspector).catch((e: unknown) => {
      if (!unreadable) throw e;
    });
    bytesRead *= 2;
  }
  return { listing, hashed: r.hashed, bytesRead };
}

/** A second streaming pass that hands the listed regular entries to the inspector. */
async function inspectEntries(model: string, files: readonly SourceFile[], inspector: Inspector): Promise<void> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const nameOf = (raw: string): SourceFile | undefined => {
    let s = raw;
    while (s.startsWith('./')) s = s.slice(2);
    return byName.get(s) ?? (s.includes('/') ? byName.get(s.slice(s.indexOf('/') + 1)) : undefined);
  };
  const { Parser } = await import('tar');
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      chain = chain
        .then(async () => {
          const file = entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile' ? nameOf(entry.path) : undefined;
          if (!file || !inspector.wants(file)) return void entry.resume();
          // The inspector may stop reading early (and close its reader): the rest of the entry
          // is still read past here, so the parser moves on to the next header.
          const it = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
          const shielded: AsyncIterator<Buffer> = { next: () => it.next(), return: () => Promise.resolve({ done: true, value: undefined }) };
          let taken = false;
          await inspector.inspect({
            file,
            bytes: () => {
              if (taken) throw new Error('an archive entry streams once');
              taken = true;
              return new ByteSource(shielded, entry.size);
            },
          });
          while (!(await it.next()).done);
        })
        .catch((e) => {
          failure ??= e;
          entry.resume();
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', reject);
    const input = createReadStream(model);
    input.on('error', reject);
    input.pipe(parser);
  });
  await chain;
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error('the archive could not be read for inspection');
}
