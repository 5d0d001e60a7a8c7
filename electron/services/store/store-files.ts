import { z } from 'zod';
import { TrashedSummary } from '../../../shared/contract/import-channels.ts';
import { DocumentSummary, ScholiaDocument, type AnnotationCounts } from '../../../shared/model/document.ts';
import { Settings } from '../../../shared/model/settings.ts';
import { Tagset } from '../../../shared/model/tagset.ts';

/** The format version this build writes; files of a newer version are never overwritten. */
export const STORE_VERSION = 1;

export const LibraryFile = z.object({
  format: z.literal('scholia-library'),
  version: z.literal(STORE_VERSION),
  documents: z.array(DocumentSummary),
  /** Documents in the trash, their files under `trash/`; a library written before the trash existed has none. */
  trash: z.array(TrashedSummary).default([]),
  tagset: Tagset,
  settings: Settings,
});
export type LibraryFile = z.infer<typeof LibraryFile>;

export const DocumentFile = z.object({
  format: z.literal('scholia-document'),
  version: z.literal(STORE_VERSION),
  document: ScholiaDocument,
});
export type DocumentFile = z.infer<typeof DocumentFile>;

export function countAnnotations(document: ScholiaDocument): AnnotationCounts {
  const counts = { claims: 0, quotes: 0, entities: 0, notes: 0 };
  for (const annotation of document.annotations) {
    if (annotation.kind === 'claim') counts.claims += 1;
    else if (annotation.kind === 'quote') counts.quotes += 1;
    else if (annotation.kind === 'note') counts.notes += 1;
  }
  counts.entities = document.entities.length;
  return counts;
}

export function summarize(document: ScholiaDocument): DocumentSummary {
  const { meta } = document;
  return {
    id: document.id,
    title: meta.title,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.stage ? { stage: meta.stage } : {}),
    ...(meta.assignee ? { assignee: meta.assignee } : {}),
    fingerprint: document.fingerprint,
    textLength: document.text.length,
    imported: document.imported,
    modified: document.modified,
    counts: countAnnotations(document),
  };
}
