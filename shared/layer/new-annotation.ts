import type { AnnotationOp } from '../contract/ops.ts';
import type { Annotation, AnnotationKind } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import type { Target } from '../model/target.ts';
import { defaultVerdict, findEntityNamed, tagOrFirst, type Authoring } from '../model/new-records.ts';
import type { Tagset } from '../model/tagset.ts';

export { defaultVerdict, findEntityNamed, type Authoring };

/** The type a new entity gets: `other` when the tagset has it. */
export function defaultEntityType(tagset: Tagset): string {
  return tagOrFirst(tagset.entityTypes, 'other');
}

/** The type a speaker typed in by name gets: `person` when the tagset has it. */
export function speakerEntityType(tagset: Tagset): string {
  return tagOrFirst(tagset.entityTypes, 'person');
}

/** The most characters an entity name may have (the store's limit). */
const MAX_ENTITY_NAME = 500;

/** An entity name made from selected text: spacing collapsed, cut to the store's limit. */
export function entityNameFrom(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().slice(0, MAX_ENTITY_NAME).trim();
}

export interface NewAnnotation {
  annotationId: string;
  ops: AnnotationOp[];
}

/**
 * The ops that mark `target` as a new annotation of `kind`: a claim starts unverified, a quote is
 * direct, and an entity mention links to the entity of that name or registers a new one.
 */
export function newAnnotationOps(
  kind: AnnotationKind,
  target: Target,
  context: { tagset: Tagset; entities: Iterable<Entity> },
  authoring: Authoring,
): NewAnnotation {
  const common = { id: authoring.newId(), target, author: authoring.author, created: authoring.now, modified: authoring.now };
  const ops: AnnotationOp[] = [];
  let annotation: Annotation;
  switch (kind) {
    case 'claim':
      annotation = { ...common, kind, status: defaultVerdict(context.tagset) };
      break;
    case 'quote':
      annotation = { ...common, kind, form: 'direct' };
      break;
    case 'note':
      annotation = { ...common, kind };
      break;
    case 'entity': {
      let entity = findEntityNamed(context.entities, target.exact);
      if (!entity) {
        entity = { id: authoring.newId(), name: entityNameFrom(target.exact), type: defaultEntityType(context.tagset), aliases: [] };
        ops.push({ op: 'entity.add', entity });
      }
      annotation = { ...common, kind, entityId: entity.id };
      break;
    }
  }
  ops.push({ op: 'annotation.add', annotation });
  return { annotationId: annotation.id, ops };
}
