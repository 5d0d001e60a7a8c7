import { describe, expect, it } from 'vitest';
import type { AnnotationKind } from '../model/annotation.ts';
import type { AgreementItem, AnnotatorItems } from './agreement-items.ts';
import { computeAgreement, pairAgreement, UNMARKED } from './agreement-report.ts';
import { cohensKappa } from './cohen-kappa.ts';
import { describeMajoritySpan } from './majority-view.ts';

let next = 0;
const item = (kind: AnnotationKind, start: number, end: number, label: string): AgreementItem => ({
  id: `i${next++}`,
  kind,
  start,
  end,
  label,
});

/**
 * Mine: claims [0,10) true, [20,30) false, [40,50) true; quotes [60,80) S1, [100,120) S2;
 * mentions [0,4) person, [60,65) person, [130,135) location; a note [140,150).
 * Theirs: claims [0,10) true, [22,30) true, [200,210) mixed; quotes [60,80) S1, [100,120) S3;
 * mentions [0,4) person, [130,135) organization, [160,165) person; no note.
 */
const mine: AnnotatorItems = {
  name: 'Mine',
  items: [
    item('claim', 0, 10, 'true'),
    item('claim', 20, 30, 'false'),
    item('claim', 40, 50, 'true'),
    item('quote', 60, 80, 'S1'),
    item('quote', 100, 120, 'S2'),
    item('entity', 0, 4, 'person'),
    item('entity', 60, 65, 'person'),
    item('entity', 130, 135, 'location'),
    item('note', 140, 150, 'note'),
  ],
};
const theirs: AnnotatorItems = {
  name: 'Theirs',
  items: [
    item('claim', 0, 10, 'true'),
    item('claim', 22, 30, 'true'),
    item('claim', 200, 210, 'mixed'),
    item('quote', 60, 80, 'S1'),
    item('quote', 100, 120, 'S3'),
    item('entity', 0, 4, 'person'),
    item('entity', 130, 135, 'organization'),
    item('entity', 160, 165, 'person'),
  ],
};

describe('pairAgreement', () => {
  const pair = pairAgreement(mine, theirs);

  it('counts exact-span and overlap-span precision, recall and F1 per kind and over all kinds', () => {
    // Claims: only [0,10) has the same span (1 of 3 each); [20,30)/[22,30) overlap too (2 of 3).
    expect(pair.scopes.claim.exact).toEqual({ matched: 1, a: 3, b: 3, precision: 1 / 3, recall: 1 / 3, f1: 1 / 3 });
    expect(pair.scopes.claim.overlap.f1).toBeCloseTo(2 / 3, 12);
    expect(pair.scopes.quote.exact.f1).toBe(1);
    // Mentions [0,4) and [130,135) share spans (their types differ, which κ sees, not F1).
    expect(pair.scopes.entity.exact.f1).toBeCloseTo(4 / 6, 12);
    // A note only I wrote: recall 0, no precision (they marked nothing to be precise about).
    expect(pair.scopes.note.exact).toEqual({ matched: 0, a: 1, b: 0, precision: null, recall: 0, f1: 0 });
    // All kinds: 1 + 2 + 2 + 0 = 5 same spans of 9 mine and 8 theirs; 6 overlapping.
    expect(pair.scopes.all.exact).toMatchObject({ matched: 5, precision: 5 / 8, recall: 5 / 9 });
    expect(pair.scopes.all.exact.f1).toBeCloseTo(10 / 17, 12);
    expect(pair.scopes.all.overlap.f1).toBeCloseTo(12 / 17, 12);
  });

  it('computes κ over the spans either annotator marked, "not marked" standing for the missing side', () => {
    // Claim units: (true,true) (false,true) (true,—) (—,mixed). po = 1/4.
    // Mine: true 2, false 1, — 1; theirs: true 2, mixed 1, — 1. pe = (2·2 + 1·1)/16 = 5/16.
    // κ = (1/4 − 5/16) / (1 − 5/16) = −1/11.
    expect(pair.scopes.claim.kappa.value).toBeCloseTo(-1 / 11, 12);
    expect(pair.scopes.claim.kappa.units).toBe(4);
    // Pooled over claims, quotes and mentions: 10 units, 3 agree (claim true, quote S1, person).
    // Marginals in common: claim true 2·2, not marked 2·2, quote S1 1·1, person 2·2 → pe = 13/100.
    // κ = (0.3 − 0.13) / 0.87.
    expect(pair.scopes.all.kappa.value).toBeCloseTo(0.17 / 0.87, 12);
    expect(pair.scopes.note.kappa.value).toBeNull();
  });

  it('gives speaker agreement on quotes and verdict agreement on claims both marked', () => {
    expect(pair.speaker).toMatchObject({ pairs: 2, agreed: 1, value: 0.5 });
    expect(pair.verdict).toMatchObject({ pairs: 2, agreed: 1, value: 0.5 });
  });
});

