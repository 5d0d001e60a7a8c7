import { useMemo, useRef, useState } from 'preact/hooks';
import { QUOTE_FORMS, type QuoteForm } from '../../../shared/model/annotation.ts';
import { quoteGroups, type QuoteFilter } from '../model/annotation-lists.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { AnnotationItem } from './AnnotationItem.tsx';
import { EmptyList, FilterSelect, ListFilters, LIST_PAGE, useSelectedItem } from './ListParts.tsx';

export const FORM_LABELS: Record<QuoteForm, string> = { direct: 'Direct', indirect: 'Indirect (reported)', mixed: 'Mixed' };

/** Quotes grouped by speaker (in the order they are first quoted; unattributed last), filtered and searchable. */
export function QuotesList({ session }: { session: DocumentSession }) {
  const [filter, setFilter] = useState<QuoteFilter>({ speaker: 'all', form: 'all', query: '' });
  const [limit, setLimit] = useState(LIST_PAGE);
  const version = session.listVersion.value;
  const root = useRef<HTMLDivElement>(null);
  useSelectedItem(session, root);
  const groups = useMemo(() => quoteGroups(session.records, filter), [session, version, filter]);
  const speakers = useMemo(() => quoteGroups(session.records, { speaker: 'all', form: 'all', query: '' }), [session, version]);
  const total = speakers.reduce((sum, group) => sum + group.quotes.length, 0);
  let budget = limit;
  let hidden = 0;
  return (
    <div ref={root} class="list-body">
      <ListFilters label="quotes" query={filter.query} onQuery={(query) => setFilter({ ...filter, query })}>
        <FilterSelect label="Filter quotes by speaker" value={filter.speaker} onChange={(speaker) => setFilter({ ...filter, speaker })}>
          <option value="all">All speakers ({total})</option>
          {speakers.map((group) =>
            group.speaker ? (
              <option key={group.speaker.id} value={group.speaker.id}>
                {group.speaker.name} ({group.quotes.length})
              </option>
            ) : (
              <option key="none" value="none">
                No speaker yet ({group.quotes.length})
              </option>
            ),
          )}
        </FilterSelect>
        <FilterSelect label="Filter quotes by form" value={filter.form} onChange={(form) => setFilter({ ...filter, form: form as QuoteForm | 'all' })}>
          <option value="all">Any form</option>
          {QUOTE_FORMS.map((form) => (
            <option key={form} value={form}>
              {FORM_LABELS[form]}
            </option>
          ))}
        </FilterSelect>
      </ListFilters>
      {groups.length === 0 ? (
        <EmptyList
          filtered={total > 0}
          none="No quote matches."
          empty={
            <>
              No quotes yet. Select what someone said and press <kbd>Q</kbd>, or put the caret inside quotation marks and press <kbd>Q</kbd>.
            </>
          }
        />
      ) : (
        groups.map((group) => {
          const shown = group.quotes.slice(0, Math.max(0, budget));
          budget -= shown.length;
          hidden += group.quotes.length - shown.length;
          if (shown.length === 0) return null;
          const name = group.speaker?.name ?? 'No speaker yet';
          return (
            <section key={group.speaker?.id ?? 'none'} class="item-group" aria-label={`Quotes: ${name}`}>
              <h3 class="group-title">
                <span>{name}</span>
                <span class="group-count">{group.quotes.length}</span>
              </h3>
              <ul class="item-list">
                {shown.map((quote) => (
                  <AnnotationItem
                    key={quote.id}
                    session={session}
                    annotation={quote}
                    meta={
                      <>
                        <span>{FORM_LABELS[quote.form]}</span>
                        {quote.cue ? <span>cue “{quote.cue.exact}”</span> : null}
                        {quote.note ? <span class="meta-note">note</span> : null}
                      </>
                    }
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
      {hidden > 0 ? (
        <button type="button" class="button button-small list-more" onClick={() => setLimit(limit + LIST_PAGE)}>
          Show {Math.min(LIST_PAGE, hidden)} more of {hidden}
        </button>
      ) : null}
    </div>
  );
}
