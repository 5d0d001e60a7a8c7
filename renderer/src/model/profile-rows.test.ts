import { describe, expect, it } from 'vitest';
import type { CorpusGroup, CorpusHit } from '../../../shared/corpus/corpus-query.ts';
import { hitSummary, profileRowKey, profileRows } from './profile-rows.ts';

const hit = (documentId: string, annotationId: string, kind: CorpusHit['kind']): CorpusHit => ({
  documentId,
  annotationId,
  kind,
  start: 0,
  end: 3,
  exact: 'abc',
  author: 'A',
  modified: '2026-03-01T09:00:00.000Z',
});

const groups: CorpusGroup[] = [
  { documentId: 'd1', title: 'One', hits: [hit('d1', 'a', 'entity'), hit('d1', 'b', 'quote'), hit('d1', 'c', 'entity')] },
  { documentId: 'd2', title: 'Two', hits: [hit('d2', 'a', 'claim')] },
];

describe('profile rows', () => {
  it('puts each article’s heading before its hits, every hit knowing its heading and its place among all hits', () => {
    const rows = profileRows(groups);
    expect(rows.map(profileRowKey)).toEqual(['article:d1', 'hit:d1/a', 'hit:d1/b', 'hit:d1/c', 'article:d2', 'hit:d2/a']);
    expect(rows.map((row) => row.heading)).toEqual([0, 0, 0, 0, 4, 4]);
    expect(rows.flatMap((row) => (row.type === 'hit' ? [row.position] : []))).toEqual([0, 1, 2, 3]);
  });

  it('sums up an article’s hits by kind', () => {
    expect(hitSummary(groups[0]?.hits ?? [])).toBe('2 mentions, 1 quote');
    expect(hitSummary(groups[1]?.hits ?? [])).toBe('1 claim');
  });
});
