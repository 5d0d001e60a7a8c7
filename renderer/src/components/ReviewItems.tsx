import { useMemo, useRef } from 'preact/hooks';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import { ANNOTATION_KINDS } from '../../../shared/model/annotation.ts';
import type { ReviewDecision } from '../../../shared/model/review.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { ReviewClass } from '../../../shared/review/classify-review.ts';
import type { ReviewItemView, ReviewView } from '../../../shared/review/review-view.ts';
import type { AppStore } from '../app/app-store.ts';
import { isReviewCommand, plainKeyCommand, type ReviewCommand } from '../commands/key-map.ts';
import { REVIEW_CLASS_LABELS, REVIEW_CLASS_ORDER, sortedReviewItems } from '../app/review-items.ts';
import type { ReviewStore } from '../app/review-store.ts';
import { excerpt } from './ListParts.tsx';
import { ReviewItemBody } from './ReviewDifferences.tsx';
import { rowKeys, useVirtualRows, type RowPlacement } from './virtual-rows.ts';

const KIND_NAMES: Record<AnnotationKind, string> = { claim: 'Claim', quote: 'Quote', entity: 'Mention', note: 'Note' };
const KIND_PLURALS: Record<AnnotationKind, string> = { claim: 'claims', quote: 'quotes', entity: 'mentions', note: 'notes' };
const DECISION_LABELS: Record<ReviewDecision, string> = { open: 'Open', accepted: 'Accepted', rejected: 'Rejected' };
/** The decision each of the review list's keys (`app/key-map.ts`) makes. */
const REVIEW_DECISIONS: Record<ReviewCommand, ReviewDecision> = {
  'review.accept': 'accepted',
  'review.reject': 'rejected',
  'review.reopen': 'open',
};

function anchorLine(item: ReviewItemView, text: string): string {
  const anchor = item.anchor;
  if (anchor.status === 'orphaned' && anchor.reason === 'fuzzy-refused' && anchor.candidate) {
    const { start, end, score } = anchor.candidate;
    return `Not placed (exact matches only): refused a fuzzy match (score ${score.toFixed(2)}) at “${excerpt(text.slice(start, end), 80)}”`;
  }
  if (anchor.status === 'orphaned') return `Not placed (${anchor.reason ?? 'not found'})`;
  if (anchor.status === 'exact') return 'Placed exactly';
  return `Placed ${anchor.status} (score ${(anchor.score ?? 0).toFixed(2)})`;
}

interface ReviewItemRowProps {
  review: ReviewStore;
  item: ReviewItemView;
  placement: RowPlacement;
  selected: boolean;
  text: string;
  view: ReviewView;
  tagset: Tagset;
}

