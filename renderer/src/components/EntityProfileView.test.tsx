// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusGroup, EntityProfile, MergeProposal, RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { AppStore } from '../app/app-store.ts';
import { cycleRegion } from '../app/focus-regions.ts';
import { installGlobalShortcuts } from '../app/global-shortcuts.ts';
import type { FakeHandlers } from '../testing/fake-api.ts';
import { BRIDGE, fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { EntityProfileView } from './EntityProfileView.tsx';

const METSOLA: Entity = {
  id: 'metsola',
  name: 'Roberta Metsola',
  type: 'person',
  aliases: ['Metsola'],
  wikidata: 'Q2158040',
  description: 'President of the European Parliament since 2022.',
};

function group(documentId: string, title: string, published: string | undefined, hits: CorpusGroup['hits']): CorpusGroup {
  return { documentId, title, source: 'The Courier', ...(published ? { published } : {}), hits };
}

const hit = (documentId: string, annotationId: string, kind: 'entity' | 'quote' | 'claim', exact: string, status?: string) => ({
  documentId,
  annotationId,
  kind,
  start: 0,
  end: exact.length,
  exact,
  ...(status ? { status } : {}),
  author: 'Analyst',
  modified: '2026-03-02T09:00:00.000Z',
});

const PROFILE: EntityProfile = {
  entity: METSOLA,
  mentions: 1,
  quotes: 1,
  claims: 1,
  groups: [
    group(HARBOUR.id, 'Harbour reopens', '2026-03-02', [
      hit(HARBOUR.id, 'q1', 'quote', 'We will not be intimidated'),
      hit(HARBOUR.id, 'm1', 'entity', 'Metsola'),
    ]),
    group(BRIDGE.id, 'Bridge closed', '2026-02-27', [hit(BRIDGE.id, 'c1', 'claim', 'The bridge was built in 1850', 'false')]),
  ],
};

const CHANGE: RegistryChange = { id: 'change', description: 'Changed “Roberta Metsola” in 1 article', documentIds: [BRIDGE.id] };

async function shown(overrides: FakeHandlers = {}, profile: EntityProfile = PROFILE) {
  const api = fakeLibrary({
    overrides: {
      'entities.profile': () => profile,
      'entities.update': ({ entity }) => ({ entity, change: CHANGE }),
      'entities.split': ({ name }) => ({ entity: { id: 'new', name, type: 'person', aliases: [] }, change: CHANGE }),
      'entities.undo': () => ({ change: CHANGE }),
      ...overrides,
    },
  });
  const store = new AppStore(api);
  await store.start();
  await store.entityProfile.openProfile(profile.entity.id);
  render(<EntityProfileView store={store} />);
  return { api, store };
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.profile-hit-button')];

/** jsdom lays nothing out: the profile's scroller gets a window's height and each row 40 pixels, as a browser would give them. */
function withLayout(): () => void {
  const sizes = { clientHeight: 'profile-scroll', offsetHeight: 'profile-line' } as const;
  const heights = { clientHeight: 800, offsetHeight: 40 };
  const own = Object.keys(sizes).map((property) => [property, Object.getOwnPropertyDescriptor(HTMLElement.prototype, property)] as const);
  for (const [property, className] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains(className) ? heights[property as keyof typeof heights] : 0;
      },
    });
  }
  return () => {
    for (const [property, descriptor] of own) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, property, descriptor);
      else Reflect.deleteProperty(HTMLElement.prototype, property);
    }
  };
}

