// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { EntityProfile, MergeProposal, RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { failing, type FakeHandlers } from '../testing/fake-api.ts';
import { BRIDGE, fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { AppStore } from './app-store.ts';

const EU: Entity = { id: 'eu', name: 'EU', type: 'organization', aliases: [] };
const UNION: Entity = { id: 'union', name: 'European Union', type: 'organization', aliases: ['EU'], wikidata: 'Q458' };

const PROFILE: EntityProfile = {
  entity: UNION,
  mentions: 2,
  quotes: 0,
  claims: 1,
  groups: [
    {
      documentId: HARBOUR.id,
      title: 'Harbour reopens',
      source: 'The Courier',
      published: '2026-03-02',
      hits: [
        {
          documentId: HARBOUR.id,
          annotationId: 'm1',
          kind: 'entity',
          start: 4,
          end: 11,
          exact: 'harbour',
          author: 'Analyst',
          modified: '2026-03-02T09:00:00.000Z',
        },
      ],
    },
    {
      documentId: BRIDGE.id,
      title: 'Bridge closed',
      hits: [
        {
          documentId: BRIDGE.id,
          annotationId: 'c1',
          kind: 'claim',
          start: 15,
          end: 45,
          exact: 'The old bridge will close for repairs',
          status: 'false',
          author: 'Analyst',
          modified: '2026-03-01T09:00:00.000Z',
        },
        {
          documentId: BRIDGE.id,
          annotationId: 'm2',
          kind: 'entity',
          start: 19,
          end: 25,
          exact: 'bridge',
          author: 'Analyst',
          modified: '2026-03-01T09:00:00.000Z',
        },
      ],
    },
  ],
};

const PROPOSAL: MergeProposal = { keep: UNION, merge: EU, reason: 'alias', documents: 3 };

const MERGED: RegistryChange = {
  id: 'change1',
  description: 'Merged “EU” into “European Union” in 3 articles',
  documentIds: [HARBOUR.id, 'x', 'y'],
};

async function started(overrides: FakeHandlers = {}) {
  const api = fakeLibrary({
    overrides: {
      'entities.profile': () => PROFILE,
      'entities.proposals': () => ({ proposals: [PROPOSAL] }),
      'entities.merge': () => ({ entity: UNION, change: MERGED }),
      'entities.undo': () => ({ change: MERGED }),
      'entities.redo': () => ({ change: MERGED }),
      ...overrides,
    },
  });
  const store = new AppStore(api);
  await store.start();
  return { api, store, profiles: store.entityProfile };
}

describe('EntityProfileStore', () => {
  beforeEach(() => localStorage.clear());

  it('shows a profile in place of the reader, and goes back to the reader', async () => {
    const { store, profiles } = await started();
    await profiles.openProfile('union');
    expect(store.ui.workspace.value).toBe('profile');
    expect(store.ui.profileEntityId.value).toBe('union');
    expect(profiles.profile.value?.entity.name).toBe('European Union');
    expect(profiles.profile.value?.groups).toHaveLength(2);
    profiles.close();
    expect(store.ui.workspace.value).toBe('reader');
  });

  it('says why a profile cannot be shown', async () => {
    const { profiles } = await started({ 'entities.profile': failing('not-found', 'No entity “gone” in the library.') });
    await profiles.openProfile('gone');
    expect(profiles.profile.value).toBeNull();
    expect(profiles.failure.value).toBe('No entity “gone” in the library.');
  });

  it('merges a proposal in every article, reads the open article again, and says how many articles changed', async () => {
    const { api, store, profiles } = await started();
    expect(store.session.value?.id).toBe(HARBOUR.id);
    await profiles.openDuplicates();
    const reads = api.inputsOf('library.get').length;
    expect(await profiles.merge(PROPOSAL)).toBe(true);
    expect(api.inputsOf('entities.merge')).toEqual([{ keepId: 'union', mergeIds: ['eu'] }]);
    // The open article was one of those changed: it is read again.
    expect(api.inputsOf('library.get').length).toBe(reads + 1);
    expect(api.inputsOf('entities.proposals')).toHaveLength(2);
    expect(store.message.value).toEqual({ tone: 'info', text: 'Merged “EU” into “European Union” in 3 articles.' });
  });

  it('leaves the open article alone when a change did not touch it', async () => {
    const elsewhere: RegistryChange = { ...MERGED, documentIds: [BRIDGE.id] };
    const { api, profiles } = await started({ 'entities.merge': () => ({ entity: UNION, change: elsewhere }) });
    const reads = api.inputsOf('library.get').length;
    await profiles.merge(PROPOSAL);
    expect(api.inputsOf('library.get').length).toBe(reads);
  });

  it('undoes and redoes the last registry change as one step, and says so', async () => {
    const { api, store, profiles } = await started();
    await profiles.openProfile('union');
    await profiles.undo();
    expect(api.inputsOf('entities.undo')).toEqual([{}]);
    expect(store.message.value?.text).toBe('Undone: Merged “EU” into “European Union” in 3 articles.');
    // The profile follows the change.
    expect(api.inputsOf('entities.profile')).toHaveLength(2);
    await profiles.redo();
    expect(store.message.value?.text).toBe('Redone: Merged “EU” into “European Union” in 3 articles.');
  });

  it('says when there is nothing to undo', async () => {
    const { store, profiles } = await started({ 'entities.undo': () => ({}) });
    await profiles.undo();
    expect(store.message.value).toEqual({ tone: 'info', text: 'No registry change to undo.' });
  });

  it('moves the picked rows to a new entity and forgets the picks', async () => {
    const split: RegistryChange = { id: 'change2', description: 'Moved 2 annotations to “Harbour”', documentIds: [HARBOUR.id, BRIDGE.id] };
    const harbour: Entity = { id: 'harbour', name: 'Harbour', type: 'location', aliases: [] };
    const { api, profiles } = await started({ 'entities.split': () => ({ entity: harbour, change: split }) });
    await profiles.openProfile('union');
    profiles.togglePicked({ documentId: HARBOUR.id, annotationId: 'm1' });
    profiles.togglePicked({ documentId: BRIDGE.id, annotationId: 'm2' });
    profiles.togglePicked({ documentId: BRIDGE.id, annotationId: 'c1' });
    profiles.togglePicked({ documentId: BRIDGE.id, annotationId: 'c1' });
    expect(await profiles.split('Harbour', 'location')).toEqual(harbour);
    expect(api.inputsOf('entities.split')).toEqual([
      {
        entityId: 'union',
        name: 'Harbour',
        type: 'location',
        annotations: [
          { documentId: HARBOUR.id, annotationId: 'm1' },
          { documentId: BRIDGE.id, annotationId: 'm2' },
        ],
      },
    ]);
    expect(profiles.picked.value.size).toBe(0);
  });

  it('reports a refused change with the services’ reason, and changes nothing on screen', async () => {
    const { api, store, profiles } = await started({
      'entities.merge': failing('conflict', 'Both entities have a Wikidata id, and they differ (Q458, Q1).'),
    });
    const reads = api.inputsOf('library.get').length;
    expect(await profiles.merge(PROPOSAL)).toBe(false);
    expect(store.message.value).toEqual({
      tone: 'error',
      text: 'Not changed: Both entities have a Wikidata id, and they differ (Q458, Q1).',
    });
    expect(api.inputsOf('library.get').length).toBe(reads);
  });

  it('waits for the open article to finish saving before a registry change', async () => {
    const order: string[] = [];
    const { store, profiles } = await started({
      'annotations.apply': async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('saved');
        return { revision: 2, modified: '2026-03-02T10:00:00.000Z' };
      },
      'entities.merge': () => {
        order.push('merged');
        return { entity: UNION, change: { ...MERGED, documentIds: [] } };
      },
    });
    const session = store.session.value;
    expect(session).not.toBeNull();
    const entity = { id: 'e-new', name: 'Port authority', type: 'organization', aliases: [] };
    expect(session?.commands.run('Add entity', [{ op: 'entity.add', entity }])).toBe(true);
    await profiles.merge(PROPOSAL);
    expect(order).toEqual(['saved', 'merged']);
  });

  it('finds library entities for the picker, and offers none when the library cannot answer', async () => {
    const { profiles } = await started({
      'entities.list': ({ filter }) => ({
        entities: [{ entity: UNION, mentions: 9, quotes: 0, claims: 0, documents: 3 }].filter(() => filter === 'union'),
        total: 1,
      }),
    });
    expect((await profiles.searchLibrary('union')).map((summary) => summary.entity.id)).toEqual(['union']);
    const { profiles: broken } = await started({ 'entities.list': failing('internal', 'index unavailable') });
    expect(await broken.searchLibrary('union')).toEqual([]);
  });
});
