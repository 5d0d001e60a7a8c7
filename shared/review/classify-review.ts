import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import type { ReviewRecord } from '../model/review.ts';
import { entityKeys, type EntityKeys } from './entity-keys.ts';

export const REVIEW_CLASSES = ['agreed', 'conflict', 'only-theirs', 'orphaned'] as const;
/**
 * Where one of their items stands against the analyst's own layer: `agreed` (same span, same
 * values), `conflict` (same or overlapping span, something differs), `only-theirs` (nothing of
 * mine there), `orphaned` (it could not be placed on this text).
 */
export type ReviewClass = (typeof REVIEW_CLASSES)[number];

export const DIFFERENCE_FIELDS = ['span', 'kind', 'verdict', 'claim type', 'claimant', 'speaker', 'form', 'entity', 'entity type'] as const;
export type DifferenceField = (typeof DIFFERENCE_FIELDS)[number];

/** One way their item differs from its counterpart of mine, with both values as shown to the analyst. */
export interface ReviewDifference {
  field: DifferenceField;
  mine?: string;
  theirs?: string;
}

export interface ClassifiedItem {
  id: string;
  class: ReviewClass;
  /** The annotation of mine it was compared with (agreed and conflict). */
  counterpartId?: string;
  differences: ReviewDifference[];
}

export interface ReviewClassification {
  items: ClassifiedItem[];
  /** Ids of my annotations no item of theirs was paired with. */
  onlyMine: string[];
  counts: Record<ReviewClass | 'only-mine', number>;
}

/** Different kinds on spans overlapping at least this much of their union are one passage marked two ways. */
const CROSS_KIND_OVERLAP = 0.5;

function spanText(annotation: Annotation): string {
  return `${annotation.target.start}–${annotation.target.end}`;
}

/** How their annotation differs from mine, field by field (entities compared through the review's links). */
export function differences(mine: Annotation, theirs: Annotation, keys: EntityKeys): ReviewDifference[] {
  const out: ReviewDifference[] = [];
  const add = (field: DifferenceField, a: string | undefined, b: string | undefined, same = a === b) => {
    if (!same) out.push({ field, ...(a === undefined ? {} : { mine: a }), ...(b === undefined ? {} : { theirs: b }) });
  };
  add('span', spanText(mine), spanText(theirs));
  if (mine.kind !== theirs.kind) {
    add('kind', mine.kind, theirs.kind);
    return out;
  }
  const entity = (a: string | undefined, b: string | undefined, field: DifferenceField) =>
    add(
      field,
      a === undefined ? undefined : keys.myName(a),
      b === undefined ? undefined : keys.theirName(b),
      (a === undefined ? undefined : keys.mine(a)) === (b === undefined ? undefined : keys.theirs(b)),
    );
  if (mine.kind === 'claim' && theirs.kind === 'claim') {
    add('verdict', mine.status, theirs.status);
    add('claim type', mine.label, theirs.label);
    entity(mine.claimantId, theirs.claimantId, 'claimant');
  } else if (mine.kind === 'quote' && theirs.kind === 'quote') {
    entity(mine.speakerId, theirs.speakerId, 'speaker');
    add('form', mine.form, theirs.form);
  } else if (mine.kind === 'entity' && theirs.kind === 'entity') {
    entity(mine.entityId, theirs.entityId, 'entity');
    add('entity type', keys.myType(mine.entityId), keys.theirType(theirs.entityId));
  }
  return out;
}

function overlap(a: Annotation, b: Annotation): number {
  return Math.min(a.target.end, b.target.end) - Math.max(a.target.start, b.target.start);
}

/**
 * Sorts every item of a review against the analyst's own annotations. Pairs are one to one and
 * taken in this order: same span, kind and values (agreed); same span; same kind overlapping
 * (the largest overlap first); different kinds overlapping by half their union or more.
 */
export function classifyReview(
  own: readonly Annotation[],
  myEntities: readonly Entity[],
  review: Pick<ReviewRecord, 'items' | 'entities' | 'entityLinks'>,
): ReviewClassification {
  const keys = entityKeys(myEntities, review);
  const sorted = [...own].sort((a, b) => a.target.start - b.target.start);
  const longest = sorted.reduce((max, a) => Math.max(max, a.target.end - a.target.start), 0);
  const firstStartingAtOrAfter = (offset: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sorted[middle] as Annotation).target.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const candidates: { item: string; mine: Annotation; tier: number; size: number; differences: ReviewDifference[] }[] = [];
  const placed = review.items.filter((item) => item.anchor.status !== 'orphaned');
  for (const item of placed) {
    const theirs = item.annotation;
    for (let i = firstStartingAtOrAfter(theirs.target.start - longest); i < sorted.length; i++) {
      const mine = sorted[i] as Annotation;
      if (mine.target.start >= theirs.target.end) break;
      const size = overlap(mine, theirs);
      if (size <= 0) continue;
      const sameSpan = mine.target.start === theirs.target.start && mine.target.end === theirs.target.end;
      const found = differences(mine, theirs, keys);
      let tier: number;
      if (sameSpan) tier = found.length === 0 ? 0 : 1;
      else if (mine.kind === theirs.kind) tier = 2;
      else if (
        size / (Math.max(mine.target.end, theirs.target.end) - Math.min(mine.target.start, theirs.target.start)) >=
        CROSS_KIND_OVERLAP
      )
        tier = 3;
      else continue;
      candidates.push({ item: item.id, mine, tier, size, differences: found });
    }
  }
  candidates.sort((a, b) => a.tier - b.tier || b.size - a.size || a.mine.target.start - b.mine.target.start);
  const paired = new Map<string, ClassifiedItem>();
  const usedMine = new Set<string>();
  for (const candidate of candidates) {
    if (paired.has(candidate.item) || usedMine.has(candidate.mine.id)) continue;
    usedMine.add(candidate.mine.id);
    paired.set(candidate.item, {
      id: candidate.item,
      class: candidate.tier === 0 ? 'agreed' : 'conflict',
      counterpartId: candidate.mine.id,
      differences: candidate.differences,
    });
  }
  const items = review.items.map(
    (item): ClassifiedItem =>
      paired.get(item.id) ?? { id: item.id, class: item.anchor.status === 'orphaned' ? 'orphaned' : 'only-theirs', differences: [] },
  );
  const onlyMine = own.filter((annotation) => !usedMine.has(annotation.id)).map((annotation) => annotation.id);
  const counts = { agreed: 0, conflict: 0, 'only-theirs': 0, orphaned: 0, 'only-mine': onlyMine.length };
  for (const item of items) counts[item.class] += 1;
  return { items, onlyMine, counts };
}
