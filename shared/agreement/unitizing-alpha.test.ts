import { describe, expect, it } from 'vitest';
import { mergeSpans, unitizingAlpha, type Span } from './unitizing-alpha.ts';

/**
 * Krippendorff's worked example (Content Analysis, 2nd ed., 2004, p. 254; the one DKPro
 * Statistics tests against), moved from the continuum [150, 450) to [0, 300): L = 300, m = 2.
 *
 *   category c   annotator i: [75,145) l=70   [220,250) l=30
 *                annotator j: [70,150) l=80   [205,225) l=20   [250,270) l=20
 *   category k   both:        [30,90)  l=60   [150,200) l=50
 *
 * Category c, by hand. Sections of i: gap [0,75) 75, unit 70, gap [145,220) 75, unit 30,
 * gap [250,300) 50. Sections of j: gap [0,70) 70, unit 80, gap [150,205) 55, unit 20,
 * gap [225,250) 25, unit 20, gap [270,300) 30.
 *
 * Observed: the overlapping pairs with a non-zero δ² are
 *   unit [75,145) / unit [70,150):   (75−70)² + (145−150)²   =   25 + 25  =   50
 *   unit [220,250) / unit [205,225): (220−205)² + (250−225)² = 225 + 625  =  850
 *   unit [250,270) inside gap [250,300):  20²                            =  400
 * (unit [220,250) against gap [225,250) is 0: the unit is not inside that gap.) Each ordered pair
 * of annotators counts, so Σ = 2 · 1300 = 2600 and Do = 2600 / (2·1·300²) = 0.014444.
 *
 * Expected: N = 5 units; gaps of both, longest first: 75 75 70 55 50 30 25.
 *   l=70: 4/3·(2·70³ − 3·70² + 70) = 895160;  gaps ≥ 70: 6+6+1 = 13,           · 70² = 63700
 *   l=30: 4/3·(2·30³ − 3·30² + 30) =  68440;  gaps ≥ 30: 46+46+41+26+21+1 = 181 · 30² = 162900
 *   l=80: 4/3·(2·80³ − 3·80² + 80) = 1339840; no gap ≥ 80                               0
 *   l=20 (twice): 4/3·(2·20³ − 3·20² + 20) = 19760; gaps ≥ 20: 56+56+51+36+31+11+6 = 247 · 20² = 98800
 *   Σ = 958860 + 231340 + 1339840 + 2·118560 = 2767160
 *   denominator: mL(mL − 1) − Σ l(l−1) = 600·599 − (4830 + 870 + 6320 + 380 + 380) = 346620
 *   De = (2/300)·2767160 / 346620 = 0.053222
 * αu(c) = 1 − 0.014444/0.053222 = 0.7286, the book's value. Category k agrees perfectly: αu(k) = 1.
 */
const C_I: Span[] = [
  { start: 75, end: 145 },
  { start: 220, end: 250 },
];
const C_J: Span[] = [
  { start: 70, end: 150 },
  { start: 205, end: 225 },
  { start: 250, end: 270 },
];
const K: Span[] = [
  { start: 30, end: 90 },
  { start: 150, end: 200 },
];

/** The same definition the slow way: every pair of sections, every placement of a unit counted one by one. */
function referenceAlpha(annotators: Span[][], length: number): { observed: number; expected: number } {
  const cut = (units: Span[]) => {
    const out: { start: number; end: number; unit: boolean }[] = [];
    let at = 0;
    for (const u of mergeSpans(units)) {
      if (u.start > at) out.push({ start: at, end: u.start, unit: false });
      out.push({ ...u, unit: true });
      at = u.end;
    }
    if (at < length) out.push({ start: at, end: length, unit: false });
    return out;
  };
  const all = annotators.map(cut);
  const m = annotators.length;
  let observed = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      for (const g of all[i] ?? []) {
        for (const h of all[j] ?? []) {
          const overlaps = g.start < h.end && h.start < g.end;
          if (!overlaps) continue;
          if (g.unit && h.unit) observed += (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
          else if (g.unit && g.start >= h.start && g.end <= h.end) observed += (g.end - g.start) ** 2;
          else if (h.unit && h.start >= g.start && h.end <= g.end) observed += (h.end - h.start) ** 2;
        }
      }
    }
  }
  const units = all.flat().filter((s) => s.unit);
  const gaps = all.flat().filter((s) => !s.unit);
  let numerator = 0;
  for (const u of units) {
    const l = u.end - u.start;
    // The unit against each of the other units, displaced by d in one direction: δ² = d² + d².
    for (let other = 0; other < units.length - 1; other++) for (let d = 1; d < l; d++) numerator += 2 * d * d;
    // The unit in every position wholly inside every gap it fits in: δ² = l² each.
    for (const gap of gaps) for (let at = gap.start; at + l <= gap.end; at++) numerator += l * l;
  }
  const squared = units.reduce((sum, u) => sum + (u.end - u.start) * (u.end - u.start - 1), 0);
  return {
    observed: observed / (m * (m - 1) * length * length),
    expected: ((2 / length) * numerator) / (m * length * (m * length - 1) - squared),
  };
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('unitizingAlpha', () => {
  it("reproduces Krippendorff's worked example: αu(c) = 0.7286 from Do = 0.0144 and De = 0.0532", () => {
    const c = unitizingAlpha([C_I, C_J], 300);
    expect(c.observed).toBeCloseTo(2600 / 180000, 10);
    expect(c.expected).toBeCloseTo(((2 / 300) * 2767160) / 346620, 10);
    expect(c.value).toBeCloseTo(0.7286, 4);
    const k = unitizingAlpha([K, K], 300);
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.049, 3);
    expect(k.value).toBe(1);
    // Over both categories (Do and De summed, as DKPro averages them): 0.8591.
    expect(1 - (c.observed + k.observed) / (c.expected + k.expected)).toBeCloseTo(0.8591, 3);
  });

  it('agrees with a brute-force reference on random unitizations by two to four annotators', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 40; trial++) {
      const length = 50 + Math.floor(random() * 150);
      const m = 2 + (trial % 3);
      const annotators = Array.from({ length: m }, () =>
        Array.from({ length: Math.floor(random() * 5) }, () => {
          const start = Math.floor(random() * (length - 1));
          return { start, end: Math.min(length, start + 1 + Math.floor(random() * 30)) };
        }),
      );
      const fast = unitizingAlpha(annotators, length);
      const slow = referenceAlpha(annotators, length);
      expect(fast.observed).toBeCloseTo(slow.observed, 12);
      expect(fast.expected).toBeCloseTo(slow.expected, 12);
    }
  });

  it('is null when nobody marked anything, and merges one annotator’s overlapping units', () => {
    expect(unitizingAlpha([[], []], 100).value).toBeNull();
    expect(
      mergeSpans([
        { start: 10, end: 20 },
        { start: 15, end: 30 },
        { start: 30, end: 40 },
      ]),
    ).toEqual([
      { start: 10, end: 30 },
      { start: 30, end: 40 },
    ]);
  });

  it('falls below zero when the annotators mark different stretches', () => {
    const alpha = unitizingAlpha([[{ start: 0, end: 40 }], [{ start: 60, end: 100 }]], 100).value;
    expect(alpha).not.toBeNull();
    expect(alpha as number).toBeLessThan(0);
  });
});
