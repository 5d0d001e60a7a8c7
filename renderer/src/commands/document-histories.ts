import { UndoHistory } from './undo-history.ts';

/**
 * The undo history of every document opened in this window, so switching to another document and
 * back keeps Ctrl+Z. A history is kept with the revision the store held when it was left: it is
 * handed back only while the store still holds that revision (a restore, or a change made
 * elsewhere, starts the document's history afresh).
 */
export class DocumentHistories {
  private readonly kept = new Map<string, { history: UndoHistory; revision: number }>();

  /** Keeps a document's history, valid while the store holds `revision`. */
  keep(documentId: string, history: UndoHistory, revision: number): void {
    this.kept.set(documentId, { history, revision });
  }

  /** The history to open a document at `revision` with: the one kept for it if still valid, else a new one. */
  take(documentId: string, revision: number): UndoHistory {
    const kept = this.kept.get(documentId);
    this.kept.delete(documentId);
    return kept?.revision === revision ? kept.history : new UndoHistory();
  }
}
