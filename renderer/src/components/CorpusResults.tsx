import { WORKFLOW_STAGE_LABELS } from '../../../shared/model/annotation.ts';
import type { CorpusGroup, CorpusHit, CorpusQuery } from '../../../shared/corpus/corpus-query.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { hitKey, type CorpusSearchStore } from '../app/corpus-search-store.ts';
import { matchPieces } from '../model/match-spans.ts';
import { hitDescription, KIND_NAMES, verdictOf } from './corpus-labels.ts';
import { excerpt } from './ListParts.tsx';

/** The longest text a row shows of its annotation (the row clamps it to three lines besides). */
const ROW_TEXT_LENGTH = 400;

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "24 annotations in 3 articles", and how many articles are shown when not all are. */
function ResultCount({ search }: { search: CorpusSearchStore }) {
  const result = search.result.value;
  if (!result) return <p class="corpus-count">{search.loading.value ? 'Searching…' : ''}</p>;
  const shown = search.groups.value.length;
  return (
    <p class="corpus-count" role="status">
      {result.total === 0
        ? 'No annotation matches.'
        : `${plural(result.total, 'annotation', 'annotations')} in ${plural(result.documents, 'article', 'articles')}`}
      {shown < result.documents ? <span class="corpus-count-shown"> · showing the first {shown}</span> : null}
    </p>
  );
}

/** The annotation's text, with what the search's words and pattern matched marked. */
function HitText({ hit, query }: { hit: CorpusHit; query: CorpusQuery }) {
  const pieces = matchPieces(excerpt(hit.exact, ROW_TEXT_LENGTH), query);
  return (
    <span class="corpus-hit-text">{pieces.map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}</span>
  );
}

/** "checked by Ana on 2026-03-02", with whichever of the two is known. */
function checkedLine(by: string | undefined, on: string | undefined): string {
  return ['checked', by ? `by ${by}` : '', on ? `on ${on}` : ''].filter(Boolean).join(' ');
}

function HitMeta({ hit, tagset }: { hit: CorpusHit; tagset: Tagset }) {
  const verdict = hit.kind === 'claim' ? verdictOf(tagset, hit.status) : undefined;
  const label = hit.label ? (tagset.claimLabels.find((entry) => entry.id === hit.label)?.label ?? hit.label) : undefined;
  // A mention names its entity only when the text does not already (an alias, a pronoun).
  const entity =
    hit.entityName === undefined
      ? undefined
      : hit.kind !== 'entity'
        ? `by ${hit.entityName}`
        : hit.entityName.toLowerCase() === hit.exact.trim().toLowerCase()
          ? undefined
          : hit.entityName;
  return (
    <span class="item-meta">
      <span class="meta-strong">{KIND_NAMES[hit.kind]}</span>
      {verdict ? (
        <span class="corpus-hit-verdict">
          <span class="verdict-dot" style={verdict.colour ? { backgroundColor: verdict.colour } : undefined} aria-hidden="true" />
          {verdict.label}
        </span>
      ) : null}
      {label ? <span>{label}</span> : null}
      {hit.checkworthy ? <span class="meta-flag">Worth checking</span> : null}
      {hit.stage && hit.stage !== 'to-check' ? <span>{WORKFLOW_STAGE_LABELS[hit.stage]}</span> : null}
      {hit.checkedBy || hit.checkedOn ? <span>{checkedLine(hit.checkedBy, hit.checkedOn)}</span> : null}
      {entity ? <span>{entity}</span> : null}
      {hit.tags?.length ? <span>{hit.tags.map((tag) => `#${tag}`).join(' ')}</span> : null}
      {hit.note ? <span class="meta-note">note: {excerpt(hit.note, 60)}</span> : null}
      <span class="corpus-hit-author">{hit.author}</span>
    </span>
  );
}

interface HitRowProps {
  hit: CorpusHit;
  group: CorpusGroup;
  search: CorpusSearchStore;
  tagset: Tagset;
  tabbable: boolean;
}

