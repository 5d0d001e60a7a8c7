import { keydownHandler } from 'prosemirror-keymap';
import type { EditorView } from 'prosemirror-view';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import { isReaderCommand, keyBindings, keymapNames, type ReaderCommand } from '../commands/key-map.ts';
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
  /** Shows an entity's profile across the library; false when the app offers none. */
  openProfile?(entityId: string): boolean;
}

/** The entity a profile key means: the selected mention's entity, quote's speaker or claim's claimant, else the entity inspected. */
export function profileEntityOf(session: DocumentSession): string | null {
  const selected = session.selected;
  if (selected?.kind === 'entity') return selected.entityId;
  if (selected?.kind === 'quote') return selected.speakerId ?? null;
  if (selected?.kind === 'claim') return selected.claimantId ?? null;
  return selected ? null : session.inspectedEntityId.value;
}

/** Runs one of the article's commands; true when it was carried out (the key is then taken). */
function readerCommands(session: DocumentSession, actions: ReaderKeyActions): Record<ReaderCommand, () => boolean> {
  const mark = (kind: AnnotationKind) => () => {
    session.markSelection(kind);
    return true;
  };
  // Shift+C/Q/E/N changes the selected annotation's kind; with text selected (Shift still held
  // from extending the selection) it marks, like the plain key.
  const changeTo = (kind: AnnotationKind) => () => (session.hasTextSelection() ? mark(kind)() : session.changeKind(kind));
  const whenEntitySelected = (field: string) => () => session.selected?.kind === 'entity' && actions.focusField(field);
  const focusAttribution = () => {
    const kind = session.selected?.kind;
    return kind === 'quote' ? actions.focusField('speaker') : kind === 'claim' ? actions.focusField('claimant') : false;
  };
  const always = (run: () => void) => () => {
    run();
    return true;
  };
  return {
    'reader.select-quotation': always(() => session.selectQuotation()),
    'reader.mark-claim': mark('claim'),
    'reader.mark-quote': mark('quote'),
    'reader.mark-entity': mark('entity'),
    'reader.mark-note': mark('note'),
    'reader.tag-all': always(() => session.tagAllFromKey()),
    'reader.previous': () => session.selectNeighbour(-1),
    'reader.next': () => session.selectNeighbour(1),
    'reader.previous-similar': () => session.selectSimilar(-1),
    'reader.next-similar': () => session.selectSimilar(1),
    'reader.open-inspector': () => actions.openInspector(),
    'reader.start-out': () => session.moveSelectedEdge('start', -1),
    'reader.start-in': () => session.moveSelectedEdge('start', 1),
    'reader.end-in': () => session.moveSelectedEdge('end', -1),
    'reader.end-out': () => session.moveSelectedEdge('end', 1),
    'reader.span-to-selection': always(() => session.setSpanToSelection()),
    'reader.change-to-claim': changeTo('claim'),
    'reader.change-to-quote': changeTo('quote'),
    'reader.change-to-entity': changeTo('entity'),
    'reader.change-to-note': changeTo('note'),
    'reader.delete': () => session.deleteSelected(),
    'reader.clear-selection': () => session.clearSelection(),
    'reader.toggle-checkworthy': () => session.toggleCheckworthy(),
    'reader.speaker': () => session.attributeFromSelection() || focusAttribution(),
    'reader.last-speaker': always(() => session.attributeToLastSpeaker()),
    'reader.cue': always(() => session.setCueFromSelection()),
    'reader.rename-entity': whenEntitySelected('entity-name'),
    'reader.merge-entity': whenEntitySelected('merge'),
    'reader.open-profile': () => {
      const entityId = profileEntityOf(session);
      return entityId !== null && (actions.openProfile?.(entityId) ?? false);
    },
  };
}

/** The article's keys, bound as the key map (`app/key-map.ts`) says; then the codebook's keys. */
export function readerKeyHandler(session: DocumentSession, actions: ReaderKeyActions): ReaderKeyHandler {
  const commands = readerCommands(session, actions);
  const bindings: Record<string, () => boolean> = {};
  for (const { combo, command } of keyBindings(isReaderCommand)) {
    for (const name of keymapNames(combo)) bindings[name] = commands[command];
  }
  const own = keydownHandler(bindings);
  return (view, event) => {
    if (own(view, event)) return true;
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return false;
    return session.applyTagsetKey(event.key);
  };
}
