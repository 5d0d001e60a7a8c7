import type { AnnotationOp } from '../contract/ops.ts';
import type { Annotation, AnnotationKind } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import type { Tagset } from '../model/tagset.ts';
import { defaultEntityType, defaultVerdict, entityNameFrom, findEntityNamed, type Authoring } from './new-annotation.ts';

/**
 * The annotation `annotation` becomes as another kind, with the same id, span, note, author,
 * provenance (`acceptedFrom`) and creation time. What carries over does: a quote's speaker becomes the claim's claimant and back.
 * An entity mention links to the entity of its text's name, registering one if there is none (the
 * op for that comes back in `extraOps`).
 */
export function withKind(
  annotation: Annotation,
  kind: AnnotationKind,
  context: { tagset: Tagset; entities: Iterable<Entity> },
  authoring: Authoring,
): { annotation: Annotation; extraOps: AnnotationOp[] } | null {
  if (annotation.kind === kind) return null;
  const common = {
    id: annotation.id,
    target: annotation.target,
    author: annotation.author,
    created: annotation.created,
    modified: authoring.now,
    ...(annotation.note !== undefined ? { note: annotation.note } : {}),
    ...(annotation.tags !== undefined ? { tags: annotation.tags } : {}),
    ...(annotation.acceptedFrom ? { acceptedFrom: annotation.acceptedFrom } : {}),
  };
  const person = annotation.kind === 'quote' ? annotation.speakerId : annotation.kind === 'claim' ? annotation.claimantId : undefined;
  switch (kind) {
    case 'claim':
      return {
        annotation: { ...common, kind, status: defaultVerdict(context.tagset), ...(person ? { claimantId: person } : {}) },
        extraOps: [],
      };
    case 'quote':
      return { annotation: { ...common, kind, form: 'direct', ...(person ? { speakerId: person } : {}) }, extraOps: [] };
    case 'note':
      return { annotation: { ...common, kind }, extraOps: [] };
    case 'entity': {
      const existing = findEntityNamed(context.entities, annotation.target.exact);
      if (existing) return { annotation: { ...common, kind, entityId: existing.id }, extraOps: [] };
      const entity: Entity = {
        id: authoring.newId(),
        name: entityNameFrom(annotation.target.exact),
        type: defaultEntityType(context.tagset),
        aliases: [],
      };
      return { annotation: { ...common, kind, entityId: entity.id }, extraOps: [{ op: 'entity.add', entity }] };
    }
  }
}
