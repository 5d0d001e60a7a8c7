import { useMemo, useState } from 'preact/hooks';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import { filteredNotes, searchNotes, type NoteFilter } from '../model/annotation-lists.ts';
import { KIND_LABELS } from '../reader/annotation-appearance.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { AnnotationItem } from './AnnotationItem.tsx';
import { EmptyList, FilterSelect, ListFilters, RowList, excerpt, useSelectedRow } from './ListParts.tsx';
import { rowKeys, useVirtualRows } from './virtual-rows.ts';

/** Note spans and the notes written on other annotations, in reading order, searchable. */
export function NotesList({ session }: { session: DocumentSession }) {
  const [filter, setFilter] = useState<NoteFilter>({ kind: 'all', query: '' });
  const version = session.listVersion.value;
  // Filtered and sorted once per change of the records; a keystroke only searches this.
  const filtered = useMemo(() => filteredNotes(session.records, filter.kind), [session, version, filter.kind]);
  const notes = useMemo(() => searchNotes(filtered, filter.query), [filtered, filter.query]);
  const keys = useMemo(() => rowKeys(notes.map((note) => note.id)), [notes]);
  const rows = useVirtualRows({ keys, estimateSize: 56 });
  const selectedId = useSelectedRow(session, rows, keys.indexOf);
  const total = session.records.counts.notes();
  return (
    <div class="list-body">
      <ListFilters label="notes" query={filter.query} onQuery={(query) => setFilter({ ...filter, query })} rows={rows}>
        <FilterSelect
          label="Filter notes by what they are on"
          value={filter.kind}
          onChange={(kind) => setFilter({ ...filter, kind: kind as AnnotationKind | 'all' })}
        >
          <option value="all">Every note ({total})</option>
          <option value="note">Notes on text</option>
          <option value="claim">Notes on claims</option>
          <option value="quote">Notes on quotes</option>
          <option value="entity">Notes on entities</option>
        </FilterSelect>
      </ListFilters>
      {notes.length === 0 ? (
        <EmptyList
          filtered={total > 0}
          none="No note matches."
          empty={
            <>
              No notes yet. Select a passage and press <kbd>N</kbd>; every annotation also has a note field.
            </>
          }
        />
      ) : (
        <RowList rows={rows} label="Notes">
          {rows.rows.map((row) => {
            const annotation = notes[row.index];
            return annotation ? (
              <AnnotationItem
                key={annotation.id}
                session={session}
                annotation={annotation}
                placement={rows.place(row)}
                current={annotation.id === selectedId}
                marker={<span class={`swatch swatch-${annotation.kind}`} aria-hidden="true" />}
                text={annotation.note ? excerpt(annotation.note, 180) : '(empty note)'}
                meta={
                  <span>
                    {annotation.kind === 'note' ? 'On' : `${KIND_LABELS[annotation.kind]}:`} “{excerpt(annotation.target.exact, 60)}”
                  </span>
                }
              />
            ) : null;
          })}
        </RowList>
      )}
    </div>
  );
}