function ReviewItemRow({ review, item, placement, selected, text, view, tagset }: ReviewItemRowProps) {
  const busy = review.busy.value;
  const decide = (decision: ReviewDecision) => void review.decide(decision, { itemIds: [item.id] });
  return (
    <li
      {...placement}
      class={`review-item review-item-${item.class} review-decision-${item.decision}`}
      data-list-item
      data-review-item-id={item.id}
      tabIndex={selected ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      onClick={() => review.selectItem(item.id)}
      onFocus={() => {
        if (!selected) review.selectItem(item.id);
      }}
    >
      <div class="review-item-head">
        <span class={`review-badge review-badge-${item.class}`}>{REVIEW_CLASS_LABELS[item.class]}</span>
        <span class={`swatch swatch-${item.annotation.kind}`} aria-hidden="true" />
        <span class="review-kind">{KIND_NAMES[item.annotation.kind]}</span>
        <span class={`review-state review-state-${item.decision}`}>{DECISION_LABELS[item.decision]}</span>
      </div>
      <ReviewItemBody item={item} view={view} tagset={tagset} text={text} />
      <p class={`review-anchor ${item.anchor.reason === 'fuzzy-refused' ? 'review-anchor-refused' : ''}`}>{anchorLine(item, text)}</p>
      <div class="review-actions">
        {item.decision !== 'accepted' ? (
          <button
            type="button"
            class="button button-tiny"
            disabled={busy || item.class === 'orphaned'}
            aria-keyshortcuts="A Enter"
            onClick={(event) => (event.stopPropagation(), decide('accepted'))}
          >
            Accept
          </button>
        ) : null}
        {item.decision !== 'rejected' ? (
          <button
            type="button"
            class="button button-tiny"
            disabled={busy}
            aria-keyshortcuts="R Backspace"
            onClick={(event) => (event.stopPropagation(), decide('rejected'))}
          >
            Reject
          </button>
        ) : null}
        {item.decision !== 'open' ? (
          <button
            type="button"
            class="button button-tiny"
            disabled={busy}
            aria-keyshortcuts="O"
            onClick={(event) => (event.stopPropagation(), decide('open'))}
          >
            Reopen
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** Their items, drawn as they scroll into view: ↑ ↓ Home End move between them, A/Enter, R/Backspace/Delete and O decide the focused one. */
function ReviewRows({
  store,
  view,
  items,
  selectedId,
}: {
  store: AppStore;
  view: ReviewView;
  items: readonly ReviewItemView[];
  selectedId: string | null;
}) {
  const review = store.review;
  const keys = useMemo(() => rowKeys(items.map((item) => item.id)), [items]);
  const selectedIndex = selectedId ? keys.indexOf(selectedId) : -1;
  // The selected row is the list's tab stop: it stays drawn.
  const rows = useVirtualRows({ keys, estimateSize: 96, gap: 6, alsoDraw: () => (selectedIndex >= 0 ? [selectedIndex] : []) });
  const latest = useRef({ rows, keys });
  latest.current = { rows, keys };
  const text = store.session.value?.text ?? '';

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !(event.target instanceof HTMLElement)) return;
    const row = event.target.closest<HTMLElement>('[data-review-item-id]');
    if (!row || event.target !== row) return;
    const id = row.dataset['reviewItemId'] ?? '';
    const command = plainKeyCommand(event.key, isReviewCommand);
    const decision: ReviewDecision | null = command ? REVIEW_DECISIONS[command] : null;
    if (decision) {
      event.preventDefault();
      event.stopPropagation();
      void review.decide(decision, { itemIds: [id] }).then(() => latest.current.rows.focusRow(latest.current.keys.indexOf(id)));
      return;
    }
    rows.onKeyDown(event);
  };

  return (
    <ul ref={rows.listRef} class="review-list" aria-label="Review items" style={rows.listStyle} onKeyDown={onKeyDown}>
      {rows.rows.map((row) => {
        const item = items[row.index];
        return item ? (
          <ReviewItemRow
            key={item.id}
            review={review}
            item={item}
            placement={rows.place(row)}
            selected={item.id === selectedId}
            text={text}
            view={view}
            tagset={store.tagset.value}
          />
        ) : null;
      })}
    </ul>
  );
}

/** The review list: their items by class, filters, decisions (one item, or in bulk), undo and redo. */
export function ReviewItems({ store, view }: { store: AppStore; view: ReviewView }) {
  const review = store.review;
  const classFilter = review.classFilter.value;
  const kindFilter = review.kindFilter.value;
  const items = useMemo(
    () =>
      sortedReviewItems(view.items).filter(
        (item) => (classFilter === 'all' || item.class === classFilter) && (kindFilter === 'all' || item.annotation.kind === kindFilter),
      ),
    [view, classFilter, kindFilter],
  );
  const selectedId = review.selectedItemId.value ?? items[0]?.id ?? null;
  const summary = view.summary;
  const busy = review.busy.value;
  // The document's one history: these buttons reach it when its next step is a decision.
  const undoLabel = review.undoLabel;
  const redoLabel = review.redoLabel;
  // "Accept all only-theirs of a kind": the filtered kind, or every kind that has some open.
  const bulkKinds = (kindFilter === 'all' ? ANNOTATION_KINDS : [kindFilter])
    .map((kind) => ({
      kind,
      open: view.items.filter((item) => item.class === 'only-theirs' && item.decision === 'open' && item.annotation.kind === kind).length,
    }))
    .filter(({ kind, open }) => open > 0 || kind === kindFilter);
  const openAgreed = view.items.filter((item) => item.class === 'agreed' && item.decision === 'open').length;

  return (
    <div class="review-items">
      <div class="review-counts" role="group" aria-label="Filter by class">
        <button
          type="button"
          class={`review-chip ${classFilter === 'all' ? 'review-chip-on' : ''}`}
          aria-pressed={classFilter === 'all'}
          onClick={() => (review.classFilter.value = 'all')}
        >
          All <span class="review-chip-count">{summary.items}</span>
        </button>
        {REVIEW_CLASS_ORDER.map((name) => (
          <button
            key={name}
            type="button"
            class={`review-chip review-chip-${name} ${classFilter === name ? 'review-chip-on' : ''}`}
            aria-pressed={classFilter === name}
            data-review-class={name}
            onClick={() => (review.classFilter.value = classFilter === name ? 'all' : (name as ReviewClass))}
          >
            {REVIEW_CLASS_LABELS[name]} <span class="review-chip-count">{summary.classes[name]}</span>
          </button>
        ))}
        <span class="review-chip-static" title="Annotations of mine none of theirs was paired with">
          Only mine <span class="review-chip-count">{summary.classes['only-mine']}</span>
        </span>
      </div>
      <div class="review-filters">
        <label class="field-inline">
          Kind{' '}
          <select
            class="input input-small"
            value={kindFilter}
            aria-label="Filter by kind"
            onChange={(event) => (review.kindFilter.value = event.currentTarget.value as AnnotationKind | 'all')}
          >
            <option value="all">All kinds</option>
            {ANNOTATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_NAMES[kind]}s
              </option>
            ))}
          </select>
        </label>
        <span class="review-decided">
          {summary.decisions.accepted} accepted · {summary.decisions.rejected} rejected · {summary.decisions.open} open
        </span>
      </div>
      <div class="review-bulk">
        <button
          type="button"
          class="button button-small"
          disabled={busy || openAgreed === 0}
          onClick={() => void review.decide('accepted', { where: { classes: ['agreed'] } })}
        >
          Accept all agreed ({openAgreed})
        </button>
        {bulkKinds.map(({ kind, open }) => (
          <button
            key={kind}
            type="button"
            class="button button-small"
            disabled={busy || open === 0}
            onClick={() => void review.decide('accepted', { where: { classes: ['only-theirs'], kinds: [kind] } })}
          >
            Accept all only-theirs {KIND_PLURALS[kind]} ({open})
          </button>
        ))}
        <button
          type="button"
          class="button button-small"
          disabled={busy || !undoLabel}
          title={undoLabel ? `Undo: ${undoLabel}` : 'The last change is not a decision'}
          onClick={() => review.undo()}
        >
          Undo decision
        </button>
        <button
          type="button"
          class="button button-small"
          disabled={busy || !redoLabel}
          title={redoLabel ? `Redo: ${redoLabel}` : 'Nothing to redo'}
          onClick={() => review.redo()}
        >
          Redo
        </button>
      </div>
      {items.length === 0 ? (
        <p class="list-empty">No items of this class and kind.</p>
      ) : (
        <ReviewRows store={store} view={view} items={items} selectedId={selectedId} />
      )}
    </div>
  );
}
