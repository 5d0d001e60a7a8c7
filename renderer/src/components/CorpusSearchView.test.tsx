// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStore } from '../app/app-store.ts';
import { CORPUS_HITS, fakeCorpusHandlers } from '../testing/fake-corpus.ts';
import { BRIDGE, fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { CorpusSearchView } from './CorpusSearchView.tsx';

async function shownSearch() {
  const api = fakeLibrary({ overrides: fakeCorpusHandlers() });
  const store = new AppStore(api);
  await store.start();
  await store.corpus.open();
  render(<CorpusSearchView store={store} />);
  return { api, store, box: screen.getByRole('searchbox', { name: 'Search every annotation of the library' }) };
}

const options = () => screen.getAllByRole('option');

function present<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected an element here');
  return value;
}

const option = (index: number) => present(options()[index]);
const formOf = (element: HTMLElement) => present(element.closest('form'));

describe('CorpusSearchView', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('puts the focus in the search box and shows the count, the facets with their counts and the articles', async () => {
    const { box } = await shownSearch();
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(screen.getByRole('status').textContent).toBe('4 annotations in 2 articles');
    const verdicts = within(screen.getByRole('group', { name: 'Verdict' }));
    expect(verdicts.getAllByRole('checkbox').map((checkbox) => checkbox.getAttribute('aria-label'))).toEqual([
      'False, 2 annotations',
      'True, 1 annotation',
    ]);
    const groups = within(screen.getByRole('listbox', { name: 'Annotations found' })).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('aria-labelledby'))).toEqual([
      `corpus-group-${HARBOUR.id}`,
      `corpus-group-${BRIDGE.id}`,
    ]);
    expect(within(present(groups[0])).getAllByRole('option')).toHaveLength(2);
  });

  it('names each result as a screen reader should read it', async () => {
    await shownSearch();
    expect(options().map((option) => option.getAttribute('aria-label'))).toEqual([
      'Claim, False, “The harbour reopened on Monday”, by Port authority, in Harbour reopens',
      'Quote, “the port authority said”, by Port authority, in Harbour reopens',
      'Claim, False, “The old bridge will close for repairs”, in Bridge closed',
      'Claim, True, “the council announced”, in Bridge closed',
    ]);
  });

  it('runs the typed query on Enter and marks the words it matched', async () => {
    const { api, box } = await shownSearch();
    fireEvent.input(box, { target: { value: 'bridge' } });
    fireEvent.submit(formOf(box));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 annotation in 1 article'));
    expect(api.inputsOf('corpus.search').at(-1)?.query).toEqual({ text: 'bridge' });
    expect([...document.querySelectorAll('.corpus-hit-text mark')].map((mark) => mark.textContent)).toEqual(['bridge']);
  });

  it('narrows by a ticked facet value', async () => {
    const { api } = await shownSearch();
    fireEvent.click(screen.getByRole('checkbox', { name: /^True/u }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 annotation in 1 article'));
    expect(api.inputsOf('corpus.search').at(-1)?.query).toEqual({ verdicts: ['true'] });
    expect((screen.getByRole('checkbox', { name: /^True/u }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows a broken pattern’s message by the box and leaves the results as they were', async () => {
    const { box } = await shownSearch();
    fireEvent.input(box, { target: { value: '/(unclosed/' } });
    fireEvent.submit(formOf(box));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/regular expression \/\(unclosed\/ is broken/u);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(options()).toHaveLength(4);
    expect(screen.getByRole('status').textContent).toBe('4 annotations in 2 articles');
  });

  it('moves through the results with ↓ and ↑ (one of them in the tab order), back to the box from the first', async () => {
    const { box } = await shownSearch();
    expect(options().map((option) => option.tabIndex)).toEqual([0, -1, -1, -1]);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(option(0));
    fireEvent.keyDown(option(0), { key: 'ArrowDown' });
    fireEvent.keyDown(option(1), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(option(2));
    await waitFor(() => expect(options().map((option) => option.tabIndex)).toEqual([-1, -1, 0, -1]));
    expect(option(2).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(option(2), { key: 'Home' });
    fireEvent.keyDown(option(0), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);
  });

  it('shows an article’s first 20 hits, then all of them on Enter on the row after them', async () => {
    const { api, store } = await shownSearch();
    const [first] = CORPUS_HITS;
    const hits = Array.from({ length: 25 }, (_, index) => ({ ...present(first), annotationId: `h${index}` }));
    api.handlers['corpus.search'] = () => ({
      total: 25,
      documents: 1,
      facets: {} as never,
      groups: [{ documentId: HARBOUR.id, title: 'Long', hits }],
    });
    await store.corpus.search();
    const more = await screen.findByRole('option', { name: 'Show all 25 hits in this article (5 more)' });
    expect(options()).toHaveLength(21);
    more.focus();
    fireEvent.keyDown(more, { key: 'Enter' });
    await waitFor(() => expect(options()).toHaveLength(25));
  });

  it('opens the article of a result on Enter', async () => {
    const { store } = await shownSearch();
    option(2).focus();
    fireEvent.keyDown(option(2), { key: 'Enter' });
    await waitFor(() => expect(store.ui.workspace.value).toBe('reader'));
    expect(store.session.value?.id).toBe(BRIDGE.id);
  });

  it('goes back to the article on Escape, keeping the query', async () => {
    const { store, box } = await shownSearch();
    fireEvent.input(box, { target: { value: 'bridge' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(store.ui.workspace.value).toBe('reader');
    expect(store.corpus.text.value).toBe('bridge');
  });

  it('saves the search under a name, runs it and deletes it', async () => {
    const { api, box } = await shownSearch();
    fireEvent.input(box, { target: { value: 'verdict:false' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save this search…' }));
    const name = screen.getByRole('textbox', { name: 'Name of the saved search' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    fireEvent.input(name, { target: { value: 'All false claims' } });
    fireEvent.submit(formOf(name));
    const run = await screen.findByRole('button', { name: 'All false claims' });
    expect(api.inputsOf('corpus.save')).toEqual([{ name: 'All false claims', query: { verdicts: ['false'] } }]);
    fireEvent.input(box, { target: { value: '' } });
    fireEvent.click(run);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 annotations in 2 articles'));
    expect((box as HTMLInputElement).value).toBe('verdict:false');
    fireEvent.click(screen.getByRole('button', { name: 'Delete the saved search “All false claims”' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'All false claims' })).toBe(null));
  });

  it('offers every corpus export format in the Export menu, and moves through it with the arrows', async () => {
    await shownSearch();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const items = screen.getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'CSV, one row per annotation',
      'W3C annotation collection (JSON-LD)',
      'Tag files, one per article (zip)',
      'REFI-QDA project (.qdpx)',
      'HTML report',
      'PDF report',
      'Markdown report',
      'Word report (DOCX)',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    fireEvent.keyDown(present(items[0]), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items.at(-1));
    fireEvent.keyDown(present(items.at(-1)), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBe(null);
  });
});
