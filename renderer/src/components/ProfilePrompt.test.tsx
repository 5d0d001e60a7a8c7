// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStore } from '../app/app-store.ts';
import { fakeLibrary } from '../testing/fake-library.ts';
import { ProfilePrompt } from './ProfilePrompt.tsx';

async function firstRun() {
  const api = fakeLibrary({
    settings: { annotatorName: 'Analyst' },
    overrides: { 'settings.set': (input) => ({ annotatorName: input.annotatorName ?? 'Analyst', profileSet: input.profileSet }) },
  });
  const store = new AppStore(api);
  await store.start();
  render(<ProfilePrompt store={store} />);
  return { api, store };
}

describe('ProfilePrompt', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('asks who is annotating, as a non-modal dialog with the name field focused', async () => {
    await firstRun();
    const prompt = screen.getByRole('dialog', { name: 'Who is annotating?' });
    expect(prompt.getAttribute('aria-modal')).toBe('false');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Your name' }));
    expect(screen.getByRole('button', { name: 'Start annotating' }).hasAttribute('disabled')).toBe(true);
  });

  it('saves the name typed on Enter, and goes away', async () => {
    const { api } = await firstRun();
    const field = screen.getByRole('textbox', { name: 'Your name' });
    fireEvent.input(field, { target: { value: 'Ana Lyst' } });
    expect(screen.getByRole('button', { name: 'Start annotating' }).hasAttribute('disabled')).toBe(false);
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBe(null));
    expect(api.inputsOf('settings.set')).toEqual([{ annotatorName: 'Ana Lyst', profileSet: true }]);
  });

  it('is not shown once a name is confirmed', async () => {
    const store = new AppStore(fakeLibrary());
    await store.start();
    const { container } = render(<ProfilePrompt store={store} />);
    expect(container.innerHTML).toBe('');
  });
});
