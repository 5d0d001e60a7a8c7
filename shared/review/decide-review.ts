import { ScholiaError } from '../contract/errors.ts';
import type { AnnotationOp } from '../contract/ops.ts';
import type { AnnotationKind } from '../model/annotation.ts';
import { applyLayerOps } from '../layer/apply-layer-ops.ts';
import { LayerIndex } from '../layer/layer-index.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import { nextRevision } from '../model/revision.ts';
import type { ReviewDecision, ReviewDecisionBatch, ReviewEffect, ReviewItem, ReviewRecord } from '../model/review.ts';
import type { Tagset } from '../model/tagset.ts';
import { acceptItem, type WorkingLayer } from './accept-item.ts';
import { classifyReview, type ReviewClass } from './classify-review.ts';
import { ownAnnotations } from './own-layer.ts';

/** Which items a decision is about: named ones, or every open item of the given classes and kinds (a bulk action). */
export interface DecisionRequest {
  decision: ReviewDecision;
  itemIds?: readonly string[];
  where?: { classes?: readonly ReviewClass[]; kinds?: readonly AnnotationKind[] };
}

export interface DecisionOutcome {
  /** The document after the decision (the one given when nothing changed). */
  document: ScholiaDocument;
  /** The decision as recorded in the review's history; absent when nothing changed. */
  batch?: ReviewDecisionBatch;
  /** Items whose decision changed. */
  changed: string[];
  /** Items that could not be accepted, and why. */
  skipped: { itemId: string; reason: string }[];
}

export interface DecisionContext {
  tagset: Tagset;
  now: string;
  /** The id of the recorded decision. */
  batchId: string;
  /** The library's record of an entity that is not in this document (an entity of theirs may be linked to one). */
  libraryEntity?: (id: string) => Entity | undefined;
}

const VERBS: Record<ReviewDecision, string> = { accepted: 'Accept', rejected: 'Reject', open: 'Reopen' };

function findReview(document: ScholiaDocument, reviewId: string): ReviewRecord {
  const review = document.reviews.find((r) => r.id === reviewId);
  if (!review) throw new ScholiaError('not-found', `There is no review ${reviewId} on document ${document.id}.`);
  return review;
}

function withReview(
  document: ScholiaDocument,
  review: ReviewRecord,
  layer: { entities: ScholiaDocument['entities']; annotations: ScholiaDocument['annotations'] },
  now: string,
): ScholiaDocument {
  return nextRevision(document, { ...layer, reviews: document.reviews.map((r) => (r.id === review.id ? review : r)) }, now);
}

function conflict(what: string, reason: string): ScholiaError {
  return new ScholiaError('conflict', `Cannot ${what}: the annotations changed since (${reason}).`);
}

function label(decision: ReviewDecision, count: number, request: DecisionRequest): string {
  const classes = request.itemIds ? '' : `${(request.where?.classes ?? []).join(', ')} `.replace(/^ $/u, '');
  const kinds = request.itemIds || !request.where?.kinds ? '' : ` (${request.where.kinds.join(', ')})`;
  return `${VERBS[decision]} ${count} ${classes}${count === 1 ? 'item' : 'items'}${kinds}`;
}

/**
 * Records a decision on items of a review: accepting changes the analyst's layer (see
 * `acceptItem`), rejecting does not, reopening takes an acceptance back. Named items are decided
 * whatever their state; a bulk action (`where`) takes only open items. The decision goes into the
 * review's history as one batch that `undoDecision` takes back whole.
 */
