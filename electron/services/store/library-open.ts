import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Notice, ReadOnly } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { BackupPolicy } from './document-backups.ts';
import { DurableJsonFile, FOLDER_MODE } from './durable-file.ts';
import { readStoreFile } from './json-file.ts';
import { assertNoLinkedFolders, removeLeftoverTemps } from './library-folders.ts';
import { emptyLibrary } from './library-index.ts';
import { describeOwner, LibraryLock, LOCK_FILE } from './library-lock.ts';
import { LibraryFile, STORE_VERSION } from './store-files.ts';

export interface LibraryStoreOptions {
  /** Quiet time before a changed file is written. */
  debounceMs?: number;
  /**
   * `write` (the default) takes the library's lock and may change files; `read` never locks and never
   * changes a file, not even to move a corrupt one aside (the CLI's `list` and `export`).
   */
  access?: 'write' | 'read';
  /** When another process holds the lock: open read-only with a notice (the default), or fail with `read-only`. */
  whenLocked?: 'read-only' | 'fail';
  /** What this process is, as another one will name it when it finds the lock: "Scholia", "scholia serve". */
  owner?: string;
  backups?: BackupPolicy;
}

/** A library as opening found it: its lock (if taken), its index read (or to be rebuilt), and what it may write. */
export interface OpenedLibrary {
  readonly index: Low<LibraryFile>;
  /** Set when nothing may be written: the library is held by another process, or its index is of a newer format. */
  readonly readOnly: ReadOnly | null;
  /** `read` when opened for reading or when `readOnly` is set. */
  readonly access: 'write' | 'read';
  readonly lock: LibraryLock | null;
  /** What opening found to report, in order. */
  readonly notices: Notice[];
  /** How the index file was found. */
  readonly indexStatus: 'ok' | 'newer' | 'missing' | 'corrupt';
  /** True when the index could not be used (missing or damaged) and must be rebuilt from the document files. */
  readonly rebuild: boolean;
}

function inUseMessage(dir: string, holder: string): string {
  return `The library ${dir} is in use by ${holder}. It is open read-only here: close the other one to make changes. (If nothing else uses it, delete ${LOCK_FILE} in the library folder.)`;
}

/**
 * Opens a library: refuses linked folders, takes the lock when it is to be written (or falls back to
 * read-only), reads the index, then hands the result to `build`. If anything fails, the lock is given up.
 */
export async function openLibrary<T>(dir: string, options: LibraryStoreOptions, build: (opened: OpenedLibrary) => Promise<T>): Promise<T> {
  let access = options.access ?? 'write';
  let lock: LibraryLock | null = null;
  let readOnly: ReadOnly | null = null;
  await assertNoLinkedFolders(dir);
  if (access === 'write') {
    await mkdir(path.join(dir, 'documents'), { recursive: true, mode: FOLDER_MODE });
    const attempt = await LibraryLock.acquire(dir, options.owner ?? 'Scholia');
    if (attempt.acquired) {
      lock = attempt.lock;
    } else {
      const holder = attempt.owner ? describeOwner(attempt.owner) : 'another process';
      if (options.whenLocked === 'fail')
        throw new ScholiaError('read-only', `The library ${dir} is in use by ${holder}; close it and try again.`);
      readOnly = { reason: 'in-use', message: inUseMessage(dir, holder) };
      access = 'read';
    }
  }
  try {
    return await build(await readIndex(dir, access, lock, readOnly));
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/** Clears leftover temporary files (when writing) and reads `library.json`; a newer one makes the library read-only. */
async function readIndex(
  dir: string,
  access: 'write' | 'read',
  lock: LibraryLock | null,
  lockedOut: ReadOnly | null,
): Promise<OpenedLibrary> {
  const writable = access === 'write';
  if (writable) {
    await removeLeftoverTemps(dir);
    await removeLeftoverTemps(path.join(dir, 'documents'));
  }
  const notices: Notice[] = lockedOut ? [{ level: 'warning', message: lockedOut.message }] : [];
  const indexFile = path.join(dir, 'library.json');
  const adapter = new DurableJsonFile<LibraryFile>(indexFile);
  const read = await readStoreFile(adapter, LibraryFile, STORE_VERSION, writable);
  let readOnly = lockedOut;
  let data: LibraryFile | null = null;
  if (read.status === 'ok') data = read.data;
  if (read.status === 'newer') {
    readOnly = {
      reason: 'newer-format',
      message: `This library was saved by a newer version of Scholia (library format ${read.version}; this version writes format ${STORE_VERSION}). It is open read-only and will not be changed: update Scholia to edit it.`,
    };
    notices.push({ level: 'warning', message: readOnly.message });
    data = read.data;
  }
  if (read.status === 'corrupt') {
    const where = read.movedTo
      ? `It was moved to ${path.basename(read.movedTo)} and rebuilt from the document files.`
      : 'It was left as it is, and the list rebuilt from the document files for now.';
    notices.push({ level: 'warning', message: `The library index could not be read: ${read.reason}. ${where}` });
  }
  const index = new Low<LibraryFile>(adapter, data ?? emptyLibrary());
  return { index, readOnly, access: readOnly ? 'read' : access, lock, notices, indexStatus: read.status, rebuild: data === null };
}
