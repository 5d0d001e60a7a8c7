import { describe, expect, it } from 'vitest';
import type { AnnotationChange, TeamStatus, TeamSyncReport } from '../../../shared/contract/team-channels.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { historyLine, syncLine } from './team-words.ts';

const clock = (iso: string) => iso.slice(11, 16);
const day = (iso: string) => `${Number(iso.slice(8, 10))} Dec`;

const JOINED: TeamStatus = {
  joined: true,
  team: {
    name: 'Desk',
    remote: 'https://git.example.org/desk.git',
    me: { id: 'alice', name: 'Alice', joined: '2026-12-01T09:00:00.000Z' },
    members: [
      { id: 'alice', name: 'Alice', joined: '2026-12-01T09:00:00.000Z' },
      { id: 'bob', name: 'Bob', joined: '2026-12-01T10:00:00.000Z' },
      { id: 'carol', name: 'Carol', joined: '2026-12-01T11:00:00.000Z' },
    ],
  },
  articles: [],
  pending: { toPush: 0, toPull: 0 },
  syncing: false,
};

function report(outcome: TeamSyncReport['outcome'], extra: Partial<TeamSyncReport> = {}): TeamSyncReport {
  return { at: '2026-12-03T19:42:10.000Z', outcome, message: 'what git said', pushed: 0, pulled: 0, retries: 0, arrived: [], ...extra };
}

describe('syncLine', () => {
  it('says nothing for a library in no team', () => {
    expect(syncLine(null, clock)).toBe(null);
    expect(syncLine({ ...JOINED, joined: false, team: undefined }, clock)).toBe(null);
  });

  it('says whose articles arrived, by member, and that ours were pushed', () => {
    const arrived = [
      { documentId: 'd1', memberId: 'bob', reviewId: 'team-bob' },
      { documentId: 'd2', memberId: 'bob', reviewId: 'team-bob' },
      { documentId: 'd2', memberId: 'carol', reviewId: 'team-carol' },
    ];
    expect(syncLine({ ...JOINED, lastSync: report('synced', { arrived }) }, clock)).toEqual({
      text: 'Synced 19:42: 2 articles from Bob, 1 from Carol',
      tone: 'synced',
    });
    expect(syncLine({ ...JOINED, lastSync: report('synced', { arrived: arrived.slice(0, 1), pushed: 1 }) }, clock)?.text).toBe(
      'Synced 19:42: 1 article from Bob; yours pushed',
    );
    expect(syncLine({ ...JOINED, lastSync: report('synced') }, clock)?.text).toBe('Synced 19:42: up to date');
    const refused = [{ file: 'articles/ab/tags/mallory.json', message: 'annotations.0.target: Required' }];
    expect(syncLine({ ...JOINED, lastSync: report('synced', { refused }) }, clock)).toEqual({
      text: 'Synced 19:42: 1 file refused',
      tone: 'refused',
    });
  });

  it('counts what waits to be pushed when offline', () => {
    const offline = { ...JOINED, pending: { toPush: 3, toPull: 0 }, lastSync: report('offline') };
    expect(syncLine(offline, clock)).toEqual({ text: 'Offline: 3 changes wait to be pushed', tone: 'offline' });
    expect(syncLine({ ...offline, pending: { toPush: 1, toPull: 0 } }, clock)?.text).toBe('Offline: 1 change waits to be pushed');
    expect(syncLine({ ...offline, pending: { toPush: 0, toPull: 0 } }, clock)?.text).toBe(
      "Offline since 19:42: the team's server could not be reached",
    );
  });

  it('says a rewritten history stopped the sync, and a failure with its reason', () => {
    expect(syncLine({ ...JOINED, lastSync: report('history-rewritten') }, clock)).toEqual({
      text: 'History rewritten on the server: sync stopped',
      tone: 'stopped',
    });
    expect(syncLine({ ...JOINED, lastSync: report('failed', { message: 'the disk is full' }) }, clock)?.text).toBe(
      'Sync failed at 19:42: the disk is full',
    );
  });

  it('says a sync is running, and what waits before the first', () => {
    expect(syncLine({ ...JOINED, syncing: true, lastSync: report('offline') }, clock)?.text).toBe('Syncing with the team…');
    expect(syncLine(JOINED, clock)?.text).toBe('Team: not synced yet');
    expect(syncLine({ ...JOINED, pending: { toPush: 2, toPull: 0 } }, clock)?.text).toBe('Not synced yet: 2 changes wait to be pushed');
  });
});

function change(
  at: string,
  memberId: string,
  name: string,
  kind: AnnotationChange['change'],
  before?: string,
  after?: string,
): AnnotationChange {
  return {
    commit: `c-${at}`,
    at,
    memberId,
    name,
    annotationId: 'a1',
    change: kind,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
}

describe('historyLine', () => {
  it('reads oldest first, with the codebook’s verdict labels', () => {
    const changes = [
      change('2026-12-03T10:00:00.000Z', 'bob', 'Bob', 'verdict', 'mostly-true', 'mixed'),
      change('2026-12-02T09:00:00.000Z', 'alice', 'Alice', 'created'),
    ];
    expect(historyLine(changes, DEFAULT_TAGSET, day)).toBe(
      'Created by Alice on 2 Dec · verdict changed by Bob from Mostly true to Mixed on 3 Dec',
    );
  });

  it('names every kind of change, a verdict the codebook lacks as recorded', () => {
    const changes = [
      change('2026-12-01T09:00:00.000Z', 'bob', 'Bob', 'accepted', undefined, 'Alice'),
      change('2026-12-02T09:00:00.000Z', 'bob', 'Bob', 'span'),
      change('2026-12-03T09:00:00.000Z', 'bob', 'Bob', 'fields'),
      change('2026-12-04T09:00:00.000Z', 'carol', '', 'verdict', undefined, 'half-true'),
      change('2026-12-05T09:00:00.000Z', 'bob', 'Bob', 'deleted'),
    ];
    expect(historyLine(changes, DEFAULT_TAGSET, day)).toBe(
      'Accepted by Bob from Alice on 1 Dec · span moved by Bob on 2 Dec · edited by Bob on 3 Dec · verdict changed by carol from none to half-true on 4 Dec · deleted by Bob on 5 Dec',
    );
  });
});
