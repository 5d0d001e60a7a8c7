import { blockRanges } from './article-segments.ts';

export interface Token {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits a canonical text into sentences of tokens: words (with their inner apostrophes and
 * hyphens, as Unicode word segmentation keeps them), numbers, and each punctuation mark on its
 * own. Tokens are also cut at every offset in `cuts`, and sentences never break inside a span of
 * `keep`, so annotated spans always fall on token and sentence boundaries.
 */
export function tokenizeSentences(
  text: string,
  options: { language?: string; cuts?: Iterable<number>; keep?: readonly { start: number; end: number }[] } = {},
): Token[][] {
  const language = options.language ?? 'en';
  const words = new Intl.Segmenter(language, { granularity: 'word' });
  const sentences = new Intl.Segmenter(language, { granularity: 'sentence' });
  const cuts = new Set(options.cuts ?? []);
  const keep = [...(options.keep ?? [])];
  const insideKept = (offset: number) => keep.some((span) => span.start < offset && offset < span.end);

  const result: Token[][] = [];
  for (const block of blockRanges(text)) {
    const blockText = text.slice(block.start, block.end);
    const breaks = [...sentences.segment(blockText)]
      .map((s) => block.start + s.index)
      .filter((offset) => offset > block.start && !insideKept(offset));
    breaks.push(block.end);
    let sentence: Token[] = [];
    let nextBreak = 0;
    const push = (token: Token) => {
      while (token.start >= (breaks[nextBreak] as number)) {
        if (sentence.length > 0) result.push(sentence);
        sentence = [];
        nextBreak++;
      }
      sentence.push(token);
    };
    for (const [pieceStart, pieceEnd] of joinHyphenated(wordPieces(words, blockText, block.start))) {
      let from = pieceStart;
      for (let offset = pieceStart + 1; offset < pieceEnd; offset++) {
        if (cuts.has(offset)) {
          push({ start: from, end: offset, text: text.slice(from, offset) });
          from = offset;
        }
      }
      push({ start: from, end: pieceEnd, text: text.slice(from, pieceEnd) });
    }
    if (sentence.length > 0) result.push(sentence);
  }
  return result;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);

type Piece = [start: number, end: number, kind: 'word' | 'hyphen' | 'mark'];

/** Unicode word segments: words whole, and punctuation one mark per piece; whitespace dropped. */
function wordPieces(words: Intl.Segmenter, blockText: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  for (const segment of words.segment(blockText)) {
    const start = offset + segment.index;
    if (segment.isWordLike) {
      pieces.push([start, start + segment.segment.length, 'word']);
      continue;
    }
    let position = start;
    for (const char of segment.segment) {
      if (!/\s/u.test(char)) pieces.push([position, position + char.length, HYPHENS.has(char) ? 'hyphen' : 'mark']);
      position += char.length;
    }
  }
  return pieces;
}

/** Keeps hyphenated compounds ("pro-Kremlin", "non-binding") as one token, as CoNLL corpora do. */
function joinHyphenated(pieces: Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    const beforeLast = joined[joined.length - 2];
    if (piece[2] === 'word' && last?.[2] === 'hyphen' && beforeLast?.[2] === 'word' && beforeLast[1] === last[0] && last[1] === piece[0]) {
      joined.pop();
      beforeLast[1] = piece[1];
      continue;
    }
    joined.push([...piece]);
  }
  return joined;
}
