import { rename } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssues } from '../../../shared/contract/validation.ts';
import { SymbolicLinkError, type DurableJsonFile } from './durable-file.ts';

/** What reading one store file found. */
export type StoreFileRead<T> =
  | { status: 'ok'; data: T }
  | { status: 'missing' }
  /** Written by a newer format: never to be overwritten. `data` is what this version can show of it, if anything. */
  | { status: 'newer'; version: number; data: T | null }
  /** Unreadable: moved aside to `movedTo`, or left where it is (`movedTo` null) when the library is read-only. */
  | { status: 'corrupt'; reason: string; movedTo: string | null };

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function versionOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || !('version' in data)) return undefined;
  return typeof data.version === 'number' ? data.version : undefined;
}

/** A store file's schema: an object with a `version` field. */
export type VersionedSchema<T> = z.ZodObject<{ version: z.ZodType<number> } & z.ZodRawShape> & z.ZodType<T>;

/**
 * Reads and validates a store file through its adapter. A file that does not parse or fails
 * validation is moved aside as `<name>.corrupt-<timestamp>` (unless `moveAside` is false) and
 * reported, never overwritten. A symbolic link is handled the same way, unread: the link itself is
 * moved aside (a rename never follows it), and what it points to is neither read nor changed. A file of a newer format is reported with what this version can read
 * of it (validated with any version number), and left alone.
 */
export async function readStoreFile<T>(
  adapter: DurableJsonFile<T>,
  schema: VersionedSchema<T>,
  currentVersion: number,
  moveAside: boolean,
): Promise<StoreFileRead<T>> {
  let reason: string;
  try {
    const data: unknown = await adapter.read();
    if (data === null) return { status: 'missing' };
    const version = versionOf(data);
    if (version !== undefined && version > currentVersion) {
      const lenient = schema.extend({ version: z.int().positive() }).safeParse(data);
      return { status: 'newer', version, data: lenient.success ? (lenient.data as T) : null };
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return { status: 'ok', data: parsed.data };
    reason = `it does not match the expected format (${describeIssues(parsed.error, 2)})`;
  } catch (error) {
    if (error instanceof SymbolicLinkError)
      reason = `it is a symbolic link (${error.file}), which Scholia does not follow: it was not read, and what it points to was left untouched`;
    else if (error instanceof RangeError) reason = 'it is nested too deeply to read';
    else if (error instanceof SyntaxError) reason = `it is not valid JSON (${error.message})`;
    else throw error;
  }
  if (!moveAside) return { status: 'corrupt', reason, movedTo: null };
  const movedTo = `${adapter.file}.corrupt-${timestamp()}`;
  await rename(adapter.file, movedTo);
  return { status: 'corrupt', reason, movedTo };
}
