import { useMemo, useRef, useState } from 'preact/hooks';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import { noteList, type NoteFilter } from '../model/annotation-lists.ts';
import { KIND_LABELS } from '../reader/annotation-appearance.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { AnnotationItem } from './AnnotationItem.tsx';
import { EmptyList, FilterSelect, ListFilters, excerpt, usePaged, useSelectedItem } from './ListParts.tsx';

/** Note spans and the notes written on other annotations, in reading order, searchable. */
export function NotesList({ session }: { session: DocumentSession }) {
  const [filter, setFilter] = useState<NoteFilter>({ kind: 'all', query: '' });
  const version = session.listVersion.value;
  const root = useRef<HTMLDivElement>(null);
  useSelectedItem(session, root);
  const notes = useMemo(() => noteList(session.records, filter), [session, version, filter]);
  const total = useMemo(() => noteList(session.records, { kind: 'all', query: '' }).length, [session, version]);
  const { shown, more } = usePaged(notes);
  return (
    <div ref={root} class="list-body">
      <ListFilters label="notes" query={filter.query} onQuery={(query) => setFilter({ ...filter, query })}>
        <FilterSelect label="Filter notes by what they are on" value={filter.kind} onChange={(kind) => setFilter({ ...filter, kind: kind as AnnotationKind | 'all' })}>
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
        <ul class="item-list" aria-label="Notes">
          {shown.map((annotation) => (
            <AnnotationItem
              key={annotation.id}
              session={session}
              annotation={annotation}
              marker={<span class={`swatch swatch-${annotation.kind}`} aria-hidden="true" />}
              text={annotation.note ? excerpt(annotation.note, 180) : '(empty note)'}
              meta={
                <span>
                  {annotation.kind === 'note' ? 'On' : `${KIND_LABELS[annotation.kind]}:`} “{excerpt(annotation.target.exact, 60)}”
                </span>
              }
            />
          ))}
        </ul>
      )}
      {more}
    </div>
  );
}
