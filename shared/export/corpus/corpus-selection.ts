import { ScholiaError } from '../../contract/errors.ts';
import { entityIdsOf, type Annotation } from '../../model/annotation.ts';
import type { ScholiaDocument } from '../../model/document.ts';
import type { Tagset } from '../../model/tagset.ts';

/** One article of a corpus export and the annotations chosen of it (all of them, or a search's hits). */
export interface CorpusEntry {
  document: ScholiaDocument;
  annotations: Annotation[];
}

/** What a corpus export writes: the articles in order, the codebook, when and by whom. */
export interface CorpusSelection {
  documents: CorpusEntry[];
  tagset: Tagset;
  /** ISO 8601. */
  exportedAt: string;
  /** Who exports: a tag file's annotator, a report's and a project's user. */
  annotator: string;
}

/**
 * The article as the single-document exporters take it, holding only the chosen annotations, so
 * every exporter writes exactly the selection. `entities: 'referenced'` also keeps only the
 * entities those annotations refer to (for reports); `'all'` keeps the article's whole registry.
 */
export function selectedDocument(entry: CorpusEntry, entities: 'all' | 'referenced' = 'all'): ScholiaDocument {
  const document = { ...entry.document, annotations: entry.annotations };
  if (entities === 'all') return document;
  const referenced = new Set(entry.annotations.flatMap(entityIdsOf));
  return { ...document, entities: document.entities.filter((entity) => referenced.has(entity.id)) };
}

/** How many annotations the selection holds. */
export function annotationCount(selection: CorpusSelection): number {
  return selection.documents.reduce((sum, entry) => sum + entry.annotations.length, 0);
}

/** Refuses a selection with no annotation, so an export is never an empty file. */
export function assertNotEmpty(selection: CorpusSelection): void {
  if (annotationCount(selection) === 0)
    throw new ScholiaError('bad-request', 'There is nothing to export: the selection holds no annotations.');
}

/** The articles that hold at least one chosen annotation, in the selection's order. */
export function annotatedEntries(selection: CorpusSelection): CorpusEntry[] {
  return selection.documents.filter((entry) => entry.annotations.length > 0);
}