export function decideReview(
  document: ScholiaDocument,
  reviewId: string,
  request: DecisionRequest,
  context: DecisionContext,
): DecisionOutcome {
  const review = findReview(document, reviewId);
  const classification = classifyReview(ownAnnotations(document), document.entities, review);
  const classes = new Map(classification.items.map((item) => [item.id, item]));
  let chosen: ReviewItem[];
  if (request.itemIds) {
    const byId = new Map(review.items.map((item) => [item.id, item]));
    chosen = request.itemIds.map((id) => {
      const item = byId.get(id);
      if (!item) throw new ScholiaError('bad-request', `Review ${reviewId} has no item ${id}.`);
      return item;
    });
  } else if (request.where) {
    const { classes: wanted, kinds } = request.where;
    chosen = review.items.filter(
      (item) =>
        item.decision === 'open' &&
        (!wanted || wanted.includes(classes.get(item.id)?.class ?? 'orphaned')) &&
        (!kinds || kinds.includes(item.annotation.kind)),
    );
  } else {
    throw new ScholiaError('bad-request', 'A decision needs itemIds or a where filter.');
  }

  const rules = { text: document.text, tagset: context.tagset };
  const working: WorkingLayer = {
    rules,
    layer: new LayerIndex(document),
    links: new Map(review.entityLinks.flatMap((link) => (link.myId ? [[link.theirId, link.myId] as const] : []))),
    ...(context.libraryEntity ? { libraryEntity: context.libraryEntity } : {}),
  };
  const ops: AnnotationOp[] = [];
  const inverses: AnnotationOp[][] = [];
  const changes: ReviewDecisionBatch['items'] = [];
  const created: ReviewDecisionBatch['createdEntities'] = [];
  const skipped: DecisionOutcome['skipped'] = [];
  const updated = new Map<string, ReviewItem>();
  for (const item of chosen) {
    if (item.decision === request.decision || updated.has(item.id)) continue;
    const itemOps: AnnotationOp[] = [];
    const itemInverse: AnnotationOp[] = [];
    let takenBack: AnnotationOp[] = [];
    if (item.effect) {
      const undone = working.layer.apply(item.effect.inverse, rules);
      if (!undone.ok) throw conflict('record this decision', undone.reason);
      takenBack = undone.inverse;
      itemOps.push(...item.effect.inverse);
      itemInverse.unshift(...item.effect.ops);
    }
    let effect: ReviewEffect | undefined;
    if (request.decision === 'accepted') {
      const classified = classes.get(item.id) ?? { id: item.id, class: 'orphaned' as const, differences: [] };
      const acceptance = acceptItem(working, review, item, classified, context.now);
      if (!acceptance.ok) {
        working.layer.apply(takenBack, rules);
        skipped.push({ itemId: item.id, reason: acceptance.reason });
        continue;
      }
      effect = acceptance.effect;
      itemOps.push(...acceptance.entityOps, ...(effect?.ops ?? []));
      itemInverse.unshift(...(effect?.inverse ?? []), ...acceptance.entityInverse);
      created.push(...acceptance.created);
    }
    ops.push(...itemOps);
    inverses.unshift(itemInverse);
    const after: ReviewItem = { ...item, decision: request.decision, decided: context.now };
    delete after.effect;
    if (effect) after.effect = effect;
    updated.set(item.id, after);
    changes.push({
      id: item.id,
      before: item.decision,
      ...(item.effect ? { beforeEffect: item.effect } : {}),
      after: request.decision,
      ...(effect ? { afterEffect: effect } : {}),
    });
  }
  if (changes.length === 0) return { document, changed: [], skipped };

  // Every item's ops went through the engine in turn, so the working layer is the batch applied.
  const newLayer = working.layer.toLayer();
  const batch: ReviewDecisionBatch = {
    id: context.batchId,
    at: context.now,
    label: label(request.decision, changes.length, request),
    items: changes,
    createdEntities: created,
    ops,
    inverse: inverses.flat(),
  };
  const createdBy = new Map(created.map((c) => [c.theirId, c.myId]));
  const newReview: ReviewRecord = {
    ...review,
    items: review.items.map((item) => updated.get(item.id) ?? item),
    entityLinks: review.entityLinks.map((link) => {
      const myId = createdBy.get(link.theirId);
      return myId ? { theirId: link.theirId, myId, by: 'created' as const } : link;
    }),
    history: [...review.history, batch],
    redo: [],
  };
  return { document: withReview(document, newReview, newLayer, context.now), batch, changed: changes.map((c) => c.id), skipped };
}

function replay(
  document: ScholiaDocument,
  reviewId: string,
  tagset: Tagset,
  now: string,
  direction: 'undo' | 'redo',
): { document: ScholiaDocument; batch?: ReviewDecisionBatch } {
  const review = findReview(document, reviewId);
  const batch = direction === 'undo' ? review.history.at(-1) : review.redo.at(-1);
  if (!batch) return { document };
  const applied = applyLayerOps({ text: document.text, tagset }, document, direction === 'undo' ? batch.inverse : batch.ops);
  if (!applied.ok) throw conflict(`${direction} "${batch.label}"`, applied.reason);
  const { layer } = applied;
  const states = new Map(
    batch.items.map((change) => [
      change.id,
      direction === 'undo'
        ? { decision: change.before, effect: change.beforeEffect }
        : { decision: change.after, effect: change.afterEffect },
    ]),
  );
  const created = new Map(batch.createdEntities.map((c) => [c.theirId, c.myId]));
  const newReview: ReviewRecord = {
    ...review,
    items: review.items.map((item) => {
      const state = states.get(item.id);
      if (!state) return item;
      const { effect: _previous, ...rest } = item;
      return { ...rest, decision: state.decision, decided: now, ...(state.effect ? { effect: state.effect } : {}) };
    }),
    entityLinks: review.entityLinks.map((link) => {
      const myId = created.get(link.theirId);
      if (!myId) return link;
      return direction === 'undo' ? { theirId: link.theirId } : { theirId: link.theirId, myId, by: 'created' as const };
    }),
    history: direction === 'undo' ? review.history.slice(0, -1) : [...review.history, batch],
    redo: direction === 'undo' ? [...review.redo, batch] : review.redo.slice(0, -1),
  };
  return { document: withReview(document, newReview, layer, now), batch };
}

/** Takes back the review's last decision, its changes to the analyst's layer included; nothing to undo leaves the document as it is. */
export function undoDecision(document: ScholiaDocument, reviewId: string, tagset: Tagset, now: string) {
  return replay(document, reviewId, tagset, now, 'undo');
}

/** Applies the last undone decision again. */
export function redoDecision(document: ScholiaDocument, reviewId: string, tagset: Tagset, now: string) {
  return replay(document, reviewId, tagset, now, 'redo');
}
