import type { AnnotationCounts, DocumentSummary } from '../../../shared/model/document.ts';
import type { AppStore } from '../app/app-store.ts';
import { ImportButton } from './ImportButton.tsx';
import { countAnnotations } from '../model/annotation-counts.ts';

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
  const session = store.session.value;
  const isOpen = session?.id === summary.id;
  // The open document's counts follow its edits at once; the others come from the library index.
  if (isOpen) void session.listVersion.value;
  // Entities count the registry (as the library index does), not the mentions.
  const counts = isOpen ? { ...countAnnotations(session.records.annotations()), entities: [...session.records.entities()].length } : summary.counts;
  return (
    <li>
      <button
        type="button"
        class="doc-item"
        aria-current={isOpen ? 'page' : undefined}
        aria-busy={store.opening.value === summary.id ? 'true' : undefined}
        onClick={() => void store.openDocument(summary.id)}
      >
        <span class="doc-title">{summary.title}</span>
        <span class="doc-meta">
          {summary.published ? <time dateTime={summary.published}>{summary.published}</time> : <span>No date</span>}
          {summary.source ? <span> · {summary.source}</span> : null}
        </span>
        <CountsLine counts={counts} />
      </button>
    </li>
  );
}

/** The library: every document, the open one marked, and the way to import more. */
export function LibrarySidebar({ store }: { store: AppStore }) {
  const documents = store.documents.value;
  return (
    <nav class="library" aria-label="Library">
      <div class="library-header">
        <h2 class="panel-title">Library</h2>
        <ImportButton store={store} />
      </div>
      {documents.length === 0 && store.started.value ? <p class="library-empty">No documents yet. Import a text file to begin.</p> : null}
      <ul class="doc-list">
        {documents.map((summary) => (
          <DocumentItem key={summary.id} summary={summary} store={store} />
        ))}
      </ul>
    </nav>
  );
}
