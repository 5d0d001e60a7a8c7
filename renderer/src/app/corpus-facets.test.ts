import { describe, expect, it } from 'vitest';
import { dropEmpty, mergeSelections, queryValues, toggleSelection, withoutValue } from './corpus-facets.ts';

describe('mergeSelections', () => {
  it('adds ticked values to the typed filters as alternatives, once each', () => {
    const query = mergeSelections(
      { text: 'budget', verdicts: ['false'], speakers: ['Metsola'] },
      { verdict: ['false', 'mostly-false'], speaker: ['e-duch'], kind: ['claim', 'quote'] },
    );
    expect(query).toEqual({
      text: 'budget',
      verdicts: ['false', 'mostly-false'],
      speakers: ['Metsola', 'e-duch'],
      kinds: ['claim', 'quote'],
    });
  });

  it('reads check-worthy as yes or no, and both as no filter', () => {
    expect(mergeSelections({}, { checkworthy: ['yes'] })).toEqual({ checkworthy: true });
    expect(mergeSelections({}, { checkworthy: ['no'] })).toEqual({ checkworthy: false });
    expect(mergeSelections({ checkworthy: true }, { checkworthy: ['yes', 'no'] })).toEqual({});
  });

  it('makes ticked months one date range, within a typed one', () => {
    expect(mergeSelections({}, { month: ['2026-03', '2026-02'] })).toEqual({ from: '2026-02-01', to: '2026-03-31' });
    expect(mergeSelections({ from: '2026-02-10' }, { month: ['2026-02'] })).toEqual({ from: '2026-02-10', to: '2026-02-28' });
    expect(mergeSelections({}, { month: ['2024-02'] })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('drops a kind no annotation has', () => {
    expect(mergeSelections({}, { kind: ['claim', 'sentence'] })).toEqual({ kinds: ['claim'] });
  });
});

describe('queryValues and withoutValue', () => {
  it('names the values a query asks for as the facets name them', () => {
    const query = { kinds: ['claim' as const], checkworthy: false, sources: ['Reuters'], from: '2026-01-01', to: '2026-02-28' };
    expect(queryValues(query, 'kind')).toEqual(['claim']);
    expect(queryValues(query, 'checkworthy')).toEqual(['no']);
    expect(queryValues(query, 'source')).toEqual(['Reuters']);
    expect(queryValues(query, 'month')).toEqual(['2026-01', '2026-02']);
    expect(queryValues({ from: '2026-01-05', to: '2026-02-28' }, 'month')).toEqual([]);
  });

  it('takes one value out, and the filter with it when it was the last', () => {
    expect(withoutValue({ verdicts: ['false', 'true'], text: 'x' }, 'verdict', 'true')).toEqual({ verdicts: ['false'], text: 'x' });
    expect(withoutValue({ verdicts: ['false'] }, 'verdict', 'false')).toEqual({});
    expect(withoutValue({ from: '2026-01-01', to: '2026-01-31' }, 'month', '2026-01')).toEqual({});
  });
});

describe('toggleSelection and dropEmpty', () => {
  it('ticks and unticks, forgetting a facet with nothing ticked', () => {
    const once = toggleSelection({}, 'verdict', 'false');
    expect(once).toEqual({ verdict: ['false'] });
    expect(toggleSelection(once, 'verdict', 'false')).toEqual({});
  });

  it('drops empty lists and text', () => {
    expect(dropEmpty({ text: '', kinds: [], verdicts: ['false'] })).toEqual({ verdicts: ['false'] });
  });
});
