import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { CodebookDraft, tagIdFrom } from './codebook-draft.ts';

describe('tagIdFrom', () => {
  it('makes a lower-case id from a label, unique in its list', () => {
    expect(tagIdFrom('Déjà vu — Claims!', new Set())).toBe('deja-vu-claims');
    expect(tagIdFrom('Person', new Set(['person', 'person-2']))).toBe('person-3');
    expect(tagIdFrom('???', new Set())).toBe('tag');
  });
});

describe('CodebookDraft', () => {
  it('keeps the ids of saved entries and lets a new entry’s id follow its label', () => {
    let draft = CodebookDraft.of(DEFAULT_TAGSET);
    draft = draft.update('verdicts', 1, { label: 'Correct' });
    expect(draft.tagset.verdicts[1]).toMatchObject({ id: 'true', label: 'Correct' });
    draft = draft.add('claimLabels', 'New label');
    const index = draft.tagset.claimLabels.length - 1;
    draft = draft.update('claimLabels', index, { label: 'Quote check' });
    expect(draft.tagset.claimLabels[index]).toMatchObject({ id: 'quote-check', label: 'Quote check' });
  });

  it('removes a key when it is emptied, moves and removes entries', () => {
    let draft = CodebookDraft.of(DEFAULT_TAGSET).update('entityTypes', 0, { key: '' });
    expect(draft.tagset.entityTypes[0]).not.toHaveProperty('key');
    draft = draft.move('entityTypes', 0, 1);
    expect(draft.tagset.entityTypes.slice(0, 2).map((entry) => entry.id)).toEqual(['organization', 'person']);
    expect(draft.move('entityTypes', 0, -1)).toBe(draft);
    draft = draft.remove('entityTypes', 0);
    expect(draft.tagset.entityTypes.map((entry) => entry.id)).not.toContain('organization');
  });
});
