// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimAppearance, ClaimSuggestion, TrackedClaimView } from '../../../shared/contract/claims-channels.ts';
import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import { AppStore } from '../app/app-store.ts';
import { installGlobalShortcuts } from '../app/global-shortcuts.ts';
import { failing, type FakeHandlers } from '../testing/fake-api.ts';
import { BRIDGE, fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { ClaimTrackerView } from './ClaimTrackerView.tsx';

function appearance(documentId: string, title: string, annotationId: string, verdict: string, verdictLabel: string): ClaimAppearance {
  return {
    documentId,
    annotationId,
    title,
    date: '2026-03-02',
    claimant: 'Jane Minister',
    start: 0,
    end: 20,
    text: 'unemployment fell to 4%',
    verdict,
    verdictLabel,
    checked: verdict !== 'unverified',
    modified: '2026-03-03T09:00:00.000Z',
  };
}

const GROUP: TrackedClaimView = {
  id: 'tracked-1',
  text: 'unemployment fell to 4%',
  confirmed: false,
  appearances: [
    appearance(HARBOUR.id, 'Harbour reopens', 'c1', 'false', 'False'),
    appearance(BRIDGE.id, 'Bridge closed', 'c2', 'unverified', 'Unverified'),
  ],
  verdicts: [
    { verdict: 'false', verdictLabel: 'False', count: 1 },
    { verdict: 'unverified', verdictLabel: 'Unverified', count: 1 },
  ],
};

const NEAR: TrackedClaimView = {
  id: 'tracked-2',
  text: 'unemployment fell sharply to 4%',
  confirmed: false,
  appearances: [appearance(BRIDGE.id, 'Bridge closed', 'c3', 'unverified', 'Unverified')],
  verdicts: [{ verdict: 'unverified', verdictLabel: 'Unverified', count: 1 }],
};

const SUGGESTION: ClaimSuggestion = {
  tracked: GROUP,
  candidate: NEAR,
  score: 0.64,
  checkedBefore: {
    verdict: 'false',
    verdictLabel: 'False',
    on: '2026-03-03T09:00:00.000Z',
    documentId: HARBOUR.id,
    annotationId: 'c1',
    message: 'Checked before: False, on 3 March 2026',
  },
};

const CHANGE: RegistryChange = {
  id: 'change',
  description: 'Gave “Mostly false” to 2 appearances of “unemployment fell to 4%” in 2 articles',
  documentIds: [HARBOUR.id, BRIDGE.id],
};

async function shown(overrides: FakeHandlers = {}) {
  const api = fakeLibrary({
    overrides: {
      'claims.list': () => ({ tracked: [GROUP], suggestions: [SUGGESTION] }),
      'claims.confirm': () => ({ tracked: { ...GROUP, confirmed: true }, change: { ...CHANGE, description: 'Tracked', documentIds: [] } }),
      'claims.dismiss': () => ({ dismissed: true, change: { ...CHANGE, description: 'Kept apart', documentIds: [] } }),
      'claims.applyVerdict': () => ({ tracked: GROUP, change: CHANGE }),
      'claims.undo': () => ({ change: CHANGE }),
      ...overrides,
    },
  });
  const store = new AppStore(api);
  await store.start();
  await store.claimTracker.open();
  render(<ClaimTrackerView store={store} />);
  return { api, store };
}

describe('the tracked claims view', () => {
  afterEach(() => cleanup());

  it('lists the suggestions apart, with the earlier verdict, and answers them: Same claim joins, Not the same dismisses', async () => {
    const { api, store } = await shown();
    const suggestions = screen.getByRole('list', { name: 'Suggested matches' });
    expect(suggestions.textContent).toContain('Checked before: False, on 3 March 2026');
    expect(suggestions.textContent).toContain('Similarity 64%');
    fireEvent.click(within(suggestions).getByRole('button', { name: 'Same claim' }));
    await waitFor(() => expect(api.inputsOf('claims.confirm')).toEqual([{ trackedId: 'tracked-1', candidateId: 'tracked-2' }]));
    await waitFor(() => expect(store.message.value?.text).toContain('is now tracked with'));
    fireEvent.click(within(suggestions).getByRole('button', { name: 'Not the same' }));
    await waitFor(() => expect(api.inputsOf('claims.dismiss')).toEqual([{ trackedId: 'tracked-1', candidateId: 'tracked-2' }]));
  });

  it('applies a verdict to every appearance only after the confirmation, and Ctrl+Z in the view undoes it', async () => {
    const { api, store } = await shown();
    const uninstall = installGlobalShortcuts(store);
    try {
      const card = screen.getByRole('region', { name: '“unemployment fell to 4%”' });
      expect(within(card).getAllByRole('listitem')).toHaveLength(2);
      fireEvent.change(within(card).getByRole('combobox', { name: 'Verdict' }), { target: { value: 'mostly-false' } });
      fireEvent.click(within(card).getByRole('button', { name: 'Apply this verdict to all 2 appearances…' }));
      expect(api.inputsOf('claims.applyVerdict')).toEqual([]);
      const confirm = within(card).getByRole('group', { name: 'Confirm the verdict' });
      expect(confirm.textContent).toContain('Give “Mostly false” to all 2 appearances in 2 articles?');
      fireEvent.click(within(confirm).getByRole('button', { name: 'Give “Mostly false” to 2 appearances' }));
      await waitFor(() => expect(api.inputsOf('claims.applyVerdict')).toEqual([{ trackedId: 'tracked-1', verdict: 'mostly-false' }]));
      await waitFor(() => expect(store.message.value?.text).toBe(`${CHANGE.description}.`));

      fireEvent.keyDown(within(card).getByRole('heading'), { key: 'z', ctrlKey: true });
      await waitFor(() => expect(api.inputsOf('claims.undo')).toHaveLength(1));
      await waitFor(() => expect(store.message.value?.text).toBe(`Undone: ${CHANGE.description}.`));
    } finally {
      uninstall();
    }
  });

  it('offers the verdict record of an appearance that has one, for every appearance, and says so before it is given', async () => {
    const [recorded, other] = GROUP.appearances;
    if (!recorded || !other) throw new Error('expected two appearances');
    const withRecord = {
      ...GROUP,
      appearances: [other, { ...recorded, verdict: 'false', verdictLabel: 'False', hasRationale: true, sources: 2 }],
    };
    const { api } = await shown({ 'claims.list': () => ({ tracked: [withRecord], suggestions: [] }) });
    const card = screen.getByRole('region', { name: '“unemployment fell to 4%”' });
    const picker = within(card).getByRole('combobox', { name: 'With the record of' }) as HTMLSelectElement;
    expect(picker.selectedOptions[0]?.textContent).toBe(`${recorded.title} (rationale, 2 sources)`);
    expect((within(card).getByRole('combobox', { name: 'Verdict' }) as HTMLSelectElement).value).toBe('false');
    fireEvent.click(within(card).getByRole('button', { name: 'Apply this verdict to all 2 appearances…' }));
    const confirm = within(card).getByRole('group', { name: 'Confirm the verdict' });
    expect(confirm.textContent).toContain(
      `Give “False” to all 2 appearances in 2 articles, with the rationale and 2 sources recorded in “${recorded.title}”?`,
    );
    fireEvent.click(within(confirm).getByRole('button', { name: 'Give “False” to 2 appearances' }));
    await waitFor(() =>
      expect(api.inputsOf('claims.applyVerdict')).toEqual([
        { trackedId: 'tracked-1', verdict: 'false', from: { documentId: recorded.documentId, annotationId: recorded.annotationId } },
      ]),
    );
  });

  it('says so on the status line when the services refuse the verdict', async () => {
    const { store } = await shown({
      'claims.applyVerdict': failing('conflict', '"Bridge closed" changed while the change was being made'),
    });
    const card = screen.getByRole('region', { name: '“unemployment fell to 4%”' });
    fireEvent.click(within(card).getByRole('button', { name: /Apply this verdict/u }));
    fireEvent.click(within(card).getByRole('button', { name: /^Give/u }));
    await waitFor(() => expect(store.message.value?.text).toBe('Not changed: "Bridge closed" changed while the change was being made'));
    expect(within(card).getByRole('group', { name: 'Confirm the verdict' })).toBeTruthy();
  });
});
