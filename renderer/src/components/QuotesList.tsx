import type { VirtualItem } from '@tanstack/virtual-core';
import { useMemo, useState } from 'preact/hooks';
import { QUOTE_FORMS, type QuoteAnnotation, type QuoteForm } from '../../../shared/model/annotation.ts';
import { quoteGroups, type QuoteFilter, type SpeakerGroup } from '../model/annotation-lists.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { AnnotationItem } from './AnnotationItem.tsx';
import { EmptyList, FilterSelect, focusListSearch, ListFilters, useSelectedRow } from './ListParts.tsx';
import { rowKeys, useVirtualRows } from './virtual-rows.ts';

export const FORM_LABELS: Record<QuoteForm, string> = { direct: 'Direct', indirect: 'Indirect (reported)', mixed: 'Mixed' };

/** One row of the quotes list: a speaker's heading, or one of their quotes (`position` within the group). */
type QuoteRow = { group: SpeakerGroup; heading: true } | { group: SpeakerGroup; heading: false; quote: QuoteAnnotation; position: number };

function quoteRows(groups: readonly SpeakerGroup[]): QuoteRow[] {
  return groups.flatMap((group) => [
    { group, heading: true as const },
    ...group.quotes.map((quote, position) => ({ group, heading: false as const, quote, position })),
  ]);
}

function groupName(group: SpeakerGroup): string {
  return group.speaker?.name ?? 'No speaker yet';
}

/** The rows in view, by group: each group drawn as a region with its heading and its rows. */
function bySection(rows: readonly QuoteRow[], drawn: readonly VirtualItem[]): { group: SpeakerGroup; drawn: VirtualItem[] }[] {
  const sections: { group: SpeakerGroup; drawn: VirtualItem[] }[] = [];
  for (const item of drawn) {
    const row = rows[item.index];
    if (!row) continue;
    const last = sections.at(-1);
    if (last?.group === row.group) last.drawn.push(item);
    else sections.push({ group: row.group, drawn: [item] });
  }
  return sections;
}

/** Quotes grouped by speaker (in the order they are first quoted; unattributed last), filtered and searchable. */
export function QuotesList({ session }: { session: DocumentSession }) {
  const [filter, setFilter] = useState<QuoteFilter>({ speaker: 'all', form: 'all', query: '' });
  const version = session.listVersion.value;
  const groups = useMemo(() => quoteGroups(session.records, filter), [session, version, filter]);
  const speakers = useMemo(() => quoteGroups(session.records, { speaker: 'all', form: 'all', query: '' }), [session, version]);
  const total = session.records.counts.kinds().quotes;
  const rows = useMemo(() => quoteRows(groups), [groups]);
  const headingOf = useMemo(() => {
    const headings: number[] = [];
    rows.forEach((row, index) => headings.push(row.heading ? index : (headings[index - 1] ?? 0)));
    return headings;
  }, [rows]);
  // A heading's key cannot be an annotation id (ids never hold a space).
  const keys = useMemo(() => rowKeys(rows.map((row) => (row.heading ? `group ${row.group.speaker?.id ?? 'none'}` : row.quote.id))), [rows]);
  const virtual = useVirtualRows({
    keys,
    estimateSize: 56,
    focusable: (index) => rows[index]?.heading === false,
    // The heading of the group at the top stays drawn, so every drawn group is a region with its heading.
    alsoDraw: (range) => [headingOf[Math.max(0, range.startIndex - range.overscan)] ?? 0],
  });
  const selectedId = useSelectedRow(session, virtual, keys.indexOf);
  return (
    <div class="list-body">
      <ListFilters label="quotes" query={filter.query} onQuery={(query) => setFilter({ ...filter, query })} rows={virtual}>
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
        <FilterSelect
          label="Filter quotes by form"
          value={filter.form}
          onChange={(form) => setFilter({ ...filter, form: form as QuoteForm | 'all' })}
        >
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
              No quotes yet. Select what someone said and press <kbd>Q</kbd>, or put the caret inside quotation marks and press <kbd>Q</kbd>
              .
            </>
          }
        />
      ) : (
        <div
          ref={virtual.listRef}
          class="item-groups"
          style={virtual.listStyle}
          onKeyDown={(event) => virtual.onKeyDown(event, () => focusListSearch(event.currentTarget))}
        >
          {bySection(rows, virtual.rows).map(({ group, drawn }) => (
            <section key={group.speaker?.id ?? 'none'} class="item-group" aria-label={`Quotes: ${groupName(group)}`}>
              {drawn
                .filter((item) => rows[item.index]?.heading)
                .map((item) => (
                  <div key="heading" class={`group-heading${item.index > 0 ? ' group-heading-later' : ''}`} {...virtual.place(item, null)}>
                    <h3 class="group-title">
                      <span>{groupName(group)}</span>
                      <span class="group-count">{group.quotes.length}</span>
                    </h3>
                  </div>
                ))}
              <ul class="item-list">
                {drawn.map((item) => {
                  const row = rows[item.index];
                  if (!row || row.heading) return null;
                  const { quote } = row;
                  return (
                    <AnnotationItem
                      key={quote.id}
                      session={session}
                      annotation={quote}
                      placement={virtual.place(item, { index: row.position, of: group.quotes.length })}
                      current={quote.id === selectedId}
                      meta={
                        <>
                          <span>{FORM_LABELS[quote.form]}</span>
                          {quote.cue ? <span>cue “{quote.cue.exact}”</span> : null}
                          {quote.note ? <span class="meta-note">note</span> : null}
                        </>
                      }
                    />
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
