import { keydownHandler } from 'prosemirror-keymap';
import type { EditorView } from 'prosemirror-view';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import type { DocumentSession } from './document-session.ts';

/** A key handler for the article: true when the key was the reader's. */
export type ReaderKeyHandler = (view: EditorView, event: KeyboardEvent) => boolean;

/**
 * The keyboard of the article (prosemirror-keymap notation): marking, moving between annotations,
 * opening the inspector, deleting, and the tagset's keys (a verdict for a claim, a type for an
 * entity mention), which are looked up when pressed, so a changed codebook applies at once.
 * The caret keys (arrows, Home, End, with Shift and Ctrl) are the ReaderView's own.
 */
export interface ReaderKeyActions {
  /** Focuses the inspector's main field; false when nothing is selected. */
  openInspector(): boolean;
  /** Focuses a named inspector field (`data-field`); false when it is not showing. */
  focusField(name: string): boolean;
}

export function readerKeyHandler(session: DocumentSession, actions: ReaderKeyActions): ReaderKeyHandler {
  const mark = (kind: AnnotationKind) => () => {
    session.markSelection(kind);
    return true;
  };
  const whenEntitySelected = (field: string) => () => session.selected?.kind === 'entity' && actions.focusField(field);
  const focusAttribution = () => {
    const kind = session.selected?.kind;
    return kind === 'quote' ? actions.focusField('speaker') : kind === 'claim' ? actions.focusField('claimant') : false;
  };
  const letters: Record<string, () => boolean> = {
    c: mark('claim'),
    q: mark('quote'),
    e: mark('entity'),
    n: mark('note'),
    t: () => {
      session.tagAllFromKey();
      return true;
    },
    m: whenEntitySelected('merge'),
    w: () => session.toggleCheckworthy(),
    a: () => {
      session.attributeToLastSpeaker();
      return true;
    },
    s: () => session.attributeFromSelection() || focusAttribution(),
    u: () => {
      session.setCueFromSelection();
      return true;
    },
    r: () => {
      session.setSpanToSelection();
      return true;
    },
  };
  const bindings: Record<string, () => boolean> = {
    Delete: () => session.deleteSelected(),
    Backspace: () => session.deleteSelected(),
    Escape: () => session.clearSelection(),
    Enter: () => actions.openInspector(),
    ']': () => session.selectNeighbour(1),
    '[': () => session.selectNeighbour(-1),
    '}': () => session.selectSimilar(1),
    '{': () => session.selectSimilar(-1),
    F2: whenEntitySelected('entity-name'),
    'Alt-ArrowLeft': () => session.moveSelectedEdge('start', -1),
    'Alt-ArrowRight': () => session.moveSelectedEdge('start', 1),
    'Alt-Shift-ArrowLeft': () => session.moveSelectedEdge('end', -1),
    'Alt-Shift-ArrowRight': () => session.moveSelectedEdge('end', 1),
    '"': () => {
      session.selectQuotation();
      return true;
    },
  };
  for (const [key, run] of Object.entries(letters)) {
    bindings[key] = run;
    // Caps Lock on: the same key.
    bindings[key.toUpperCase()] = run;
  }
  // Shift+C/Q/E/N changes the selected annotation's kind; with text selected (Shift still held
  // from extending the selection) it marks, like the plain key.
  for (const kind of ['claim', 'quote', 'entity', 'note'] as const) {
    const letter = kind.charAt(0).toUpperCase();
    bindings[`Shift-${letter}`] = () => (session.hasTextSelection() ? mark(kind)() : session.changeKind(kind));
  }
  const own = keydownHandler(bindings);
  return (view, event) => {
    if (own(view, event)) return true;
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return false;
    return session.applyTagsetKey(event.key);
  };
}
