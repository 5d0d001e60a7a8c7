import type { AnnotationOp } from '../contract/ops.ts';
import type { DocumentRules } from '../layer/apply-layer-ops.ts';
import type { LayerIndex } from '../layer/layer-index.ts';
import { entityIdsOf, type AcceptedFrom, type Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { ID_PATTERN } from '../model/ids.ts';
import type { ReviewEffect, ReviewItem, ReviewRecord } from '../model/review.ts';
import type { ClassifiedItem } from './classify-review.ts';

/** The analyst's layer while a decision is being worked out, changed through the op engine item by item. */
export interface WorkingLayer {
  rules: DocumentRules;
  layer: LayerIndex;
  /** Their entity id → the entity of mine it stands for (in this document, or in the library's registry). */
  links: Map<string, string>;
  /** The library's record of an entity not in this document. */
  libraryEntity?: (id: string) => Entity | undefined;
}

export type Acceptance =
  | {
      ok: true;
      effect?: ReviewEffect;
      entityOps: AnnotationOp[];
      entityInverse: AnnotationOp[];
      created: { theirId: string; myId: string }[];
    }
  | { ok: false; reason: string };

/** An id not yet used in `taken`: `base`, else `base-2`, `base-3`…, kept to 64 characters. */
export function freshId(base: string, taken: (id: string) => boolean): string {
  const stem = base.slice(0, 56).replace(/-+$/u, '');
  if (!taken(stem) && ID_PATTERN.test(stem)) return stem;
  for (let n = 2; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken(id)) return id;
  }
}

function withEntities(annotation: Annotation, mapped: (id: string) => string): Annotation {
  switch (annotation.kind) {
    case 'claim':
      return annotation.claimantId ? { ...annotation, claimantId: mapped(annotation.claimantId) } : annotation;
    case 'quote':
      return annotation.speakerId ? { ...annotation, speakerId: mapped(annotation.speakerId) } : annotation;
    case 'entity':
      return { ...annotation, entityId: mapped(annotation.entityId) };
    case 'note':
      return annotation;
  }
}

/**
 * What accepting one of their items does to the working layer, which it updates through the op
 * engine: nothing for an agreed item (mine already says the same); for a conflict with an
 * annotation of mine of the same kind, mine takes their span and values (its id, creation time and
 * author stay mine); otherwise their annotation is added. Either way the changed annotation records
 * whose it was (`acceptedFrom`); undoing the acceptance restores the annotation without it. Entities it refers to are mapped to mine, or created from theirs. An item the engine
 * refuses (a verdict outside my codebook, a span off the text…) is not accepted, with the reason.
 */
export function acceptItem(
  working: WorkingLayer,
  review: Pick<ReviewRecord, 'id' | 'entities' | 'annotator'>,
  item: ReviewItem,
  classified: ClassifiedItem,
  now: string,
): Acceptance {
  if (classified.class === 'orphaned') return { ok: false, reason: 'it could not be placed on this text' };
  if (classified.class === 'agreed') return { ok: true, entityOps: [], entityInverse: [], created: [] };
  const { layer, rules } = working;
  const theirs = item.annotation;
  const entityOps: AnnotationOp[] = [];
  const entityInverse: AnnotationOp[] = [];
  const created: { theirId: string; myId: string }[] = [];
  const newLinks = new Map<string, string>();
  for (const theirId of entityIdsOf(theirs)) {
    const linked = working.links.get(theirId);
    if (linked && layer.entity(linked)) continue;
    const library = linked ? working.libraryEntity?.(linked) : undefined;
    if (library) {
      // Linked to a library entity this article does not hold yet: the library's record joins it, no duplicate is made.
      entityOps.push({ op: 'entity.add', entity: library });
      entityInverse.unshift({ op: 'entity.remove', id: library.id });
      continue;
    }
    const entity = review.entities.find((e) => e.id === theirId);
    if (!entity) return { ok: false, reason: `it refers to entity ${theirId}, which their file does not list` };
    const types = rules.tagset.entityTypes;
    const type = types.some((t) => t.id === entity.type) ? entity.type : (types.find((t) => t.id === 'other') ?? types[0])?.id;
    if (!type) return { ok: false, reason: 'your codebook has no entity types' };
    const mine: Entity = {
      ...entity,
      id: freshId(entity.id, (id) => layer.entity(id) !== undefined || created.some((c) => c.myId === id)),
      type,
    };
    newLinks.set(theirId, mine.id);
    entityOps.push({ op: 'entity.add', entity: mine });
    entityInverse.unshift({ op: 'entity.remove', id: mine.id });
    created.push({ theirId, myId: mine.id });
  }
  const acceptedFrom: AcceptedFrom = { annotator: review.annotator.name, at: now, annotationId: theirs.id };
  const mapped = withEntities({ ...theirs, modified: now, acceptedFrom }, (id) => newLinks.get(id) ?? working.links.get(id) ?? id);
  const counterpart = classified.counterpartId ? layer.annotation(classified.counterpartId) : undefined;
  let effect: ReviewEffect;
  if (counterpart && counterpart.kind === theirs.kind) {
    // Mine takes their span and values, but stays mine: its id, creation and author are kept.
    const replacement = { ...mapped, id: counterpart.id, created: counterpart.created, author: counterpart.author } as Annotation;
    effect = {
      ops: [{ op: 'annotation.update', annotation: replacement }],
      inverse: [{ op: 'annotation.update', annotation: counterpart }],
    };
  } else {
    const added = {
      ...mapped,
      id: freshId(`rv${review.id.slice(0, 6)}-${theirs.id}`, (id) => layer.annotation(id) !== undefined),
    } as Annotation;
    effect = { ops: [{ op: 'annotation.add', annotation: added }], inverse: [{ op: 'annotation.remove', id: added.id }] };
  }
  const outcome = layer.apply([...entityOps, ...effect.ops], rules);
  if (!outcome.ok) return { ok: false, reason: outcome.problem };
  for (const [theirId, myId] of newLinks) working.links.set(theirId, myId);
  return { ok: true, effect, entityOps, entityInverse, created };
}
