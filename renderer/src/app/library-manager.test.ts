// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { failing } from '../testing/fake-api.ts';
import { BRIDGE, fakeLibrary, HARBOUR, summaryOf } from '../testing/fake-library.ts';
import { AppStore } from './app-store.ts';

/** A store over a library that holds `documents` and takes the bridge article as an import from the web. */
async function startedLibrary(documents: ScholiaDocument[] = [HARBOUR]) {
  const held = [...documents];
  const trashed: ScholiaDocument[] = [];
  const api = fakeLibrary({ documents: held });
  api.handlers['library.list'] = () => ({ documents: held.map(summaryOf), notices: [] });
  api.handlers['library.importUrl'] = () => {
    const duplicate = held.includes(BRIDGE);
    if (!duplicate) held.push(BRIDGE);
    return { id: BRIDGE.id, title: BRIDGE.meta.title, duplicate, format: 'url' };
  };
  api.handlers['library.trash'] = ({ id }) => {
    const [document] = held.splice(
      held.findIndex((candidate) => candidate.id === id),
      1,
    );
    if (!document) throw new Error(`No document ${id}.`);
    trashed.push(document);
    return { ...summaryOf(document), trashed: '2026-02-01T09:00:00.000Z' };
  };
  const store = new AppStore(api);
  await store.start();
  return { api, store, library: store.library, held, trashed };
}

