import type { ReadonlySignal, Signal } from '@preact/signals';
import type { DocumentSummary, ScholiaDocument } from '../../../shared/model/document.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { DocumentSession } from '../session/document-session.ts';
import type { Workspace } from './ui-state.ts';

/** A passing message for the status line. */
export interface StatusMessage {
  tone: 'info' | 'error';
  text: string;
}

/**
 * What every child store needs of the app: the open document's session and the status line. The
 * app store implements these ports; the child stores see only the port they are given, never the
 * app store, so the app's stores form no import cycle (docs/ARCHITECTURE.md, "Runtimes and layers").
 */
export interface SessionHost {
  readonly session: Signal<DocumentSession | null>;
  report(tone: StatusMessage['tone'], text: string): void;
}

/** What the library manager needs: the library's list, and opening a document. */
export interface LibraryHost extends SessionHost {
  readonly documents: ReadonlySignal<DocumentSummary[]>;
  /** The settings: their annotator name is "me" for "Assigned to me". */
  readonly settings: ReadonlySignal<Settings>;
  openDocument(id: string): Promise<void>;
  /** Reads the open document again (after a change made beside it). */
  reloadDocument(): Promise<void>;
  /** Shows a review of the open document in the review panel. */
  openReview(reviewId: string): Promise<void>;
  refreshLibrary(): Promise<void>;
}

/** What review needs: the codebook, showing a document a decision changed, and the document's one history. */
export interface ReviewHost extends SessionHost {
  readonly tagset: Signal<Tagset>;
  refreshLibrary(): Promise<void>;
  showDocument(document: ScholiaDocument): void;
  undo(): boolean;
  redo(): boolean;
}

/** What suggestions need: the settings they follow, and whether review is showing its own layer. */
export interface SuggestionHost extends SessionHost {
  readonly settings: Signal<Settings>;
  readonly review: { readonly active: ReadonlySignal<boolean> };
}

/** What the entity profiles and the registry need: the workspace switch, opening and re-reading documents. */
export interface ProfileHost extends SessionHost {
  readonly ui: { readonly workspace: Signal<Workspace>; readonly profileEntityId: Signal<string | null> };
  openDocument(id: string): Promise<void>;
  reloadDocument(): Promise<void>;
  refreshLibrary(): Promise<void>;
}

/** What the corpus search needs: switching the middle of the window, and opening a document to show a hit in it. */
export interface CorpusHost extends SessionHost {
  readonly ui: { readonly workspace: Signal<Workspace> };
  openDocument(id: string): Promise<void>;
}
