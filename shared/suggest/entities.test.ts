import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.ts';
import { DEFAULT_TAGSET, type Tagset } from '../model/tagset.ts';
import { tagsetTypeFor } from './entity-types.ts';
import { suggestDocument } from './suggest-document.ts';

function entitiesOf(text: string, registry: Entity[] = []) {
  const set = suggestDocument({ text, entities: registry, annotations: [] }, DEFAULT_TAGSET);
  const mentions = set.suggestions.flatMap((s) => {
    const entity = s.kind === 'entity' ? set.entities.find((e) => e.key === s.entityKey) : undefined;
    return entity ? [{ words: text.slice(s.start, s.end), entity }] : [];
  });
  return { set, mentions };
}

describe('entity suggestions', () => {
  it('groups a full name and its surname as one person, without the title before it', () => {
    const { mentions } = entitiesOf('European Parliament President Roberta Metsola spoke first. Later, Metsola left the chamber.');
    const metsola = mentions.filter((m) => m.entity.name === 'Roberta Metsola');
    expect(metsola.map((m) => m.words)).toEqual(['Roberta Metsola', 'Metsola']);
    expect(metsola[0]?.entity).toMatchObject({ type: 'person', aliases: ['Metsola'] });
    expect(mentions.find((m) => m.words === 'European Parliament')?.entity.type).toBe('organization');
  });

  it('leaves out possessives, brackets, sentence-initial words and lone demonyms', () => {
    const { mentions } = entitiesOf(
      'This happened in the (European Parliament). The Russian vote followed the European Parliament’s debate.',
    );
    expect(mentions.map((m) => m.words)).toEqual(['European Parliament', 'European Parliament']);
  });

  it('reuses a registry entry found by name or alias, and a short form of it', () => {
    const registry: Entity[] = [{ id: 'e1', name: 'Roberta Metsola', type: 'person', aliases: ['Bobby'] }];
    const { set, mentions } = entitiesOf('Metsola arrived late. Bobby was tired.', registry);
    expect(mentions.map((m) => m.entity.registryId)).toEqual(['e1', 'e1']);
    expect(set.entities).toHaveLength(1);
  });

  it('maps its types to the codebook’s ids, falling back to its "other"', () => {
    const tagset: Tagset = {
      ...DEFAULT_TAGSET,
      entityTypes: [
        { id: 'per', label: 'Person', colour: '#000000' },
        { id: 'misc', label: 'Misc', colour: '#000000' },
      ],
    };
    expect(tagsetTypeFor('person', tagset)).toBe('per');
    expect(tagsetTypeFor('location', tagset)).toBe('misc');
    expect(tagsetTypeFor('organization', DEFAULT_TAGSET)).toBe('organization');
  });

  it('types a name that speaks in a quote as a person', () => {
    const { mentions } = entitiesOf('“Traffic was heavy,” Duch added.');
    expect(mentions.find((m) => m.words === 'Duch')?.entity.type).toBe('person');
  });

  it('offsets index the canonical text in UTF-16 code units', () => {
    const text = 'The emoji 😀 came first. Then Maria Lopez spoke.';
    const { mentions, set } = entitiesOf(text);
    const mention = set.suggestions.find((s) => s.kind === 'entity');
    expect(mention && text.slice(mention.start, mention.end)).toBe('Maria Lopez');
    expect(mentions).toHaveLength(1);
  });
});

describe('entity types from gazetteers and organisation words', () => {
  it('types countries, states and cities from the gazetteers, short forms included', () => {
    const { mentions } = entitiesOf('Figures from the US and UK differ. Officials in Sioux Falls and Virginia agreed.');
    expect(Object.fromEntries(mentions.map((m) => [m.words, m.entity.type]))).toEqual({
      US: 'location',
      UK: 'location',
      'Sioux Falls': 'location',
      Virginia: 'location',
    });
  });

  it('takes an organisation’s opening word into the name and types it by it', () => {
    const { mentions } = entitiesOf('Volunteers from Project Jonah helped. The Department of Conservation said it was sad.');
    expect(mentions.map((m) => [m.words, m.entity.type])).toEqual([
      ['Project Jonah', 'organization'],
      ['Department of Conservation', 'organization'],
    ]);
  });

  it('keeps a capitalised word the lexicon knows only as a noun with the name after it', () => {
    const { mentions } = entitiesOf('Hori Parata, 75, led the iwi for years.');
    expect(mentions.map((m) => m.words)).toEqual(['Hori Parata']);
  });
});
