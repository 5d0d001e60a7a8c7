import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';

function reference(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      row[j] = Math.min((above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1), (above[j] as number) + 1, (row[j - 1] as number) + 1);
    }
  }
  return rows[a.length]?.[b.length] as number;
}

describe('editDistance', () => {
  it('agrees with the full dynamic programme on insertions, deletions and substitutions', () => {
    const pairs: [string, string][] = [
      ['', ''],
      ['kitten', 'sitting'],
      ['became temporarily unavailable', 'became temporarily and completely unavailable'],
      ['"My response"', '\u201cMy response\u201d'],
      ['abc', ''],
      ['the the brutal', 'the brutal'],
    ];
    for (const [a, b] of pairs) expect(editDistance(a, b)).toBe(reference(a, b));
  });

  it('stops at limit + 1 once the distance is certain to exceed the limit', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
