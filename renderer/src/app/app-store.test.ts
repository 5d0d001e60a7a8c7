// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { failing } from '../testing/fake-api.ts';
import { BRIDGE, fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { AppStore } from './app-store.ts';

describe('AppStore', () => {
  beforeEach(() => localStorage.clear());

  describe('on start', () => {
    it('loads settings, codebook and library, then opens the first document', async () => {
      const api = fakeLibrary();
      const store = new AppStore(api);
      await store.start();
      expect(store.started.value).toBe(true);
      expect(store.documents.value.map((summary) => summary.id)).toEqual(['harbour', 'bridge']);
      expect(store.tagset.value).toEqual(DEFAULT_TAGSET);
      expect(store.session.value?.id).toBe('harbour');
      expect(store.message.value).toBe(null);
      expect(localStorage.getItem('scholia.lastDocument')).toBe('harbour');
    });

    it('opens the document used last, when the library still has it', async () => {
      localStorage.setItem('scholia.lastDocument', 'bridge');
      const store = new AppStore(fakeLibrary());
      await store.start();
      expect(store.session.value?.id).toBe('bridge');
    });

    it('asks who is annotating until a name is confirmed, and only then', async () => {
      const unnamed = new AppStore(fakeLibrary({ settings: { annotatorName: 'Analyst' } }));
      expect(unnamed.needsProfile).toBe(false);
      await unnamed.start();
      expect(unnamed.needsProfile).toBe(true);
      const named = new AppStore(fakeLibrary());
      await named.start();
      expect(named.needsProfile).toBe(false);
    });

    it('says why the library could not be loaded, and asks nothing it could not save', async () => {
      const store = new AppStore(
        fakeLibrary({
          settings: { annotatorName: 'Analyst' },
          overrides: { 'library.list': failing('internal', 'The library folder is unreadable.') },
        }),
      );
      await store.start();
      expect(store.started.value).toBe(true);
      expect(store.message.value).toEqual({ tone: 'error', text: 'The library folder is unreadable.' });
      expect(store.session.value).toBe(null);
      expect(store.needsProfile).toBe(false);
    });

    it('shows a read-only library as such, without repeating it as a notice', async () => {
      const readOnly = { reason: 'in-use' as const, message: 'The library is in use by another Scholia.' };
      const api = fakeLibrary({ settings: { annotatorName: 'Analyst' } });
      api.handlers['library.list'] = () => ({
        documents: [],
        readOnly,
        notices: [
          { level: 'warning', message: readOnly.message },
          { level: 'error', message: 'documents/x.json was damaged and moved aside.' },
        ],
      });
      const store = new AppStore(api);
      await store.start();
      expect(store.readOnly.value).toEqual(readOnly);
      expect(store.notices.value).toEqual([{ level: 'error', message: 'documents/x.json was damaged and moved aside.' }]);
      expect(store.needsProfile).toBe(false);
    });
  });

  it('keeps a dismissed notice away when the library reports it again', async () => {
    const notice = { level: 'warning' as const, message: 'A backup could not be kept.' };
    const api = fakeLibrary({ documents: [] });
    api.handlers['library.list'] = () => ({ documents: [], notices: [notice] });
    const store = new AppStore(api);
    await store.start();
    const [shown] = store.notices.value;
    if (!shown) throw new Error('the notice is not shown');
    store.dismissNotice(shown);
    await store.refreshLibrary();
    expect(store.notices.value).toEqual([]);
  });

  it('reports a document that cannot be opened, and keeps the one open', async () => {
    const api = fakeLibrary();
    const store = new AppStore(api);
    await store.start();
    api.handlers['library.get'] = failing('not-found', 'No document "bridge".');
    await store.openDocument(BRIDGE.id);
    expect(store.message.value).toEqual({ tone: 'error', text: 'Could not open the document: No document "bridge".' });
    expect(store.session.value?.id).toBe(HARBOUR.id);
    expect(store.opening.value).toBe(null);
  });

  it('does not ask the library again for the document already open', async () => {
    const api = fakeLibrary();
    const store = new AppStore(api);
    await store.start();
    await store.openDocument(HARBOUR.id);
    expect(api.inputsOf('library.get')).toEqual([{ id: HARBOUR.id }]);
  });

  describe('the annotator name', () => {
    it('is saved with its spaces tidied, and confirms the profile', async () => {
      const api = fakeLibrary({
        overrides: { 'settings.set': (input) => ({ annotatorName: input.annotatorName ?? '', profileSet: input.profileSet }) },
      });
      const store = new AppStore(api);
      await store.start();
      expect(await store.setAnnotatorName('  Ana   Lyst ')).toBe(true);
      expect(api.inputsOf('settings.set')).toEqual([{ annotatorName: 'Ana Lyst', profileSet: true }]);
      expect(store.settings.value.annotatorName).toBe('Ana Lyst');
    });

    it('is not sent when blank or unchanged', async () => {
      const api = fakeLibrary();
      const store = new AppStore(api);
      await store.start();
      expect(await store.setAnnotatorName('   ')).toBe(false);
      expect(await store.setAnnotatorName('Analyst')).toBe(true);
      expect(api.inputsOf('settings.set')).toEqual([]);
    });

    it('reports a refusal and keeps the old name', async () => {
      const store = new AppStore(fakeLibrary({ overrides: { 'settings.set': failing('read-only', 'The library is read-only.') } }));
      await store.start();
      expect(await store.setAnnotatorName('Someone Else')).toBe(false);
      expect(store.settings.value.annotatorName).toBe('Analyst');
      expect(store.message.value).toEqual({ tone: 'error', text: 'Could not change the annotator name: The library is read-only.' });
    });
  });

  describe('saving the codebook', () => {
    it('gives the open document the saved codebook at once', async () => {
      const renamed = {
        ...DEFAULT_TAGSET,
        entityTypes: DEFAULT_TAGSET.entityTypes.map((type, index) => (index === 0 ? { ...type, label: 'Human' } : type)),
      };
      const store = new AppStore(fakeLibrary({ overrides: { 'tagset.set': ({ tagset }) => tagset } }));
      await store.start();
      expect(await store.saveTagset(renamed)).toBe(null);
      expect(store.tagset.value).toEqual(renamed);
      expect(store.session.value?.tagset).toEqual(renamed);
      expect(store.message.value).toEqual({ tone: 'info', text: 'Codebook saved.' });
    });

    it('answers why the library refused it, changing nothing', async () => {
      const store = new AppStore(
        fakeLibrary({ overrides: { 'tagset.set': failing('bad-request', 'Two entity types have the id “person”.') } }),
      );
      await store.start();
      expect(await store.saveTagset(DEFAULT_TAGSET)).toBe('Two entity types have the id “person”.');
      expect(store.tagset.value).toEqual(DEFAULT_TAGSET);
    });
  });

  it('lists the open document’s versions newest first', async () => {
    const older = {
      id: 'r000001-20260101T090000000Z',
      revision: 1,
      savedAt: '2026-01-01T09:00:00.000Z',
      counts: { claims: 0, quotes: 0, entities: 0, notes: 0 },
      kinds: ['save' as const],
    };
    const newer = { ...older, id: 'r000002-20260102T090000000Z', revision: 2, savedAt: '2026-01-02T09:00:00.000Z' };
    const store = new AppStore(fakeLibrary({ overrides: { 'document.versions': () => ({ versions: [older, newer] }) } }));
    expect(await store.listVersions()).toEqual([]);
    await store.start();
    expect((await store.listVersions()).map((version) => version.revision)).toEqual([2, 1]);
  });
});
