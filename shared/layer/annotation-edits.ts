import type { AnnotationOp } from '../contract/ops.ts';
import { entityIdsOf, type Annotation } from '../model/annotation.ts';
import type { LayerView } from './layer-index.ts';

/**
 * Removals for the entities `before` pointed at that nothing points at once it becomes `after`
 * (null: deleted). The registry holds what the annotations refer to, so it does not fill up with
 * entities left over from mistakes.
 */
function orphanedEntityRemovals(records: LayerView, before: Annotation, after: Annotation | null): AnnotationOp[] {
  const stillUsed = new Set(after ? entityIdsOf(after) : []);
  return entityIdsOf(before)
    .filter((entityId) => !stillUsed.has(entityId) && records.entity(entityId) && !records.isEntityReferenced(entityId, before.id))
    .map((entityId) => ({ op: 'entity.remove', id: entityId }));
}

/** The ops that replace an annotation with `next` (same id), dropping entities it leaves unused. */
export function replaceAnnotationOps(records: LayerView, next: Annotation): AnnotationOp[] {
  const before = records.annotation(next.id);
  if (!before) return [];
  return [{ op: 'annotation.update', annotation: next }, ...orphanedEntityRemovals(records, before, next)];
}

/** The ops that delete an annotation, dropping entities it leaves unused. */
export function deleteAnnotationOps(records: LayerView, id: string): AnnotationOp[] {
  const before = records.annotation(id);
  if (!before) return [];
  return [{ op: 'annotation.remove', id }, ...orphanedEntityRemovals(records, before, null)];
}

/**
 * The ops of an edit of one annotation (see `annotation-fields.ts`), its `modified` time set to
 * `now`; none when there is no such annotation or the edit changes nothing.
 */
export function editAnnotationOps(
  records: LayerView,
  id: string,
  edit: (annotation: Annotation) => Annotation | null,
  now: string,
): AnnotationOp[] {
  const current = records.annotation(id);
  const next = current ? edit(current) : null;
  return next ? replaceAnnotationOps(records, { ...next, modified: now } as Annotation) : [];
}
