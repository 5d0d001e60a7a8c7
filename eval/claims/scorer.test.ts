import { describe, expect, it } from 'vitest';
import { readQrels } from './clef-data.ts';
import { luceneLength, standardTokens } from './elastic-baseline.ts';
import { score, trecOrder } from './scorer.ts';
import type { Run } from './scorer.ts';
import { tweetAsClaim } from './tweets.ts';

// A hand-made sample: three judged queries, one unjudged.
const QRELS = readQrels(['1\t0\t1\t1', '2\t0\t2\t1', '2\t0\t3\t1', '3\t0\t9\t1', '3\t0\t7\t0'].join('\n'));
const RUN: Run = new Map([
  [
    '1',
    [
      { doc: '5', score: 0.9 },
      { doc: '1', score: 0.8 },
      { doc: '7', score: 0.1 },
    ],
  ],
  // the tie between 4 and 3 goes to the larger id, as trec_eval orders it: 2, 4, 3
  [
    '2',
    [
      { doc: '2', score: 0.9 },
      { doc: '3', score: 0.5 },
      { doc: '4', score: 0.5 },
    ],
  ],
  ['3', [{ doc: '8', score: 1 }]],
  ['4', [{ doc: '1', score: 1 }]],
]);

describe('the scorer', () => {
  it('orders a run as trec_eval does', () => {
    expect(trecOrder(RUN.get('2') ?? []).map((entry) => entry.doc)).toEqual(['2', '4', '3']);
  });

  it('gives the hand-computed MAP@k, P@1 and MRR of the sample', () => {
    const scores = score(RUN, QRELS, [1, 3, 5]);
    expect(scores.queries).toBe(3);
    // q1: relevant at rank 2 → AP@1 0, AP@3 1/2. q2: relevant at ranks 1 and 3 of 2 → AP@1 1/2, AP@3 (1 + 2/3)/2. q3: none.
    expect(scores.map[1]).toBeCloseTo((0 + 0.5 + 0) / 3, 10);
    expect(scores.map[3]).toBeCloseTo((0.5 + (1 + 2 / 3) / 2 + 0) / 3, 10);
    expect(scores.map[5]).toBeCloseTo(scores.map[3] ?? NaN, 10);
    expect(scores.precision[1]).toBeCloseTo(1 / 3, 10);
    expect(scores.precision[3]).toBeCloseTo((1 / 3 + 2 / 3 + 0) / 3, 10);
    expect(scores.mrr).toBeCloseTo((1 / 2 + 1 + 0) / 3, 10);
  });
});

describe('the baseline', () => {
  it('tokenises as the standard analyzer does', () => {
    expect(standardTokens("Don't U.S. 1,000 #AustralianFires pic.twitter.com/0eJ")).toEqual([
      "don't",
      'u.s',
      '1,000',
      'australianfires',
      'pic.twitter.com',
      '0ej',
    ]);
  });

  it("rounds field lengths as Lucene's norms do", () => {
    expect([1, 23, 24, 25, 31, 32, 33, 40, 41, 100].map(luceneLength)).toEqual([1, 23, 24, 25, 31, 32, 33, 40, 40, 96]);
  });
});

describe('tweets', () => {
  it('take the posting date off the signature', () => {
    expect(tweetAsClaim('Fires spread pic.twitter.com/x — Center (@CenterForBioDiv) January 14, 2020')).toEqual({
      text: 'Fires spread pic.twitter.com/x — Center (@CenterForBioDiv) ',
      date: '2020-01-14',
    });
  });
});
