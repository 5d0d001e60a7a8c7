import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Notice } from '../../../shared/contract/channels.ts';
import { Entity } from '../../../shared/model/entity.ts';
import { Id } from '../../../shared/model/ids.ts';
import { DurableJsonFile } from '../store/durable-file.ts';
import { readStoreFile } from '../store/json-file.ts';

export const ENTITIES_FILE = 'entities.json';
export const ENTITIES_VERSION = 1;

/** `entities.json`: the library-wide entity registry, and the merge proposals the analyst dismissed (pairs of ids). */
export const EntitiesFile = z.object({
  format: z.literal('scholia-entities'),
  version: z.literal(ENTITIES_VERSION),
  entities: z.array(Entity),
  dismissed: z.array(z.tuple([Id, Id])),
});
export type EntitiesFile = z.infer<typeof EntitiesFile>;

export function emptyEntitiesFile(): EntitiesFile {
  return { format: 'scholia-entities', version: ENTITIES_VERSION, entities: [], dismissed: [] };
}

/** What reading `entities.json` found: its content, or null when it must be built from the documents. */
export interface OpenedEntitiesFile {
  db: Low<EntitiesFile>;
  read: EntitiesFile | null;
  /** Written by a newer version: never overwritten. */
  newer: boolean;
}

/**
 * Opens `entities.json` through the store's durable adapter. A missing file answers null (to be
 * built); a damaged one is moved aside (when the library may be written), reported in `notices`
 * and answered null; one of a newer format is read as far as this version can and never written.
 */
export async function openEntitiesFile(libraryDir: string, writable: boolean, notices: Notice[]): Promise<OpenedEntitiesFile> {
  const adapter = new DurableJsonFile<EntitiesFile>(path.join(libraryDir, ENTITIES_FILE));
  const read = await readStoreFile(adapter, EntitiesFile, ENTITIES_VERSION, writable);
  const db = new Low<EntitiesFile>(adapter, emptyEntitiesFile());
  switch (read.status) {
    case 'ok':
      return { db, read: read.data, newer: false };
    case 'missing':
      return { db, read: null, newer: false };
    case 'newer':
      notices.push({
        level: 'warning',
        message: `The entity registry (${ENTITIES_FILE}) was saved by a newer version of Scholia (format ${read.version}); it is used as far as this version can read it and left unchanged.`,
      });
      return { db, read: read.data, newer: true };
    case 'corrupt': {
      const where = read.movedTo ? `It was moved to ${path.basename(read.movedTo)}` : 'It was left as it is';
      notices.push({
        level: 'warning',
        message: `The entity registry (${ENTITIES_FILE}) could not be read: ${read.reason}. ${where}, and the registry was rebuilt from the documents.`,
      });
      return { db, read: null, newer: false };
    }
  }
}
