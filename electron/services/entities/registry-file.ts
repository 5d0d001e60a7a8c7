import { z } from 'zod';
import type { Notice } from '../../../shared/contract/channels.ts';
import { Entity } from '../../../shared/model/entity.ts';
import { Id } from '../../../shared/model/ids.ts';
import { openRecordFile, type OpenedRecordFile, type RecordFileSpec } from '../store/record-file.ts';

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

const SPEC: RecordFileSpec<EntitiesFile> = {
  file: ENTITIES_FILE,
  schema: EntitiesFile,
  version: ENTITIES_VERSION,
  empty: emptyEntitiesFile,
  what: 'The entity registry',
  rebuilt: 'the registry was rebuilt from the documents',
};

export type OpenedEntitiesFile = OpenedRecordFile<EntitiesFile>;

/** Opens `entities.json` (see `openRecordFile`): null when it is missing or damaged and must be built from the documents. */
export function openEntitiesFile(libraryDir: string, writable: boolean, notices: Notice[]): Promise<OpenedEntitiesFile> {
  return openRecordFile(libraryDir, SPEC, writable, notices);
}
