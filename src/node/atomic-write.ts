/**
 * Every file the CLI writes is written whole or not at all: the bytes go to a temporary file in the same
 * folder, are flushed to disk, and the temporary file is renamed over the destination only when complete.
 * A full disk, a crash or Ctrl-C midway leaves the previous file as it was (and no temporary file behind).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asFileError } from './errors';
import { onExit } from './on-exit';

/** A hidden name beside `path`, unique to this write. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `data` to `path` atomically. Filesystem failures become a FileError naming `path`. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = tempPathFor(path);
  const forget = onExit(() => rmSync(temp, { force: true }));
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw asFileError(e, 'write', path);
  } finally {
    forget();
  }
}
