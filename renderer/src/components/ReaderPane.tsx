import { useEffect, useRef, useState } from 'preact/hooks';
import { focusInspector, focusInspectorField } from '../app/focus-regions.ts';
import { isTextField } from '../app/global-shortcuts.ts';
import { ReaderView } from '../reader/reader-view.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { readerKeyHandler } from '../session/reader-keys.ts';

/** Hosts the ProseMirror reader of a session's article and connects it to the session. */
export function ReaderPane({ session }: { session: DocumentSession }) {
  const place = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const host = place.current;
    if (!host) return;
    let reader: ReaderView;
    try {
      reader = new ReaderView(host, {
        content: session.content,
        text: session.text,
        highlights: session.initialHighlights(),
        onHighlightClick: (ids) => session.pickFromClick(ids),
        onKey: readerKeyHandler(session, {
          openInspector: () => session.selected !== undefined && focusInspector(),
          focusField: (name) => focusInspectorField(name),
        }),
        onSelectionChange: () => session.noteCaretMoved(),
      });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    setFailure(null);
    session.attachReader(reader);
    // The article takes focus, unless the analyst is typing somewhere (the first-run name, say).
    if (!isTextField(document.activeElement)) reader.focus();
    return () => {
      session.attachReader(null);
      reader.destroy();
    };
  }, [session]);

  return (
    <article class="reader" lang={session.meta.language}>
      {failure ? <p class="reader-failure" role="alert">{failure}</p> : null}
      <div ref={place} class="reader-host" />
    </article>
  );
}
