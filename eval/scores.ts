import type { Span } from './gold-set.ts';

export interface Counts {
  matched: number;
  predicted: number;
  gold: number;
}

export interface Scores extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function exactMatch(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Overlap over union of two spans, at least one half. */
export function halfOverlap(a: Span, b: Span): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return overlap > 0 && overlap / union >= 0.5;
}

/** Pairs predicted and gold spans one to one, in text order (each gold span taken once). */
export function pairSpans<P extends Span, G extends Span>(
  predicted: readonly P[],
  gold: readonly G[],
  matches: (p: P, g: G) => boolean,
): [P, G][] {
  const taken = new Set<number>();
  const pairs: [P, G][] = [];
  for (const p of predicted) {
    const index = gold.findIndex((g, i) => !taken.has(i) && matches(p, g));
    const g = gold[index];
    if (g === undefined) continue;
    taken.add(index);
    pairs.push([p, g]);
  }
  return pairs;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { matched: a.matched + b.matched, predicted: a.predicted + b.predicted, gold: a.gold + b.gold };
}

export function scoresOf(counts: Counts): Scores {
  const precision = counts.predicted ? counts.matched / counts.predicted : null;
  const recall = counts.gold ? counts.matched / counts.gold : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { ...counts, precision, recall, f1 };
}
