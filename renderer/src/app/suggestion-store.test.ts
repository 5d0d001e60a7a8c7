// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Suggestion, SuggestionSet } from '../../../shared/suggest/suggestion.ts';
import { failing } from '../testing/fake-api.ts';
import { fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { AppStore } from './app-store.ts';

/** A suggestion of `kind` over the first occurrence of `words` in the harbour article. */
function over(kind: 'entity' | 'claim', words: string, confidence: number): Suggestion {
  const start = HARBOUR.text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  const common = { id: `${kind}:${start}-${start + words.length}`, start, end: start + words.length, confidence, reasons: ['a test'] };
  return kind === 'entity' ? { ...common, kind, entityKey: words } : { ...common, kind };
}

const HARBOUR_ENTITY = over('entity', 'harbour', 0.9);
const AUTHORITY_ENTITY = over('entity', 'port authority', 0.8);
const CLAIM = over('claim', 'The harbour reopened on Monday', 0.3);
const SET: SuggestionSet = {
  entities: [
    { key: 'harbour', name: 'harbour', type: 'location', aliases: [] },
    { key: 'port authority', name: 'port authority', type: 'organization', aliases: [] },
  ],
  suggestions: [CLAIM, HARBOUR_ENTITY, AUTHORITY_ENTITY].sort((a, b) => a.start - b.start),
  rejected: 2,
};

async function startedStore({ suggestOnImport = false } = {}) {
  const api = fakeLibrary({
    documents: [HARBOUR],
    settings: { annotatorName: 'Analyst', profileSet: true, suggestOnImport },
    overrides: {
      'suggest.run': () => SET,
      'suggest.reject': () => ({ rejected: 1 }),
      'annotations.apply': () => ({ revision: 1, modified: '2026-02-01T09:00:00.000Z' }),
    },
  });
  const store = new AppStore(api);
  await store.start();
  return { api, store, suggestions: store.suggestions };
}

describe('SuggestionStore', () => {
  beforeEach(() => localStorage.clear());

  it('shows the suggestions at or above the confidence, in text order, and says how many', async () => {
    const { store, suggestions } = await startedStore();
    await suggestions.run();
    expect(suggestions.shown.value.map((suggestion) => suggestion.id)).toEqual([HARBOUR_ENTITY.id, AUTHORITY_ENTITY.id]);
    expect(suggestions.current.value).toBe(null);
    expect(store.message.value).toEqual({ tone: 'info', text: '2 suggestions at or above 50% (2 rejected before, left out).' });
    suggestions.setMinConfidence(0.3);
    expect(suggestions.shown.value).toHaveLength(3);
  });

  it('reports suggesters that failed, and shows none', async () => {
    const { api, store, suggestions } = await startedStore();
    api.handlers['suggest.run'] = failing('internal', 'The language model did not load.');
    await suggestions.run();
    expect(suggestions.set.value).toBe(null);
    expect(suggestions.running.value).toBe(false);
    expect(store.message.value).toEqual({ tone: 'error', text: 'Could not suggest: The language model did not load.' });
  });

  it('runs by itself on an article without annotations when "suggest on import" is on', async () => {
    const { api, suggestions } = await startedStore({ suggestOnImport: true });
    expect(api.inputsOf('suggest.run')).toEqual([{ documentId: HARBOUR.id }]);
    await expect.poll(() => suggestions.shown.value.length).toBe(2);
  });

  it('steps through the shown suggestions, wrapping round, and not while they are hidden', async () => {
    const { suggestions } = await startedStore();
    await suggestions.run();
    suggestions.next(1);
    expect(suggestions.currentId.value).toBe(HARBOUR_ENTITY.id);
    suggestions.next(1);
    suggestions.next(1);
    expect(suggestions.currentId.value).toBe(HARBOUR_ENTITY.id);
    suggestions.next(-1);
    expect(suggestions.currentId.value).toBe(AUTHORITY_ENTITY.id);
    suggestions.toggle();
    expect(suggestions.currentId.value).toBe(null);
    expect(suggestions.next(1)).toBe(false);
  });

  it('rejects the current one: it goes, the next becomes current, and the library is told', async () => {
    const { api, suggestions } = await startedStore();
    await suggestions.run();
    suggestions.select(HARBOUR_ENTITY.id);
    expect(suggestions.reject()).toBe(true);
    expect(suggestions.shown.value.map((suggestion) => suggestion.id)).toEqual([AUTHORITY_ENTITY.id]);
    expect(suggestions.currentId.value).toBe(AUTHORITY_ENTITY.id);
    expect(api.inputsOf('suggest.reject')).toEqual([{ documentId: HARBOUR.id, ids: [HARBOUR_ENTITY.id] }]);
  });

  it('says so when a rejection was not remembered', async () => {
    const { api, store, suggestions } = await startedStore();
    api.handlers['suggest.reject'] = failing('read-only', 'The library is read-only.');
    await suggestions.run();
    suggestions.reject(AUTHORITY_ENTITY.id);
    await expect.poll(() => store.message.value?.text).toBe('The rejection was not remembered: The library is read-only.');
  });

  it('accepts the current one as an annotation, saved like any other', async () => {
    const { api, store, suggestions } = await startedStore();
    await suggestions.run();
    suggestions.select(AUTHORITY_ENTITY.id);
    expect(suggestions.accept()).toBe(true);
    const session = store.session.value;
    if (!session) throw new Error('no document is open');
    const [annotation] = [...session.records.annotations()];
    expect(annotation).toMatchObject({ kind: 'entity', suggested: { suggester: 'entities', confidence: 0.8 } });
    expect([...session.records.entities()].map((entity) => [entity.name, entity.type])).toEqual([['port authority', 'organization']]);
    expect(suggestions.shown.value.map((suggestion) => suggestion.id)).toEqual([HARBOUR_ENTITY.id]);
    await session.commands.whenIdle();
    expect(api.inputsOf('annotations.apply')).toHaveLength(1);
  });
});
