import { rename } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { describeIssues } from '../../../shared/contract/validation.ts';

/** What reading one store file found. */
export type JsonFileRead<T> =
  | { status: 'ok'; db: Low<T> }
  | { status: 'missing'; db: Low<T> }
  | { status: 'newer'; version: number }
  | { status: 'corrupt'; reason: string; movedTo: string };

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function versionOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || !('version' in data)) return undefined;
  return typeof data.version === 'number' ? data.version : undefined;
}

/**
 * Opens a JSON store file with lowdb (atomic writes: temp file + rename). A file that does not
 * parse or fails validation is moved aside with a timestamp and reported, never overwritten.
 */
export async function openJsonFile<T>(file: string, schema: z.ZodType<T>, currentVersion: number, fallback: T): Promise<JsonFileRead<T>> {
  const db = new Low<unknown>(new JSONFile<unknown>(file), null);
  let reason: string;
  try {
    await db.read();
    if (db.data === null) {
      db.data = fallback;
      return { status: 'missing', db: db as Low<T> };
    }
    const version = versionOf(db.data);
    if (version !== undefined && version > currentVersion) return { status: 'newer', version };
    const parsed = schema.safeParse(db.data);
    if (parsed.success) {
      db.data = parsed.data;
      return { status: 'ok', db: db as Low<T> };
    }
    reason = `it does not match the expected format (${describeIssues(parsed.error, 2)})`;
  } catch (error) {
    reason = `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const movedTo = `${file}.corrupt-${timestamp()}`;
  await rename(file, movedTo);
  return { status: 'corrupt', reason, movedTo };
}
