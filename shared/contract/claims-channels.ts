import { z } from 'zod';
import { RegistryChange } from '../corpus/corpus-query.ts';
import { Id, IsoDate, IsoDateTime } from '../model/ids.ts';

const AnnotationRef = z.strictObject({ documentId: Id, annotationId: Id });

/** One appearance of a tracked claim: a claim annotation, with what the lists show of it. */
export const ClaimAppearance = z.object({
  documentId: Id,
  annotationId: Id,
  /** The article's title and publication date. */
  title: z.string(),
  date: IsoDate.optional(),
  claimant: z.string().optional(),
  /** The claim's span and its text. */
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  text: z.string(),
  /** The verdict's id and its label in the codebook. */
  verdict: z.string(),
  verdictLabel: z.string(),
  /** Whether the verdict is other than the one a new claim gets. */
  checked: z.boolean(),
  modified: IsoDateTime,
  /** The day the verdict was checked (the claim's verdict record), when recorded. */
  checkedOn: IsoDate.optional(),
  /** The claim's verdict record has a rationale; how many sources (evidence items) it cites. */
  hasRationale: z.boolean().optional(),
  sources: z.int().positive().optional(),
});
export type ClaimAppearance = z.infer<typeof ClaimAppearance>;

/** A verdict given to an earlier appearance: "Checked before: False, on 3 March 2026". */
export const CheckedBefore = z.object({
  verdict: z.string(),
  verdictLabel: z.string(),
  /** The verdict record's checked-on day, else the time of the appearance's last change. */
  on: IsoDate.or(IsoDateTime),
  /** The appearance that carries it. */
  documentId: Id,
  annotationId: Id,
  message: z.string(),
});
export type CheckedBefore = z.infer<typeof CheckedBefore>;

export const TrackedClaimView = z.object({
  id: Id,
  /** The text of its first appearance. */
  text: z.string(),
  /** The analyst confirmed the grouping (claims grouped by the same normalised text alone are not). */
  confirmed: z.boolean(),
  appearances: z.array(ClaimAppearance),
  /** How many of its appearances carry each verdict, most first. */
  verdicts: z.array(z.object({ verdict: z.string(), verdictLabel: z.string(), count: z.int().positive() })),
});
export type TrackedClaimView = z.infer<typeof TrackedClaimView>;

/** A near match waiting for the analyst: `candidate` may make the assertion of `tracked`. */
export const ClaimSuggestion = z.object({
  tracked: TrackedClaimView,
  candidate: TrackedClaimView,
  /** The matcher's similarity, in [0, 1]. */
  score: z.number().min(0).max(1),
  /** Said when `tracked` already carries a verdict. */
  checkedBefore: CheckedBefore.optional(),
});
export type ClaimSuggestion = z.infer<typeof ClaimSuggestion>;

/** The claim tracker (issue 18): claims grouped by assertion across the library, suggestions, one verdict for all appearances. */
export const claimsChannels = {
  /**
   * The tracked claims with more than one appearance (confirmed groups first), and the suggestions
   * waiting for the analyst, listed apart; `all` adds the claims that appear once.
   */
  'claims.list': {
    input: z.strictObject({ all: z.boolean().optional() }),
    output: z.object({ tracked: z.array(TrackedClaimView), suggestions: z.array(ClaimSuggestion) }),
  },
  /** The tracked claim of one claim annotation (for the inspector), what it says about earlier verdicts, and its suggestions. */
  'claims.of': {
    input: AnnotationRef,
    output: z.object({
      tracked: TrackedClaimView.optional(),
      /** How many other articles it appears in. */
      otherArticles: z.int().nonnegative(),
      /** A verdict given to another appearance of it (or of a claim it is suggested to join). */
      checkedBefore: CheckedBefore.optional(),
      suggestions: z.array(ClaimSuggestion),
    }),
  },
  /** Joins a suggested claim to a tracked claim (or, without `candidateId`, confirms the tracked claim's grouping as it is). */
  'claims.confirm': {
    input: z.strictObject({ trackedId: Id, candidateId: Id.optional() }),
    output: z.object({ tracked: TrackedClaimView, change: RegistryChange }),
  },
  /** Moves appearances of a tracked claim to a new tracked claim of their own. */
  'claims.split': {
    input: z.strictObject({ trackedId: Id, appearances: z.array(AnnotationRef).min(1).max(10_000) }),
    output: z.object({ tracked: TrackedClaimView, rest: TrackedClaimView.optional(), change: RegistryChange }),
  },
  'claims.dismiss': {
    input: z.strictObject({ trackedId: Id, candidateId: Id }),
    output: z.object({ dismissed: z.boolean(), change: RegistryChange }),
  },
  /**
   * Gives every appearance of a tracked claim one verdict, one revision per article, as one step to undo.
   * With `from` (one of its appearances), the others also take that appearance's verdict record: its
   * rationale, checked-by, checked-on and stage, and its sources beside their own (docs/CLAIMS.md).
   */
  'claims.applyVerdict': {
    input: z.strictObject({ trackedId: Id, verdict: z.string().min(1).max(64), from: AnnotationRef.optional() }),
    output: z.object({ tracked: TrackedClaimView, change: RegistryChange }),
  },
  /** Undoes the last change of the tracker: a verdict given to every appearance (in every article), or a confirm, split or dismiss. */
  'claims.undo': { input: z.strictObject({}), output: z.object({ change: RegistryChange.optional() }) },
  'claims.redo': { input: z.strictObject({}), output: z.object({ change: RegistryChange.optional() }) },
};
