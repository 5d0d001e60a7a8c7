import search from 'approx-string-match';
import type { Target } from '../model/target.ts';
import type { Candidate } from './candidate-score.ts';
import { editDistance } from './edit-distance.ts';

/** Context shorter than this says too little to move a boundary by. */
const MIN_CONTEXT = 8;

/** Where the old prefix ends near `start`, within `slack` either way; undefined when it is not found there. */
function prefixEnd(text: string, prefix: string, start: number, slack: number): number | undefined {
  const from = Math.max(0, start - prefix.length - slack);
  const matches = search(text.slice(from, Math.min(text.length, start + slack)), prefix, Math.floor(prefix.length / 4));
  const ends = matches.map((match) => from + match.end).sort((a, b) => Math.abs(a - start) - Math.abs(b - start));
  return ends[0];
}

/** Where the old suffix begins near `end`, within `slack` either way; undefined when it is not found there. */
function suffixStart(text: string, suffix: string, end: number, slack: number): number | undefined {
  const from = Math.max(0, end - slack);
  const matches = search(text.slice(from, Math.min(text.length, end + suffix.length + slack)), suffix, Math.floor(suffix.length / 4));
  const starts = matches.map((match) => from + match.start).sort((a, b) => Math.abs(a - end) - Math.abs(b - end));
  return starts[0];
}

/**
 * A fuzzy match is the alignment with the fewest edits, which need not be the span the words
 * were inserted into: inserted words can be cheaper to skip as substitutions at one end. The old
 * span lay right between its prefix and suffix, so each boundary is moved, by at most `slack`, to
 * where that context now ends or begins, and the quote's edits are counted again over the result.
 */
export function refineBoundaries(text: string, target: Target, candidate: Candidate, slack: number): Candidate {
  const start =
    target.prefix.length >= MIN_CONTEXT ? (prefixEnd(text, target.prefix, candidate.start, slack) ?? candidate.start) : candidate.start;
  const end =
    target.suffix.length >= MIN_CONTEXT ? (suffixStart(text, target.suffix, candidate.end, slack) ?? candidate.end) : candidate.end;
  if (end <= start || (start === candidate.start && end === candidate.end)) return candidate;
  const errors = editDistance(target.exact, text.slice(start, end), target.exact.length);
  return { start, end, errors };
}
