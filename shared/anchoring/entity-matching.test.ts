import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.ts';
import { SAMPLE_ENTITIES } from '../testing/annotated-sample.ts';
import { matchEntities } from './entity-matching.ts';

const entity = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({ id, name, type: 'person', aliases: [], ...extra });

describe('matchEntities', () => {
  it('matches by Wikidata id first, then by name, then by a shared name or alias', () => {
    const theirs = [
      entity('t1', 'EU Parliament', { type: 'organization', wikidata: 'Q8889' }),
      entity('t2', 'roberta  METSOLA'),
      entity('t3', 'Jaume Duch Guillot', { aliases: ['Duch'] }),
      entity('t4', 'Kremlin', { type: 'organization' }),
    ];
    const matches = matchEntities(theirs, SAMPLE_ENTITIES);
    expect([...matches.values()]).toEqual([
      { theirId: 't1', myId: 'e-ep', by: 'wikidata' },
      { theirId: 't2', myId: 'e-metsola', by: 'name' },
      { theirId: 't3', myId: 'e-duch', by: 'alias' },
    ]);
    expect(matches.has('t4')).toBe(false);
  });

  it('never matches entities whose Wikidata ids differ, whatever their names', () => {
    const georgia = entity('t1', 'Georgia', { type: 'location', wikidata: 'Q230' });
    const mine = [entity('m1', 'Georgia', { type: 'location', wikidata: 'Q1428' })];
    expect(matchEntities([georgia], mine).size).toBe(0);
    expect(matchEntities([{ ...georgia, wikidata: undefined }], mine).get('t1')).toEqual({ theirId: 't1', myId: 'm1', by: 'name' });
  });

  it('prefers an entity of the same type among several of the same name', () => {
    const mine = [entity('m-place', 'Washington', { type: 'location' }), entity('m-person', 'Washington')];
    expect(matchEntities([entity('t1', 'Washington')], mine).get('t1')?.myId).toBe('m-person');
  });
});
