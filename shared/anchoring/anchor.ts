import type { Target } from '../model/target.ts';
import { rankCandidates, type Candidate, type ScoredCandidate } from './candidate-score.ts';
import { refineBoundaries } from './refine-boundaries.ts';
import { exactOccurrences, fuzzyOccurrences, rangesAround, type TextRange } from './search-ranges.ts';

export const ANCHOR_STATUSES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;
/**
 * Where a colleague's annotation landed: `exact` (its quote at its old offsets), `moved` (its
 * quote, elsewhere), `fuzzy` (text close to its quote) or `orphaned` (not placed).
 */
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

export const ORPHAN_REASONS = ['not-found', 'out-of-context', 'fuzzy-refused'] as const;
/**
 * Why an annotation was not placed: nothing close enough to its quote (`not-found`); its quote
 * occurs, but nowhere in its old context (`out-of-context`); only a fuzzy placement was found and
 * the review takes exact matches only (`fuzzy-refused`).
 */
export type OrphanReason = (typeof ORPHAN_REASONS)[number];

export interface Placement {
  start: number;
  end: number;
  /** 1 for `exact`; otherwise the weighted quote, context and position score, 0–1. */
  score: number;
}

export type Anchoring =
  ({ status: 'exact' | 'moved' | 'fuzzy' } & Placement) | { status: 'orphaned'; reason: OrphanReason; candidate?: Placement };

export interface AnchorOptions {
  /** The targets were made on this very text (same fingerprint): offsets are trusted once `exact` is checked. */
  sameText?: boolean;
  /** Refuse fuzzy placements: what only a fuzzy match finds is orphaned, with the refused candidate. */
  exactOnly?: boolean;
  /** Length of the text the targets were made on, to scale old positions to the new text (default: the new length). */
  sourceLength?: number;
  /** The lowest score a placement other than at the old offsets is accepted with (default 0.75). */
  minScore?: number;
  /** How far from the expected position the first, local search reaches (default 2,048 code units, at least four quote lengths). */
  radius?: number;
}

export const DEFAULT_MIN_SCORE = 0.75;
const DEFAULT_RADIUS = 2048;
/** Fuzzy matching allows one edit per four characters of the quote. */
const MAX_ERROR_RATE = 0.25;
/** How many of the best fuzzy candidates get their boundaries refined by their context. */
const REFINED_CANDIDATES = 3;
/**
 * What a placement found only by searching the whole text must score above `minScore`: far from
 * where the quote was expected, a common phrase in a half-similar context is no evidence.
 */
const FAR_MARGIN = 0.1;
/** A quote this long that occurs exactly once is placed there even when its context changed (a paragraph moved whole). */
const DISTINCTIVE_LENGTH = 32;

function placed(target: Target, best: ScoredCandidate): Anchoring {
  if (best.errors > 0) return { status: 'fuzzy', start: best.start, end: best.end, score: best.score };
  if (best.start === target.start && best.end === target.end) return { status: 'exact', start: best.start, end: best.end, score: 1 };
  return { status: 'moved', start: best.start, end: best.end, score: best.score };
}

/**
 * Places one target on `text`, in order: at its old offsets when the quote is still there; then an
 * exact search for the quote, near the expected positions first, the context and closeness
 * choosing among the hits; then a fuzzy search, near first, then everywhere. `hints` are where the
 * quote is expected in the new text; what only the search of the whole text finds must score
 * `FAR_MARGIN` higher.
 */