describe('cohensKappa', () => {
  it('is not inflated by the text neither annotator marked', () => {
    // Ten mentions both marked, typed person (P) or location (L); the types agree on 6 of 10.
    const mineTypes = 'PPPPPLLLLL'.split('');
    const theirTypes = 'PPPLLLLLPP'.split('');
    const a: AnnotatorItems = { name: 'A', items: mineTypes.map((t, i) => item('entity', i * 10, i * 10 + 5, t)) };
    const b: AnnotatorItems = { name: 'B', items: theirTypes.map((t, i) => item('entity', i * 10, i * 10 + 5, t)) };
    // On the marked units: po = 6/10, pe = .5·.5 + .5·.5 = .5, κ = (.6 − .5)/(1 − .5) = 0.2.
    const correct = pairAgreement(a, b).scopes.entity.kappa;
    expect(correct.value).toBeCloseTo(0.2, 12);
    // Counting 90 unmarked tokens as agreement on "nothing": po = 96/100, pe = .05² + .05² + .9² = .815,
    // κ = (.96 − .815)/(1 − .815) = 0.7838: the same annotations look almost four times as reliable.
    const perToken = [
      ...mineTypes.map((t, i) => [t, theirTypes[i] as string] as const),
      ...Array.from({ length: 90 }, () => [UNMARKED, UNMARKED] as const),
    ];
    const inflated = cohensKappa(perToken);
    expect(inflated.value).toBeCloseTo(0.145 / 0.185, 12);
    expect(inflated.value as number).toBeGreaterThan(0.78);
  });

  it('is 1 for perfect agreement and null when chance alone agrees on everything', () => {
    expect(
      cohensKappa([
        ['a', 'a'],
        ['b', 'b'],
      ]).value,
    ).toBe(1);
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'a'],
      ]).value,
    ).toBeNull();
    expect(cohensKappa([]).value).toBeNull();
  });
});

describe('computeAgreement', () => {
  const third: AnnotatorItems = {
    name: 'Third',
    items: [item('claim', 0, 10, 'true'), item('claim', 20, 30, 'false'), item('quote', 60, 80, 'S1'), item('entity', 0, 4, 'person')],
  };
  const report = computeAgreement([mine, theirs, third], 300);

  it('gives every pair and their means, with αu over all three annotators', () => {
    expect(report.pairs.map((p) => `${p.a}–${p.b}`)).toEqual(['Mine–Theirs', 'Mine–Third', 'Theirs–Third']);
    const quoteF1 = report.pairs.map((p) => p.scopes.quote.exact.f1 as number);
    expect(report.overall.scopes.quote.exactF1).toBeCloseTo(quoteF1.reduce((sum, f1) => sum + f1, 0) / 3, 12);
    expect(report.overall.scopes.claim.alphaU.value).not.toBeNull();
    expect(report.overall.scopes.all.alphaU.value as number).toBeLessThan(1);
    expect(report.explanations.alphaU).toMatch(/αu/);
  });

  it('says how many annotators marked each stretch in the majority view', () => {
    const first = report.majority.spans.find((s) => s.kind === 'claim' && s.start === 0);
    expect(first).toMatchObject({ end: 10, annotators: ['Mine', 'Theirs', 'Third'], exactly: ['Mine', 'Theirs', 'Third'] });
    const second = report.majority.spans.find((s) => s.kind === 'claim' && s.start === 20);
    expect(second).toMatchObject({ end: 30, annotators: ['Mine', 'Theirs', 'Third'], exactly: ['Mine', 'Third'] });
    if (!second) throw new Error('no span');
    expect(describeMajoritySpan(second, 3)).toBe('3 of 3 annotators marked this (2 with these boundaries)');
    const quote = report.majority.spans.find((s) => s.kind === 'quote' && s.start === 100);
    expect(quote?.annotators).toEqual(['Mine', 'Theirs']);
    expect(report.majority.byCount[1]).toBe(5);
  });
});
