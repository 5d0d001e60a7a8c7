import type {
  Annotation,
  AnnotationKind,
  ClaimAnnotation,
  EntityAnnotation,
  QuoteAnnotation,
  QuoteForm,
  WorkflowStage,
} from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { matchesQuery, queryWords, searchTextCache } from '../../../shared/text/text-search.ts';

/** What the lists read: the open document's records. */
export interface RecordsView {
  annotations(): Iterable<Annotation>;
  entities(): Iterable<Entity>;
  entity(id: string): Entity | undefined;
}

/** Reading order: by start, the longer (outer) annotation first, then by id. */
export function inTextOrder(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || b.target.end - a.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function entityWords(entity: Entity): string[] {
  return [entity.name, ...entity.aliases];
}

// What each list searches, lower-cased once per record (see `searchTextCache`). A claim's or quote's
// own texts are cached apart from its entity's names and its labels, which change on their own.
const claimText = searchTextCache((claim: ClaimAnnotation) => [
  claim.target.exact,
  claim.note,
  ...(claim.evidence ?? []).flatMap((item) => [item.url, item.title, item.note]),
]);
const quoteText = searchTextCache((quote: QuoteAnnotation) => [quote.target.exact, quote.note, quote.cue?.exact]);
const noteText = searchTextCache((annotation: Annotation) => [annotation.note, annotation.target.exact]);
const entityNamesText = searchTextCache((entity: Entity) => entityWords(entity));
const entityCardText = searchTextCache((entity: Entity) => [...entityWords(entity), entity.wikidata, entity.description]);
const labelText = searchTextCache((entry: { label: string }) => [entry.label]);

function labelSearchText(entries: Tagset['verdicts'], id: string | undefined): string | undefined {
  const entry = id === undefined ? undefined : entries.find((candidate) => candidate.id === id);
  return entry ? labelText(entry) : undefined;
}

function entitySearchText(records: RecordsView, id: string | undefined): string | undefined {
  const entity = id ? records.entity(id) : undefined;
  return entity ? entityNamesText(entity) : undefined;
}

export interface ClaimFilter {
  /** A verdict id, or `all`. */
  verdict: string;
  /** A workflow stage, or `all` (absent: all). */
  stage?: WorkflowStage | 'all';
  checkworthyOnly: boolean;
  query: string;
}

/** Claims in reading order, filtered by verdict, stage and check-worthiness: the list before its search (made once per change of the records). */
export function filteredClaims(records: RecordsView, filter: Omit<ClaimFilter, 'query'>): ClaimAnnotation[] {
  const claims: ClaimAnnotation[] = [];
  for (const annotation of records.annotations()) {
    if (annotation.kind !== 'claim') continue;
    if (filter.verdict !== 'all' && annotation.status !== filter.verdict) continue;
    if (filter.stage && filter.stage !== 'all' && (annotation.stage ?? 'to-check') !== filter.stage) continue;
    if (filter.checkworthyOnly && !annotation.checkworthy) continue;
    claims.push(annotation);
  }
  return claims.sort(inTextOrder);
}

/** The claims, in their order, that match a search of their text, note, claimant, evidence and labels (a keystroke's work). */
export function searchClaims(
  claims: readonly ClaimAnnotation[],
  records: RecordsView,
  tagset: Tagset,
  query: string,
): readonly ClaimAnnotation[] {
  const words = queryWords(query);
  if (words.length === 0) return claims;
  return claims.filter((claim) =>
    matchesQuery(words, [
      claimText(claim),
      labelSearchText(tagset.verdicts, claim.status),
      labelSearchText(tagset.claimLabels, claim.label),
      entitySearchText(records, claim.claimantId),
    ]),
  );
}

export interface QuoteFilter {
  /** An entity id, `all`, or `none` for quotes without a speaker. */
  speaker: string;
  /** A quote form, or `all`. */
  form: QuoteForm | 'all';
  query: string;
}

export interface SpeakerGroup {
  /** Null for the quotes nobody has been named for yet. */
  speaker: Entity | null;
  quotes: QuoteAnnotation[];
}

/**
 * Quotes grouped by speaker: groups in the order their speakers are first quoted, unattributed
 * quotes last; quotes in reading order inside each group.
 */
export function quoteGroups(records: RecordsView, filter: QuoteFilter): SpeakerGroup[] {
  const words = queryWords(filter.query);
  const quotes: QuoteAnnotation[] = [];
  for (const annotation of records.annotations()) {
    if (annotation.kind !== 'quote') continue;
    if (filter.form !== 'all' && annotation.form !== filter.form) continue;
    if (
      filter.speaker === 'none' ? annotation.speakerId !== undefined : filter.speaker !== 'all' && annotation.speakerId !== filter.speaker
    )
      continue;
    if (words.length === 0 || matchesQuery(words, [quoteText(annotation), entitySearchText(records, annotation.speakerId)]))
      quotes.push(annotation);
  }
  quotes.sort(inTextOrder);
  const groups = new Map<string, SpeakerGroup>();
  const unattributed: SpeakerGroup = { speaker: null, quotes: [] };
  for (const quote of quotes) {
    const speaker = quote.speakerId ? records.entity(quote.speakerId) : undefined;
    if (!speaker) {
      unattributed.quotes.push(quote);
      continue;
    }
    let group = groups.get(speaker.id);
    if (!group) {
      group = { speaker, quotes: [] };
      groups.set(speaker.id, group);
    }
    group.quotes.push(quote);
  }
  return [...groups.values(), ...(unattributed.quotes.length > 0 ? [unattributed] : [])];
}

export type EntitySort = 'mentions' | 'name' | 'appearance';

export interface EntityFilter {
  /** An entity type id, or `all`. */
  type: string;
  query: string;
  sort: EntitySort;
}

export interface EntityRow {
  entity: Entity;
  /** Its mentions in reading order. */
  mentions: EntityAnnotation[];
  /** Quotes it speaks and claims it makes. */
  quotes: number;
  claims: number;
}

/** Every annotation that refers to each entity, in one pass over the annotations. */
export function entityUsage(records: RecordsView): Map<string, { mentions: EntityAnnotation[]; quotes: number; claims: number }> {
  const usage = new Map<string, { mentions: EntityAnnotation[]; quotes: number; claims: number }>();
  const of = (id: string) => {
    let entry = usage.get(id);
    if (!entry) {
      entry = { mentions: [], quotes: 0, claims: 0 };
      usage.set(id, entry);
    }
    return entry;
  };
  for (const annotation of records.annotations()) {
    if (annotation.kind === 'entity') of(annotation.entityId).mentions.push(annotation);
    else if (annotation.kind === 'quote' && annotation.speakerId) of(annotation.speakerId).quotes += 1;
    else if (annotation.kind === 'claim' && annotation.claimantId) of(annotation.claimantId).claims += 1;
  }
  for (const entry of usage.values()) entry.mentions.sort(inTextOrder);
  return usage;
}

/**
 * The registry as the entities panel lists it: each entity with its mentions, filtered and sorted.
 * Pass `usage` kept from the last change of the records, so a keystroke does not rescan them.
 */
export function entityRows(records: RecordsView, filter: EntityFilter, usage = entityUsage(records)): EntityRow[] {
  const words = queryWords(filter.query);
  const rows: EntityRow[] = [];
  for (const entity of records.entities()) {
    if (filter.type !== 'all' && entity.type !== filter.type) continue;
    if (words.length > 0 && !matchesQuery(words, [entityCardText(entity)])) continue;
    const used = usage.get(entity.id) ?? { mentions: [], quotes: 0, claims: 0 };
    rows.push({ entity, ...used });
  }
  const byName = (a: EntityRow, b: EntityRow) => a.entity.name.localeCompare(b.entity.name);
  const firstAt = (row: EntityRow) => row.mentions[0]?.target.start ?? Number.POSITIVE_INFINITY;
  switch (filter.sort) {
    case 'name':
      return rows.sort(byName);
    case 'mentions':
      return rows.sort((a, b) => b.mentions.length - a.mentions.length || byName(a, b));
    case 'appearance':
      return rows.sort((a, b) => firstAt(a) - firstAt(b) || byName(a, b));
  }
}

export interface NoteFilter {
  /** Which annotations: `note` spans, the notes written on one other kind, or `all` annotations with a note. */
  kind: AnnotationKind | 'all';
  query: string;
}

/** Note spans and every annotation with a note written on it (or those of one kind), in reading order: the list before its search. */
export function filteredNotes(records: RecordsView, kind: NoteFilter['kind']): Annotation[] {
  const notes: Annotation[] = [];
  for (const annotation of records.annotations()) {
    if (annotation.kind !== 'note' && !annotation.note) continue;
    if (kind !== 'all' && annotation.kind !== kind) continue;
    notes.push(annotation);
  }
  return notes.sort(inTextOrder);
}

/** The notes, in their order, whose note or annotated text matches a search. */
export function searchNotes(notes: readonly Annotation[], query: string): readonly Annotation[] {
  const words = queryWords(query);
  return words.length === 0 ? notes : notes.filter((annotation) => matchesQuery(words, [noteText(annotation)]));
}
