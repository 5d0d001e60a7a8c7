import type { AnnotationOp } from '../contract/ops.ts';
import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { sameEntityRecord } from '../entities/entity-records.ts';

// Builders for changes of the library-wide entity registry, as one article's ops: the record
// pushed in, entities merged into a library entity, mentions split off to a new one.

/** What these builders read of one article. */
export interface ArticleRecordsView {
  annotations(): Iterable<Annotation>;
  entity(id: string): Entity | undefined;
}

/** The ops that make the article's copy of a library entity equal its registry record (none when it already is, or the article lacks it). */
export function pushEntityOps(records: ArticleRecordsView, record: Entity): AnnotationOp[] {
  const copy = records.entity(record.id);
  return copy && !sameEntityRecord(copy, record) ? [{ op: 'entity.update', entity: record }] : [];
}

/** The entity an annotation refers to in `role`, if any: a mention's entity, a quote's speaker, a claim's claimant. */
export function referredEntity(annotation: Annotation): string | undefined {
  if (annotation.kind === 'entity') return annotation.entityId;
  if (annotation.kind === 'quote') return annotation.speakerId;
  if (annotation.kind === 'claim') return annotation.claimantId;
  return undefined;
}

/** The annotation referring to `entityId` instead of what it referred to. */
export function referringTo(annotation: Annotation, entityId: string, now: string): Annotation {
  switch (annotation.kind) {
    case 'entity':
      return { ...annotation, entityId, modified: now };
    case 'quote':
      return { ...annotation, speakerId: entityId, modified: now };
    case 'claim':
      return { ...annotation, claimantId: entityId, modified: now };
    case 'note':
      return annotation;
  }
}

/**
 * The ops that merge the library entities `mergeIds` into `kept` (its registry record after the
 * merge) in one article: the kept record is pushed in or added, every mention, quote and claim of
 * a merged entity moves to it (a mention on a span the kept entity already tags is dropped), and
 * the merged entities leave the article's registry. No ops when the article holds none of them.
 */
export function mergeIntoLibraryEntityOps(
  records: ArticleRecordsView,
  kept: Entity,
  mergeIds: readonly string[],
  now: string,
): AnnotationOp[] {
  const merging = new Set(mergeIds.filter((id) => id !== kept.id && records.entity(id) !== undefined));
  if (merging.size === 0) return [];
  const ops: AnnotationOp[] = records.entity(kept.id) ? pushEntityOps(records, kept) : [{ op: 'entity.add', entity: kept }];
  const keptSpans = new Set<string>();
  for (const annotation of records.annotations())
    if (annotation.kind === 'entity' && annotation.entityId === kept.id)
      keptSpans.add(`${annotation.target.start}:${annotation.target.end}`);
  for (const annotation of records.annotations()) {
    const referred = referredEntity(annotation);
    if (referred === undefined || !merging.has(referred)) continue;
    const span = `${annotation.target.start}:${annotation.target.end}`;
    if (annotation.kind === 'entity' && keptSpans.has(span)) {
      ops.push({ op: 'annotation.remove', id: annotation.id });
      continue;
    }
    if (annotation.kind === 'entity') keptSpans.add(span);
    ops.push({ op: 'annotation.update', annotation: referringTo(annotation, kept.id, now) });
  }
  for (const id of merging) ops.push({ op: 'entity.remove', id });
  return ops;
}

/**
 * The ops that move the given annotations of entity `fromId` to the new entity `created` in one
 * article: the new entity is added, each annotation refers to it instead. Annotations that do not
 * refer to `fromId` are answered in `refused`.
 */
export function splitEntityOps(
  records: ArticleRecordsView & { annotation(id: string): Annotation | undefined },
  fromId: string,
  created: Entity,
  annotationIds: readonly string[],
  now: string,
): { ops: AnnotationOp[]; refused: string[] } {
  const ops: AnnotationOp[] = [{ op: 'entity.add', entity: created }];
  const refused: string[] = [];
  for (const id of new Set(annotationIds)) {
    const annotation = records.annotation(id);
    if (!annotation || referredEntity(annotation) !== fromId) refused.push(id);
    else ops.push({ op: 'annotation.update', annotation: referringTo(annotation, created.id, now) });
  }
  return { ops, refused };
}
