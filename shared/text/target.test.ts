import { describe, expect, it } from 'vitest';
import { Target } from '../model/target.ts';
import { makeTarget, TargetRangeError, targetMatchesText } from './target.ts';

const text =
  'On Wednesday afternoon, the official website of the European Parliament became temporarily unavailable after being hacked.';

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
