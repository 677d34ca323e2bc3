/**
 * Which model paths name a tar archive: decided from the name alone, apart from the archive
 * reader, so that choosing a source loads no tar code for a directory or a plain file.
 */
export const ARCHIVE_RE = /\.(tar|tar\.gz|tgz)$/i;

/** Whether a model path names a tar archive. */
export function isArchivePath(p: string): boolean {
  return ARCHIVE_RE.test(p);
}
