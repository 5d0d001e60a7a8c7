import { useSignalEffect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';
import { CorpusExportMenu } from './CorpusExportMenu.tsx';
import { CorpusFacets } from './CorpusFacets.tsx';
import { CorpusResults } from './CorpusResults.tsx';
import { SavedSearches } from './SavedSearches.tsx';

/** The keys of the query syntax, for the hint under the search box. */
const SYNTAX_KEYS = [
  'kind:',
  'verdict:',
  'stage:',
  'label:',
  'checkworthy:',
  'checkedby:',
  'has:',
  'speaker:',
  'claimant:',
  'entity:',
  'annotator:',
  'tag:',
  'source:',
  'articlestage:',
  'from:',
  'to:',
];

/** The lines under the box: the keys, then how to quote a value, give a pattern and dates. */
function SyntaxHint() {
  return (
    <p class="corpus-query-hint" id="corpus-query-hint">
      <span class="corpus-hint-line">
        Keys{' '}
        {SYNTAX_KEYS.map((key) => (
          <code key={key}>{key}</code>
        ))}
      </span>
      <span class="corpus-hint-line">
        Quote a value with spaces: <code>speaker:"Roberta Metsola"</code>· a pattern: <code>/regex/</code>· days:{' '}
        <code>from:2026-03-01</code> <code>checkedto:2026-03-31</code>
      </span>
    </p>
  );
}

/** The search box, its hint and the reason a query was refused. Enter runs; ↓ goes to the first result. */
function QueryBar({ store, input }: { store: AppStore; input: { current: HTMLInputElement | null } }) {
  const search = store.corpus;
  const problem = search.problem.value;
  return (
    <form
      class="corpus-query"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        void search.search();
      }}
    >
      <div class="corpus-query-row">
        <input
          ref={input}
          class="input corpus-query-input"
          type="search"
          aria-label="Search every annotation of the library"
          aria-describedby="corpus-query-hint"
          aria-invalid={problem ? 'true' : undefined}
          aria-errormessage={problem ? 'corpus-query-problem' : undefined}
          placeholder="Words, or filters such as verdict:false speaker:Metsola"
          spellcheck={false}
          autoComplete="off"
          value={search.text.value}
          onInput={(event) => (search.text.value = event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            const first = document.querySelector<HTMLElement>('.corpus-groups [role="option"][tabindex="0"]');
            if (!first) return;
            event.preventDefault();
            first.focus();
          }}
        />
        <button type="submit" class="button button-primary" disabled={search.loading.value}>
          Search
        </button>
        <button type="button" class="button button-quiet" onClick={() => void search.clear()}>
          Clear
        </button>
        <CorpusExportMenu store={store} />
      </div>
      <SyntaxHint />
      {problem ? (
        <p class="field-problem corpus-query-problem" id="corpus-query-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The corpus search (Ctrl+Shift+F, or "Search library"): one query over every annotation of the
 * library, with facet counts, results grouped by article, saved searches and the export of a result.
 * Esc goes back to the article; the query and the place in the results are kept for next time.
 */
export function CorpusSearchView({ store }: { store: AppStore }) {
  const search = store.corpus;
  const input = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // Back where the analyst was: the scroll of the results; the focus in the search box, on every request.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = search.scrollTop;
    return () => {
      search.scrollTop = element?.scrollTop ?? 0;
    };
  }, [search]);
  useSignalEffect(() => {
    void search.focusRequest.value;
    input.current?.focus();
    input.current?.select();
  });

  return (
    <main
      class="workspace corpus-search"
      aria-label="Corpus search"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        search.close();
        setTimeout(() => store.session.value?.focusReader(), 0);
      }}
    >
      <header class="corpus-search-header">
        <h1 class="corpus-search-title">Search the library</h1>
        <QueryBar store={store} input={input} />
      </header>
      <div class="corpus-search-body">
        <aside class="corpus-side">
          <SavedSearches search={search} />
          <CorpusFacets search={search} tagset={store.tagset.value} />
        </aside>
        <div class="corpus-results-scroll" ref={scroller}>
          <CorpusResults search={search} tagset={store.tagset.value} focusSearchBox={() => input.current?.focus()} />
        </div>
      </div>
    </main>
  );
}
