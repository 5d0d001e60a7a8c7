import { ScholiaError } from '../contract/errors.ts';
import type { AnnotationOp } from '../contract/ops.ts';
import { targetMatchesText } from '../text/target.ts';
import { entityIdsOf, type Annotation } from './annotation.ts';
import type { Entity } from './entity.ts';
import type { Tagset } from './tagset.ts';

export interface AnnotationLayer {
  entities: readonly Entity[];
  annotations: readonly Annotation[];
}

function refuse(index: number, message: string): never {
  throw new ScholiaError('bad-request', `op ${index}: ${message}`);
}

function checkAnnotation(text: string, tagset: Tagset, annotation: Annotation, index: number): void {
  if (!targetMatchesText(text, annotation.target)) {
    refuse(index, `annotation ${annotation.id} does not match the text at ${annotation.target.start}–${annotation.target.end}`);
  }
  if (annotation.kind === 'claim') {
    if (!tagset.verdicts.some((verdict) => verdict.id === annotation.status)) {
      refuse(index, `"${annotation.status}" is not a verdict of the tagset`);
    }
    if (annotation.label && !tagset.claimLabels.some((label) => label.id === annotation.label)) {
      refuse(index, `"${annotation.label}" is not a claim label of the tagset`);
    }
  }
  if (annotation.kind === 'quote' && annotation.cue && !targetMatchesText(text, annotation.cue)) {
    refuse(index, `the cue of quote ${annotation.id} does not match the text`);
  }
}

/**
 * Applies a batch of ops to a document's annotation layer, all or nothing: the first op that does
 * not fit throws a `ScholiaError` naming it, and the layer passed in is never modified.
 */
export function applyAnnotationOps(
  text: string,
  tagset: Tagset,
  layer: AnnotationLayer,
  ops: readonly AnnotationOp[],
): { entities: Entity[]; annotations: Annotation[] } {
  const entities = new Map(layer.entities.map((entity) => [entity.id, entity]));
  const annotations = new Map(layer.annotations.map((annotation) => [annotation.id, annotation]));
  ops.forEach((op, index) => {
    switch (op.op) {
      case 'annotation.add':
        if (annotations.has(op.annotation.id)) refuse(index, `annotation ${op.annotation.id} already exists`);
        checkAnnotation(text, tagset, op.annotation, index);
        annotations.set(op.annotation.id, op.annotation);
        break;
      case 'annotation.update':
        if (!annotations.has(op.annotation.id)) refuse(index, `there is no annotation ${op.annotation.id}`);
        checkAnnotation(text, tagset, op.annotation, index);
        annotations.set(op.annotation.id, op.annotation);
        break;
      case 'annotation.remove':
        if (!annotations.delete(op.id)) refuse(index, `there is no annotation ${op.id}`);
        break;
      case 'entity.add':
        if (entities.has(op.entity.id)) refuse(index, `entity ${op.entity.id} already exists`);
        if (!tagset.entityTypes.some((type) => type.id === op.entity.type)) refuse(index, `"${op.entity.type}" is not an entity type of the tagset`);
        entities.set(op.entity.id, op.entity);
        break;
      case 'entity.update':
        if (!entities.has(op.entity.id)) refuse(index, `there is no entity ${op.entity.id}`);
        if (!tagset.entityTypes.some((type) => type.id === op.entity.type)) refuse(index, `"${op.entity.type}" is not an entity type of the tagset`);
        entities.set(op.entity.id, op.entity);
        break;
      case 'entity.remove':
        if (!entities.delete(op.id)) refuse(index, `there is no entity ${op.id}`);
        break;
    }
  });
  // Only the annotations this batch wrote can point at a missing entity, unless it removed one.
  const removesEntities = ops.some((op) => op.op === 'entity.remove');
  const toCheck = removesEntities ? annotations.values() : ops.flatMap((op) => (op.op === 'annotation.add' || op.op === 'annotation.update') && annotations.get(op.annotation.id) === op.annotation ? [op.annotation] : []);
  for (const annotation of toCheck) {
    for (const entityId of entityIdsOf(annotation)) {
      if (!entities.has(entityId)) {
        throw new ScholiaError('bad-request', `annotation ${annotation.id} refers to entity ${entityId}, which does not exist after this batch`);
      }
    }
  }
  return { entities: [...entities.values()], annotations: [...annotations.values()] };
}
