import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { highlightLook } from './annotation-appearance.ts';

const when = '2026-01-31T09:00:00.000Z';
const common = { target: { start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' }, author: 'A', created: when, modified: when };
const entities = new Map([['e1', { id: 'e1', name: 'European Parliament', type: 'organization', aliases: [] }]]);
const lookup = { entity: (id: string) => entities.get(id) };

describe('highlightLook', () => {
  it('gives each kind its class, and a claim its verdict', () => {
    const claim: Annotation = { ...common, id: 'c', kind: 'claim', status: 'mostly-false' };
    expect(highlightLook(claim, lookup, DEFAULT_TAGSET, false)).toEqual({
      className: 'ann ann-claim verdict-mostly-false',
      style: '--ann-verdict: #999933',
      title: 'Claim · Mostly false',
    });
  });

  it('colours an entity mention by its entity type and names the entity', () => {
    const mention: Annotation = { ...common, id: 'm', kind: 'entity', entityId: 'e1' };
    const look = highlightLook(mention, lookup, DEFAULT_TAGSET, true);
    expect(look.className).toBe('ann ann-entity entity-organization ann-selected');
    expect(look.style).toBe('--ann-colour: #0369a1');
    expect(look.title).toBe('Entity · Organisation · European Parliament');
  });

  it('shows a quote’s speaker and the start of a note in the tooltip', () => {
    const quote: Annotation = {
      ...common,
      id: 'q',
      kind: 'quote',
      form: 'direct',
      speakerId: 'e1',
      note: 'Check the\nofficial statement.',
    };
    expect(highlightLook(quote, lookup, DEFAULT_TAGSET, false)).toEqual({
      className: 'ann ann-quote ann-has-note',
      title: 'Quote · European Parliament · Check the official statement.',
    });
  });
});
