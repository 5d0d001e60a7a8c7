import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import { referencedEntityIds, type DocumentRecords } from './document-records.ts';

/**
 * Removals for the entities `before` pointed at that nothing points at once it becomes `after`
 * (null: deleted). The registry holds what the annotations refer to, so it does not fill up with
 * entities left over from mistakes.
 */
function orphanedEntityRemovals(records: DocumentRecords, before: Annotation, after: Annotation | null): AnnotationOp[] {
  const stillUsed = new Set(after ? referencedEntityIds(after) : []);
  return referencedEntityIds(before)
    .filter((entityId) => !stillUsed.has(entityId) && records.entity(entityId) && !records.isEntityReferenced(entityId, before.id))
    .map((entityId) => ({ op: 'entity.remove', id: entityId }));
}

/** The ops that replace an annotation with `next` (same id), dropping entities it leaves unused. */
export function replaceAnnotationOps(records: DocumentRecords, next: Annotation): AnnotationOp[] {
  const before = records.annotation(next.id);
  if (!before) return [];
  return [{ op: 'annotation.update', annotation: next }, ...orphanedEntityRemovals(records, before, next)];
}

/** The ops that delete an annotation, dropping entities it leaves unused. */
export function deleteAnnotationOps(records: DocumentRecords, id: string): AnnotationOp[] {
  const before = records.annotation(id);
  if (!before) return [];
  return [{ op: 'annotation.remove', id }, ...orphanedEntityRemovals(records, before, null)];
}
