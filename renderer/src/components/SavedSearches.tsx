import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorpusSearchStore } from '../app/corpus-search-store.ts';

/** The saved searches: run one, delete one, or save the current query under a name (a name in use is replaced). */
export function SavedSearches({ search }: { search: CorpusSearchStore }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const searches = search.saved.value;
  const nameField = useRef<HTMLInputElement>(null);
  // The field appears because the analyst asked to name the search: it takes the focus.
  useEffect(() => {
    if (naming) nameField.current?.focus();
  }, [naming]);
  const save = async () => {
    if (!name.trim()) return;
    if (await search.save(name.trim())) {
      setNaming(false);
      setName('');
    }
  };
  return (
    <section class="corpus-saved" aria-labelledby="corpus-saved-title">
      <h2 class="panel-title" id="corpus-saved-title">
        Saved searches
      </h2>
      {naming ? (
        <form
          class="corpus-save-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            setNaming(false);
          }}
        >
          <input
            class="input input-small"
            aria-label="Name of the saved search"
            placeholder="Name, e.g. False claims this month"
            maxLength={200}
            value={name}
            ref={nameField}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <button type="submit" class="button button-small" disabled={!name.trim()}>
            Save
          </button>
        </form>
      ) : null}
      {searches.length === 0 && !naming ? <p class="corpus-saved-empty">None yet.</p> : null}
      {search.savedProblems.value.map((problem) => (
        <p key={problem} class="corpus-saved-problem">
          {problem}
        </p>
      ))}
      <ul class="corpus-saved-list">
        {searches.map((saved) => (
          <li key={saved.id} class="corpus-saved-entry">
            <button type="button" class="corpus-saved-run" title={`Run “${saved.name}”`} onClick={() => void search.runSaved(saved)}>
              {saved.name}
            </button>
            <button
              type="button"
              class="button button-quiet button-icon"
              aria-label={`Delete the saved search “${saved.name}”`}
              title="Delete"
              onClick={() => void search.deleteSaved(saved)}
            >
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      {naming ? null : (
        <button type="button" class="button button-quiet button-small corpus-save-open" onClick={() => setNaming(true)}>
          Save this search…
        </button>
      )}
    </section>
  );
}
