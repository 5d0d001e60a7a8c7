import type { ReviewClass } from '../../../shared/review/classify-review.ts';
import type { ReviewItemView, ReviewView } from '../../../shared/review/review-view.ts';
import type { TheirSpan } from '../reader/reader-layers.ts';

/** The order the review list sorts items into. */
export const REVIEW_CLASS_ORDER: readonly ReviewClass[] = ['conflict', 'only-theirs', 'agreed', 'orphaned'];

export const REVIEW_CLASS_LABELS: Record<ReviewClass | 'only-mine', string> = {
  agreed: 'Agreed',
  conflict: 'Conflict',
  'only-theirs': 'Only theirs',
  orphaned: 'Orphaned',
  'only-mine': 'Only mine',
};

/** Their items in the list's order: by class, then by where they sit in the text. */
export function sortedReviewItems(items: readonly ReviewItemView[]): ReviewItemView[] {
  const rank = (item: ReviewItemView) => REVIEW_CLASS_ORDER.indexOf(item.class);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.annotation.target.start - b.annotation.target.start || a.id.localeCompare(b.id));
}

/** The reader's layer for their placed items (orphans have no place). */
export function theirLayerOf(view: ReviewView): TheirSpan[] {
  return view.items
    .filter((item) => item.class !== 'orphaned')
    .map((item) => ({
      id: item.id,
      start: item.annotation.target.start,
      end: item.annotation.target.end,
      className: `ann-theirs-${item.class} ann-theirs-${item.decision}`,
      title: `${view.summary.annotator}: ${item.annotation.kind} (${REVIEW_CLASS_LABELS[item.class].toLowerCase()}, ${item.decision})`,
    }));
}
