import { describe, expect, it } from 'vitest';
import { CodePointIndex, sliceCodePoints } from './code-points.ts';

const text = 'Caf\u00e9 \u{1F600} na\u00efve \u{1F1EA}\u{1F1FA} end \u{1D11E}';

describe('CodePointIndex', () => {
  it('counts astral characters as one code point and BMP letters as one', () => {
    const index = new CodePointIndex(text);
    expect(index.length).toBe(Array.from(text).length);
    expect(index.toCodePoint(text.length)).toBe(Array.from(text).length);
  });

  it('converts every code-point boundary both ways', () => {
    const index = new CodePointIndex(text);
    let utf16 = 0;
    Array.from(text).forEach((char, codePoint) => {
      expect(index.toCodePoint(utf16)).toBe(codePoint);
      expect(index.toUtf16(codePoint)).toBe(utf16);
      utf16 += char.length;
    });
  });

  it('gives offsets that re-select the same text by code points', () => {
    const index = new CodePointIndex(text);
    const start = text.indexOf('na\u00efve');
    const end = text.indexOf(' end');
    const selected = sliceCodePoints(text, index.toCodePoint(start), index.toCodePoint(end));
    expect(selected).toBe(text.slice(start, end));
    expect(selected).toBe('na\u00efve \u{1F1EA}\u{1F1FA}');
  });

  it('refuses offsets inside a surrogate pair or outside the text', () => {
    const index = new CodePointIndex(text);
    const emoji = text.indexOf('\u{1F600}');
    expect(() => index.toCodePoint(emoji + 1)).toThrow(/splits a surrogate pair/);
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
    expect(() => index.toUtf16(index.length + 1)).toThrow(RangeError);
  });

  it('is the identity on text without astral characters', () => {
    const index = new CodePointIndex('plain \u00e9t\u00e9');
    expect(index.toCodePoint(5)).toBe(5);
    expect(index.toUtf16(7)).toBe(7);
  });
});
