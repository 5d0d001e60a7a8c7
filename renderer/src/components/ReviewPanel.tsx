import type { AppStore } from '../app/app-store.ts';
import { AgreementPanel } from './AgreementPanel.tsx';
import { Dialog } from './Dialog.tsx';
import { ReviewItems } from './ReviewItems.tsx';
import { isTeamReview, reviewSource } from '../../../shared/review/review-source.ts';

/** The side panel while reviewing: which review, their layer on or off, the items or the agreement figures. */
export function ReviewPanel({ store }: { store: AppStore }) {
  const review = store.review;
  const view = review.view.value;
  const tab = review.tab.value;
  const reviews = review.reviews.value;
  return (
    <section class="side-panel review-panel" aria-label="Review">
      <header class="review-header">
        <div class="review-title">
          <h2>Review of {view?.summary.annotator ?? '…'}</h2>
          <div class="review-title-actions">
            <button
              type="button"
              class="button button-tiny"
              disabled={!view || review.busy.value}
              onClick={() => (review.confirmingRemove.value = true)}
            >
              Remove review
            </button>
            <button
              type="button"
              class="button button-tiny"
              onClick={() => review.close()}
              title="Back to the annotation lists (the review stays where you left it)"
            >
              Close
            </button>
          </div>
        </div>
        {reviews.length > 1 ? (
          <select
            class="input input-small"
            aria-label="Review"
            value={view?.summary.id ?? ''}
            onChange={(event) => void review.open(event.currentTarget.value)}
          >
            {reviews.map((summary) => (
              <option key={summary.id} value={summary.id}>
                {isTeamReview(summary.id) ? reviewSource(summary) : `${summary.annotator} — ${summary.file.name ?? summary.imported}`}
              </option>
            ))}
          </select>
        ) : null}
        {view ? (
          <p class="review-file">
            {reviewSource(view.summary)} · {view.summary.placement.exact} exact, {view.summary.placement.moved} moved,{' '}
            {view.summary.placement.fuzzy} fuzzy, {view.summary.placement.orphaned} orphaned
          </p>
        ) : null}
        <label class="field-inline review-layer-toggle">
          <input type="checkbox" checked={review.showTheirs.value} onChange={() => review.toggleTheirs()} /> Show their layer in the article
        </label>
        <div class="tabs" role="tablist" aria-label="Review views">
          <button
            type="button"
            role="tab"
            id="review-tab-items"
            class="tab"
            aria-selected={tab === 'items'}
            aria-controls="review-tabpanel"
            onClick={() => (review.tab.value = 'items')}
          >
            Items
          </button>
          <button
            type="button"
            role="tab"
            id="review-tab-agreement"
            class="tab"
            aria-selected={tab === 'agreement'}
            aria-controls="review-tabpanel"
            onClick={() => void review.showAgreement()}
          >
            Agreement
          </button>
        </div>
      </header>
      <div id="review-tabpanel" class="tab-panel" role="tabpanel" aria-labelledby={`review-tab-${tab}`}>
        {tab === 'agreement' ? (
          <AgreementPanel store={store} />
        ) : view ? (
          <ReviewItems store={store} view={view} />
        ) : (
          <p class="list-empty">Loading the review…</p>
        )}
      </div>
      {review.confirmingRemove.value && view ? (
        <Dialog title="Remove review?" class="review-remove" onClose={() => (review.confirmingRemove.value = false)}>
          <p>
            Remove the review of <strong>{view.summary.annotator}</strong> ({reviewSource(view.summary)})? Its items and decisions go;
            annotations you already accepted stay in the document.
          </p>
          <div class="dialog-actions">
            <button type="button" class="button button-small" onClick={() => (review.confirmingRemove.value = false)}>
              Cancel
            </button>
            <button
              type="button"
              class="button button-small button-danger"
              disabled={review.busy.value}
              onClick={() => void review.remove()}
            >
              Remove
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

/** Above the annotation lists when the open document has reviews and none is shown: a way back in. */
export function ReviewEntry({ store }: { store: AppStore }) {
  const review = store.review;
  const reviews = review.reviews.value;
  if (review.active.value || reviews.length === 0) return null;
  const last = reviews.at(-1);
  if (!last) return null;
  return (
    <div class="review-entry">
      <span>
        {reviews.length === 1 ? `Review of ${last.annotator}` : `${reviews.length} reviews`}: {last.decisions.open} open
      </span>
      <button type="button" class="button button-tiny" onClick={() => void review.open(last.id)}>
        Open review
      </button>
    </div>
  );
}
