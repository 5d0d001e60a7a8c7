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
    const breaks = [...sentences.segment(blockText)].map((s) => block.start + s.index).filter((offset) => offset > block.start && !insideKept(offset));
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
    for (const segment of words.segment(blockText)) {
      if (/^\s+$/u.test(segment.segment)) continue;
      const start = block.start + segment.index;
      const end = start + segment.segment.length;
      // Whitespace inside a segment never happens in canonical text, but punctuation runs do: one token per mark.
      const pieces: [number, number][] = segment.isWordLike ? [[start, end]] : [...segment.segment].reduce<[number, number][]>((list, char) => {
        const from = list.length > 0 ? (list[list.length - 1] as [number, number])[1] : start;
        list.push([from, from + char.length]);
        return list;
      }, []);
      for (const [pieceStart, pieceEnd] of pieces) {
        let from = pieceStart;
        for (let offset = pieceStart + 1; offset < pieceEnd; offset++) {
          if (cuts.has(offset)) {
            push({ start: from, end: offset, text: text.slice(from, offset) });
            from = offset;
          }
        }
        const piece = text.slice(from, pieceEnd);
        if (piece.trim()) push({ start: from, end: pieceEnd, text: piece });
      }
    }
    if (sentence.length > 0) result.push(sentence);
  }
  return result;
}
