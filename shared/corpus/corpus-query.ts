import { z } from 'zod';
import { ANNOTATION_KINDS, WorkflowStage } from '../model/annotation.ts';
import { Entity } from '../model/entity.ts';
import { Id, IsoDate, IsoDateTime } from '../model/ids.ts';

const Values = (max: number) => z.array(z.string().trim().min(1).max(max)).max(100);

/** What a claim's verdict record can hold, for `has:` (every one asked for must be there). */
export const RECORD_PARTS = ['rationale', 'evidence', 'archive'] as const;
export const RecordPart = z.enum(RECORD_PARTS);
export type RecordPart = z.infer<typeof RecordPart>;

/**
 * One corpus search: every annotation of the library that passes all the given filters. Filters
 * left out do not narrow; several values of one filter are alternatives (any of them).
 */
export const CorpusQuery = z.strictObject({
  /** Words that must all occur in the annotation's text, note, tags or evidence titles (case- and accent-insensitive). */
  text: z.string().max(500).optional(),
  /** A JavaScript regular expression the annotation's text or note must match; a broken one is refused with a message. */
  regex: z.string().min(1).max(500).optional(),
  kinds: z.array(z.enum(ANNOTATION_KINDS)).max(ANNOTATION_KINDS.length).optional(),
  /** Claim verdicts, by codebook id (`false`, `mostly-true`…). */
  verdicts: Values(64).optional(),
  /** Claim labels (claim types), by codebook id. */
  labels: Values(64).optional(),
  checkworthy: z.boolean().optional(),
  /** Quote speakers: an entity id, a name, an alias or a Wikidata id (`Q8889`). */
  speakers: Values(500).optional(),
  /** Claim claimants, given as speakers are. */
  claimants: Values(500).optional(),
  /** Any role: a mention of, a quote by, or a claim by the entity, given as speakers are. */
  entities: Values(500).optional(),
  /** Annotator names. */
  annotators: Values(200).optional(),
  tags: Values(100).optional(),
  /** Article sources (publications), as the article's metadata names them. */
  sources: Values(1000).optional(),
  /** Articles published on or after this day (the import day when no date is known). */
  from: IsoDate.optional(),
  /** Articles published on or before this day. */
  to: IsoDate.optional(),
  /** Claims at these workflow stages (a claim with none is `to-check`). */
  stages: z.array(WorkflowStage).max(4).optional(),
  /** Articles at these workflow stages (`meta.stage`; none is `to-check`). */
  articleStages: z.array(WorkflowStage).max(4).optional(),
  /** Claims checked by these analysts (`checkedBy`, folded). */
  checkedBy: Values(200).optional(),
  /** Claims checked on or after this day (`checkedOn`). */
  checkedFrom: IsoDate.optional(),
  /** Claims checked on or before this day. */
  checkedTo: IsoDate.optional(),
  /** Claims whose record holds every one of these: a rationale, evidence, evidence with an archived snapshot. */
  has: z.array(RecordPart).max(RECORD_PARTS.length).optional(),
  documentIds: z.array(Id).max(10_000).optional(),
});
export type CorpusQuery = z.infer<typeof CorpusQuery>;

/** The facets counted for every search, in the order the search view shows them. */
export const FACET_NAMES = [
  'kind',
  'verdict',
  'stage',
  'label',
  'checkworthy',
  'checkedBy',
  'checked',
  'has',
  'speaker',
  'claimant',
  'entity',
  'annotator',
  'tag',
  'source',
  'articleStage',
  'month',
] as const;
export const FacetName = z.enum(FACET_NAMES);
export type FacetName = z.infer<typeof FacetName>;

/**
 * One value of a facet and how many annotations have it. Counts follow the other filters of the
 * query but not the facet's own, so choosing one value still shows what the others would give.
 */
export const FacetValue = z.object({
  /** What the query takes (a kind, a codebook id, an entity id, a name, `yes`/`no`, `YYYY-MM`). */
  value: z.string(),
  /** What the analyst reads (a verdict's label, an entity's name). */
  label: z.string(),
  count: z.int().nonnegative(),
});
export type FacetValue = z.infer<typeof FacetValue>;

/** One annotation found, with what a result row shows of it. */
export const CorpusHit = z.object({
  documentId: Id,
  annotationId: Id,
  kind: z.enum(ANNOTATION_KINDS),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  exact: z.string(),
  /** A claim's verdict (codebook id). */
  status: z.string().optional(),
  label: z.string().optional(),
  checkworthy: z.boolean().optional(),
  /** A claim's verdict record: its workflow stage (absent: to check), who checked it and when. */
  stage: WorkflowStage.optional(),
  checkedBy: z.string().optional(),
  checkedOn: IsoDate.optional(),
  /** The entity the annotation refers to (a mention's entity, a quote's speaker, a claim's claimant) and its name. */
  entityId: Id.optional(),
  entityName: z.string().optional(),
  author: z.string(),
  tags: z.array(z.string()).optional(),
  /** The start of the note, for the row. */
  note: z.string().optional(),
  modified: IsoDateTime,
});
export type CorpusHit = z.infer<typeof CorpusHit>;

/** The hits of one article, in text order. */
export const CorpusGroup = z.object({
  documentId: Id,
  title: z.string(),
  source: z.string().optional(),
  published: IsoDate.optional(),
  hits: z.array(CorpusHit),
});
export type CorpusGroup = z.infer<typeof CorpusGroup>;

export const CorpusResult = z.object({
  /** Annotations that match, in all. */
  total: z.int().nonnegative(),
  /** Articles that hold a match, in all. */
  documents: z.int().nonnegative(),
  facets: z.record(FacetName, z.array(FacetValue)),
  /** Articles newest first (by published date, then import), a page of them. */
  groups: z.array(CorpusGroup),
});
export type CorpusResult = z.infer<typeof CorpusResult>;

/** A search the analyst named and kept (`searches.json` in the library). */
export const SavedSearch = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  query: CorpusQuery,
  created: IsoDateTime,
});
export type SavedSearch = z.infer<typeof SavedSearch>;

/** One entity of the library-wide registry, with how often it occurs across the library. */
export const LibraryEntitySummary = z.object({
  entity: Entity,
  mentions: z.int().nonnegative(),
  quotes: z.int().nonnegative(),
  claims: z.int().nonnegative(),
  documents: z.int().nonnegative(),
});
export type LibraryEntitySummary = z.infer<typeof LibraryEntitySummary>;

/** An entity's page: every mention, quote and claim of it across the library, grouped by article (newest first). */
export const EntityProfile = z.object({
  entity: Entity,
  mentions: z.int().nonnegative(),
  quotes: z.int().nonnegative(),
  claims: z.int().nonnegative(),
  groups: z.array(CorpusGroup),
});
export type EntityProfile = z.infer<typeof EntityProfile>;

/** Two registry entities that look like one: the analyst confirms (merge) or dismisses. */
export const MergeProposal = z.object({
  keep: Entity,
  merge: Entity,
  reason: z.enum(['wikidata', 'name', 'alias']),
  documents: z.int().nonnegative(),
});
export type MergeProposal = z.infer<typeof MergeProposal>;

/** A change to the registry that spans articles (a merge, a split, an edit), undone as one. */
export const RegistryChange = z.object({
  id: Id,
  /** What the status line says: "Merged “EU” into “European Union” in 3 articles". */
  description: z.string(),
  /** The articles whose annotations or entities it changed. */
  documentIds: z.array(Id),
});
export type RegistryChange = z.infer<typeof RegistryChange>;
