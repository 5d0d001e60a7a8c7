import { describe, expect, it } from 'vitest';
import { trimmedSpan } from './selection-span.ts';

describe('trimmedSpan', () => {
  const text = 'Alpha beta.\n\nGamma delta';

  it('trims spaces and block separators off both ends', () => {
    expect(trimmedSpan(text, 5, 13)).toEqual({ start: 6, end: 11 });
    expect(trimmedSpan(text, 11, 18)).toEqual({ start: 13, end: 18 });
    expect(trimmedSpan(text, 6, 11)).toEqual({ start: 6, end: 11 });
  });

  it('accepts a backwards selection', () => {
    expect(trimmedSpan(text, 11, 6)).toEqual({ start: 6, end: 11 });
  });

  it('ignores a selection of nothing but whitespace, and an empty one', () => {
    expect(trimmedSpan(text, 11, 13)).toBeNull();
    expect(trimmedSpan(text, 4, 4)).toBeNull();
  });

  it('ignores a selection reaching outside the text', () => {
    expect(trimmedSpan(text, -1, 4)).toBeNull();
    expect(trimmedSpan(text, 0, text.length + 1)).toBeNull();
  });
});
