// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStore } from '../app/app-store.ts';
import { fakeLibrary } from '../testing/fake-library.ts';
import { NoticeBanner } from './NoticeBanner.tsx';
import { StatusLine } from './StatusLine.tsx';

async function startedStore() {
  const api = fakeLibrary({
    overrides: { 'settings.set': (input) => ({ annotatorName: input.annotatorName ?? 'Analyst', profileSet: true }) },
  });
  const store = new AppStore(api);
  await store.start();
  return { api, store };
}

describe('StatusLine', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('says the open document is saved, in a polite live region', async () => {
    const { store } = await startedStore();
    render(<StatusLine store={store} />);
    const state = screen.getByTestId('save-state');
    expect(state.textContent).toBe('Saved');
    expect(state.getAttribute('role')).toBe('status');
    expect(state.getAttribute('aria-live')).toBe('polite');
  });

  it('announces an error as an alert and an info as a status; × dismisses it', async () => {
    const { store } = await startedStore();
    render(<StatusLine store={store} />);
    store.report('error', 'Could not save.');
    expect((await screen.findByRole('alert')).textContent).toContain('Could not save.');
    store.report('info', 'Codebook saved.');
    await waitFor(() => expect(screen.getByTestId('status-message').getAttribute('role')).toBe('status'));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    await waitFor(() => expect(screen.queryByTestId('status-message')).toBe(null));
    expect(store.message.value).toBe(null);
  });

  it('opens the settings, and says which shortcut does', async () => {
    const { store } = await startedStore();
    render(<StatusLine store={store} />);
    const settings = screen.getByRole('button', { name: 'Settings' });
    expect(settings.getAttribute('aria-keyshortcuts')).toBe('Control+, Meta+,');
    fireEvent.click(settings);
    expect(store.ui.dialog.value).toBe('settings');
  });

  it('renames the annotator in place: Enter saves, Escape keeps the old name', async () => {
    const { api, store } = await startedStore();
    render(<StatusLine store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Annotator: Analyst' }));
    const field = screen.getByRole('textbox', { name: 'Annotator name' });
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'Someone Else' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(await screen.findByRole('button', { name: 'Annotator: Analyst' })).toBeTruthy();
    expect(api.inputsOf('settings.set')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Annotator: Analyst' }));
    const again = screen.getByRole('textbox', { name: 'Annotator name' });
    fireEvent.input(again, { target: { value: 'Someone Else' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    expect(await screen.findByRole('button', { name: 'Annotator: Someone Else' })).toBeTruthy();
    expect(api.inputsOf('settings.set')).toEqual([{ annotatorName: 'Someone Else', profileSet: true }]);
  });
});

describe('NoticeBanner', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('shows warnings as alerts and information as status, each dismissible', async () => {
    const api = fakeLibrary();
    api.handlers['library.list'] = () => ({
      documents: [],
      notices: [
        { level: 'warning', message: 'documents/x.json was damaged and moved aside.' },
        { level: 'info', message: 'The library was upgraded.' },
      ],
    });
    const store = new AppStore(api);
    await store.start();
    render(<NoticeBanner store={store} />);
    expect(screen.getByRole('region', { name: 'Notices' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('damaged and moved aside');
    expect(screen.getByRole('status').textContent).toContain('upgraded');
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss notice' })[0] as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('alert')).toBe(null));
    expect(store.notices.value.map((notice) => notice.level)).toEqual(['info']);
  });
});
