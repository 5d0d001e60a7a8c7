import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { JsonBytesCache } from './json-bytes.ts';

/** Error codes of a directory `fsync` that only mean the platform or file system cannot do it. */
const UNSYNCABLE_DIRECTORY = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'EBADF', 'ENOTSUP', 'ENOSYS']);

/** Where the platform has it (not Windows): opening fails on a symbolic link instead of following it. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * How a temporary file is created: a new file only, never one already there, nor through a symbolic
 * link planted at its name.
 */
export const CREATE_NEW_FILE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | NO_FOLLOW;

/** How a store file is read: never through a symbolic link, where the platform can tell. */
const READ_NO_FOLLOW = constants.O_RDONLY | NO_FOLLOW;

/** Library files are private to their owner. */
export const FILE_MODE = 0o600;
/** Library folders are private to their owner. */
export const FOLDER_MODE = 0o700;

/**
 * The temporary file a durable write goes through: `.name.<random>.tmp` beside the file, on the same
 * file system. The random part makes the name unguessable, so no one can plant a link at it beforehand.
 */
export function tempPathOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** A temporary file of a write or of the lock: a dot name ending in `.tmp` (`.name.tmp` of earlier versions, `.name.<random>.tmp` now). */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** A library file that is a symbolic link: Scholia neither reads nor writes through one. */
export class SymbolicLinkError extends Error {
  constructor(readonly file: string) {
    super(`${file} is a symbolic link; Scholia does not follow links inside its library.`);
    this.name = 'SymbolicLinkError';
  }
}

/**
 * Reads a library file as text, refusing a symbolic link (`SymbolicLinkError`) rather than reading
 * where it points. `lstat` names the problem on every platform; `O_NOFOLLOW` closes the gap between
 * that check and the open where the platform has it.
 */
export async function readLibraryFile(file: string): Promise<string> {
  if ((await lstat(file)).isSymbolicLink()) throw new SymbolicLinkError(file);
  let handle: FileHandle;
  try {
    handle = await open(file, READ_NO_FOLLOW);
  } catch (error) {
    // Linux and macOS answer ELOOP, FreeBSD EMLINK, for a link that appeared after the check.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new SymbolicLinkError(file);
    throw error;
  }
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Makes a directory's entries (a rename, a new file) survive a power cut, where the platform allows
 * it. Windows cannot open a directory for `fsync` (NTFS journals the metadata itself), and some file
 * systems refuse; both are skipped.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!UNSYNCABLE_DIRECTORY.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** What a durable write takes: text, bytes, or bytes in pieces (written in order with vectored writes). */
export type FileData = string | Uint8Array | readonly Uint8Array[];

/** Writes a file's bytes and `fsync`s them before closing it; `flag` as `open` takes it (a string or `fs.constants` bits). */
export async function writeAndSync(file: string, data: FileData, flag: string | number = 'w'): Promise<void> {
  const handle = await open(file, flag, FILE_MODE);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else await writePieces(handle, data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the pieces in order, a batch of them per system call, until every byte is written. */
async function writePieces(handle: FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  const queue = pieces.filter((piece) => piece.length > 0);
  let next = 0;
  while (next < queue.length) {
    const batch = queue.slice(next, next + WRITEV_BATCH);
    let { bytesWritten } = await handle.writev(batch);
    for (const piece of batch) {
      if (bytesWritten >= piece.length) {
        bytesWritten -= piece.length;
        next += 1;
        continue;
      }
      // A short write: the rest of this piece goes first in the next call.
      queue[next] = piece.subarray(bytesWritten);
      break;
    }
  }
}

/** Pieces per vectored write: the usual limit of one `writev` call (IOV_MAX). */
const WRITEV_BATCH = 1024;

/** Renames, retrying for a while where Windows briefly holds the target (an indexer or a virus scanner). */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export interface DurableWriteOptions {
  /**
   * Runs while the new content goes to the temporary file (the old file is still in place); the old
   * file is replaced only once both have finished, and not at all if either failed.
   */
  beforeReplace?: () => Promise<void>;
}

/**
 * Replaces `file` with `data` so that a crash or power cut at any instant leaves either the old
 * file or the new one, whole: the data goes to a temporary file which is `fsync`ed, then renamed
 * over the old file, then the directory is `fsync`ed so the rename itself is durable. The temporary
 * file has a random name and is created new (`CREATE_NEW_FILE`, mode 0600), so a link planted in
 * the folder is never written through; the rename replaces a link at `file` itself, never its target.
 */
export async function writeFileDurably(file: string, data: FileData, options: DurableWriteOptions = {}): Promise<void> {
  const temp = tempPathOf(file);
  const [written, hook] = await Promise.allSettled([writeAndSync(temp, data, CREATE_NEW_FILE), options.beforeReplace?.()]);
  if (written.status === 'rejected') {
    // A failed create left nothing behind; a failed write or fsync leaves a file to take away.
    await unlink(temp).catch(() => undefined);
    throw written.reason;
  }
  if (hook.status === 'rejected') {
    await unlink(temp).catch(() => undefined);
    throw hook.reason;
  }
  await renameOver(temp, file);
  await syncDirectory(path.dirname(file));
}

export interface DurableJsonFileOptions<T> {
  /**
   * Runs before each write replaces the file, with what this adapter last read from or wrote to it
   * (null when the file did not exist): the moment to keep the previous version. A failure here is
   * passed to `onHookError` and never stops the write.
   */
  beforeReplace?: (previous: T) => Promise<void>;
  onHookError?: (error: unknown) => void;
}

/**
 * A lowdb adapter for one JSON file with durable writes (`writeFileDurably`). Writes are queued, so
 * two never race on the temporary file, and each is serialised when it is asked for, so it saves the
 * state of that moment, reusing the bytes of records that have not changed since (`JsonBytesCache`).
 * `read` throws on a file that is not JSON (`SyntaxError`) or is a symbolic link (`SymbolicLinkError`),
 * and answers null for a missing one.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private onDisk: T | null = null;
  private readonly serializer = new JsonBytesCache();

  constructor(
    readonly file: string,
    private readonly options: DurableJsonFileOptions<T> = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readLibraryFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = JSON.parse(text) as T;
    this.onDisk = data;
    return data;
  }

  write(data: T): Promise<void> {
    const bytes = this.serializer.chunks(data);
    const run = this.queue.then(() => this.replace(data, bytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async replace(data: T, bytes: readonly Uint8Array[]): Promise<void> {
    const previous = this.onDisk;
    const { beforeReplace, onHookError } = this.options;
    await writeFileDurably(this.file, bytes, {
      beforeReplace: async () => {
        if (previous === null || !beforeReplace) return;
        await beforeReplace(previous).catch((error: unknown) => onHookError?.(error));
      },
    });
    this.onDisk = data;
  }
}