describe('EntityProfileView', () => {
  let undoLayout = () => {};
  beforeEach(() => {
    localStorage.clear();
    undoLayout = withLayout();
  });
  afterEach(() => {
    cleanup();
    undoLayout();
  });

  it('shows the entity’s record and counts, then its rows by article with title, source and date', async () => {
    await shown();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Roberta Metsola');
    expect(screen.getByRole('link', { name: /Q2158040 on Wikidata/u }).getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q2158040');
    expect(screen.getByText('Also: Metsola')).toBeTruthy();
    expect(screen.getByText('President of the European Parliament since 2022.')).toBeTruthy();
    const counts = within(screen.getByLabelText('Across the library'));
    expect(counts.getAllByRole('definition').map((value) => value.textContent)).toEqual(['1', '1', '1', '2']);
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
        'Harbour reopens',
        'Bridge closed',
      ]),
    );
    expect(document.querySelector('.profile-article-meta')?.textContent).toBe('The Courier2 Mar 20261 mention, 1 quote');
    expect(rows().map((row) => row.textContent)).toEqual([
      'Quote“We will not be intimidated”',
      'MentionMetsola',
      'Claim“The bridge was built in 1850”False',
    ]);
  });

  it('picks rows with Space and moves them to a new entity', async () => {
    const { api } = await shown();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(rows()[0] as HTMLElement, { key: ' ' });
    fireEvent.keyDown(rows()[2] as HTMLElement, { key: ' ' });
    await waitFor(() => expect(screen.getByText('2 rows picked')).toBeTruthy());
    expect(rows().map((row) => row.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'true']);
    fireEvent.click(screen.getByRole('button', { name: 'Move to a new entity…' }));
    fireEvent.input(screen.getByLabelText('Name of the new entity'), { target: { value: 'Rob Metsola' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(api.inputsOf('entities.split')).toHaveLength(1));
    expect(api.inputsOf('entities.split')[0]).toEqual({
      entityId: 'metsola',
      name: 'Rob Metsola',
      type: 'person',
      annotations: [
        { documentId: HARBOUR.id, annotationId: 'q1' },
        { documentId: BRIDGE.id, annotationId: 'c1' },
      ],
    });
    // The new entity is offered, to see its own profile.
    const link = await screen.findByRole('button', { name: 'Profile of Rob Metsola ↗' });
    fireEvent.click(link);
    await waitFor(() => expect(api.inputsOf('entities.profile').at(-1)).toEqual({ entityId: 'new' }));
  });

  it('edits the record for the whole library, and refuses a malformed Wikidata id without calling the services', async () => {
    const { api } = await shown();
    fireEvent.click(screen.getByRole('button', { name: 'Edit entity…' }));
    const form = within(screen.getByRole('form', { name: 'Edit the entity' }));
    fireEvent.input(form.getByLabelText('Wikidata id'), { target: { value: 'metsola' } });
    fireEvent.click(form.getByRole('button', { name: 'Save in every article' }));
    await waitFor(() => expect(form.getByRole('alert').textContent).toContain('“metsola” is not a Wikidata id'));
    expect(api.inputsOf('entities.update')).toEqual([]);
    fireEvent.input(form.getByLabelText('Wikidata id'), { target: { value: 'https://www.wikidata.org/wiki/Q2158040' } });
    fireEvent.input(form.getByLabelText('Aliases'), { target: { value: 'Metsola; R. Metsola; metsola' } });
    fireEvent.click(form.getByRole('button', { name: 'Save in every article' }));
    await waitFor(() => expect(api.inputsOf('entities.update')).toHaveLength(1));
    expect(api.inputsOf('entities.update')[0]?.entity).toEqual({ ...METSOLA, aliases: ['Metsola', 'R. Metsola'] });
  });

  it('opens a row’s article in the reader (Enter on the row)', async () => {
    const { api, store } = await shown();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[2] as HTMLElement);
    await waitFor(() => expect(store.session.value?.id).toBe(BRIDGE.id));
    expect(store.ui.workspace.value).toBe('reader');
    expect(api.inputsOf('library.get').map((input) => input.id)).toContain(BRIDGE.id);
  });

  it('undoes a registry change with Ctrl+Z while it has the focus, and goes back to the reader with Escape', async () => {
    const { api, store } = await shown();
    const uninstall = installGlobalShortcuts(store);
    try {
      await waitFor(() => expect(rows()).toHaveLength(3));
      (rows()[0] as HTMLElement).focus();
      fireEvent.keyDown(rows()[0] as HTMLElement, { key: 'z', ctrlKey: true });
      await waitFor(() => expect(api.inputsOf('entities.undo')).toHaveLength(1));
      await waitFor(() => expect(store.message.value?.text).toBe('Undone: Changed “Roberta Metsola” in 1 article.'));
      fireEvent.keyDown(rows()[0] as HTMLElement, { key: 'Escape' });
      expect(store.ui.workspace.value).toBe('reader');
    } finally {
      uninstall();
    }
  });

  it('is a region of the window for F6, in place of the article', async () => {
    await shown();
    await waitFor(() => expect(rows()).toHaveLength(3));
    (document.activeElement as HTMLElement | null)?.blur();
    cycleRegion(1);
    expect(document.activeElement).toBe(rows()[0]);
  });

  it('draws a profile of 10,000 mentions a screenful at a time', async () => {
    const many = Array.from({ length: 10_000 }, (_, index) => hit(HARBOUR.id, `m${index}`, 'entity', 'Metsola'));
    await shown(
      {},
      { ...PROFILE, mentions: 10_000, quotes: 0, claims: 0, groups: [group(HARBOUR.id, 'Harbour reopens', undefined, many)] },
    );
    expect(within(screen.getByLabelText('Across the library')).getAllByRole('definition')[0]?.textContent).toBe('10,000');
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(60);
  });
});

