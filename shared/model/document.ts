import { z } from 'zod';
import { Annotation, WorkflowStage } from './annotation.ts';
import { Assignee } from './assignee.ts';
import { ReaderDoc } from './content.ts';
import { Entity } from './entity.ts';
import { Id, IsoDate, IsoDateTime } from './ids.ts';
import { ReviewRecord } from './review.ts';

/** The most rejected suggestions a document remembers. */
export const MAX_REJECTED_SUGGESTIONS = 100_000;

export const Fingerprint = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a fingerprint is "sha256:" and 64 hex digits');

export const DocumentMeta = z.object({
  title: z.string().trim().min(1).max(1000),
  /** The address the article was fetched from (or the analyst gave); never what the page claims. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** The address the page claims as its own (`<link rel=canonical>`, `og:url`, JSON-LD `url`): a claim, kept apart from `url`. */
  canonicalUrl: z.url({ protocol: /^https?$/ }).optional(),
  source: z.string().max(1000).optional(),
  author: z.string().max(1000).optional(),
  published: IsoDate.optional(),
  /** The day the publisher last updated the article (`dateModified`, `article:modified_time`). */
  updated: IsoDate.optional(),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)
    .optional(),
  /** The page where this article's fact-check is published, when it is not the settings' base address followed by the article's id. */
  factCheckUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Where the article's fact-check is in the workflow; absent means `to-check`. */
  stage: WorkflowStage.optional(),
  /** Who the article is assigned to: a team member's id or a colleague's name. */
  assignee: Assignee.optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A colleague's tag file under review (see `review.ts`). */
export const Review = ReviewRecord;
export type Review = ReviewRecord;

/** One article with everything the analyst recorded on it. Its text never changes after import. */
export const ScholiaDocument = z.object({
  id: Id,
  meta: DocumentMeta,
  content: ReaderDoc,
  text: z.string().min(1),
  fingerprint: Fingerprint,
  entities: z.array(Entity),
  annotations: z.array(Annotation),
  reviews: z.array(Review),
  /** Suggestions the analyst rejected (their ids, `kind:start-end`), so they do not come back; not a revision of the annotations. */
  rejectedSuggestions: z.array(z.string().max(100)).max(MAX_REJECTED_SUGGESTIONS).optional(),
  /** Counts the batches of changes applied since import. */
  revision: z.int().nonnegative(),
  imported: IsoDateTime,
  modified: IsoDateTime,
});
export type ScholiaDocument = z.infer<typeof ScholiaDocument>;

export const AnnotationCounts = z.object({
  claims: z.int().nonnegative(),
  quotes: z.int().nonnegative(),
  entities: z.int().nonnegative(),
  notes: z.int().nonnegative(),
});
export type AnnotationCounts = z.infer<typeof AnnotationCounts>;

/** What the library index keeps of each document, enough to list it without opening it. */
export const DocumentSummary = z.object({
  id: Id,
  title: z.string(),
  source: z.string().optional(),
  published: IsoDate.optional(),
  url: z.string().optional(),
  /** The article's workflow stage, so the library can filter by it; absent means `to-check`. */
  stage: WorkflowStage.optional(),
  /** Who the article is assigned to, so the library can show what is assigned to me. */
  assignee: Assignee.optional(),
  fingerprint: Fingerprint,
  textLength: z.int().nonnegative(),
  imported: IsoDateTime,
  modified: IsoDateTime,
  counts: AnnotationCounts,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
