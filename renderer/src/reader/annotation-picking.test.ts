import { describe, expect, it } from 'vitest';
import { innermostFirst, neighbourInReadingOrder, pickAnnotation } from './annotation-picking.ts';

const claim = { id: 'claim', start: 0, end: 50 };
const quote = { id: 'quote', start: 10, end: 40 };
const entity = { id: 'entity', start: 12, end: 20 };

describe('picking annotations under a click', () => {
  it('orders overlapping annotations innermost first', () => {
    expect(innermostFirst([claim, entity, quote]).map((span) => span.id)).toEqual(['entity', 'quote', 'claim']);
  });

  it('picks the innermost annotation first', () => {
    expect(pickAnnotation(innermostFirst([claim, quote, entity]), null)).toBe('entity');
  });

  it('cycles outwards on repeated clicks and wraps round', () => {
    const candidates = innermostFirst([claim, quote, entity]);
    expect(pickAnnotation(candidates, 'entity')).toBe('quote');
    expect(pickAnnotation(candidates, 'quote')).toBe('claim');
    expect(pickAnnotation(candidates, 'claim')).toBe('entity');
  });

  it('starts from the innermost when the selection is elsewhere, and picks nothing on plain text', () => {
    expect(pickAnnotation(innermostFirst([claim, quote]), 'other')).toBe('quote');
    expect(pickAnnotation([], 'claim')).toBeNull();
  });
});

describe('moving between annotations in reading order', () => {
  const spans = [entity, claim, quote];

  it('steps forwards and backwards, wrapping round', () => {
    expect(neighbourInReadingOrder(spans, null, 1)).toBe('claim');
    expect(neighbourInReadingOrder(spans, 'claim', 1)).toBe('quote');
    expect(neighbourInReadingOrder(spans, 'entity', 1)).toBe('claim');
    expect(neighbourInReadingOrder(spans, 'claim', -1)).toBe('entity');
    expect(neighbourInReadingOrder(spans, null, -1)).toBe('entity');
  });
});
