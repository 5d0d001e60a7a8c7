import { describe, expect, it } from 'vitest';
import { fitIsotonic, fitTable } from './fit-calibration.ts';
import { precisionAtOrAbove, reliabilityOf } from './reliability.ts';

const judged = (confidence: number, right: number, wrong: number) => [
  ...Array.from({ length: right }, () => ({ confidence, right: true })),
  ...Array.from({ length: wrong }, () => ({ confidence, right: false })),
];

describe('fitting the calibration', () => {
  it('pools scores whose accuracy falls as the score rises, and smooths small steps', () => {
    const steps = fitIsotonic([...judged(0.3, 2, 8), ...judged(0.5, 6, 4), ...judged(0.6, 4, 6), ...judged(0.9, 10, 0)]);
    expect(steps).toEqual([
      { upTo: 0.3, accuracy: 0.25, count: 10 },
      { upTo: 0.6, accuracy: 0.5, count: 20 },
      { upTo: 0.9, accuracy: 0.917, count: 10 },
    ]);
  });

  it('fits keys with enough suggestions, never entities or scare quotes', () => {
    const items = [
      ...judged(0.9, 25, 5).map((item) => ({ ...item, key: 'quote:direct:speaker' })),
      ...judged(0.85, 25, 5).map((item) => ({ ...item, key: 'entity:typed' })),
      ...judged(0.5, 3, 1).map((item) => ({ ...item, key: 'claim' })),
    ];
    expect(Object.keys(fitTable(items))).toEqual(['quote:direct:speaker']);
  });
});

describe('the reliability table', () => {
  it('bins by confidence, weighs the gap by count, and measures accepting all at or above a threshold', () => {
    const items = [...judged(0.95, 9, 1), ...judged(0.55, 5, 5)];
    const reliability = reliabilityOf(items);
    expect(reliability.bins[9]).toMatchObject({ count: 10, accuracy: 0.9 });
    expect(reliability.bins[5]).toMatchObject({ count: 10, accuracy: 0.5 });
    expect(reliability.ece).toBeCloseTo((10 * 0.05 + 10 * 0.05) / 20);
    expect(precisionAtOrAbove(items, 0.8)).toEqual({ precision: 0.9, count: 10 });
  });
});
