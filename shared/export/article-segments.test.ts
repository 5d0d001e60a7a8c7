import { describe, expect, it } from 'vitest';
import { blockRanges, segmentText, type Span } from './article-segments.ts';

interface Named extends Span {
  name: string;
}

function span(name: string, start: number, end: number, order: number): Named {
  return { name, start, end, order };
}

function describeBlocks(text: string, spans: Named[]) {
  return segmentText(text, spans).map((block) =>
    block.segments.map((s) => `${s.text}|${s.active.map((a) => a.name).join('')}|${s.ending.map((a) => a.name).join('')}`),
  );
}

describe('blockRanges', () => {
  it('finds the blocks between blank lines', () => {
    expect(blockRanges('ab\n\ncd')).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ]);
  });
});

describe('segmentText', () => {
  it('cuts at every boundary of overlapping and nested spans, outermost first', () => {
    const text = 'abcdefghij';
    const spans = [span('A', 0, 6, 1), span('B', 2, 4, 2), span('C', 4, 9, 3)];
    expect(describeBlocks(text, spans)).toEqual([['ab|A|', 'cd|AB|B', 'ef|CA|A', 'ghi|C|C', 'j||']]);
  });

  it('puts the span that ends later outside, so spans ending at a boundary are innermost', () => {
    const text = 'abcdef';
    const [segment] = segmentText(text, [span('A', 0, 3, 1), span('B', 1, 6, 2)])[0]?.segments.slice(1) ?? [];
    expect(segment?.active.map((s) => s.name)).toEqual(['B', 'A']);
    expect(segment?.ending.map((s) => s.name)).toEqual(['A']);
  });

  it('splits spans at block boundaries and marks them where they end', () => {
    const text = 'one\n\ntwo';
    expect(describeBlocks(text, [span('A', 1, 7, 1)])).toEqual([
      ['o||', 'ne|A|'],
      ['tw|A|A', 'o||'],
    ]);
  });

  it('keeps identical spans apart in their order', () => {
    const blocks = segmentText('abc', [span('B', 0, 3, 2), span('A', 0, 3, 1)]);
    expect(blocks[0]?.segments[0]?.active.map((s) => s.name)).toEqual(['A', 'B']);
    expect(blocks[0]?.segments[0]?.ending.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('covers the whole text exactly once', () => {
    const text = 'The quick brown fox.\n\nJumps over the lazy dog.';
    const spans = [span('A', 4, 15, 1), span('B', 10, 30, 2), span('C', 22, 27, 3)];
    const joined = segmentText(text, spans)
      .map((block) => block.segments.map((s) => s.text).join(''))
      .join('\n\n');
    expect(joined).toBe(text);
  });
});
