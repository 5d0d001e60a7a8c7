import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { makeTarget } from '../text/target.ts';
import { withKind } from './kind-change.ts';

const text = 'Roberta Metsola said so.';
const when = '2026-01-31T09:00:00.000Z';
const later = '2026-02-01T09:00:00.000Z';
const authoring = { author: 'B', now: later, newId: () => 'new' };
const quote: Annotation = {
  id: 'a',
  kind: 'quote',
  form: 'indirect',
  speakerId: 'p',
  note: 'n',
  target: makeTarget(text, 0, 15),
  author: 'A',
  created: when,
  modified: when,
};

describe('withKind', () => {
  it('turns a quote into a claim, its speaker the claimant, keeping id, span, note and author', () => {
    const changed = withKind(quote, 'claim', { tagset: DEFAULT_TAGSET, entities: [] }, authoring);
    expect(changed).toEqual({
      annotation: {
        id: 'a',
        kind: 'claim',
        status: 'unverified',
        claimantId: 'p',
        note: 'n',
        target: quote.target,
        author: 'A',
        created: when,
        modified: later,
      },
      extraOps: [],
    });
  });

  it('links an entity mention to the entity of that name, or registers one', () => {
    const known = { id: 'p', name: 'Roberta Metsola', type: 'person', aliases: [] };
    expect(withKind(quote, 'entity', { tagset: DEFAULT_TAGSET, entities: [known] }, authoring)?.annotation).toMatchObject({
      kind: 'entity',
      entityId: 'p',
    });
    const fresh = withKind(quote, 'entity', { tagset: DEFAULT_TAGSET, entities: [] }, authoring);
    expect(fresh?.extraOps).toEqual([{ op: 'entity.add', entity: { id: 'new', name: 'Roberta Metsola', type: 'other', aliases: [] } }]);
  });

  it('does nothing when the kind stays the same', () => {
    expect(withKind(quote, 'quote', { tagset: DEFAULT_TAGSET, entities: [] }, authoring)).toBeNull();
  });
});
