/**
 * Why an archive cannot be read as GNU tar and Python's tarfile would both read it. The
 * reader stops at the first one: past a header it refuses, the extractors themselves part
 * ways (one stops, one skips ahead), so nothing after it can be trusted to mean one thing.
 */
export type TarErrorCode = 'ARCHIVE_MALFORMED' | 'UNSUPPORTED_ENTRY' | 'UNSAFE_NAME' | 'TOO_MANY_FILES' | 'FILE_CHANGED_DURING_HASH';

export class TarError extends Error {
  constructor(
    readonly code: TarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TarError';
  }
}
