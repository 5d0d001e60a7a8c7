import { describe, expect, it } from 'vitest';
import { Target } from '../model/target.ts';
import { isValidSpan, makeTarget, splitsSurrogatePair, TargetRangeError, targetMatchesText } from './target.ts';

const text = 'On Wednesday afternoon, the official website of the European Parliament became temporarily unavailable after being hacked.';

describe('makeTarget', () => {
  it('quotes the span with 32 characters of context on each side', () => {
    const start = text.indexOf('European Parliament');
    const target = makeTarget(text, start, start + 'European Parliament'.length);
    expect(target.exact).toBe('European Parliament');
    expect(target.prefix).toBe(text.slice(start - 32, start));
    expect(target.prefix).toHaveLength(32);
    expect(target.suffix).toBe(' became temporarily unavailable ');
    expect(target.suffix).toHaveLength(32);
    expect(Target.safeParse(target).success).toBe(true);
  });

  it('keeps shorter context at the edges of the text', () => {
    const target = makeTarget(text, 0, 3);
    expect(target.prefix).toBe('');
    const end = makeTarget(text, text.length - 7, text.length);
    expect(end.exact).toBe('hacked.');
    expect(end.suffix).toBe('');
  });

  it('never splits a surrogate pair in its context', () => {
    const emoji = '\u{1F600}';
    const withEmoji = `${'x'.repeat(10)}${emoji}${'y'.repeat(31)}TARGET${'z'.repeat(31)}${emoji}end`;
    const start = withEmoji.indexOf('TARGET');
    const target = makeTarget(withEmoji, start, start + 6);
    expect(/^[\udc00-\udfff]/u.test(target.prefix)).toBe(false);
    expect(target.prefix).toBe('y'.repeat(31));
    expect(target.suffix).toBe('z'.repeat(31));
  });

  it('refuses spans outside the text or empty', () => {
    expect(() => makeTarget(text, -1, 4)).toThrow(TargetRangeError);
    expect(() => makeTarget(text, 4, 4)).toThrow(TargetRangeError);
    expect(() => makeTarget(text, 0, text.length + 1)).toThrow(TargetRangeError);
    expect(() => makeTarget(text, 1.5, 4)).toThrow(TargetRangeError);
  });

  it('lets the caller check a target against a text', () => {
    const start = text.indexOf('official');
    const target = makeTarget(text, start, start + 8);
    expect(targetMatchesText(text, target)).toBe(true);
    expect(targetMatchesText(text.replace('official', 'OFFICIAL'), target)).toBe(false);
  });
});

describe('spans and surrogate pairs', () => {
  const emoji = 'a\u{1F600}b'; // a, a surrogate pair (offsets 1–3), b

  it('finds the offset between the two halves of a pair', () => {
    expect([0, 1, 2, 3, 4].map((offset) => splitsSurrogatePair(emoji, offset))).toEqual([false, false, true, false, false]);
    expect(splitsSurrogatePair('\ud83d', 1)).toBe(false);
  });

  it('refuses a span that starts or ends inside a pair', () => {
    expect(isValidSpan(emoji, 1, 3)).toBe(true);
    expect(isValidSpan(emoji, 2, 4)).toBe(false);
    expect(isValidSpan(emoji, 0, 2)).toBe(false);
    expect(() => makeTarget(emoji, 0, 2)).toThrow(/splits a surrogate pair/);
    expect(targetMatchesText(emoji, { start: 0, end: 2, exact: emoji.slice(0, 2), prefix: '', suffix: '' })).toBe(false);
  });

  it('refuses negative, reversed, empty, fractional and out-of-range spans', () => {
    for (const [start, end] of [
      [-1, 2],
      [3, 1],
      [2, 2],
      [0.5, 2],
      [0, 5],
      [Number.NaN, 1],
      [0, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(isValidSpan(emoji, start, end), `${start}–${end}`).toBe(false);
    }
  });
});
