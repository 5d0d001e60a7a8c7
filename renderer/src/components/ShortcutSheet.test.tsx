// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppStore } from '../app/app-store.ts';
import { KEY_MAP } from '../commands/key-map.ts';
import { UiState } from '../app/ui-state.ts';
import { polyfillDialog } from '../testing/dialog-polyfill.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';

function storeShowing(dialog: UiState['dialog']['value']) {
  const ui = new UiState();
  ui.dialog.value = dialog;
  return { store: { ui } as unknown as AppStore, ui };
}

describe('ShortcutSheet', () => {
  beforeAll(polyfillDialog);
  afterEach(cleanup);

  it('shows nothing unless it is the open dialog', () => {
    const { container } = render(<ShortcutSheet store={storeShowing('settings').store} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows every line of the key map, group by group, keys then action', () => {
    render(<ShortcutSheet store={storeShowing('shortcuts').store} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const group of KEY_MAP) {
      const section = within(dialog).getByRole('region', { name: group.title });
      expect(within(section).getByRole('heading').textContent).toBe(`${group.title} ${group.where}`);
      const rows = within(section).getAllByRole('row');
      expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(group.rows.map((line) => line.action));
      // Each key of a combination sits in a <kbd> of its own, without the '+'.
      expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(
        group.rows.map((line) => line.keys.map((combo) => combo.replaceAll('+', '')).join(' / ')),
      );
    }
  });

  it('writes each key of a combination in a <kbd> of its own', () => {
    render(<ShortcutSheet store={storeShowing('shortcuts').store} />);
    const redo = screen.getByRole('cell', { name: 'Redo' }).closest('tr');
    const combos = [...(redo?.querySelectorAll('th > span > kbd.combo') ?? [])];
    expect(combos.map((combo) => [...combo.querySelectorAll('kbd')].map((key) => key.textContent))).toEqual([
      ['Ctrl', 'Shift', 'Z'],
      ['Ctrl', 'Y'],
    ]);
  });

  it('closes with its close button', () => {
    const { ui, store } = storeShowing('shortcuts');
    render(<ShortcutSheet store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(ui.dialog.value).toBe(null);
  });
});
