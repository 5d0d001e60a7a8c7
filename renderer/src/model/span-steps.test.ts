import { describe, expect, it } from 'vitest';
import { moveSpanEdge } from './span-steps.ts';

const text = 'said European Parliament President Roberta Metsola. "Next," she added 🇪🇺 today.';

function at(exact: string) {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length };
}

function slice(span: { start: number; end: number } | null): string | null {
  return span ? text.slice(span.start, span.end) : null;
}

describe('moveSpanEdge', () => {
  it('extends and shrinks the end by a word', () => {
    expect(slice(moveSpanEdge(text, at('European'), 'end', 1))).toBe('European Parliament');
    expect(slice(moveSpanEdge(text, at('European Parliament'), 'end', -1))).toBe('European');
  });

  it('extends and shrinks the start by a word', () => {
    expect(slice(moveSpanEdge(text, at('Roberta Metsola'), 'start', 1))).toBe('Metsola');
    expect(slice(moveSpanEdge(text, at('Roberta Metsola'), 'start', -1))).toBe('President Roberta Metsola');
  });

  it('takes punctuation one mark at a time', () => {
    expect(slice(moveSpanEdge(text, at('Roberta Metsola'), 'end', 1))).toBe('Roberta Metsola.');
    expect(slice(moveSpanEdge(text, at('Next'), 'start', -1))).toBe('"Next');
  });

  it('never empties a span or leaves the text', () => {
    expect(moveSpanEdge(text, at('said'), 'end', -1)).toBeNull();
    expect(moveSpanEdge(text, at('said'), 'start', -1)).toBeNull();
    expect(moveSpanEdge(text, at('today.'), 'end', 1)).toBeNull();
  });

  it('steps over a surrogate pair whole', () => {
    const flagged = moveSpanEdge(text, at('added'), 'end', 1);
    expect(slice(flagged)).toBe('added 🇪');
    expect(slice(moveSpanEdge(text, flagged ?? at('added'), 'end', 1))).toBe('added 🇪🇺');
  });
});
