import { focusInspector, focusInspectorField } from '../app/focus-regions.ts';
import { isTextField } from '../app/global-shortcuts.ts';
import type { SuggestionStore } from '../app/suggestion-store.ts';
import { ReaderView } from '../reader/reader-view.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { readerKeyHandler } from '../session/reader-keys.ts';
import { suggestionKeyHandler } from '../session/suggestion-keys.ts';
import type { ReaderKeyHandler } from '../session/reader-keys.ts';
import { ReaderFrame, useReaderView } from './reader-host.tsx';
import { useRegistry } from './registry-context.ts';

/** The suggestions' keys first (while one is current), then the reader's. */
function withSuggestionKeys(suggestions: SuggestionStore | undefined, reader: ReaderKeyHandler): ReaderKeyHandler {
  if (!suggestions) return reader;
  const first = suggestionKeyHandler(suggestions);
  return (view, event) => first(view, event) || reader(view, event);
}

/** Picks the suggestion clicked in the article, or leaves the current one when the click was elsewhere. */
function pickSuggestion(suggestions: SuggestionStore, event: MouseEvent): void {
  const id = event.target instanceof Element ? event.target.closest('[data-suggestion-id]')?.getAttribute('data-suggestion-id') : null;
  if (id) suggestions.select(id);
  else if (suggestions.currentId.value !== null) suggestions.select(null);
}

/** Hosts the ProseMirror reader of a session's article and connects it to the session (and to the suggestions, when given). */
export function ReaderPane({ session, suggestions }: { session: DocumentSession; suggestions?: SuggestionStore }) {
  const registry = useRegistry();
  const { place, failure } = useReaderView(
    (host) =>
      new ReaderView(host, {
        content: session.content,
        text: session.text,
        highlights: session.initialHighlights(),
        onHighlightClick: (ids) => session.pickFromClick(ids),
        onKey: withSuggestionKeys(
          suggestions,
          readerKeyHandler(session, {
            openInspector: () => session.selected !== undefined && focusInspector(),
            focusField: (name) => focusInspectorField(name),
            openProfile: (entityId) => {
              if (!registry) return false;
              registry.openProfile(entityId);
              return true;
            },
          }),
        ),
        onSelectionChange: () => session.noteCaretMoved(),
      }),
    (reader, host) => {
      session.attachReader(reader);
      const onClick = (event: MouseEvent) => suggestions && pickSuggestion(suggestions, event);
      host.addEventListener('click', onClick);
      // The article takes focus, unless the analyst is typing somewhere (the first-run name, say).
      if (!isTextField(document.activeElement)) reader.focus();
      return () => {
        host.removeEventListener('click', onClick);
        session.attachReader(null);
      };
    },
    [session, suggestions, registry],
  );

  return <ReaderFrame place={place} failure={failure} class="reader" lang={session.meta.language} />;
}
