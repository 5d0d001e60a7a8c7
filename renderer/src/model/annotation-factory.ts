import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation, AnnotationKind } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Target } from '../../../shared/model/target.ts';
import { DEFAULT_VERDICT, type Tagset, type TagsetEntry } from '../../../shared/model/tagset.ts';

/** Who and when a new record is made, and where its ids come from. */
export interface Authoring {
  author: string;
  now: string;
  newId(): string;
}

/** `preferred` when the tagset list has it, else the list's first id (a tagset list is never empty). */
function tagOrFirst(entries: readonly TagsetEntry[], preferred: string): string {
  return entries.some((entry) => entry.id === preferred) ? preferred : (entries[0]?.id ?? preferred);
}

/** The type a new entity gets: `other` when the tagset has it. */
export function defaultEntityType(tagset: Tagset): string {
  return tagOrFirst(tagset.entityTypes, 'other');
}

/** The type a speaker typed in by name gets: `person` when the tagset has it. */
export function speakerEntityType(tagset: Tagset): string {
  return tagOrFirst(tagset.entityTypes, 'person');
}

/** The verdict a new claim gets: `unverified` when the tagset has it. */
export function defaultVerdict(tagset: Tagset): string {
  return tagOrFirst(tagset.verdicts, DEFAULT_VERDICT);
}

function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
}

/** The registered entity whose name or an alias equals `text` (ignoring case and spacing). */
export function findEntityNamed(entities: Iterable<Entity>, text: string): Entity | undefined {
  const key = nameKey(text);
  for (const entity of entities) {
    if (nameKey(entity.name) === key || entity.aliases.some((alias) => nameKey(alias) === key)) return entity;
  }
  return undefined;
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
