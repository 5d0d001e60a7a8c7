import { randomBytes } from 'node:crypto';
import { link, lstat, readFile, rename, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CREATE_NEW_FILE, readLibraryFile, syncDirectory, writeAndSync } from './durable-file.ts';

/** The lock file in the library folder: whoever holds it is the library's one writer. */
export const LOCK_FILE = 'scholia.lock';

/** How long an unreadable lock is taken for one being written (on file systems without hard links). */
const UNREADABLE_GRACE_MS = 5_000;

export const LockOwner = z.object({
  format: z.literal('scholia-lock'),
  pid: z.int().positive(),
  hostname: z.string(),
  /** What holds it, in words: "Scholia", "scholia serve", "scholia import". */
  app: z.string(),
  startedAt: z.string(),
  /** Where the platform tells (Linux): the boot and the kernel's start tick of the process, so a reused pid is told apart. */
  processStart: z.string().optional(),
});
export type LockOwner = z.infer<typeof LockOwner>;

/** "scholia serve (process 4242 on host desk-7, since 2026-01-31T09:00:00.000Z)". */
export function describeOwner(owner: LockOwner): string {
  return `${owner.app} (process ${owner.pid} on host ${owner.hostname}, since ${owner.startedAt})`;
}

/**
 * When a process started, as Linux counts it: the boot id and the start time in clock ticks since
 * that boot (field 22 of /proc/PID/stat). Undefined where there is no /proc.
 */
export async function processStartOf(pid: number): Promise<string | undefined> {
  try {
    const [stat, bootId] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile('/proc/sys/kernel/random/boot_id', 'utf8')]);
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[19];
    return ticks ? `${bootId.trim()}/${ticks}` : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lock's holder is gone: it was taken on this host, and its process is dead or its pid now
 * belongs to a process that started later. A lock of another host is never stale: there is no way
 * to tell from here.
 */
export async function isStale(owner: LockOwner): Promise<boolean> {
  if (owner.hostname !== os.hostname()) return false;
  if (!isAlive(owner.pid)) return true;
  if (owner.processStart === undefined) return false;
  const now = await processStartOf(owner.pid);
  return now !== undefined && now !== owner.processStart;
}

type LockRead =
  { state: 'missing' } | { state: 'held'; owner: LockOwner; raw: string } | { state: 'unreadable'; raw: string; ageMs: number };

/** Reads the lock file; a symbolic link there is refused (`SymbolicLinkError`), never followed. */
async function readLock(file: string): Promise<LockRead> {
  let raw: string;
  let ageMs: number;
  try {
    [raw, ageMs] = await Promise.all([readLibraryFile(file), lstat(file).then((info) => Date.now() - info.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  try {
    return { state: 'held', owner: LockOwner.parse(JSON.parse(raw)), raw };
  } catch {
    return { state: 'unreadable', raw, ageMs };
  }
}

/**
 * Removes a stale lock only if it is still the one judged stale: it is moved aside first, and put
 * back if it turns out to be another process's fresh lock.
 */
async function removeStale(file: string, judged: string): Promise<void> {
  const aside = path.join(path.dirname(file), `.${LOCK_FILE}.stale-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readLibraryFile(aside).catch(() => '');
  if (moved !== judged) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Creates `file` holding `content` in one step: a hard link of a complete temporary file, else an exclusive create. */
async function createExclusively(file: string, content: string): Promise<boolean> {
  const temp = path.join(path.dirname(file), `.${LOCK_FILE}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  await writeAndSync(temp, content, CREATE_NEW_FILE);
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the holder of the lock cleared our temporary file away as a leftover.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    // No hard links on this file system (FAT, some network shares): create exclusively, then write.
    try {
      await writeAndSync(file, content, 'wx');
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

export type LockAttempt = { acquired: true; lock: LibraryLock } | { acquired: false; owner: LockOwner | null };

/**
 * The one-writer lock of a library folder: `scholia.lock` names the process that holds it (pid, host,
 * start). A lock left by a process that died on this host is stale and taken over; a live one, or one
 * of another host, is respected.
 */
export class LibraryLock {
  private released = false;

  private constructor(
    readonly file: string,
    readonly owner: LockOwner,
    private readonly raw: string,
  ) {}

  static async acquire(dir: string, app: string): Promise<LockAttempt> {
    const file = path.join(dir, LOCK_FILE);
    const processStart = await processStartOf(process.pid);
    const owner: LockOwner = {
      format: 'scholia-lock',
      pid: process.pid,
      hostname: os.hostname(),
      app,
      startedAt: new Date().toISOString(),
      ...(processStart ? { processStart } : {}),
    };
    const raw = `${JSON.stringify(owner, null, 2)}\n`;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      if (await createExclusively(file, raw)) {
        await syncDirectory(dir);
        return { acquired: true, lock: new LibraryLock(file, owner, raw) };
      }
      const found = await readLock(file);
      if (found.state === 'missing') continue;
      if (found.state === 'held') {
        if (!(await isStale(found.owner))) return { acquired: false, owner: found.owner };
        await removeStale(file, found.raw);
      } else {
        if (found.ageMs < UNREADABLE_GRACE_MS) return { acquired: false, owner: null };
        await removeStale(file, found.raw);
      }
    }
    return { acquired: false, owner: null };
  }

  /** Gives the lock up, if it is still ours. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const found = await readLock(this.file).catch(() => null);
    if (found?.state !== 'held' || found.raw !== this.raw) return;
    await unlink(this.file).catch(() => undefined);
    await syncDirectory(path.dirname(this.file)).catch(() => undefined);
  }
}
