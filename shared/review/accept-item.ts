import type { AnnotationOp } from '../contract/ops.ts';
import { entityIdsOf, type Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { ID_PATTERN } from '../model/ids.ts';
import type { ReviewEffect, ReviewItem, ReviewRecord } from '../model/review.ts';
import type { Tagset } from '../model/tagset.ts';
import { targetMatchesText } from '../text/target.ts';
import type { ClassifiedItem } from './classify-review.ts';

/** The analyst's layer while a decision is being worked out, changed in place item by item. */
export interface WorkingLayer {
  text: string;
  tagset: Tagset;
  entities: Map<string, Entity>;
  annotations: Map<string, Annotation>;
  /** Their entity id → the entity of mine it stands for. */
  links: Map<string, string>;
}

export type Acceptance =
  | { ok: true; effect?: ReviewEffect; entityOps: AnnotationOp[]; entityInverse: AnnotationOp[]; created: { theirId: string; myId: string }[] }
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

/** Why my codebook cannot hold their annotation as it is, if it cannot. */
function codebookProblem(annotation: Annotation, tagset: Tagset): string | undefined {
  if (annotation.kind !== 'claim') return undefined;
  if (!tagset.verdicts.some((verdict) => verdict.id === annotation.status)) return `its verdict "${annotation.status}" is not in your codebook`;
  if (annotation.label && !tagset.claimLabels.some((label) => label.id === annotation.label)) return `its claim type "${annotation.label}" is not in your codebook`;
  return undefined;
}

/**
 * What accepting one of their items does to the working layer, which it updates: nothing for an
 * agreed item (mine already says the same); for a conflict with an annotation of mine of the same
 * kind, mine takes their span and values; otherwise their annotation is added. Entities it refers
 * to are mapped to mine, or created from theirs.
 */
export function acceptItem(layer: WorkingLayer, review: Pick<ReviewRecord, 'id' | 'entities'>, item: ReviewItem, classified: ClassifiedItem, now: string): Acceptance {
  if (classified.class === 'orphaned') return { ok: false, reason: 'it could not be placed on this text' };
  if (classified.class === 'agreed') return { ok: true, entityOps: [], entityInverse: [], created: [] };
  const theirs = item.annotation;
  const problem = codebookProblem(theirs, layer.tagset);
  if (problem) return { ok: false, reason: problem };
  if (!targetMatchesText(layer.text, theirs.target)) return { ok: false, reason: 'its placement does not match the text' };

  const entityOps: AnnotationOp[] = [];
  const entityInverse: AnnotationOp[] = [];
  const created: { theirId: string; myId: string }[] = [];
  for (const theirId of entityIdsOf(theirs)) {
    const linked = layer.links.get(theirId);
    if (linked && layer.entities.has(linked)) continue;
    const entity = review.entities.find((e) => e.id === theirId);
    if (!entity) return { ok: false, reason: `it refers to entity ${theirId}, which their file does not list` };
    const types = layer.tagset.entityTypes;
    const type = types.some((t) => t.id === entity.type) ? entity.type : (types.find((t) => t.id === 'other') ?? types[0])?.id;
    if (!type) return { ok: false, reason: 'your codebook has no entity types' };
    const mine: Entity = { ...entity, id: freshId(entity.id, (id) => layer.entities.has(id)), type };
    layer.entities.set(mine.id, mine);
    layer.links.set(theirId, mine.id);
    entityOps.push({ op: 'entity.add', entity: mine });
    entityInverse.unshift({ op: 'entity.remove', id: mine.id });
    created.push({ theirId, myId: mine.id });
  }
  const mapped = withEntities({ ...theirs, modified: now }, (id) => layer.links.get(id) ?? id);
  const counterpart = classified.counterpartId ? layer.annotations.get(classified.counterpartId) : undefined;
  let effect: ReviewEffect;
  if (counterpart && counterpart.kind === theirs.kind) {
    const replacement = { ...mapped, id: counterpart.id, created: counterpart.created } as Annotation;
    layer.annotations.set(counterpart.id, replacement);
    effect = { ops: [{ op: 'annotation.update', annotation: replacement }], inverse: [{ op: 'annotation.update', annotation: counterpart }] };
  } else {
    const added = { ...mapped, id: freshId(`rv${review.id.slice(0, 6)}-${theirs.id}`, (id) => layer.annotations.has(id)) } as Annotation;
    layer.annotations.set(added.id, added);
    effect = { ops: [{ op: 'annotation.add', annotation: added }], inverse: [{ op: 'annotation.remove', id: added.id }] };
  }
  return { ok: true, effect, entityOps, entityInverse, created };
}
