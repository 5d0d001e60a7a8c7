import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { makeTarget } from '../text/target.ts';
import { findEntityNamed, newAnnotationOps, type Authoring } from './new-annotation.ts';

const text = 'said European Parliament President Roberta Metsola.';
let counter = 0;
const authoring: Authoring = { author: 'A. Analyst', now: '2026-01-31T09:00:00.000Z', newId: () => `id${(counter += 1)}` };
const metsola = { id: 'e1', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'] };

function targetOf(words: string) {
  const start = text.indexOf(words);
  return makeTarget(text, start, start + words.length);
}

describe('new annotations', () => {
  it('starts a claim unverified and a quote direct', () => {
    const claim = newAnnotationOps('claim', targetOf('European Parliament'), { tagset: DEFAULT_TAGSET, entities: [] }, authoring);
    expect(claim.ops).toEqual([
      { op: 'annotation.add', annotation: expect.objectContaining({ kind: 'claim', status: 'unverified', author: 'A. Analyst' }) },
    ]);
    const quote = newAnnotationOps('quote', targetOf('President'), { tagset: DEFAULT_TAGSET, entities: [] }, authoring);
    expect(quote.ops[0]).toMatchObject({ annotation: { kind: 'quote', form: 'direct', target: { exact: 'President' } } });
  });

  it('links an entity mention to the entity of that name or alias, ignoring case', () => {
    const created = newAnnotationOps('entity', targetOf('Metsola'), { tagset: DEFAULT_TAGSET, entities: [metsola] }, authoring);
    expect(created.ops).toEqual([{ op: 'annotation.add', annotation: expect.objectContaining({ kind: 'entity', entityId: 'e1' }) }]);
    expect(findEntityNamed([metsola], '  roberta   METSOLA ')).toBe(metsola);
  });

  it('registers a new entity of type other, named by the selection, before its first mention', () => {
    const created = newAnnotationOps('entity', targetOf('European Parliament'), { tagset: DEFAULT_TAGSET, entities: [metsola] }, authoring);
    expect(created.ops).toHaveLength(2);
    expect(created.ops[0]).toMatchObject({ op: 'entity.add', entity: { name: 'European Parliament', type: 'other', aliases: [] } });
    const entityId = created.ops[0]?.op === 'entity.add' ? created.ops[0].entity.id : '';
    expect(created.ops[1]).toMatchObject({ op: 'annotation.add', annotation: { id: created.annotationId, entityId } });
  });
});
