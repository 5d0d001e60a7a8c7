// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract/channels.ts';
import type { TeamStatus, TeamSyncReport } from '../../../shared/contract/team-channels.ts';
import { AppStore } from '../app/app-store.ts';
import { failing, type FakeHandlers } from '../testing/fake-api.ts';
import { BRIDGE, fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { AnnotationHistory } from './AnnotationHistory.tsx';
import { StatusLine } from './StatusLine.tsx';
import { TeamJoinDialog } from './TeamJoinDialog.tsx';
import { TeamView } from './TeamView.tsx';

const ALICE = { id: 'alice', name: 'Alice', joined: '2026-12-01T09:00:00.000Z' };
const BOB = { id: 'bob', name: 'Bob', joined: '2026-12-01T10:00:00.000Z' };
const NO_COUNTS = { claim: 0, quote: 0, entity: 0, note: 0 };

const NOT_JOINED: TeamStatus = { joined: false, articles: [], pending: { toPush: 0, toPull: 0 }, syncing: false };

function joined(): TeamStatus {
  return {
    joined: true,
    team: { name: 'Europe desk', remote: 'https://git.example.org/desk.git', me: ALICE, members: [ALICE, BOB] },
    articles: [
      {
        fingerprint: HARBOUR.fingerprint,
        documentId: HARBOUR.id,
        title: 'Harbour reopens',
        shared: true,
        layers: [
          { memberId: 'alice', name: 'Alice', counts: { ...NO_COUNTS, claim: 3, quote: 1 } },
          { memberId: 'bob', name: 'Bob', counts: { ...NO_COUNTS, claim: 2 }, reviewId: 'team-bob' },
        ],
        stage: 'in-progress',
        assignee: 'bob',
      },
    ],
    pending: { toPush: 2, toPull: 0 },
    syncing: false,
  };
}

/** A team service as the host answers it: joining, sharing, syncing and assigning change the status it reports. */
function teamHandlers(start: TeamStatus): { handlers: FakeHandlers; state: { status: TeamStatus } } {
  const state = { status: start };
  const handlers: FakeHandlers = {
    'team.status': () => state.status,
    'team.join': () => (state.status = joined()),
    'team.init': (input) => {
      const status = joined();
      state.status = { ...status, team: status.team && { ...status.team, name: input.name } };
      return state.status;
    },
    'team.share': (input: ChannelInput<'team.share'>) => {
      const ids = input.all ? [HARBOUR.id, BRIDGE.id] : (input.documentIds ?? []);
      const added = [BRIDGE]
        .filter((document) => ids.includes(document.id))
        .map((document) => ({
          fingerprint: document.fingerprint,
          documentId: document.id,
          title: document.meta.title,
          shared: true,
          layers: [],
        }));
      state.status = { ...state.status, articles: [...state.status.articles, ...added] };
      return state.status;
    },
    'team.sync': () => {
      const report: TeamSyncReport = {
        at: '2026-12-03T19:42:00.000Z',
        outcome: 'synced',
        message: 'Synced',
        pushed: 2,
        pulled: 1,
        retries: 1,
        arrived: [{ documentId: HARBOUR.id, memberId: 'bob', reviewId: 'team-bob' }],
      };
      state.status = { ...state.status, pending: { toPush: 0, toPull: 0 }, lastSync: report };
      return report;
    },
    'team.assign': (input) => {
      state.status = {
        ...state.status,
        articles: state.status.articles.map((article) =>
          article.documentId === input.documentId
            ? {
                ...article,
                ...(input.stage ? { stage: input.stage } : {}),
                ...(input.assignee !== undefined ? { assignee: input.assignee ?? undefined } : {}),
              }
            : article,
        ),
      };
      return state.status;
    },
  };
  return { handlers, state };
}

async function shown(start: TeamStatus, overrides: FakeHandlers = {}) {
  const { handlers, state } = teamHandlers(start);
  const api = fakeLibrary({ overrides: { ...handlers, ...overrides } });
  const store = new AppStore(api);
  await store.start();
  await store.team.open();
  render(
    <>
      <TeamView store={store} />
      <TeamJoinDialog store={store} />
      <StatusLine store={store} />
    </>,
  );
  return { api, store, state };
}

describe('the team view', () => {
  beforeEach(() => {
    localStorage.clear();
    // jsdom has no modal dialogs.
    HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
  });
  afterEach(cleanup);

  it('in no team: says what a team is, and the status line stays quiet', async () => {
    const { store } = await shown(NOT_JOINED);
    expect(screen.getByRole('main', { name: 'Team' }).textContent).toContain('This library is in no team');
    expect(screen.getByTestId('team-sync-status').textContent).toBe('');
    expect(store.ui.workspace.value).toBe('team');
  });

  it('joins with a token that goes to the host once and is never shown again', async () => {
    const { api, store } = await shown(NOT_JOINED);
    fireEvent.click(screen.getByRole('button', { name: 'Join or create a team…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Join a team' });
    fireEvent.input(within(dialog).getByLabelText('Team repository'), { target: { value: ' https://git.example.org/desk.git ' } });
    const token = within(dialog).getByLabelText('Access token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.autocomplete).toBe('off');
    fireEvent.input(token, { target: { value: 's3cret-token' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(store.ui.dialog.value).toBe(null));
    expect(api.inputsOf('team.join')).toEqual([{ remote: 'https://git.example.org/desk.git', token: 's3cret-token' }]);
    expect(await screen.findByRole('heading', { name: 'Europe desk' })).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('s3cret-token');
    expect(screen.getByTestId('team-sync-status').textContent).toBe('Not synced yet: 2 changes wait to be pushed');

    // Opened again, the dialog starts empty.
    store.team.openJoin();
    const again = await screen.findByRole('dialog', { name: 'Join a team' });
    fireEvent.input(within(again).getByLabelText('Team repository'), { target: { value: 'https://git.example.org/desk.git' } });
    expect((within(again).getByLabelText('Access token') as HTMLInputElement).value).toBe('');
  });

  it('creates a team at a bare repository path, without asking for a token', async () => {
    const { api } = await shown(NOT_JOINED);
    fireEvent.click(screen.getByRole('button', { name: 'Join or create a team…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Join a team' });
    fireEvent.click(within(dialog).getByLabelText('Create a new team there'));
    const create = await screen.findByRole('dialog', { name: 'Create a team' });
    fireEvent.input(within(create).getByLabelText('Team repository'), { target: { value: '/mnt/shared/desk.git' } });
    expect(within(create).queryByLabelText('Access token')).toBe(null);
    const submit = within(create).getByRole('button', { name: 'Create and join' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.input(within(create).getByLabelText('Team name'), { target: { value: 'Night desk' } });
    fireEvent.click(submit);
    expect(await screen.findByRole('heading', { name: 'Night desk' })).toBeTruthy();
    expect(api.inputsOf('team.init')).toEqual([{ remote: '/mnt/shared/desk.git', name: 'Night desk' }]);
  });

  it('keeps the dialog open with the host’s reason when joining fails, and the token is gone', async () => {
    const { store } = await shown(NOT_JOINED, { 'team.join': failing('bad-request', 'The server refused the token (HTTP 401).') });
    store.team.openJoin();
    const dialog = await screen.findByRole('dialog', { name: 'Join a team' });
    fireEvent.input(within(dialog).getByLabelText('Team repository'), { target: { value: 'https://git.example.org/desk.git' } });
    fireEvent.input(within(dialog).getByLabelText('Access token'), { target: { value: 'wrong' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Join' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The server refused the token (HTTP 401).');
    expect((within(dialog).getByLabelText('Access token') as HTMLInputElement).value).toBe('');
    expect(store.team.status.value?.joined).toBe(false);
  });

  it('shows the members, each shared article’s layers with their counts, its stage and assignee, and what waits', async () => {
    await shown(joined());
    const members = screen.getByRole('region', { name: 'Members (2)' });
    expect(members.textContent).toContain('Alice (you)');
    expect(members.textContent).toContain('Bob');
    const articles = screen.getByRole('table');
    const row = within(articles).getByRole('row', { name: /Harbour reopens/u });
    expect(row.textContent).toContain('You: 3 claims, 1 quote');
    expect(row.textContent).toContain('Bob: 2 claims');
    expect((within(row).getByLabelText('Stage of Harbour reopens') as HTMLSelectElement).value).toBe('in-progress');
    expect((within(row).getByLabelText('Assignee of Harbour reopens') as HTMLSelectElement).value).toBe('bob');
    expect(screen.getByTestId('team-to-push').textContent).toBe('2 changes');
    expect(screen.getByTestId('team-to-pull').textContent).toBe('nothing');
    expect(screen.getByTestId('team-last-sync').textContent).toBe('not yet');
  });

  it('Sync now: the status line says whose articles arrived, and the library is read again', async () => {
    const { api } = await shown(joined());
    const listings = api.inputsOf('library.list').length;
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() =>
      expect(screen.getByTestId('team-sync-status').textContent).toMatch(/^Synced .+: 1 article from Bob; yours pushed$/u),
    );
    const live = screen.getByTestId('team-sync-status');
    expect([live.getAttribute('role'), live.getAttribute('aria-live')]).toEqual(['status', 'polite']);
    expect(screen.getByTestId('team-last-sync').textContent).toContain('pushed again 1 time after a colleague pushed first');
    expect(screen.getByTestId('team-to-push').textContent).toBe('nothing');
    expect(api.inputsOf('team.sync')).toEqual([{}]);
    expect(api.inputsOf('library.list').length).toBeGreaterThan(listings);
  });

  it('shares the ticked articles, or all; sets the stage and the assignee', async () => {
    const { api } = await shown(joined());
    const share = screen.getByRole('region', { name: 'Share articles' });
    expect(within(share).queryByLabelText('Harbour reopens')).toBe(null);
    const button = within(share).getByRole('button', { name: 'Share ticked (0)' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(within(share).getByLabelText('Bridge closed'));
    fireEvent.click(within(share).getByRole('button', { name: 'Share ticked (1)' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getByRole('row', { name: /Bridge closed/u })).toBeTruthy());
    expect(api.inputsOf('team.share')).toEqual([{ documentIds: [BRIDGE.id] }]);
    expect(screen.getByRole('region', { name: 'Share articles' }).textContent).toContain('Every article of this library is shared.');

    fireEvent.change(screen.getByLabelText('Assignee of Harbour reopens'), { target: { value: 'alice' } });
    await waitFor(() => expect(api.inputsOf('team.assign')).toEqual([{ documentId: HARBOUR.id, assignee: 'alice' }]));
    fireEvent.change(screen.getByLabelText('Stage of Harbour reopens'), { target: { value: 'checked' } });
    await waitFor(() => expect(api.inputsOf('team.assign').at(-1)).toEqual({ documentId: HARBOUR.id, stage: 'checked' }));
    await waitFor(() => expect((screen.getByLabelText('Stage of Harbour reopens') as HTMLSelectElement).value).toBe('checked'));
  });

  it('says on the status line when the server’s history was rewritten, and when offline', async () => {
    const { store, state } = await shown(joined());
    state.status = {
      ...state.status,
      lastSync: {
        at: '2026-12-03T19:50:00.000Z',
        outcome: 'history-rewritten',
        message: 'main was force-pushed',
        pushed: 0,
        pulled: 0,
        retries: 0,
        arrived: [],
      },
    };
    await store.team.refresh();
    await waitFor(() => expect(screen.getByTestId('team-sync-status').textContent).toBe('History rewritten on the server: sync stopped'));
    state.status = {
      ...state.status,
      pending: { toPush: 3, toPull: 0 },
      lastSync: {
        at: '2026-12-03T19:55:00.000Z',
        outcome: 'offline',
        message: 'could not connect',
        pushed: 0,
        pulled: 0,
        retries: 0,
        arrived: [],
      },
    };
    await store.team.refresh();
    await waitFor(() => expect(screen.getByTestId('team-sync-status').textContent).toBe('Offline: 3 changes wait to be pushed'));
    expect(screen.getByTestId('team-last-sync').textContent).toContain('could not connect');
  });

  it('keeps the offline message short and puts git’s own words behind Details', async () => {
    const { store, state } = await shown(joined());
    state.status = {
      ...state.status,
      pending: { toPush: 3, toPull: 0 },
      lastSync: {
        at: '2026-12-03T19:55:00.000Z',
        outcome: 'offline',
        message: "The team's server could not be reached. 3 changes wait to be pushed; they go out on the next sync.",
        details: "fatal: unable to access 'https://git.example.org/desk.git/': Could not resolve host: git.example.org",
        pushed: 0,
        pulled: 0,
        retries: 0,
        arrived: [],
      },
    };
    await store.team.refresh();
    const lastSync = await screen.findByTestId('team-last-sync');
    await waitFor(() => expect(lastSync.textContent).toContain("What happened: The team's server could not be reached. 3 changes"));
    const details = lastSync.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(screen.getByTestId('team-sync-git').textContent).toContain('Could not resolve host');
  });

  it('Enter token again…: only the token field, sent with the team’s remote and my member id, never shown again', async () => {
    const { api, store } = await shown(joined());
    fireEvent.click(await screen.findByRole('button', { name: 'Enter token again…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enter the token again' });
    expect(within(dialog).queryByLabelText('Team repository')).toBeNull();
    const token = within(dialog).getByLabelText('Access token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect((within(dialog).getByRole('button', { name: 'Use this token' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(token, { target: { value: 'n3w-token' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use this token' }));
    await waitFor(() => expect(store.ui.dialog.value).toBe(null));
    expect(api.inputsOf('team.join')).toEqual([{ remote: 'https://git.example.org/desk.git', token: 'n3w-token', memberId: 'alice' }]);
    expect(document.body.innerHTML).not.toContain('n3w-token');
    // The join dialog opened afterwards is the whole form again.
    store.team.openJoin();
    expect(await screen.findByRole('dialog', { name: 'Join a team' })).toBeTruthy();
  });

  it('offers Enter token again… only for an HTTPS remote', async () => {
    const status = joined();
    await shown({ ...status, team: status.team && { ...status.team, remote: '/mnt/shared/desk.git' } });
    await screen.findByRole('heading', { name: 'Europe desk' });
    expect(screen.queryByRole('button', { name: 'Enter token again…' })).toBeNull();
  });

  it('follows a sync the host ran by itself: the library is read again when colleagues’ layers arrived', async () => {
    const { api, store, state } = await shown(joined());
    const listings = api.inputsOf('library.list').length;
    state.status = {
      ...state.status,
      lastSync: {
        at: '2026-12-03T20:00:00.000Z',
        outcome: 'synced',
        message: 'Synced',
        pushed: 0,
        pulled: 1,
        retries: 0,
        arrived: [{ documentId: BRIDGE.id, memberId: 'bob', reviewId: 'team-bob' }],
      },
    };
    const stop = store.team.start(10);
    await waitFor(() => expect(api.inputsOf('library.list').length).toBeGreaterThan(listings));
    stop();
    expect(store.team.syncs.value).toBe(1);
  });

  it('takes an article a colleague shares into this library, and lists the files the last sync refused', async () => {
    const fingerprint = `sha256:${'c'.repeat(64)}`;
    const start = joined();
    const colleagues = {
      fingerprint,
      title: 'Dam report',
      shared: false,
      layers: [{ memberId: 'bob', name: 'Bob', counts: { ...NO_COUNTS, claim: 4 } }],
    };
    const refused = [{ file: `articles/${'c'.repeat(64)}/tags/mallory.json`, message: 'annotations[0].target: Required' }];
    const lastSync: TeamSyncReport = {
      at: '2026-12-03T19:42:00.000Z',
      outcome: 'synced',
      message: 'Synced',
      pushed: 0,
      pulled: 1,
      retries: 0,
      arrived: [],
      refused,
    };
    const { api } = await shown(
      { ...start, articles: [...start.articles, colleagues], lastSync },
      {
        'team.share': () => ({ ...start, articles: [...start.articles, { ...colleagues, shared: true, documentId: 'dam' }], lastSync }),
      },
    );
    expect(screen.getByTestId('team-sync-status').textContent).toMatch(/: 1 file refused$/u);
    const files = screen.getByRole('group', { name: 'Files refused' });
    expect(files.textContent).toContain('mallory.json');
    expect(files.textContent).toContain('annotations[0].target: Required');
    const row = within(screen.getByRole('table')).getByRole('row', { name: /Dam report/u });
    expect((within(row).getByLabelText('Stage of Dam report') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(within(row).getByRole('button', { name: 'Take into this library' }));
    await waitFor(() => expect(api.inputsOf('team.share')).toEqual([{ fingerprints: [fingerprint] }]));
    await waitFor(() => expect(within(screen.getByRole('table')).getByRole('button', { name: 'Dam report' })).toBeTruthy());
  });

  it('Esc goes back to the article', async () => {
    const { store } = await shown(joined());
    fireEvent.keyDown(screen.getByRole('button', { name: 'Sync now' }), { key: 'Escape' });
    expect(store.ui.workspace.value).toBe('reader');
  });
});

describe('an annotation’s history', () => {
  afterEach(cleanup);

  it('reads Git’s history of the annotation in a team library, and nothing in a library in no team', async () => {
    const { handlers } = teamHandlers(joined());
    const api = fakeLibrary({
      overrides: {
        ...handlers,
        'team.log': () => ({
          changes: [
            {
              commit: 'b',
              at: '2026-12-03T10:00:00.000Z',
              memberId: 'bob',
              name: 'Bob',
              annotationId: 'c1',
              change: 'verdict',
              before: 'mostly-true',
              after: 'mixed',
            },
            { commit: 'a', at: '2026-12-02T10:00:00.000Z', memberId: 'alice', name: 'Alice', annotationId: 'c1', change: 'created' },
          ],
        }),
      },
    });
    const store = new AppStore(api);
    await store.start();
    const tagset = store.tagset.value;
    const { unmount } = render(<AnnotationHistory team={store.team} documentId={HARBOUR.id} annotationId="c1" tagset={tagset} />);
    expect(screen.queryByTestId('annotation-history')).toBe(null);
    expect(api.inputsOf('team.log')).toEqual([]);
    unmount();

    await store.team.refresh();
    render(<AnnotationHistory team={store.team} documentId={HARBOUR.id} annotationId="c1" tagset={tagset} />);
    const history = await screen.findByTestId('annotation-history');
    expect(history.textContent).toMatch(/^History Created by Alice on .+ · verdict changed by Bob from Mostly true to Mixed on .+$/u);
    expect(api.inputsOf('team.log')).toEqual([{ documentId: HARBOUR.id, annotationId: 'c1' }]);
  });
});
