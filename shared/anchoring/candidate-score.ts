import type { Target } from '../model/target.ts';
import { quickPrefixScore, quickSuffixScore, textMatchScore } from './text-match-score.ts';

/** A place where a target's quote (or something close to it) occurs in the new text. */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the quote and the text at this place (0 for an exact occurrence). */
  errors: number;
}

export interface ScoredCandidate extends Candidate {
  /** The weighted score, 0–1, that placements are chosen and accepted by. */
  score: number;
  /** How much of the old prefix and suffix the new text repeats around the candidate, 0–1. */
  context: number;
}

/**
 * Weights of the score: the quote counts most, then its context on each side, then closeness to
 * where the quote was expected (the weights the Hypothesis client uses). A placement that cuts a
 * word the old span did not cut loses `SPLIT_WORD_PENALTY` per end.
 */
export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL_WEIGHT = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;

/** What a placement loses for each end that cuts a word in two where the old span did not. */
export const SPLIT_WORD_PENALTY = 0.05;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && char !== '' && WORD_CHARACTER.test(char);
}

/** Whether a boundary falls inside a word: a letter or digit on both sides. */
function splitsWord(before: string | undefined, after: string | undefined): boolean {
  return isWordCharacter(before) && isWordCharacter(after);
}

/** How many ends of the candidate cut a word that the old span's ends did not cut. */
function splitWords(text: string, target: Target, candidate: Candidate): number {
  const oldStartSplits = splitsWord(target.prefix.at(-1), target.exact.at(0));
  const oldEndSplits = splitsWord(target.exact.at(-1), target.suffix.at(0));
  const startSplits = splitsWord(text[candidate.start - 1], text[candidate.start]);
  const endSplits = splitsWord(text[candidate.end - 1], text[candidate.end]);
  return (startSplits && !oldStartSplits ? 1 : 0) + (endSplits && !oldEndSplits ? 1 : 0);
}

/** A target with no prefix began the old text: a candidate at the start of the new text agrees, anywhere else is undecided. */
const NO_CONTEXT_ELSEWHERE = 0.5;

function prefixScore(text: string, target: Target, start: number, quick: boolean): number {
  if (target.prefix.length === 0) return start === 0 ? 1 : NO_CONTEXT_ELSEWHERE;
  if (quick) return quickPrefixScore(text, start, target.prefix);
  return textMatchScore(text.slice(Math.max(0, start - target.prefix.length), start), target.prefix);
}

function suffixScore(text: string, target: Target, end: number, quick: boolean): number {
  if (target.suffix.length === 0) return end === text.length ? 1 : NO_CONTEXT_ELSEWHERE;
  if (quick) return quickSuffixScore(text, end, target.suffix);
  return textMatchScore(text.slice(end, end + target.suffix.length), target.suffix);
}

function positionScore(text: string, start: number, hints: readonly number[]): number {
  if (hints.length === 0) return 1;
  const distance = Math.min(...hints.map((hint) => Math.abs(start - hint)));
  return Math.max(0, 1 - distance / Math.max(1, text.length));
}

function score(text: string, target: Target, candidate: Candidate, hints: readonly number[], quick: boolean): ScoredCandidate {
  const quote = Math.max(0, 1 - candidate.errors / target.exact.length);
  const before = prefixScore(text, target, candidate.start, quick);
  const after = suffixScore(text, target, candidate.end, quick);
  const raw =
    SCORE_WEIGHTS.quote * quote +
    SCORE_WEIGHTS.prefix * before +
    SCORE_WEIGHTS.suffix * after +
    SCORE_WEIGHTS.position * positionScore(text, candidate.start, hints);
  const penalty = SPLIT_WORD_PENALTY * splitWords(text, target, candidate);
  return { ...candidate, score: Math.max(0, raw / TOTAL_WEIGHT - penalty), context: (before + after) / 2 };
}

/** Scores one candidate against the target's quote and context and the expected positions. */
export function scoreCandidate(text: string, target: Target, candidate: Candidate, hints: readonly number[]): ScoredCandidate {
  return score(text, target, candidate, hints, false);
}

/**
 * The candidates best first. A common word can occur thousands of times, so all of them are
 * ranked by a cheap exact comparison of context and only the best `keep` get the full score.
 */
export function rankCandidates(
  text: string,
  target: Target,
  candidates: readonly Candidate[],
  hints: readonly number[],
  keep = 8,
): ScoredCandidate[] {
  const shortlist =
    candidates.length <= keep
      ? candidates
      : candidates
          .map((candidate) => score(text, target, candidate, hints, true))
          .sort((a, b) => b.score - a.score)
          .slice(0, keep);
  return shortlist
    .map((candidate) => scoreCandidate(text, target, candidate, hints))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}
