import type { AnnotationOp } from '../contract/ops.ts';
import type { Annotation, EntityAnnotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { makeTarget } from '../text/target.ts';
import type { TextSpan } from '../text/text-search.ts';
import type { Authoring } from './new-annotation.ts';
import { findOccurrences } from '../text/text-search.ts';

/** What the entity edits read: the open document's records. */
export interface EntityRecordsView {
  annotations(): Iterable<Annotation>;
  entity(id: string): Entity | undefined;
}

/** The forms a name is looked for in: as written, and with a capital first letter when it starts in lower case ("the Kremlin" → "The Kremlin"). */
function caseForms(name: string): string[] {
  const first = name.charAt(0);
  const capital = first.toLocaleUpperCase();
  return capital !== first ? [name, capital + name.slice(1)] : [name];
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Where an entity's name and aliases occur in the text and are not yet tagged as it: whole words,
 * case as written (a lower-case first letter may be capitalised), longest names first so that
 * "Roberta Metsola" is one mention rather than "Metsola" inside it. Occurrences that overlap a
 * mention of this entity, or sit exactly on a mention of another, are left out.
 */
export function untaggedMentionSpans(text: string, entity: Entity, records: EntityRecordsView): TextSpan[] {
  const own: TextSpan[] = [];
  const taken = new Set<string>();
  for (const annotation of records.annotations()) {
    if (annotation.kind !== 'entity') continue;
    if (annotation.entityId === entity.id) own.push(annotation.target);
    else taken.add(`${annotation.target.start}:${annotation.target.end}`);
  }
  const names = [...new Set([entity.name, ...entity.aliases].flatMap(caseForms).filter((name) => name.trim().length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const accepted: TextSpan[] = [];
  for (const name of names) {
    for (const span of findOccurrences(text, name, { matchCase: true, wholeWords: true })) {
      if (taken.has(`${span.start}:${span.end}`)) continue;
      if (own.some((mention) => overlaps(mention, span)) || accepted.some((other) => overlaps(other, span))) continue;
      accepted.push(span);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** The ops that tag every untagged mention of an entity, in one batch. */
export function tagAllMentionsOps(text: string, entity: Entity, records: EntityRecordsView, authoring: Authoring): AnnotationOp[] {
  return untaggedMentionSpans(text, entity, records).map((span) => {
    const annotation: EntityAnnotation = {
      id: authoring.newId(),
      kind: 'entity',
      entityId: entity.id,
      target: makeTarget(text, span.start, span.end),
      author: authoring.author,
      created: authoring.now,
      modified: authoring.now,
    };
    return { op: 'annotation.add', annotation };
  });
}

/** `into` with what `from` knew added: its names as aliases, its Wikidata id and description where `into` has none. */
export function mergedEntity(from: Entity, into: Entity): Entity {
  const aliases = [...into.aliases];
  for (const name of [from.name, ...from.aliases]) {
    if (name !== into.name && !aliases.includes(name)) aliases.push(name);
  }
  const merged: Entity = { ...into, aliases };
  const wikidata = into.wikidata ?? from.wikidata;
  if (wikidata) merged.wikidata = wikidata;
  const description = [into.description, from.description].filter((part): part is string => Boolean(part?.trim())).join('\n\n');
  if (description) merged.description = description;
  return merged;
}

export interface MergeSummary {
  mentions: number;
  quotes: number;
  claims: number;
}

/**
 * The ops that merge entity `fromId` into `intoId`: its mentions, the quotes it speaks and the claims
 * it makes move to `into` (a mention on the very span `into` already tags is dropped), `into` takes
 * its names as aliases, and `from` leaves the registry.
 */
export function mergeEntityOps(
  records: EntityRecordsView,
  fromId: string,
  intoId: string,
  now: string,
): { ops: AnnotationOp[]; summary: MergeSummary } {
  const from = records.entity(fromId);
  const into = records.entity(intoId);
  const summary: MergeSummary = { mentions: 0, quotes: 0, claims: 0 };
  if (!from || !into || fromId === intoId) return { ops: [], summary };
  const intoSpans = new Set<string>();
  for (const annotation of records.annotations()) {
    if (annotation.kind === 'entity' && annotation.entityId === intoId)
      intoSpans.add(`${annotation.target.start}:${annotation.target.end}`);
  }
  const ops: AnnotationOp[] = [];
  for (const annotation of records.annotations()) {
    if (annotation.kind === 'entity' && annotation.entityId === fromId) {
      summary.mentions += 1;
      if (intoSpans.has(`${annotation.target.start}:${annotation.target.end}`)) ops.push({ op: 'annotation.remove', id: annotation.id });
      else ops.push({ op: 'annotation.update', annotation: { ...annotation, entityId: intoId, modified: now } });
    } else if (annotation.kind === 'quote' && annotation.speakerId === fromId) {
      summary.quotes += 1;
      ops.push({ op: 'annotation.update', annotation: { ...annotation, speakerId: intoId, modified: now } });
    } else if (annotation.kind === 'claim' && annotation.claimantId === fromId) {
      summary.claims += 1;
      ops.push({ op: 'annotation.update', annotation: { ...annotation, claimantId: intoId, modified: now } });
    }
  }
  ops.push({ op: 'entity.update', entity: mergedEntity(from, into) });
  ops.push({ op: 'entity.remove', id: fromId });
  return { ops, summary };
}

/** A Wikidata item id from what was typed or pasted: `Q42`, `q42`, or a wikidata.org URL. Null when it is none of these. */
export function parseWikidataId(input: string): string | null {
  const trimmed = input.trim();
  const match = /^(?:https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/)?(Q[1-9][0-9]*)\/?$/iu.exec(trimmed);
  return match?.[1] ? match[1].toUpperCase() : null;
}

/** The ops that remove an entity from the registry with its mentions; quotes and claims that name it lose their speaker or claimant. */
export function deleteEntityOps(records: EntityRecordsView, entityId: string, now: string): AnnotationOp[] {
  if (!records.entity(entityId)) return [];
  const ops: AnnotationOp[] = [];
  for (const annotation of records.annotations()) {
    if (annotation.kind === 'entity' && annotation.entityId === entityId) {
      ops.push({ op: 'annotation.remove', id: annotation.id });
    } else if (annotation.kind === 'quote' && annotation.speakerId === entityId) {
      const { speakerId: _speaker, ...rest } = annotation;
      ops.push({ op: 'annotation.update', annotation: { ...rest, modified: now } });
    } else if (annotation.kind === 'claim' && annotation.claimantId === entityId) {
      const { claimantId: _claimant, ...rest } = annotation;
      ops.push({ op: 'annotation.update', annotation: { ...rest, modified: now } });
    }
  }
  ops.push({ op: 'entity.remove', id: entityId });
  return ops;
}
