import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { JsonBytesCache } from './json-bytes.ts';

/** Error codes of a directory `fsync` that only mean the platform or file system cannot do it. */
const UNSYNCABLE_DIRECTORY = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'EBADF', 'ENOTSUP', 'ENOSYS']);

/** The temporary file a durable write goes through: `.name.tmp` beside the file, on the same file system. */
export function tempPathOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
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

/** Writes a file's bytes and `fsync`s them before closing it. */
export async function writeAndSync(file: string, data: FileData, flag = 'w'): Promise<void> {
  const handle = await open(file, flag, 0o600);
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
 * over the old file, then the directory is `fsync`ed so the rename itself is durable.
 */
export async function writeFileDurably(file: string, data: FileData, options: DurableWriteOptions = {}): Promise<void> {
  const temp = tempPathOf(file);
  const [written, hook] = await Promise.allSettled([writeAndSync(temp, data), options.beforeReplace?.()]);
  if (written.status === 'rejected') throw written.reason;
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
 * state of that moment, reusing the bytes of records that have not changed since (`JsonBytesCache`). `read` throws on a file that is not JSON and answers null for a missing one.
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
      text = await readFile(this.file, 'utf8');
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
