// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStore } from '../app/app-store.ts';
import { fakeLibrary } from '../testing/fake-library.ts';
import { SidePanel } from './SidePanel.tsx';

const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true');

describe('SidePanel', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('shows disabled tabs and says why while no document is open', () => {
    render(<SidePanel store={new AppStore(fakeLibrary())} />);
    expect(screen.getAllByRole('tab').every((tab) => tab.hasAttribute('disabled'))).toBe(true);
    expect(screen.getByRole('tabpanel').textContent).toBe('Open a document to see its annotations.');
  });

  it('is a tab list: one tab selected and in the tab order, its panel labelled by it, counts shown', async () => {
    const store = new AppStore(fakeLibrary());
    await store.start();
    render(<SidePanel store={store} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Claims0', 'Quotes0', 'Entities0', 'Notes0']);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(selectedTab()?.id).toBe('panel-tab-claims');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('panel-tab-claims');
  });

  it('moves between tabs with the arrows (wrapping round), Home and End, and follows with the focus', async () => {
    const store = new AppStore(fakeLibrary());
    await store.start();
    render(<SidePanel store={store} />);
    const press = async (key: string, expected: string) => {
      fireEvent.keyDown(selectedTab() as HTMLElement, { key });
      await waitFor(() => expect(document.activeElement?.id).toBe(`panel-tab-${expected}`));
      expect(selectedTab()?.id).toBe(`panel-tab-${expected}`);
      expect(store.ui.panelTab.value).toBe(expected);
    };
    await press('ArrowRight', 'quotes');
    await press('End', 'notes');
    await press('ArrowRight', 'claims');
    await press('ArrowLeft', 'notes');
    await press('Home', 'claims');
  });

  it('switches tab on a click without moving the focus', async () => {
    const store = new AppStore(fakeLibrary());
    await store.start();
    render(<SidePanel store={store} />);
    fireEvent.click(screen.getByRole('tab', { name: /Entities/u }));
    await waitFor(() => expect(selectedTab()?.id).toBe('panel-tab-entities'));
    expect(document.activeElement).toBe(document.body);
  });
});
