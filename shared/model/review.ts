import { z } from 'zod';
import { ANCHOR_STATUSES, ORPHAN_REASONS } from '../anchoring/anchor.ts';
import { ENTITY_MATCH_KINDS } from '../anchoring/entity-matching.ts';
import { AnnotationOp } from '../contract/ops.ts';
import { Annotation } from './annotation.ts';
import { Entity } from './entity.ts';
import { Id, IsoDateTime } from './ids.ts';
import { Target } from './target.ts';

export const REVIEW_DECISIONS = ['open', 'accepted', 'rejected'] as const;
/** What the analyst decided about one of the colleague's annotations. */
export const ReviewDecision = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

const Score = z.number().min(0).max(1);

/** Where one of the colleague's targets landed on this document's text, and what it was in their file. */
export const ReviewAnchor = z.object({
  status: z.enum(ANCHOR_STATUSES),
  /** 1 for exact; the placement's score for moved and fuzzy; 0 for orphans. */
  score: Score,
  /** Why an orphan is one. */
  reason: z.enum(ORPHAN_REASONS).optional(),
  /** The fuzzy placement an "exact matches only" review refused. */
  candidate: z.object({ start: z.int().nonnegative(), end: z.int().nonnegative(), score: Score }).optional(),
  /** The target as their file had it. */
  original: Target,
  /** A quote's cue, placed on its own: its status and its target in their file (a cue that did not land is left off the item). */
  cue: z.object({ status: z.enum(ANCHOR_STATUSES), original: Target }).optional(),
});
export type ReviewAnchor = z.infer<typeof ReviewAnchor>;

/** What accepting an item did to the analyst's own layer, and the ops that take it back. */
export const ReviewEffect = z.object({
  ops: z.array(AnnotationOp),
  inverse: z.array(AnnotationOp),
});
export type ReviewEffect = z.infer<typeof ReviewEffect>;

/** One annotation of the colleague's file under review. */
export const ReviewItem = z.object({
  /** Their annotation's id (unique within their file). */
  id: Id,
  /** Their annotation, its target (and cue) placed on this document's text; an orphan keeps the target of their file. Entity ids are theirs. */
  annotation: Annotation,
  anchor: ReviewAnchor,
  decision: ReviewDecision,
  decided: IsoDateTime.optional(),
  /** Present while the item is accepted and accepting it changed the analyst's layer. */
  effect: ReviewEffect.optional(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** Which of the analyst's entities one of theirs stands for: matched, created on accepting, or none yet. */
export const ReviewEntityLink = z.object({
  theirId: Id,
  myId: Id.optional(),
  /** How they were linked: the same id (a library id), Wikidata id, name or alias, or an entity created from theirs. */
  by: z.enum([...ENTITY_MATCH_KINDS, 'id', 'created']).optional(),
});
export type ReviewEntityLink = z.infer<typeof ReviewEntityLink>;

/** One item's state before and after a decision. */
const ItemChange = z.object({
  id: Id,
  before: ReviewDecision,
  beforeEffect: ReviewEffect.optional(),
  after: ReviewDecision,
  afterEffect: ReviewEffect.optional(),
});

/** One decision (on one item or many at once): undone and redone as a whole. */
export const ReviewDecisionBatch = z.object({
  id: Id,
  at: IsoDateTime,
  /** What the analyst did, in words: "Accept 12 agreed items". */
  label: z.string().max(500),
  items: z.array(ItemChange),
  /** Entities this decision created in the analyst's registry, by their id. */
  createdEntities: z.array(z.object({ theirId: Id, myId: Id })),
  /** The ops this decision applied to the analyst's layer, and their inverses in order. */
  ops: z.array(AnnotationOp),
  inverse: z.array(AnnotationOp),
});
export type ReviewDecisionBatch = z.infer<typeof ReviewDecisionBatch>;

/** A colleague's tag file under review, stored with the document it was placed on (`document.reviews`). */
export const ReviewRecord = z.object({
  id: Id,
  annotator: z.object({ name: z.string().min(1).max(200) }),
  imported: IsoDateTime,
  /** What the file said about itself. */
  file: z.object({
    name: z.string().max(1000).optional(),
    exportedAt: IsoDateTime,
    fingerprint: z.string(),
    title: z.string().max(1000).optional(),
    textLength: z.int().nonnegative(),
    /** Their file was made on this very text (same fingerprint), so offsets were trusted. */
    sameText: z.boolean(),
  }),
  /** Fuzzy placements were refused when importing. */
  exactOnly: z.boolean(),
  /** Their entity registry. */
  entities: z.array(Entity),
  entityLinks: z.array(ReviewEntityLink),
  items: z.array(ReviewItem),
  /** Decisions, oldest first: `review.undo` takes back the last. */
  history: z.array(ReviewDecisionBatch),
  /** Decisions undone, the most recent last: `review.redo` applies it again; a new decision clears them. */
  redo: z.array(ReviewDecisionBatch),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;
