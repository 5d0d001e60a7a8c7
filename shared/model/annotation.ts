import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids.ts';
import { Target } from './target.ts';

export const ANNOTATION_KINDS = ['claim', 'quote', 'entity', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const QUOTE_FORMS = ['direct', 'indirect', 'mixed'] as const;
export type QuoteForm = (typeof QUOTE_FORMS)[number];

const TagId = z.string().min(1).max(64);

export const SUGGESTERS = ['entities', 'quotes', 'claims'] as const;

/** Marks an annotation that began as a machine suggestion the analyst accepted: which suggester, how sure it was. */
export const SuggestedBy = z.object({
  suggester: z.enum(SUGGESTERS),
  confidence: z.number().min(0).max(1),
});
export type SuggestedBy = z.infer<typeof SuggestedBy>;

/**
 * Marks an annotation the analyst took from a colleague's layer in Review: whose it was, when it was
 * accepted, and its id in their file. The annotation's `author` stays whoever wrote it first here.
 */
export const AcceptedFrom = z.object({
  annotator: z.string().min(1).max(200),
  at: IsoDateTime,
  annotationId: Id.optional(),
});
export type AcceptedFrom = z.infer<typeof AcceptedFrom>;

const common = {
  id: Id,
  target: Target,
  note: z.string().max(100_000).optional(),
  tags: z.array(z.string().min(1).max(100)).max(100).optional(),
  suggested: SuggestedBy.optional(),
  acceptedFrom: AcceptedFrom.optional(),
  author: z.string().max(200),
  created: IsoDateTime,
  modified: IsoDateTime,
};

/** What kind of source a piece of evidence is. */
export const EVIDENCE_TYPES = ['primary-source', 'official-data', 'expert', 'media', 'archive'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** A SHA-256 digest, lowercase hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u, 'a SHA-256 is 64 lowercase hex digits');

/** The name of a snapshot in the library: `evidence/<id>.json`. */
export const SnapshotId = z.string().regex(/^[0-9a-f]{32}$/u, 'a snapshot id is 32 lowercase hex digits');

const WebUrl = z.url({ protocol: /^https?$/, error: 'evidence links must be http(s) URLs' });

/** An archived snapshot of a source's page, kept in the library; `sha256` is of the stored file's bytes. */
export const EvidenceSnapshot = z.object({
  id: SnapshotId,
  sha256: Sha256,
  fetched: IsoDateTime,
  /** Bytes of the stored snapshot file. */
  size: z.int().nonnegative(),
  /** Where the page was found, after redirects. */
  finalUrl: WebUrl,
  contentType: z.string().max(200),
});
export type EvidenceSnapshot = z.infer<typeof EvidenceSnapshot>;

/** A local file (a PDF, a screenshot) attached by reference: the path as given, and its hash and size when attached. */
export const EvidenceFile = z.object({
  path: z.string().min(1).max(4096),
  sha256: Sha256,
  size: z.int().nonnegative(),
  attached: IsoDateTime,
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const Evidence = z.object({
  url: WebUrl,
  title: z.string().max(1000).optional(),
  note: z.string().max(10_000).optional(),
  type: z.enum(EVIDENCE_TYPES).optional(),
  /** The day the analyst consulted the source. */
  accessed: IsoDate.optional(),
  archive: EvidenceSnapshot.optional(),
  file: EvidenceFile.optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * Where a claim (or an article) is in the fact-check workflow. Not the verdict: that is a claim's `status`.
 * In order: nobody has started, someone is on it, the verdict holds, the verdict is out.
 */
export const WORKFLOW_STAGES = ['to-check', 'in-progress', 'checked', 'published'] as const;
export const WorkflowStage = z.enum(WORKFLOW_STAGES);
export type WorkflowStage = z.infer<typeof WorkflowStage>;
export const WORKFLOW_STAGE_LABELS: Readonly<Record<WorkflowStage, string>> = {
  'to-check': 'To check',
  'in-progress': 'In progress',
  checked: 'Checked',
  published: 'Published',
};

/** The longest rationale kept: a long fact-check's reasoning, far below a flood. */
export const MAX_RATIONALE_LENGTH = 50_000;

export const ClaimAnnotation = z.object({
  ...common,
  kind: z.literal('claim'),
  status: TagId,
  checkworthy: z.boolean().optional(),
  claimantId: Id.optional(),
  evidence: z.array(Evidence).max(500).optional(),
  label: TagId.optional(),
  /** Why the verdict follows from the evidence, in Markdown-lite (paragraphs, emphasis, links, lists); never raw HTML. */
  rationale: z.string().max(MAX_RATIONALE_LENGTH).optional(),
  /** Who checked the claim (an annotator name). */
  checkedBy: z.string().trim().min(1).max(200).optional(),
  /** The day the claim was checked. */
  checkedOn: IsoDate.optional(),
  /** Where the claim is in the workflow; absent means `to-check`. */
  stage: WorkflowStage.optional(),
});

export const QuoteAnnotation = z.object({
  ...common,
  kind: z.literal('quote'),
  speakerId: Id.optional(),
  form: z.enum(QUOTE_FORMS),
  cue: Target.optional(),
});

export const EntityAnnotation = z.object({
  ...common,
  kind: z.literal('entity'),
  entityId: Id,
});

export const NoteAnnotation = z.object({
  ...common,
  kind: z.literal('note'),
});

export const Annotation = z.discriminatedUnion('kind', [ClaimAnnotation, QuoteAnnotation, EntityAnnotation, NoteAnnotation]);

export type ClaimAnnotation = z.infer<typeof ClaimAnnotation>;
export type QuoteAnnotation = z.infer<typeof QuoteAnnotation>;
export type EntityAnnotation = z.infer<typeof EntityAnnotation>;
export type NoteAnnotation = z.infer<typeof NoteAnnotation>;
export type Annotation = z.infer<typeof Annotation>;

/** The entities an annotation refers to: a mention's entity, a quote's speaker, a claim's claimant. */
export function entityIdsOf(annotation: Annotation): string[] {
  switch (annotation.kind) {
    case 'claim':
      return annotation.claimantId ? [annotation.claimantId] : [];
    case 'quote':
      return annotation.speakerId ? [annotation.speakerId] : [];
    case 'entity':
      return [annotation.entityId];
    case 'note':
      return [];
  }
}
