import path from 'node:path';
import { Low } from 'lowdb';
import type { Notice } from '../../../shared/contract/channels.ts';
import { DurableJsonFile } from './durable-file.ts';
import { readStoreFile, type VersionedSchema } from './json-file.ts';

/** A library-wide record file built from the documents when it is missing (`entities.json`, `claims.json`). */
export interface RecordFileSpec<T> {
  /** The file's name in the library folder. */
  file: string;
  schema: VersionedSchema<T>;
  version: number;
  empty(): T;
  /** How notices name it: "The entity registry". */
  what: string;
  /** What a damaged file's notice says happened instead: "the registry was rebuilt from the documents". */
  rebuilt: string;
}

/** What reading a record file found: its content, or null when it must be built from the documents. */
export interface OpenedRecordFile<T> {
  db: Low<T>;
  read: T | null;
  /** Written by a newer version: never overwritten. */
  newer: boolean;
}

/**
 * Opens a record file through the store's durable adapter. A missing file answers null (to be
 * built); a damaged one is moved aside (when the library may be written), reported in `notices`
 * and answered null; one of a newer format is read as far as this version can and never written.
 */
export async function openRecordFile<T>(
  libraryDir: string,
  spec: RecordFileSpec<T>,
  writable: boolean,
  notices: Notice[],
): Promise<OpenedRecordFile<T>> {
  const adapter = new DurableJsonFile<T>(path.join(libraryDir, spec.file));
  const read = await readStoreFile(adapter, spec.schema, spec.version, writable);
  const db = new Low<T>(adapter, spec.empty());
  switch (read.status) {
    case 'ok':
      return { db, read: read.data, newer: false };
    case 'missing':
      return { db, read: null, newer: false };
    case 'newer':
      notices.push({
        level: 'warning',
        message: `${spec.what} (${spec.file}) was saved by a newer version of Scholia (format ${read.version}); it is used as far as this version can read it and left unchanged.`,
      });
      return { db, read: read.data, newer: true };
    case 'corrupt': {
      const where = read.movedTo ? `It was moved to ${path.basename(read.movedTo)}` : 'It was left as it is';
      notices.push({
        level: 'warning',
        message: `${spec.what} (${spec.file}) could not be read: ${read.reason}. ${where}, and ${spec.rebuilt}.`,
      });
      return { db, read: null, newer: false };
    }
  }
}
