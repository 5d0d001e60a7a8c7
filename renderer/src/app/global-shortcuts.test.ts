// @vitest-environment jsdom
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_FILE_INPUT_ID } from './review-file.ts';
import { keydownFor } from '../testing/keyboard-events.ts';
import type { AppStore } from './app-store.ts';
import { installGlobalShortcuts } from './global-shortcuts.ts';
import { isWindowCommand, keyBindings, type WindowCommand } from '../commands/key-map.ts';
import { UiState } from './ui-state.ts';

/** The window's regions, one focusable element in each, and the hidden review file input. */
const PAGE = `
  <nav class="library"><button class="doc-item" aria-current="page">Article</button></nav>
  <section class="side-panel">
    <button role="tab" aria-selected="true">Claims</button>
    <div role="tabpanel"><input type="search" aria-label="Search claims"></div>
  </section>
  <main class="reader"><div class="reader-text" tabindex="0"></div></main>
  <aside class="inspector" tabindex="-1"><input data-primary-field></aside>
  <input type="file" id="${REVIEW_FILE_INPUT_ID}" hidden>
`;

function fakeStore() {
  const calls: string[] = [];
  const ui = new UiState();
  const session = {
    selectedTextForFind: () => 'Minister',
    focusReader: () => {
      calls.push('focusReader');
      document.querySelector<HTMLElement>('.reader-text')?.focus();
    },
  };
  const store = {
    ui,
    session: signal(session),
    library: { openImport: () => calls.push('openImport') },
    suggestions: { runOrStep: () => calls.push('runOrStep') },
    corpus: { open: () => calls.push('openCorpusSearch') },
    claimTracker: { open: () => calls.push('openTrackedClaims') },
    team: { open: () => calls.push('openTeam'), sync: () => calls.push('syncTeam') },
    undo: () => calls.push('undo'),
    redo: () => calls.push('redo'),
  };
  return { store: store as unknown as AppStore, ui, calls };
}

/** What each page-wide command is seen to do, starting with focus on the element `from` names. */
const EFFECTS: Record<WindowCommand, { from: string; effect: (page: ReturnType<typeof fakeStore>) => unknown; expected: unknown }> = {
  'window.find': { from: '.reader-text', effect: ({ ui }) => [ui.findOpen.value, ui.findSeed.value], expected: [true, 'Minister'] },
  'window.suggest': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['runOrStep'] },
  'window.undo': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['undo'] },
  'window.redo': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['redo'] },
  'window.next-region': { from: '.reader-text', effect: () => document.activeElement?.matches('[data-primary-field]'), expected: true },
  'window.previous-region': { from: '.reader-text', effect: () => document.activeElement?.getAttribute('role'), expected: 'tab' },
  'window.list-search': {
    from: '.reader-text',
    effect: () => document.activeElement?.getAttribute('aria-label'),
    expected: 'Search claims',
  },
  'window.settings': { from: '.reader-text', effect: ({ ui }) => ui.dialog.value, expected: 'settings' },
  'window.import': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['openImport'] },
  'window.review': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['chooseReviewFile'] },
  'window.export': { from: '.reader-text', effect: ({ ui }) => ui.dialog.value, expected: 'export' },
  'window.back-to-article': { from: '[role="tab"]', effect: ({ calls }) => calls, expected: ['focusReader'] },
  'window.shortcuts': { from: '.reader-text', effect: ({ ui }) => ui.dialog.value, expected: 'shortcuts' },
  'window.corpus-search': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['openCorpusSearch'] },
  'window.tracked-claims': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['openTrackedClaims'] },
  'window.team': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['openTeam'] },
  'window.team-sync': { from: '.reader-text', effect: ({ calls }) => calls, expected: ['syncTeam'] },
};

describe('the page-wide keys', () => {
  let page: ReturnType<typeof fakeStore>;
  let uninstall: () => void;

  beforeEach(() => {
    document.body.innerHTML = PAGE;
    page = fakeStore();
    document.getElementById(REVIEW_FILE_INPUT_ID)?.addEventListener('click', () => page.calls.push('chooseReviewFile'));
    uninstall = installGlobalShortcuts(page.store);
  });

  afterEach(() => uninstall());

  const press = (from: string, event: KeyboardEvent): KeyboardEvent => {
    const target = document.querySelector<HTMLElement>(from);
    target?.focus();
    (target ?? document.body).dispatchEvent(event);
    return event;
  };

  it.each(keyBindings(isWindowCommand))('binds $combo to $command', ({ combo, command }) => {
    const { from, effect, expected } = EFFECTS[command];
    const event = press(from, keydownFor(combo));
    expect(effect(page)).toEqual(expected);
    expect(event.defaultPrevented).toBe(true);
  });

  it('takes ⌘ for Ctrl', () => {
    press('.reader-text', keydownFor('Z', { metaKey: true }));
    press('.reader-text', keydownFor('Shift+Z', { metaKey: true }));
    expect(page.calls).toEqual(['undo', 'redo']);
  });

  it('leaves undo, ? and / to a text field', () => {
    const undo = press('[type="search"]', keydownFor('Ctrl+Z'));
    const question = press('[type="search"]', keydownFor('?'));
    expect(page.calls).toEqual([]);
    expect(page.ui.dialog.value).toBe(null);
    expect([undo.defaultPrevented, question.defaultPrevented]).toEqual([false, false]);
  });

  it('opens no second dialog over one already open', () => {
    page.ui.dialog.value = 'settings';
    press('.reader-text', keydownFor('Ctrl+Shift+E'));
    press('.reader-text', keydownFor('Ctrl+O'));
    expect(page.ui.dialog.value).toBe('settings');
    expect(page.calls).toEqual([]);
  });
});