describe('LibraryManager', () => {
  beforeEach(() => localStorage.clear());

  describe('importing', () => {
    it('adds the article, opens it, closes the dialog and says what it imported', async () => {
      const { store, library } = await startedLibrary();
      library.openImport();
      expect(await library.importUrl(' https://news.example/bridge ')).toBe(true);
      expect(store.documents.value.map((summary) => summary.id)).toEqual(['harbour', 'bridge']);
      expect(store.session.value?.id).toBe('bridge');
      expect(library.importOpen.value).toBe(false);
      expect(library.importing.value).toBe(null);
      expect(store.message.value).toEqual({ tone: 'info', text: 'Imported “Bridge closed” (web page).' });
    });

    it('imports a tag file with its text as a new article, and says so', async () => {
      const { api, store, library, held } = await startedLibrary();
      api.handlers['library.importFile'] = () => {
        held.push(BRIDGE);
        return { id: BRIDGE.id, title: BRIDGE.meta.title, duplicate: false, format: 'tags' };
      };
      await library.importFiles([new File(['{"format":"scholia-tags"}'], 'bridge.json')]);
      expect(store.session.value?.id).toBe('bridge');
      expect(store.message.value).toEqual({
        tone: 'info',
        text: 'Imported “Bridge closed” (Scholia tag file).',
      });
    });

    it('opens Review on the review a tag file made for an article already in the library, reading the open article again', async () => {
      const { api, store, library } = await startedLibrary();
      const summary = {
        id: 'review1',
        annotator: 'B. Colleague',
        imported: '2026-02-01T09:00:00.000Z',
        file: {
          name: 'harbour.json',
          exportedAt: '2026-02-01T09:00:00.000Z',
          fingerprint: HARBOUR.fingerprint,
          textLength: 10,
          sameText: true,
        },
        exactOnly: false,
        items: 1,
        placement: { exact: 1, moved: 0, fuzzy: 0, orphaned: 0 },
        classes: { agreed: 0, conflict: 0, 'only-theirs': 1, orphaned: 0, 'only-mine': 0 },
        decisions: { open: 1, accepted: 0, rejected: 0 },
      };
      api.handlers['library.importFile'] = () => ({
        id: HARBOUR.id,
        title: HARBOUR.meta.title,
        duplicate: true,
        format: 'tags',
        reviewId: 'review1',
      });
      api.handlers['review.list'] = () => ({ reviews: [summary] });
      api.handlers['review.get'] = () => ({ summary, items: [], onlyMine: [], entities: [], entityLinks: [] });
      const reads = api.inputsOf('library.get').length;
      await library.importFiles([new File(['{"format":"scholia-tags"}'], 'harbour.json')]);
      expect(api.inputsOf('library.get').length).toBe(reads + 1);
      expect(store.review.active.value).toBe(true);
      expect(store.review.reviewId).toBe('review1');
      expect(store.message.value).toEqual({
        tone: 'info',
        text: 'The tag file is for “Harbour reopens”, already in the library: its annotations are in Review.',
      });
    });

    it('opens an article the library already has instead of adding it twice', async () => {
      const { store, library } = await startedLibrary([HARBOUR, BRIDGE]);
      await library.importUrl('https://news.example/bridge');
      expect(store.documents.value).toHaveLength(2);
      expect(store.session.value?.id).toBe('bridge');
      expect(store.message.value?.text).toBe('“Bridge closed” was already in the library; opened it.');
    });

    it('keeps the dialog open with the reason when the import fails, naming what failed', async () => {
      const { api, store, library } = await startedLibrary();
      api.handlers['library.importUrl'] = failing('unsupported-file', 'The page answered 404.');
      library.openImport();
      expect(await library.importUrl('https://news.example/gone')).toBe(false);
      expect(library.importError.value).toBe('Could not import https://news.example/gone: The page answered 404.');
      expect(library.importOpen.value).toBe(true);
      expect(store.message.value).toEqual({ tone: 'error', text: library.importError.value });
      expect(store.session.value?.id).toBe('harbour');
    });

    it('refuses an empty file without sending it', async () => {
      const { api, library } = await startedLibrary();
      await library.importFiles([new File([], 'empty.txt')]);
      expect(api.inputsOf('library.importFile')).toEqual([]);
      expect(library.importError.value).toBe('Could not import: empty.txt is empty.');
    });
  });

  describe('searching', () => {
    it('lists only the hits, and everything again for an empty query', async () => {
      const { api, library } = await startedLibrary([HARBOUR, BRIDGE]);
      api.handlers['library.search'] = () => ({ hits: [{ id: 'bridge', field: 'text', snippet: 'the old bridge' }] });
      await library.search('bridge');
      expect(library.visible.value.map((summary) => summary.id)).toEqual(['bridge']);
      await library.search('  ');
      expect(library.hits.value).toBe(null);
      expect(library.visible.value).toHaveLength(2);
    });

    it('keeps the answer to the latest query when an earlier one comes back last', async () => {
      const { api, library } = await startedLibrary([HARBOUR, BRIDGE]);
      const answers: ((hits: ChannelOutput<'library.search'>) => void)[] = [];
      api.handlers['library.search'] = () => new Promise((resolve) => answers.push(resolve));
      const first = library.search('harb');
      const second = library.search('bridge');
      answers[1]?.({ hits: [{ id: 'bridge', field: 'title' }] });
      await second;
      answers[0]?.({ hits: [{ id: 'harbour', field: 'title' }] });
      await first;
      expect(library.visible.value.map((summary) => summary.id)).toEqual(['bridge']);
    });

    it('reports a search that failed', async () => {
      const { api, store, library } = await startedLibrary();
      api.handlers['library.search'] = failing('internal', 'The index is being rebuilt.');
      await library.search('harbour');
      expect(store.message.value).toEqual({ tone: 'error', text: 'Could not search: The index is being rebuilt.' });
    });
  });

  it('filters by the article’s stage (none is “to check”), with the search, and counts each stage', async () => {
    const published = { ...BRIDGE, meta: { ...BRIDGE.meta, stage: 'published' as const } };
    const { api, library } = await startedLibrary([HARBOUR, published]);
    expect(library.stageCounts.value).toEqual({ 'to-check': 1, 'in-progress': 0, checked: 0, published: 1 });
    library.stageFilter.value = 'published';
    expect(library.visible.value.map((summary) => summary.id)).toEqual(['bridge']);
    library.stageFilter.value = 'to-check';
    expect(library.visible.value.map((summary) => summary.id)).toEqual(['harbour']);
    library.stageFilter.value = 'checked';
    expect(library.visible.value).toEqual([]);
    api.handlers['library.search'] = () => ({ hits: [{ id: 'bridge', field: 'text', snippet: 'the old bridge' }] });
    library.stageFilter.value = 'to-check';
    await library.search('bridge');
    expect(library.visible.value).toEqual([]);
    library.stageFilter.value = 'all';
    expect(library.visible.value.map((summary) => summary.id)).toEqual(['bridge']);
  });

  it('sorts by title without regard to case', async () => {
    const { library } = await startedLibrary([HARBOUR, BRIDGE]);
    library.sort.value = 'title';
    expect(library.visible.value.map((summary) => summary.title)).toEqual(['Bridge closed', 'Harbour reopens']);
  });

  it('moves the open document to the trash and opens the next one', async () => {
    const { store, library, trashed } = await startedLibrary([HARBOUR, BRIDGE]);
    const open = store.documents.value.find((summary) => summary.id === 'harbour');
    if (!open) throw new Error('the harbour article is not listed');
    await library.moveToTrash(open);
    expect(trashed.map((document) => document.id)).toEqual(['harbour']);
    expect(store.documents.value.map((summary) => summary.id)).toEqual(['bridge']);
    expect(store.session.value?.id).toBe('bridge');
    expect(store.message.value?.text).toBe('Moved “Harbour reopens” to the trash. Restore it from the trash at the foot of the library.');
  });
});
