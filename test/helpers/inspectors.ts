/** Inspectors for tests of the source seam: they record what a read hands them. */
import type { Failure } from '../../src/errors.js';
import type { EntryContent, Inspector, SourceFile } from '../../src/source/types.js';

export interface Recorder extends Inspector {
  /** Every byte handed over, per file. */
  seen: Map<string, Buffer>;
  /** "name:CODE" for each file that could not be handed over as hashed. */
  refused: string[];
  /** The files `wants` was asked about, in order. */
  asked: string[];
}

/** Wants every file (but those `skip` names), reads each to its end. */
export function recorder(skip: (f: SourceFile) => boolean = () => false): Recorder {
  const seen = new Map<string, Buffer>();
  const refused: string[] = [];
  const asked: string[] = [];
  return {
    seen,
    refused,
    asked,
    wants: (f: SourceFile) => (asked.push(f.name), !skip(f)),
    async inspect(c: EntryContent) {
      const src = c.bytes();
      const parts: Buffer[] = [];
      while (await src.ensure(1)) parts.push(Buffer.from(src.take(src.buffered)));
      seen.set(c.file.name, Buffer.concat(parts));
    },
    unreadable(f: SourceFile, failure: Failure) {
      refused.push(`${f.name}:${failure.code}`);
    },
  };
}
