import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';
import { findOccurrences } from '../../../shared/text/text-search.ts';
import type { DocumentSession } from '../session/document-session.ts';

const MAX_MATCHES = 5000;

/**
 * Find in the article (Ctrl/Cmd+F): matches are drawn as they are typed; Enter and Shift+Enter
 * step through them; Escape closes the bar and leaves the current match selected in the article,
 * ready for a marking key.
 */
function FindBarFor({ store, session }: { store: AppStore; session: DocumentSession }) {
  const [query, setQuery] = useState(store.ui.findSeed.peek());
  const [matchCase, setMatchCase] = useState(false);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const request = store.ui.findRequest.value;
  const matches = useMemo(() => findOccurrences(session.text, query, { matchCase, limit: MAX_MATCHES }), [session, query, matchCase]);
  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  // Focus as soon as the bar is drawn (not after the next paint), so no key typed right after Ctrl+F is lost.
  useLayoutEffect(() => {
    const seed = store.ui.findSeed.peek();
    if (seed) {
      setQuery(seed);
      store.ui.findSeed.value = '';
    }
    input.current?.focus();
    input.current?.select();
  }, [request]);

  useEffect(() => {
    session.showFindMatches(matches, index);
  }, [session, matches, index, session.version.value]);

  useEffect(() => () => session.showFindMatches([], -1), [session]);

  const step = (by: 1 | -1) => {
    if (matches.length > 0) setCurrent((index + by + matches.length) % matches.length);
  };
  const close = (selectMatch: boolean) => {
    const match = matches[index];
    store.ui.closeFind();
    if (selectMatch && match) session.selectText(match);
    else session.focusReader();
  };
  let status = '';
  if (query) status = matches.length === 0 ? 'No matches' : `${index + 1} of ${matches.length}${matches.length >= MAX_MATCHES ? '+' : ''}`;
  return (
    <div class="find-bar" role="search" aria-label="Find in the article">
      <input
        ref={input}
        class="input find-input"
        type="search"
        aria-label="Find in the article"
        placeholder="Find in the article"
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setCurrent(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close(true);
          }
        }}
      />
      <span class="find-status" role="status" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        class="button button-small"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={matches.length === 0}
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="button button-small"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={matches.length === 0}
        onClick={() => step(1)}
      >
        ↓
      </button>
      <label class="filter-check">
        <input type="checkbox" checked={matchCase} onChange={(event) => setMatchCase(event.currentTarget.checked)} />
        Match case
      </label>
      <button
        type="button"
        class="button button-small"
        disabled={index < 0}
        title="Select the match in the article (Esc)"
        onClick={() => close(true)}
      >
        Select match
      </button>
      <button type="button" class="button button-quiet button-small" aria-label="Close find" onClick={() => close(false)}>
        ×
      </button>
    </div>
  );
}

export function FindBar({ store }: { store: AppStore }) {
  const session = store.session.value;
  if (!store.ui.findOpen.value || !session) return null;
  return <FindBarFor key={session.id} store={store} session={session} />;
}
