import { isDeepStrictEqual } from 'node:util';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import { applyLayerOps } from '../../../shared/layer/apply-layer-ops.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { LibraryStore } from '../store/library-store.ts';

/** The order of an article's records, by id: what undo and redo put back, since ops added again come last. */
export interface RecordOrder {
  entities: string[];
  annotations: string[];
}

/** One article's part of a registry change: the ops applied and the ops that undo them, and the record order before and after. */
export interface ArticleBatch {
  documentId: string;
  ops: AnnotationOp[];
  inverse: AnnotationOp[];
  orderBefore: RecordOrder;
  orderAfter: RecordOrder;
}

type Layer = Pick<ScholiaDocument, 'annotations' | 'entities'>;

function orderOf(layer: Layer): RecordOrder {
  return { entities: layer.entities.map((e) => e.id), annotations: layer.annotations.map((a) => a.id) };
}

function sortedBy<T extends { id: string }>(records: readonly T[], ids: readonly string[]): T[] {
  const position = new Map(ids.map((id, index) => [id, index]));
  return records
    .map((record, index) => ({ record, key: position.get(record.id) ?? ids.length + index }))
    .sort((a, b) => a.key - b.key)
    .map(({ record }) => record);
}

/** The layer with its records in the given order (records the order does not name keep theirs, after the others). */
export function inOrder(layer: Layer, order: RecordOrder): Layer {
  return { entities: sortedBy(layer.entities, order.entities), annotations: sortedBy(layer.annotations, order.annotations) };
}

/** A batch checked against an article in memory, ready to commit. */
export interface PlannedBatch {
  documentId: string;
  ops: AnnotationOp[];
  inverse: AnnotationOp[];
  document: ScholiaDocument;
  layer: Layer;
}

/**
 * Checks every article's batch through the op engine in memory, without changing anything; the
 * first article that refuses its batch is answered as a `conflict` naming it and the reason.
 */
export async function planBatches(
  store: LibraryStore,
  batches: readonly { documentId: string; ops: AnnotationOp[]; order?: RecordOrder }[],
  action: string,
): Promise<PlannedBatch[]> {
  const planned: PlannedBatch[] = [];
  for (const { documentId, ops, order } of batches) {
    if (ops.length === 0) continue;
    store.assertWritable(documentId);
    const document = await store.getDocument(documentId);
    const outcome = applyLayerOps({ text: document.text, tagset: store.tagset }, document, ops);
    if (!outcome.ok)
      throw new ScholiaError('conflict', `Could not ${action}: in "${document.meta.title}", ${outcome.problem}. Nothing was changed.`);
    planned.push({ documentId, ops, inverse: outcome.inverse, document, layer: order ? inOrder(outcome.layer, order) : outcome.layer });
  }
  return planned;
}

/**
 * Saves every planned batch, one revision per article. An article changed by another call while the
 * batches were being checked is refused as a `conflict` and nothing is saved: the check and the
 * saves run with no wait between them, so no change can slip in.
 */
export async function commitBatches(
  store: LibraryStore,
  planned: readonly PlannedBatch[],
  now: string,
  hooks: { beforeSaving?: () => void; saved?: (documentId: string, revision: number) => void } = {},
): Promise<ArticleBatch[]> {
  const current = await Promise.all(planned.map(({ documentId }) => store.getDocument(documentId)));
  const moved = planned.find((batch, index) => current[index] !== batch.document);
  if (moved)
    throw new ScholiaError(
      'conflict',
      `"${moved.document.meta.title}" changed while the change was being made; nothing was changed. Try again.`,
    );
  hooks.beforeSaving?.();
  return planned.map(({ documentId, document, layer, ops, inverse }) => {
    const { revision } = store.commitRevision(document, layer, now);
    hooks.saved?.(documentId, revision);
    return { documentId, ops, inverse, orderBefore: orderOf(document), orderAfter: orderOf(layer) };
  });
}

function recordOf(document: ScholiaDocument, kind: 'annotation' | 'entity', id: string): unknown {
  return kind === 'annotation' ? document.annotations.find((a) => a.id === id) : document.entities.find((e) => e.id === id);
}

/**
 * Why an article no longer holds what `ops` left in it (a record edited, removed or added since),
 * if it does not: then their inverse would undo more than the change did, and is refused.
 */
export function changedSince(document: ScholiaDocument, ops: readonly AnnotationOp[]): string | undefined {
  for (const op of ops) {
    const kind = op.op.startsWith('annotation') ? 'annotation' : 'entity';
    const id = op.op === 'annotation.remove' || op.op === 'entity.remove' ? op.id : 'annotation' in op ? op.annotation.id : op.entity.id;
    const now = recordOf(document, kind, id);
    const left = op.op === 'annotation.remove' || op.op === 'entity.remove' ? undefined : 'annotation' in op ? op.annotation : op.entity;
    if (!isDeepStrictEqual(now, left)) return `${kind} ${id} has changed since`;
  }
  return undefined;
}

/**
 * Plans the undo (or redo) of a change across articles: every article must still hold what the
 * change (or its undo) left in it, else the whole is refused as a `conflict` and nothing changes.
 */
export async function planReplay(
  store: LibraryStore,
  articles: readonly ArticleBatch[],
  direction: 'undo' | 'redo',
  action: string,
): Promise<PlannedBatch[]> {
  const batches = [];
  for (const article of articles) {
    const document = await store.getDocument(article.documentId).catch(() => undefined);
    if (!document)
      throw new ScholiaError('conflict', `Could not ${action}: one of its articles has left the library. Nothing was changed.`);
    const changed = changedSince(document, direction === 'undo' ? article.ops : article.inverse);
    if (changed)
      throw new ScholiaError(
        'conflict',
        `Could not ${action}: "${document.meta.title}" has changed since (${changed}). Nothing was changed.`,
      );
    batches.push(
      direction === 'undo'
        ? { documentId: article.documentId, ops: article.inverse, order: article.orderBefore }
        : { documentId: article.documentId, ops: article.ops, order: article.orderAfter },
    );
  }
  return planBatches(store, batches, action);
}