/** One annotation found: an option of the results list; Enter or a click opens it in its article. */
function HitRow({ hit, group, search, tagset, tabbable }: HitRowProps) {
  const key = hitKey(hit);
  const current = search.currentHit.value === key;
  return (
    <li
      role="option"
      class={`corpus-hit corpus-hit-${hit.kind}`}
      data-hit={key}
      tabIndex={tabbable ? 0 : -1}
      aria-selected={current}
      aria-label={hitDescription(hit, tagset, group.title)}
      onFocus={() => (search.currentHit.value = key)}
      onClick={() => void search.openHit(hit)}
    >
      <span class={`swatch swatch-${hit.kind}`} aria-hidden="true" />
      <span class="item-body">
        <HitText hit={hit} query={search.query.value} />
        <HitMeta hit={hit} tagset={tagset} />
      </span>
    </li>
  );
}

/** The row after an article's first hits: Enter or a click shows the rest of them. */
function MoreHitsRow({ group, search }: { group: CorpusGroup; search: CorpusSearchStore }) {
  const hidden = group.hits.length - search.shownHits(group).length;
  if (hidden <= 0) return null;
  return (
    <li
      role="option"
      class="corpus-hit corpus-more-hits"
      data-expand={group.documentId}
      tabIndex={-1}
      aria-selected={false}
      onClick={() => search.showAllHits(group.documentId)}
    >
      Show all {plural(group.hits.length, 'hit', 'hits')} in this article ({hidden.toLocaleString('en')} more)
    </li>
  );
}

function GroupHeader({ group, id }: { group: CorpusGroup; id: string }) {
  return (
    <div class="corpus-group-header" id={id}>
      <span class="corpus-group-title">{group.title}</span>
      <span class="corpus-group-meta">
        {[group.source, group.published].filter(Boolean).join(' · ') || 'No date'}
        <span class="corpus-group-count"> · {plural(group.hits.length, 'hit', 'hits')}</span>
      </span>
    </div>
  );
}

/** Moves focus between the rows: ↑ ↓ Home End; ↑ from the first row goes back to the search box. */
function onListKeyDown(event: KeyboardEvent, search: CorpusSearchStore, focusSearchBox: () => void): void {
  const list = event.currentTarget as HTMLElement;
  const rows = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const index = rows.findIndex((row) => row === document.activeElement);
  if (index < 0) return;
  let next: number | null = null;
  if (event.key === 'ArrowDown') next = Math.min(index + 1, rows.length - 1);
  else if (event.key === 'ArrowUp') next = index - 1;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = rows.length - 1;
  else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    const expand = rows[index]?.dataset.expand;
    if (expand) {
      search.showAllHits(expand);
      return;
    }
    const hit = search.hits.value.find((candidate) => hitKey(candidate) === rows[index]?.dataset.hit);
    if (hit) void search.openHit(hit);
    return;
  }
  if (next === null) return;
  event.preventDefault();
  if (next < 0) focusSearchBox();
  else rows[next]?.focus();
}

/** The result: its count line, then the articles newest first, each with its hits in text order. */
export function CorpusResults({ search, tagset, focusSearchBox }: { search: CorpusSearchStore; tagset: Tagset; focusSearchBox(): void }) {
  const groups = search.groups.value;
  const keys = search.hits.value.map(hitKey);
  const tabbableKey = search.currentHit.value && keys.includes(search.currentHit.value) ? search.currentHit.value : keys[0];
  return (
    <section class="corpus-results" aria-label="Results">
      <ResultCount search={search} />
      {groups.length > 0 ? (
        <ul
          class="corpus-groups"
          role="listbox"
          aria-label="Annotations found"
          onKeyDown={(event) => onListKeyDown(event, search, focusSearchBox)}
        >
          {groups.map((group) => {
            const headerId = `corpus-group-${group.documentId}`;
            return (
              <li key={group.documentId} role="group" class="corpus-group" aria-labelledby={headerId}>
                <GroupHeader group={group} id={headerId} />
                <ul class="corpus-hits" role="presentation">
                  {search.shownHits(group).map((hit) => (
                    <HitRow
                      key={hitKey(hit)}
                      hit={hit}
                      group={group}
                      search={search}
                      tagset={tagset}
                      tabbable={hitKey(hit) === tabbableKey}
                    />
                  ))}
                  <MoreHitsRow group={group} search={search} />
                </ul>
              </li>
            );
          })}
        </ul>
      ) : null}
      {search.hasMore.value ? (
        <button type="button" class="button corpus-more" disabled={search.loading.value} onClick={() => void search.loadMore()}>
          {search.loading.value ? 'Loading…' : 'Show more articles'}
        </button>
      ) : null}
    </section>
  );
}
