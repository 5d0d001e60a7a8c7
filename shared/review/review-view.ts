import { ANCHOR_STATUSES, type AnchorStatus } from '../anchoring/anchor.ts';
import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import { REVIEW_DECISIONS, type ReviewAnchor, type ReviewDecision, type ReviewEntityLink, type ReviewRecord } from '../model/review.ts';
import type { Entity } from '../model/entity.ts';
import { classifyReview, type ReviewClass, type ReviewDifference } from './classify-review.ts';
import { ownAnnotations } from './own-layer.ts';

/** A review at a glance: what the file was, where its annotations landed, how they compare, what is decided. */
export interface ReviewSummary {
  id: string;
  annotator: string;
  imported: string;
  file: ReviewRecord['file'];
  exactOnly: boolean;
  items: number;
  placement: Record<AnchorStatus, number>;
  classes: Record<ReviewClass | 'only-mine', number>;
  decisions: Record<ReviewDecision, number>;
  /** What `review.undo` would take back, and what `review.redo` would apply again. */
  undo?: string;
  redo?: string;
}

/** One of their items as the review list shows it. */
export interface ReviewItemView {
  id: string;
  /** Their annotation, placed on this text (entity ids are theirs; see `entities` and `entityLinks`). */
  annotation: Annotation;
  anchor: ReviewAnchor;
  class: ReviewClass;
  counterpartId?: string;
  /** Where that annotation of mine lies (in my own layer, before any acceptance), to show both spans. */
  counterpartSpan?: { start: number; end: number };
  differences: ReviewDifference[];
  decision: ReviewDecision;
  decided?: string;
}

export interface ReviewView {
  summary: ReviewSummary;
  items: ReviewItemView[];
  /** My annotations none of theirs was paired with. */
  onlyMine: string[];
  /** Their entity registry and which of mine each stands for. */
  entities: Entity[];
  entityLinks: ReviewEntityLink[];
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function summarize(review: ReviewRecord, classes: ReviewSummary['classes']): ReviewSummary {
  const placement = zeroes(ANCHOR_STATUSES);
  const decisions = zeroes(REVIEW_DECISIONS);
  for (const item of review.items) {
    placement[item.anchor.status] += 1;
    decisions[item.decision] += 1;
  }
  const undo = review.history.at(-1)?.label;
  const redo = review.redo.at(-1)?.label;
  return {
    id: review.id,
    annotator: review.annotator.name,
    imported: review.imported,
    file: review.file,
    exactOnly: review.exactOnly,
    items: review.items.length,
    placement,
    classes,
    decisions,
    ...(undo ? { undo } : {}),
    ...(redo ? { redo } : {}),
  };
}

/** Everything the review view shows of one review of `document`, sorted against the analyst's own annotations. */
export function reviewView(document: ScholiaDocument, review: ReviewRecord): ReviewView {
  const own = ownAnnotations(document);
  const classification = classifyReview(own, document.entities, review);
  const spans = new Map(own.map((annotation) => [annotation.id, { start: annotation.target.start, end: annotation.target.end }]));
  const items = review.items.map((item, i): ReviewItemView => {
    const classified = classification.items[i];
    const counterpartSpan = classified?.counterpartId ? spans.get(classified.counterpartId) : undefined;
    return {
      id: item.id,
      annotation: item.annotation,
      anchor: item.anchor,
      class: classified?.class ?? 'orphaned',
      ...(classified?.counterpartId ? { counterpartId: classified.counterpartId } : {}),
      ...(counterpartSpan ? { counterpartSpan } : {}),
      differences: classified?.differences ?? [],
      decision: item.decision,
      ...(item.decided ? { decided: item.decided } : {}),
    };
  });
  return {
    summary: summarize(review, classification.counts),
    items,
    onlyMine: classification.onlyMine,
    entities: review.entities,
    entityLinks: review.entityLinks,
  };
}

/** The summaries of every review of the document. */
export function reviewSummaries(document: ScholiaDocument): ReviewSummary[] {
  const own = ownAnnotations(document);
  return document.reviews.map((review) => summarize(review, classifyReview(own, document.entities, review).counts));
}