export function anchorTarget(text: string, target: Target, hints: readonly number[], options: AnchorOptions = {}): Anchoring {
  const { exact } = target;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const rank = (candidates: readonly Candidate[]) => rankCandidates(text, target, candidates, hints);

  if (text.startsWith(exact, target.start)) {
    const [here] = rank([{ start: target.start, end: target.end, errors: 0 }]);
    if (options.sameText || (here && here.score >= minScore)) return { status: 'exact', start: target.start, end: target.end, score: 1 };
  }

  const radius = Math.max(options.radius ?? DEFAULT_RADIUS, 4 * exact.length);
  const near = rangesAround(hints, radius, text.length);
  const whole: TextRange[] = [{ from: 0, to: text.length }];
  const nearIsWhole = near.length === 1 && near[0]?.from === 0 && near[0].to === text.length;

  const nearHits = exactOccurrences(text, exact, near);
  const [bestNear] = rank(nearHits);
  if (bestNear && bestNear.score >= minScore) return placed(target, bestNear);
  const allHits = nearIsWhole ? nearHits : exactOccurrences(text, exact, whole);
  const [bestAnywhere] = nearIsWhole ? [bestNear] : rank(allHits);
  const farMinScore = nearIsWhole ? minScore : minScore + FAR_MARGIN;
  if (bestAnywhere && (bestAnywhere.score >= farMinScore || (allHits.length === 1 && exact.length >= DISTINCTIVE_LENGTH)))
    return placed(target, bestAnywhere);

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors > 0) {
    const passes = nearIsWhole
      ? [{ ranges: near, threshold: minScore, hits: nearHits }]
      : [
          { ranges: near, threshold: minScore, hits: nearHits },
          { ranges: whole, threshold: farMinScore, hits: allHits },
        ];
    for (const { ranges, threshold, hits } of passes) {
      // Myers' search reports only the matches with the fewest edits: where the quote occurs
      // exactly, those are the exact hits already refused, so the search could add nothing.
      if (hits.length > 0) continue;
      const found = rank(fuzzyOccurrences(text, exact, ranges, maxErrors)).slice(0, REFINED_CANDIDATES);
      const [best] = rank([...found, ...found.map((candidate) => refineBoundaries(text, target, candidate, maxErrors))]);
      if (best && best.score >= threshold) {
        if (best.errors > 0 && options.exactOnly)
          return { status: 'orphaned', reason: 'fuzzy-refused', candidate: { start: best.start, end: best.end, score: best.score } };
        return placed(target, best);
      }
    }
  }
  return { status: 'orphaned', reason: allHits.length > 0 ? 'out-of-context' : 'not-found' };
}

/**
 * Places many targets made on one old text onto `text`, answering in input order. They are taken
 * in old text order, and each is first looked for where its previous neighbour's shift puts it and
 * where its old offset scaled by the change in length puts it, before the whole text is searched.
 * An orphan then gets a second look where its next placed neighbour's shift puts it (the first
 * annotation of a paragraph moved far away is found through the ones after it).
 */
export function anchorTargets(text: string, targets: readonly Target[], options: AnchorOptions = {}): Anchoring[] {
  const ratio = options.sourceLength ? text.length / options.sourceLength : 1;
  const order = targets.map((_, index) => index).sort((a, b) => (targets[a]?.start ?? 0) - (targets[b]?.start ?? 0));
  const results: Anchoring[] = new Array<Anchoring>(targets.length);
  const hintsOf = (target: Target, shift: number | undefined) => {
    const scaled = Math.round(target.start * ratio);
    return shift === undefined || Math.abs(target.start + shift - scaled) < 16 ? [scaled] : [target.start + shift, scaled];
  };
  const shiftOf = (index: number): number | undefined => {
    const result = results[index];
    return result && result.status !== 'orphaned' ? result.start - (targets[index] as Target).start : undefined;
  };
  let shift: number | undefined;
  for (const index of order) {
    const target = targets[index] as Target;
    results[index] = anchorTarget(text, target, hintsOf(target, shift), options);
    shift = shiftOf(index) ?? shift;
  }
  let nextShift: number | undefined;
  for (let i = order.length - 1; i >= 0; i--) {
    const index = order[i] as number;
    const target = targets[index] as Target;
    const own = shiftOf(index);
    if (own !== undefined) {
      nextShift = own;
      continue;
    }
    const first = results[index];
    if (nextShift === undefined || (first?.status === 'orphaned' && first.reason === 'fuzzy-refused')) continue;
    const second = anchorTarget(text, target, [target.start + nextShift], options);
    if (second.status !== 'orphaned') results[index] = second;
  }
  return results;
}
