import { z } from 'zod';
import { EvidenceFile, EvidenceSnapshot } from '../model/annotation.ts';
import { ReaderDoc } from '../model/content.ts';
import { Id } from '../model/ids.ts';

/** One source of one claim: the claim's document and id, and the source's place in its evidence list. */
const EvidenceRef = {
  documentId: Id,
  annotationId: Id,
  evidenceIndex: z.int().nonnegative().max(499),
};

/** What a snapshot opens as: the sanitised page, for the reader's read-only view. */
export const SnapshotView = z.object({
  /** The source's link as the analyst gave it. */
  url: z.string(),
  archive: EvidenceSnapshot,
  title: z.string(),
  content: ReaderDoc,
  text: z.string(),
});
export type SnapshotView = z.infer<typeof SnapshotView>;

/** Whether an attached file still has the bytes it had when attached. */
export const FileCheck = z.object({
  file: EvidenceFile,
  state: z.enum(['matches', 'changed', 'missing']),
  /** What the analyst reads. */
  message: z.string(),
});
export type FileCheck = z.infer<typeof FileCheck>;

/** The evidence channels (issue 18): archived snapshots of sources, local files attached by reference. */
export const evidenceChannels = {
  /**
   * Fetches a source's page through the import pipeline (its URL rules and limits), stores the
   * sanitised page as `evidence/<id>.json` and records the snapshot on the source: one new revision.
   */
  'evidence.archive': {
    input: z.strictObject({ ...EvidenceRef, baseRevision: z.int().nonnegative().optional() }),
    output: z.object({ revision: z.int().nonnegative(), modified: z.string(), archive: EvidenceSnapshot }),
  },
  /** Reads a source's snapshot back, its SHA-256 checked: a changed file is refused as a `conflict`. */
  'evidence.openSnapshot': { input: z.strictObject(EvidenceRef), output: SnapshotView },
  /** Attaches a local file to a source by its path, SHA-256 and size (the file stays where it is): one new revision. */
  'evidence.attachFile': {
    input: z.strictObject({ ...EvidenceRef, path: z.string().min(1).max(4096), baseRevision: z.int().nonnegative().optional() }),
    output: z.object({ revision: z.int().nonnegative(), modified: z.string(), file: EvidenceFile }),
  },
  /** Checks whether a source's attached file still matches its recorded SHA-256. */
  'evidence.checkFile': { input: z.strictObject(EvidenceRef), output: FileCheck },
} as const;
