import type { AppStore } from '../app/app-store.ts';

/** The corpus search: one query over every annotation of the library, with facets, grouped by article. */
export function CorpusSearchView({ store: _store }: { store: AppStore }) {
  return (
    <main class="workspace corpus-search" aria-label="Corpus search">
      <h1>Search the library</h1>
    </main>
  );
}
