import { useRef } from 'preact/hooks';
import type { TrashedSummary } from '../../../shared/contract/import-channels.ts';
import type { AnnotationCounts, DocumentSummary } from '../../../shared/model/document.ts';
import type { AppStore } from '../app/app-store.ts';
import { SORT_LABELS, type LibrarySort } from '../app/library-manager.ts';
import { AssignedToMeFilter } from './AssignedToMeFilter.tsx';
import { ImportDialog, ImportFileInput } from './ImportDialog.tsx';

function CountsLine({ counts }: { counts: AnnotationCounts }) {
  const parts: [string, number, string][] = [
    ['claim', counts.claims, counts.claims === 1 ? 'claim' : 'claims'],
    ['quote', counts.quotes, counts.quotes === 1 ? 'quote' : 'quotes'],
    ['entity', counts.entities, counts.entities === 1 ? 'entity' : 'entities'],
    ['note', counts.notes, counts.notes === 1 ? 'note' : 'notes'],
  ];
  const total = counts.claims + counts.quotes + counts.entities + counts.notes;
  if (total === 0) return <span class="doc-counts doc-counts-empty">No annotations yet</span>;
  return (
    <span class="doc-counts">
      {parts
        .filter(([, count]) => count > 0)
        .map(([kind, count, noun]) => (
          <span key={kind} class={`count count-${kind}`}>
            <span class={`swatch swatch-${kind}`} aria-hidden="true" />
            {count} {noun}
          </span>
        ))}
    </span>
  );
}

function DocumentItem({ summary, store }: { summary: DocumentSummary; store: AppStore }) {
  const isOpen = store.session.value?.id === summary.id;
  const counts = store.library.countsOf(summary);
  const hit = store.library.hits.value?.get(summary.id);
  return (
    <li class="doc-entry">
      <button
        type="button"
        class="doc-item"
        aria-current={isOpen ? 'page' : undefined}
        aria-busy={store.opening.value === summary.id ? 'true' : undefined}
        onClick={() => {
          // A document chosen in the library shows in the reader, whatever the middle showed.
          store.ui.workspace.value = 'reader';
          void store.openDocument(summary.id);
        }}
      >
        <span class="doc-title" id={`doc-title-${summary.id}`}>
          {summary.title}
        </span>
        <span class="doc-meta">
          {summary.published ? <time dateTime={summary.published}>{summary.published}</time> : <span>No date</span>}
          {summary.source ? <span> · {summary.source}</span> : null}
          {summary.assignee ? <span class="doc-assignee"> · Assigned to {summary.assignee}</span> : null}
        </span>
        {hit?.snippet ? <span class="doc-snippet">{hit.snippet}</span> : null}
        <CountsLine counts={counts} />
      </button>
      <span class="doc-actions">
        <button
          type="button"
          class="button button-quiet button-icon"
          aria-label="Edit details"
          aria-describedby={`doc-title-${summary.id}`}
          title="Edit details"
          onClick={() => (store.library.editing.value = summary)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M11.5 2.5l2 2L6 12l-2.8.8L4 10z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
          </svg>
        </button>
        <button
          type="button"
          class="button button-quiet button-icon"
          aria-label="Move to the trash"
          aria-describedby={`doc-title-${summary.id}`}
          title="Move to the trash"
          onClick={() => void store.library.moveToTrash(summary)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path
              d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5"
              fill="none"
              stroke="currentColor"
              stroke-width="1.4"
              stroke-linejoin="round"
            />
          </svg>
        </button>
      </span>
    </li>
  );
}

function TrashItem({ summary, store }: { summary: TrashedSummary; store: AppStore }) {
  return (
    <li class="trash-entry">
      <span class="doc-title" id={`trash-title-${summary.id}`}>
        {summary.title}
      </span>
      <span class="doc-meta">Trashed {new Date(summary.trashed).toLocaleString()}</span>
      <button
        type="button"
        class="button button-small"
        aria-describedby={`trash-title-${summary.id}`}
        onClick={() => void store.library.restoreFromTrash(summary)}
      >
        Restore
      </button>
    </li>
  );
}

function TrashSection({ store }: { store: AppStore }) {
  const library = store.library;
  const trash = library.trash.value;
  const open = library.showTrash.value;
  const toggle = () => {
    library.showTrash.value = !open;
    if (!open) void library.refreshTrash();
  };
  const empty = () => {
    if (
      window.confirm(
        `Delete the ${trash.length} ${trash.length === 1 ? 'document' : 'documents'} in the trash for good, with their annotations and backups?`,
      )
    )
      void library.emptyTrash();
  };
  return (
    <section class="trash" aria-label="Trash">
      <button type="button" class="button button-quiet trash-toggle" aria-expanded={open} onClick={toggle}>
        Trash ({trash.length})
      </button>
      {open ? (
        <>
          {trash.length === 0 ? <p class="library-empty">The trash is empty.</p> : null}
          <ul class="trash-list">
            {trash.map((summary) => (
              <TrashItem key={summary.id} summary={summary} store={store} />
            ))}
          </ul>
          {trash.length > 0 ? (
            <button type="button" class="button button-quiet button-danger" onClick={empty}>
              Empty trash…
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The library: search, sort, every document with its counts, the trash, and the way to import more. */
export function LibrarySidebar({ store }: { store: AppStore }) {
  const library = store.library;
  const fileInput = useRef<HTMLInputElement>(null);
  const documents = library.visible.value;
  const searching = library.hits.value !== null;
  return (
    <nav class="library" aria-label="Library">
      <div class="library-header">
        <h2 class="panel-title">Library</h2>
        <button type="button" class="button button-small" title="Import an article (Ctrl+O)" onClick={() => library.openImport()}>
          Import…
        </button>
        <ImportFileInput store={store} inputRef={fileInput} />
      </div>
      <div class="library-tools">
        <input
          class="input input-small"
          type="search"
          placeholder="Search the library"
          aria-label="Search the library"
          value={library.query.value}
          onInput={(event) => void library.search(event.currentTarget.value)}
        />
        <button
          type="button"
          class="button button-small library-corpus-search"
          title="Search every annotation of the library: claims, quotes, speakers, verdicts (Ctrl+Shift+F)"
          aria-pressed={store.ui.workspace.value === 'search'}
          onClick={() => void store.corpus.open()}
        >
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path d="M10.5 10.5L14 14" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
          </svg>
          Search library
        </button>
        <select
          class="input input-small"
          aria-label="Sort the library"
          value={library.sort.value}
          onChange={(event) => (library.sort.value = event.currentTarget.value as LibrarySort)}
        >
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <AssignedToMeFilter store={store} />
      </div>
      {store.documents.value.length === 0 && store.started.value ? (
        <p class="library-empty">No documents yet. Import an article to begin.</p>
      ) : null}
      {searching && documents.length === 0 ? <p class="library-empty">No document matches “{library.query.value}”.</p> : null}
      {library.assignedToMe.value && !searching && documents.length === 0 ? (
        <p class="library-empty">No article is assigned to you.</p>
      ) : null}
      <ul class="doc-list">
        {documents.map((summary) => (
          <DocumentItem key={summary.id} summary={summary} store={store} />
        ))}
      </ul>
      <TrashSection store={store} />
      <ImportDialog store={store} chooseFiles={() => fileInput.current?.click()} />
    </nav>
  );
}
