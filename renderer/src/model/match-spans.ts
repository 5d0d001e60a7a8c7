import type { CorpusQuery } from '../../../shared/corpus/corpus-query.ts';

/** A piece of a hit's text: matched by the query's words or pattern, or not. */
export interface TextPiece {
  text: string;
  match: boolean;
}

/** One character folded for matching (lower case, accents dropped), kept one unit long so offsets stay the text's. */
function foldChar(char: string): string {
  const folded = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.length === char.length ? folded : char;
}

function fold(text: string): string {
  let folded = '';
  for (const char of text) folded += foldChar(char);
  return folded;
}

function wordRanges(text: string, words: readonly string[]): [number, number][] {
  const folded = fold(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    const needle = fold(word);
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  return ranges;
}

function patternRanges(text: string, source: string): [number, number][] {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'gu');
  } catch {
    return [];
  }
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
    if (ranges.length > 200) break;
  }
  return ranges;
}

/**
 * Splits a hit's text where the query's free words (case- and accent-insensitive, as the search
 * matches them) and its regular expression match, so a row can mark what the search found.
 */
export function matchPieces(text: string, query: Pick<CorpusQuery, 'text' | 'regex'>): TextPiece[] {
  const words = (query.text ?? '').split(/\s+/u).filter(Boolean);
  const ranges = [...wordRanges(text, words), ...(query.regex ? patternRanges(text, query.regex) : [])].sort((a, b) => a[0] - b[0]);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    const last = pieces.at(-1);
    if (from > at) pieces.push({ text: text.slice(at, from), match: false });
    else if (last?.match) last.text += text.slice(from, end);
    if (from > at || !last?.match) pieces.push({ text: text.slice(from, end), match: true });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
