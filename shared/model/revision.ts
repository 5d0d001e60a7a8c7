import type { ScholiaDocument } from './document.ts';

/** What a new revision may replace of a document: its layer, its reviews. */
export type RevisionChanges = Partial<Pick<ScholiaDocument, 'annotations' | 'entities' | 'reviews'>>;

/**
 * The document as its next revision: the changes applied, `revision` moved on by one and
 * `modified` set to `now`. The one place a revision is counted.
 */
export function nextRevision(document: ScholiaDocument, changes: RevisionChanges, now: string): ScholiaDocument {
  return { ...document, ...changes, revision: document.revision + 1, modified: now };
}
