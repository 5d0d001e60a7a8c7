import { describe, expect, it } from 'vitest';
import { evaluatePages, wordOverlap } from './import-pages.ts';

describe('the page importer on the newsroom corpus (development data)', () => {
  it('imports every page and reaches the figures measured when the corpus was made', () => {
    const report = evaluatePages();
    expect(report.pages.length).toBeGreaterThanOrEqual(30);
    expect(report.pages.filter((page) => page.error).map((page) => `${page.page}: ${page.error}`)).toEqual([]);
    expect(report.averages.textF1).toBeGreaterThanOrEqual(0.98);
    expect(report.averages.bylineFound).toBeGreaterThanOrEqual(0.9);
    expect(report.averages.title).toBeGreaterThanOrEqual(0.95);
    expect(report.averages.authors).toBeGreaterThanOrEqual(0.95);
    expect(report.averages.published).toBeGreaterThanOrEqual(0.95);
    expect(report.averages.updated).toBeGreaterThanOrEqual(0.95);
    expect(report.averages.canonicalUrl).toBeGreaterThanOrEqual(0.95);
    expect(report.averages.captionsApart).toBeGreaterThanOrEqual(0.85);
  }, 120_000);

  it('scores words as multisets', () => {
    expect(wordOverlap(['a', 'a', 'b'], ['a', 'b', 'b', 'c'])).toEqual({
      precision: 2 / 3,
      recall: 2 / 4,
      f1: (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5),
    });
    expect(wordOverlap([], [])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});