describe('the possible duplicates', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  const EU: Entity = { id: 'eu', name: 'EU', type: 'organization', aliases: [], wikidata: 'Q458' };
  const UNION: Entity = { id: 'union', name: 'European Union', type: 'organization', aliases: [], wikidata: 'Q458' };
  const PROPOSAL: MergeProposal = { keep: UNION, merge: EU, reason: 'wikidata', documents: 3 };

  async function duplicates() {
    const api = fakeLibrary({
      overrides: {
        'entities.proposals': () => ({ proposals: [PROPOSAL] }),
        'entities.merge': () => ({
          entity: UNION,
          change: { id: 'c', description: 'Merged “EU” into “European Union” in 3 articles', documentIds: [] },
        }),
        'entities.dismiss': () => ({ dismissed: true }),
      },
    });
    const store = new AppStore(api);
    await store.start();
    await store.entityProfile.openDuplicates();
    render(<EntityProfileView store={store} />);
    return { api, store };
  }

  it('shows both entities, the reason and the number of articles; a merge is confirmed first, saying how many articles change', async () => {
    const { api } = await duplicates();
    const proposal = within(screen.getByRole('listitem', { name: 'EU and European Union' }));
    expect(proposal.getByText('Same Wikidata id (Q458)')).toBeTruthy();
    expect(proposal.getByText('3 articles')).toBeTruthy();
    fireEvent.click(proposal.getByRole('button', { name: 'Merge…' }));
    expect(api.inputsOf('entities.merge')).toEqual([]);
    expect(proposal.getByRole('group', { name: 'Confirm the merge' }).textContent).toContain(
      'Merge “EU” into “European Union”? 3 articles will change',
    );
    fireEvent.click(proposal.getByRole('button', { name: 'Merge in 3 articles' }));
    await waitFor(() => expect(api.inputsOf('entities.merge')).toEqual([{ keepId: 'union', mergeIds: ['eu'] }]));
  });

  it('dismisses a proposal', async () => {
    const { api, store } = await duplicates();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.getByText('No possible duplicates: every entity of the library looks distinct.')).toBeTruthy());
    expect(api.inputsOf('entities.dismiss')).toEqual([{ keepId: 'union', mergeId: 'eu' }]);
    expect(store.message.value?.text).toBe('“EU” and “European Union” stay apart; they will not be proposed again.');
  });
});
