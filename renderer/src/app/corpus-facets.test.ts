import { describe, expect, it } from 'vitest';
import type { FacetValue } from '../../../shared/corpus/corpus-query.ts';
import { asksFor, dropEmpty, queryValues, termOf, withoutValue, withValue } from './corpus-facets.ts';

const value = (id: string, label = id): FacetValue => ({ value: id, label, count: 1 });

describe('withValue', () => {
  it('adds a value as one more alternative of its filter, once', () => {
    expect(withValue({ text: 'budget', verdicts: ['false'] }, 'verdict', 'mostly-false')).toEqual({
      text: 'budget',
      verdicts: ['false', 'mostly-false'],
    });
    expect(withValue({ verdicts: ['false'] }, 'verdict', 'false')).toEqual({ verdicts: ['false'] });
    expect(withValue({}, 'kind', 'quote')).toEqual({ kinds: ['quote'] });
    expect(withValue({}, 'kind', 'sentence')).toEqual({});
  });

  it('reads check-worthy as yes or no, and both as no filter', () => {
    expect(withValue({}, 'checkworthy', 'yes')).toEqual({ checkworthy: true });
    expect(withValue({}, 'checkworthy', 'no')).toEqual({ checkworthy: false });
    expect(withValue({ checkworthy: true }, 'checkworthy', 'no')).toEqual({});
  });

  it('widens the date range to cover a ticked month', () => {
    expect(withValue({}, 'month', '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(withValue({ from: '2026-02-01', to: '2026-02-28' }, 'month', '2026-04')).toEqual({ from: '2026-02-01', to: '2026-04-30' });
    expect(withValue({}, 'month', '2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(withValue({ from: '2026-12-01', to: '2026-12-31' }, 'month', '2027-01')).toEqual({ from: '2026-12-01', to: '2027-01-31' });
  });
});

describe('the verdict record facets', () => {
  it('tick and untick claim and article stages, checkers and record parts as their own filters', () => {
    expect(withValue({}, 'stage', 'checked')).toEqual({ stages: ['checked'] });
    expect(withValue({ stages: ['checked'] }, 'stage', 'published')).toEqual({ stages: ['checked', 'published'] });
    expect(withValue({}, 'articleStage', 'published')).toEqual({ articleStages: ['published'] });
    expect(withValue({}, 'checkedBy', 'Ana Lopes')).toEqual({ checkedBy: ['Ana Lopes'] });
    expect(withValue({ has: ['rationale'] }, 'has', 'archive')).toEqual({ has: ['rationale', 'archive'] });
    expect(withoutValue({ stages: ['checked', 'published'] }, 'stage', value('checked'))).toEqual({ stages: ['published'] });
    expect(withoutValue({ articleStages: ['published'] }, 'articleStage', value('published'))).toEqual({});
    expect(queryValues({ stages: ['in-progress'], checkedBy: ['Ben'], has: ['evidence'] }, 'stage')).toEqual(['in-progress']);
    expect(asksFor({ checkedBy: ['Ben'] }, 'checkedBy', value('Ben'))).toBe(true);
    expect(asksFor({ has: ['evidence'] }, 'has', value('archive'))).toBe(false);
  });

  it('tick checked months as a range of checked days, apart from the published range', () => {
    const range = withValue({ from: '2024-01-01', to: '2024-12-31' }, 'checked', '2026-03');
    expect(range).toEqual({ from: '2024-01-01', to: '2024-12-31', checkedFrom: '2026-03-01', checkedTo: '2026-03-31' });
    const wider = withValue(range, 'checked', '2026-04');
    expect(queryValues(wider, 'checked')).toEqual(['2026-03', '2026-04']);
    expect(queryValues(wider, 'month').length).toBe(12);
    expect(withoutValue(wider, 'checked', value('2026-03'))).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      checkedFrom: '2026-04-01',
      checkedTo: '2026-04-30',
    });
    expect(withoutValue({ checkedFrom: '2026-03-01', checkedTo: '2026-03-31' }, 'checked', value('2026-03'))).toEqual({});
  });
});

describe('withoutValue', () => {
  it('takes one value out, and the filter with it when it was the last', () => {
    expect(withoutValue({ verdicts: ['false', 'true'], text: 'x' }, 'verdict', value('true'))).toEqual({ verdicts: ['false'], text: 'x' });
    expect(withoutValue({ verdicts: ['false'] }, 'verdict', value('false'))).toEqual({});
    expect(withoutValue({ checkworthy: true }, 'checkworthy', value('yes'))).toEqual({});
  });

  it('takes an entity out whether the query names it by id or by name', () => {
    const duch = value('ent-duch', 'Jaume Duch');
    expect(withoutValue({ speakers: ['jaume duch', 'Metsola'] }, 'speaker', duch)).toEqual({ speakers: ['Metsola'] });
    expect(withoutValue({ speakers: ['ent-duch'] }, 'speaker', duch)).toEqual({});
  });

  it('narrows a date range by a month at its start, ends it before a later month, and drops a one-month range', () => {
    const range = { from: '2026-01-01', to: '2026-03-31' };
    expect(withoutValue(range, 'month', value('2026-01'))).toEqual({ from: '2026-02-01', to: '2026-03-31' });
    expect(withoutValue(range, 'month', value('2026-03'))).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(withoutValue(range, 'month', value('2026-02'))).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(withoutValue({ from: '2026-01-01', to: '2026-01-31' }, 'month', value('2026-01'))).toEqual({});
  });
});

describe('queryValues, asksFor and termOf', () => {
  it('names the values a query asks for as the facets name them', () => {
    const query = { kinds: ['claim' as const], checkworthy: false, sources: ['Reuters'], from: '2026-01-01', to: '2026-02-28' };
    expect(queryValues(query, 'kind')).toEqual(['claim']);
    expect(queryValues(query, 'checkworthy')).toEqual(['no']);
    expect(queryValues(query, 'source')).toEqual(['Reuters']);
    expect(queryValues(query, 'month')).toEqual(['2026-01', '2026-02']);
    expect(queryValues({ from: '2026-01-05', to: '2026-02-28' }, 'month')).toEqual([]);
  });

  it('finds an entity asked for by name or id, other values by value only', () => {
    expect(asksFor({ speakers: ['Jaume Duch'] }, 'speaker', value('ent-duch', 'Jaume Duch'))).toBe(true);
    expect(asksFor({ speakers: ['ent-duch'] }, 'speaker', value('ent-duch', 'Jaume Duch'))).toBe(true);
    expect(asksFor({ verdicts: ['False'] }, 'verdict', value('false', 'False'))).toBe(false);
  });

  it('writes an entity by name unless another entity of the facet has that name', () => {
    const eu = value('ent-eu', 'EU');
    expect(termOf('entity', eu, [eu, value('ent-un', 'UN')])).toBe('EU');
    expect(termOf('entity', eu, [eu, value('ent-eu-2', 'eu')])).toBe('ent-eu');
    expect(termOf('verdict', value('false', 'False'), [])).toBe('false');
  });

  it('drops empty lists and text', () => {
    expect(dropEmpty({ text: '', kinds: [], verdicts: ['false'] })).toEqual({ verdicts: ['false'] });
  });
});
