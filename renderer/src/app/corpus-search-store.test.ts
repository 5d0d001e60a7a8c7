// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { SavedSearch } from '../../../shared/corpus/corpus-query.ts';
import { failing } from '../testing/fake-api.ts';
import { CORPUS_HITS, fakeCorpusHandlers } from '../testing/fake-corpus.ts';
import { BRIDGE, fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { AppStore } from './app-store.ts';
import { CORPUS_PAGE_SIZE, HITS_SHOWN_AT_FIRST } from './corpus-search-store.ts';

async function startedSearch(saved: SavedSearch[] = [], problems: string[] = []) {
  const api = fakeLibrary({ overrides: fakeCorpusHandlers(saved, problems) });
  const store = new AppStore(api);
  await store.start();
  return { api, store, search: store.corpus };
}

describe('CorpusSearchStore', () => {
  beforeEach(() => localStorage.clear());

  it('opens on the whole library, with the saved searches listed', async () => {
    const saved: SavedSearch[] = [{ id: 's1', name: 'False claims', query: { verdicts: ['false'] }, created: '2026-02-01T09:00:00.000Z' }];
    const { api, store, search } = await startedSearch(saved);
    await search.open();
    expect(store.ui.workspace.value).toBe('search');
    expect(api.inputsOf('corpus.search')).toEqual([{ query: {}, limit: CORPUS_PAGE_SIZE, offset: 0 }]);
    expect(search.result.value?.total).toBe(CORPUS_HITS.length);
    expect(search.groups.value.map((group) => group.documentId)).toEqual([HARBOUR.id, BRIDGE.id]);
    expect(search.saved.value.map((entry) => entry.name)).toEqual(['False claims']);
  });

  it('keeps what the library says of saved searches it could not read', async () => {
    const { search } = await startedSearch([], ['searches.json, entry 2: the query has an unknown field "colour".']);
    await search.open();
    expect(search.saved.value).toEqual([]);
    expect(search.savedProblems.value).toEqual(['searches.json, entry 2: the query has an unknown field "colour".']);
  });

  it('writes a ticked facet value into the box and runs it; unticking takes it out again', async () => {
    const { api, search } = await startedSearch();
    search.text.value = 'kind:claim harbour';
    expect(await search.search()).toBe(true);
    const verdicts = search.result.value?.facets.verdict ?? [];
    const falseVerdict = verdicts.find((entry) => entry.value === 'false');
    if (!falseVerdict) throw new Error('the fake corpus counts false claims');
    expect(search.isTicked('verdict', falseVerdict)).toBe(false);
    expect(await search.toggle('verdict', falseVerdict, verdicts)).toBe(true);
    expect(search.text.value).toBe('harbour kind:claim verdict:false');
    expect(api.inputsOf('corpus.search').at(-1)?.query).toEqual({ text: 'harbour', kinds: ['claim'], verdicts: ['false'] });
    expect(search.isTicked('verdict', falseVerdict)).toBe(true);
    expect(search.result.value?.total).toBe(1);
    await search.toggle('verdict', falseVerdict, verdicts);
    expect(search.text.value).toBe('harbour kind:claim');
  });

  it('shows a facet ticked for the query that ran, not for what the box holds since', async () => {
    const { search } = await startedSearch();
    search.text.value = 'verdict:false';
    await search.search();
    const falseVerdict = { value: 'false', label: 'False', count: 2 };
    search.text.value = 'verdict:true';
    expect(search.isTicked('verdict', falseVerdict)).toBe(true);
  });

  it('shows why a broken regular expression is refused and changes nothing else', async () => {
    const { api, search } = await startedSearch();
    search.text.value = 'verdict:false';
    await search.search();
    const shown = search.result.value;
    const calls = api.calls.length;
    search.text.value = 'verdict:false /(unclosed/';
    expect(await search.search()).toBe(false);
    expect(search.problem.value).toMatch(/regular expression \/\(unclosed\/ is broken/u);
    expect(api.calls.length).toBe(calls);
    expect(search.result.value).toBe(shown);
    expect(search.query.value).toEqual({ verdicts: ['false'] });
    search.text.value = 'verdict:false';
    expect(await search.search()).toBe(true);
    expect(search.problem.value).toBe(null);
  });

  it('shows an unknown key’s message, and a refusal of the service, keeping the result', async () => {
    const { api, search } = await startedSearch();
    await search.search();
    const shown = search.result.value;
    search.text.value = 'colour:red';
    expect(await search.search()).toBe(false);
    expect(search.problem.value).toMatch(/unknown key "colour:"/u);
    api.handlers['corpus.search'] = failing('bad-request', 'Search query: no such annotator.');
    search.text.value = 'annotator:Nobody';
    expect(await search.search()).toBe(false);
    expect(search.problem.value).toBe('Search query: no such annotator.');
    expect(search.result.value).toBe(shown);
  });

  it('loads further articles a page at a time', async () => {
    const { api, search } = await startedSearch();
    api.handlers['corpus.search'] = (input) => {
      const all = Array.from({ length: 30 }, (_, index) => ({ documentId: `d${index}`, title: `Article ${index}`, hits: [] }));
      const offset = input.offset ?? 0;
      return { total: 60, documents: 30, facets: {} as never, groups: all.slice(offset, offset + (input.limit ?? 25)) };
    };
    await search.search();
    expect(search.groups.value).toHaveLength(CORPUS_PAGE_SIZE);
    expect(search.hasMore.value).toBe(true);
    await search.loadMore();
    expect(api.inputsOf('corpus.search').at(-1)).toMatchObject({ offset: CORPUS_PAGE_SIZE });
    expect(search.groups.value.map((group) => group.documentId).slice(-2)).toEqual(['d28', 'd29']);
    expect(search.hasMore.value).toBe(false);
  });

  it('shows an article’s first hits, all of them when asked, and all again only after asking anew', async () => {
    const { api, search } = await startedSearch();
    const [first] = CORPUS_HITS;
    if (!first) throw new Error('the fake corpus has hits');
    const hits = Array.from({ length: HITS_SHOWN_AT_FIRST + 5 }, (_, index) => ({ ...first, annotationId: `h${index}` }));
    api.handlers['corpus.search'] = () => ({
      total: hits.length,
      documents: 1,
      facets: {} as never,
      groups: [{ documentId: first.documentId, title: 'Long', hits }],
    });
    await search.search();
    const [group] = search.groups.value;
    if (!group) throw new Error('one article');
    expect(search.shownHits(group)).toHaveLength(HITS_SHOWN_AT_FIRST);
    expect(search.hits.value).toHaveLength(HITS_SHOWN_AT_FIRST);
    search.showAllHits(group.documentId);
    expect(search.hits.value).toHaveLength(HITS_SHOWN_AT_FIRST + 5);
    await search.search();
    expect(search.hits.value).toHaveLength(HITS_SHOWN_AT_FIRST);
  });

  it('saves the current query under a name, runs it back through the box, and deletes it', async () => {
    const { search } = await startedSearch();
    search.text.value = 'harbour verdict:false';
    expect(await search.save('False about the harbour')).toBe(true);
    const [saved] = search.saved.value;
    expect(saved?.query).toEqual({ text: 'harbour', verdicts: ['false'] });
    await search.clear();
    expect(search.query.value).toEqual({});
    await search.runSaved(saved as SavedSearch);
    expect(search.text.value).toBe('harbour verdict:false');
    expect(search.query.value).toEqual({ text: 'harbour', verdicts: ['false'] });
    await search.deleteSaved(saved as SavedSearch);
    expect(search.saved.value).toEqual([]);
  });

  it('refuses to save a query the syntax refuses, saying why', async () => {
    const { api, search } = await startedSearch();
    search.text.value = 'speaker:"unclosed';
    expect(await search.save('Broken')).toBe(false);
    expect(search.problem.value).toMatch(/never closed/u);
    expect(api.inputsOf('corpus.save')).toEqual([]);
  });

  it('opens a hit’s article in the reader, the annotation to be shown once the article is drawn', async () => {
    const { store, search } = await startedSearch();
    await search.open();
    const hit = CORPUS_HITS.find((candidate) => candidate.documentId === BRIDGE.id);
    if (!hit) throw new Error('the fake corpus has a hit in the bridge article');
    await search.openHit(hit);
    expect(store.session.value?.id).toBe(BRIDGE.id);
    expect(store.ui.workspace.value).toBe('reader');
    expect(search.currentHit.value).toBe(`${BRIDGE.id}/b1`);
  });

  it('stays in the search when the article cannot be opened', async () => {
    const { api, store, search } = await startedSearch();
    await search.open();
    api.handlers['library.get'] = failing('not-found', 'No document bridge.');
    const [, , hit] = CORPUS_HITS;
    if (!hit) throw new Error('the fake corpus has three hits');
    await search.openHit(hit);
    expect(store.ui.workspace.value).toBe('search');
    expect(store.message.value?.text).toBe('Could not open the document: No document bridge.');
  });
});
