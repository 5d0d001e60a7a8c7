import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Notice } from '../../../shared/contract/channels.ts';
import { Id } from '../../../shared/model/ids.ts';
import { DurableJsonFile } from '../store/durable-file.ts';
import { readStoreFile } from '../store/json-file.ts';

export const CLAIMS_FILE = 'claims.json';
export const CLAIMS_VERSION = 1;

const Ref = z.object({ documentId: Id, annotationId: Id });

/** One tracked claim as kept on disk: the annotations that make its assertion; display fields are read from the documents. */
export const StoredTrackedClaim = z.object({
  id: Id,
  text: z.string(),
  confirmed: z.boolean(),
  appearances: z.array(Ref),
});
export type StoredTrackedClaim = z.infer<typeof StoredTrackedClaim>;

/** A near match for the analyst: the tracked claim `candidateId` may make the assertion of `trackedId`. */
export const StoredSuggestion = z.object({ trackedId: Id, candidateId: Id, score: z.number().min(0).max(1) });
export type StoredSuggestion = z.infer<typeof StoredSuggestion>;

/** `claims.json`: the library's tracked claims, the suggestions waiting for the analyst, and the pairs dismissed. */
export const ClaimsFile = z.object({
  format: z.literal('scholia-claims'),
  version: z.literal(CLAIMS_VERSION),
  tracked: z.array(StoredTrackedClaim),
  suggestions: z.array(StoredSuggestion),
  dismissed: z.array(z.tuple([Id, Id])),
});
export type ClaimsFile = z.infer<typeof ClaimsFile>;

export function emptyClaimsFile(): ClaimsFile {
  return { format: 'scholia-claims', version: CLAIMS_VERSION, tracked: [], suggestions: [], dismissed: [] };
}

export interface OpenedClaimsFile {
  db: Low<ClaimsFile>;
  read: ClaimsFile | null;
  /** Written by a newer version: never overwritten. */
  newer: boolean;
}

/**
 * Opens `claims.json` through the store's durable adapter. A missing file answers null (to be built
 * from the documents); a damaged one is moved aside (when the library may be written), reported in
 * `notices` and answered null; one of a newer format is read as far as this version can and never written.
 */
export async function openClaimsFile(libraryDir: string, writable: boolean, notices: Notice[]): Promise<OpenedClaimsFile> {
  const adapter = new DurableJsonFile<ClaimsFile>(path.join(libraryDir, CLAIMS_FILE));
  const read = await readStoreFile(adapter, ClaimsFile, CLAIMS_VERSION, writable);
  const db = new Low<ClaimsFile>(adapter, emptyClaimsFile());
  switch (read.status) {
    case 'ok':
      return { db, read: read.data, newer: false };
    case 'missing':
      return { db, read: null, newer: false };
    case 'newer':
      notices.push({
        level: 'warning',
        message: `The claim tracker (${CLAIMS_FILE}) was saved by a newer version of Scholia (format ${read.version}); it is used as far as this version can read it and left unchanged.`,
      });
      return { db, read: read.data, newer: true };
    case 'corrupt': {
      const where = read.movedTo ? `It was moved to ${path.basename(read.movedTo)}` : 'It was left as it is';
      notices.push({
        level: 'warning',
        message: `The claim tracker (${CLAIMS_FILE}) could not be read: ${read.reason}. ${where}, and the tracked claims were rebuilt from the documents.`,
      });
      return { db, read: null, newer: false };
    }
  }
}
