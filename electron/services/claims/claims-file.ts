import { z } from 'zod';
import type { Notice } from '../../../shared/contract/channels.ts';
import { Id } from '../../../shared/model/ids.ts';
import { openRecordFile, type OpenedRecordFile, type RecordFileSpec } from '../store/record-file.ts';

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

const SPEC: RecordFileSpec<ClaimsFile> = {
  file: CLAIMS_FILE,
  schema: ClaimsFile,
  version: CLAIMS_VERSION,
  empty: emptyClaimsFile,
  what: 'The claim tracker',
  rebuilt: 'the tracked claims were rebuilt from the documents',
};

export type OpenedClaimsFile = OpenedRecordFile<ClaimsFile>;

/** Opens `claims.json` (see `openRecordFile`): null when it is missing or damaged and must be built from the documents. */
export function openClaimsFile(libraryDir: string, writable: boolean, notices: Notice[]): Promise<OpenedClaimsFile> {
  return openRecordFile(libraryDir, SPEC, writable, notices);
}
