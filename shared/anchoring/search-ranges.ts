import search from 'approx-string-match';
import type { Candidate } from './candidate-score.ts';

/** A stretch of the text to search, `from` inclusive, `to` exclusive. */
export interface TextRange {
  from: number;
  to: number;
}

/** The stretches within `radius` of each hint, clipped to the text and merged where they meet. */
export function rangesAround(hints: readonly number[], radius: number, textLength: number): TextRange[] {
  const ranges = hints
    .map((hint) => ({ from: Math.max(0, Math.round(hint) - radius), to: Math.min(textLength, Math.round(hint) + radius) }))
    .filter((range) => range.to > range.from)
    .sort((a, b) => a.from - b.from);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/** Every exact occurrence of `quote` lying wholly inside one of the ranges. */
export function exactOccurrences(text: string, quote: string, ranges: readonly TextRange[]): Candidate[] {
  const found: Candidate[] = [];
  for (const range of ranges) {
    let at = text.indexOf(quote, range.from);
    while (at !== -1 && at + quote.length <= range.to) {
      found.push({ start: at, end: at + quote.length, errors: 0 });
      at = text.indexOf(quote, at + 1);
    }
  }
  return found;
}

/**
 * The approximate occurrences of `quote` with the fewest edits (at most `maxErrors`) inside each
 * range, by Myers' bit-parallel algorithm (approx-string-match).
 */
export function fuzzyOccurrences(text: string, quote: string, ranges: readonly TextRange[], maxErrors: number): Candidate[] {
  const found: Candidate[] = [];
  for (const range of ranges) {
    for (const match of search(text.slice(range.from, range.to), quote, maxErrors)) {
      found.push({ start: range.from + match.start, end: range.from + match.end, errors: match.errors });
    }
  }
  return found;
}
