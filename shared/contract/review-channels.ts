import { z } from 'zod';
import type { AgreementReport } from '../agreement/agreement-report.ts';
import { ANCHOR_STATUSES } from '../anchoring/anchor.ts';
import { ANNOTATION_KINDS, Annotation } from '../model/annotation.ts';
import { Entity } from '../model/entity.ts';
import { Id, IsoDateTime } from '../model/ids.ts';
import { REVIEW_DECISIONS, ReviewAnchor, ReviewDecision, ReviewEntityLink, ReviewRecord } from '../model/review.ts';
import { DIFFERENCE_FIELDS, REVIEW_CLASSES } from '../review/classify-review.ts';
import type { ReviewSummary, ReviewView } from '../review/review-view.ts';

/** The largest tag file `review.import` takes, in characters of JSON (an article at the text limit with its annotations). */
export const MAX_TAG_FILE_LENGTH = 40_000_000;

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.int().nonnegative()])) as Record<K, z.ZodInt>);

export const ReviewSummarySchema: z.ZodType<ReviewSummary> = z.object({
  id: Id,
  annotator: z.string(),
  imported: IsoDateTime,
  file: ReviewRecord.shape.file,
  exactOnly: z.boolean(),
  items: z.int().nonnegative(),
  placement: counts(ANCHOR_STATUSES),
  classes: counts([...REVIEW_CLASSES, 'only-mine']),
  decisions: counts(REVIEW_DECISIONS),
  undo: z.string().optional(),
  redo: z.string().optional(),
});

export const ReviewViewSchema: z.ZodType<ReviewView> = z.object({
  summary: ReviewSummarySchema,
  items: z.array(
    z.object({
      id: Id,
      annotation: Annotation,
      anchor: ReviewAnchor,
      class: z.enum(REVIEW_CLASSES),
      counterpartId: Id.optional(),
      counterpartSpan: z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() }).optional(),
      differences: z.array(z.object({ field: z.enum(DIFFERENCE_FIELDS), mine: z.string().optional(), theirs: z.string().optional() })),
      decision: ReviewDecision,
      decided: IsoDateTime.optional(),
    }),
  ),
  onlyMine: z.array(Id),
  entities: z.array(Entity),
  entityLinks: z.array(ReviewEntityLink),
});

const Figure = z.number().nullable();
const Kappa = z.object({ value: Figure, observed: Figure, expected: Figure, units: z.int().nonnegative() });
const SpanScores = z.object({ matched: z.int(), a: z.int(), b: z.int(), precision: Figure, recall: Figure, f1: Figure });
const UnitizingAlpha = z.object({ value: Figure, observed: z.number(), expected: z.number() });
const ValueAgreement = z.object({ pairs: z.int(), agreed: z.int(), value: Figure, kappa: Kappa });
const scopes = <T extends z.ZodType>(schema: T) => z.object({ all: schema, claim: schema, quote: schema, entity: schema, note: schema });

export const AgreementReportSchema: z.ZodType<AgreementReport> = z.object({
  textLength: z.int().nonnegative(),
  annotators: z.array(z.object({ name: z.string(), annotations: z.int().nonnegative() })),
  pairs: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      scopes: scopes(z.object({ exact: SpanScores, overlap: SpanScores, kappa: Kappa })),
      speaker: ValueAgreement,
      verdict: ValueAgreement,
    }),
  ),
  overall: z.object({
    scopes: scopes(z.object({ exactF1: Figure, overlapF1: Figure, kappa: Figure, alphaU: UnitizingAlpha })),
    speaker: Figure,
    verdict: Figure,
  }),
  majority: z.object({
    annotators: z.int(),
    spans: z.array(
      z.object({
        kind: z.enum(ANNOTATION_KINDS),
        start: z.int(),
        end: z.int(),
        annotators: z.array(z.string()),
        exactly: z.array(z.string()),
      }),
    ),
    byCount: z.record(z.string(), z.int()),
  }),
  explanations: z.object({
    exactF1: z.string(),
    overlapF1: z.string(),
    precision: z.string(),
    recall: z.string(),
    kappa: z.string(),
    alphaU: z.string(),
    speaker: z.string(),
    verdict: z.string(),
    majority: z.string(),
  }),
});

const ReviewRef = z.strictObject({ documentId: Id, reviewId: Id });
const Saved = { revision: z.int().nonnegative(), modified: IsoDateTime };

/** The review channels (issue 5), spread into the API contract. */
export const reviewChannels = {
  /** Validates a colleague's tag file (every problem listed, nothing changed when one is found), places it on the document and stores the review. */
  'review.import': {
    input: z.strictObject({
      documentId: Id,
      json: z.string().min(1).max(MAX_TAG_FILE_LENGTH),
      fileName: z.string().min(1).max(1000).optional(),
      exactOnly: z.boolean().optional(),
    }),
    output: z.object({ ...Saved, review: ReviewSummarySchema }),
  },
  'review.list': {
    input: z.strictObject({ documentId: Id }),
    output: z.object({ reviews: z.array(ReviewSummarySchema) }),
  },
  'review.get': { input: ReviewRef, output: ReviewViewSchema },
  /** Accepts, rejects or reopens named items, or every open item of some classes and kinds; one undoable step. */
  'review.decide': {
    input: ReviewRef.extend({
      decision: ReviewDecision,
      itemIds: z.array(Id).min(1).max(100_000).optional(),
      where: z
        .strictObject({
          classes: z.array(z.enum(REVIEW_CLASSES)).min(1).optional(),
          kinds: z.array(z.enum(ANNOTATION_KINDS)).min(1).optional(),
        })
        .optional(),
    }).refine((input) => (input.itemIds === undefined) !== (input.where === undefined), { message: 'give either itemIds or where' }),
    output: z.object({
      ...Saved,
      changed: z.array(Id),
      skipped: z.array(z.object({ itemId: Id, reason: z.string() })),
      review: ReviewSummarySchema,
    }),
  },
  'review.undo': { input: ReviewRef, output: z.object({ ...Saved, undone: z.string().optional(), review: ReviewSummarySchema }) },
  'review.redo': { input: ReviewRef, output: z.object({ ...Saved, redone: z.string().optional(), review: ReviewSummarySchema }) },
  /** Drops a review; annotations already accepted from it stay. */
  'review.remove': { input: ReviewRef, output: z.object(Saved) },
  /** Agreement between the analyst's own annotations and the given reviews (all of the document's when left out). */
  'review.agreement': {
    input: z.strictObject({ documentId: Id, reviewIds: z.array(Id).min(1).optional() }),
    output: AgreementReportSchema,
  },
  /** The agreement report as a file: self-contained HTML or JSON, its bytes in base64. */
  'review.exportAgreement': {
    input: z.strictObject({ documentId: Id, reviewIds: z.array(Id).min(1).optional(), format: z.enum(['html', 'json']) }),
    output: z.object({ filename: z.string().min(1), mimeType: z.string().min(1), base64: z.base64() }),
  },
} as const;
