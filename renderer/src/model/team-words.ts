import type { AnnotationChange, TeamStatus, TeamSyncReport } from '../../../shared/contract/team-channels.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';

/** How the team's sync reads on the status line: calm when synced, a warning offline, an error when it stopped. */
export type SyncTone = 'synced' | 'syncing' | 'waiting' | 'offline' | 'refused' | 'stopped';

export interface SyncLine {
  text: string;
  tone: SyncTone;
}

/** Formats an instant as a clock time ("19:42"). */
export type ClockFormat = (iso: string) => string;

export const clockTime: ClockFormat = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
};

/** Formats an instant as a short day ("2 Dec"). */
export const shortDay: ClockFormat = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A member's name as the team knows it, else their id. */
export function memberName(status: TeamStatus, memberId: string): string {
  return status.team?.members.find((member) => member.id === memberId)?.name ?? memberId;
}

/** "2 articles from Bob, 1 from Carol": the colleagues' layers that arrived, by member, in the order they came. */
export function arrivedWords(status: TeamStatus, arrived: TeamSyncReport['arrived']): string {
  const byMember = new Map<string, Set<string>>();
  for (const layer of arrived) {
    const documents = byMember.get(layer.memberId) ?? new Set<string>();
    documents.add(layer.documentId);
    byMember.set(layer.memberId, documents);
  }
  return [...byMember]
    .map(
      ([memberId, documents], index) =>
        `${index === 0 ? plural(documents.size, 'article') : documents.size} from ${memberName(status, memberId)}`,
    )
    .join(', ');
}

function waitingToPush(count: number): string {
  return `${plural(count, 'change')} ${count === 1 ? 'waits' : 'wait'} to be pushed`;
}

/**
 * What the status line says of the team's sync: what the last one did ("Synced 19:42: 2 articles
 * from Bob"; "Offline: 3 changes wait to be pushed"; "History rewritten on the server: sync
 * stopped"), or that one is running. Null when this library is in no team.
 */
export function syncLine(status: TeamStatus | null, clock: ClockFormat = clockTime): SyncLine | null {
  if (!status?.joined) return null;
  if (status.syncing) return { text: 'Syncing with the team…', tone: 'syncing' };
  const last = status.lastSync;
  const toPush = status.pending.toPush;
  if (!last) {
    return toPush > 0
      ? { text: `Not synced yet: ${waitingToPush(toPush)}`, tone: 'waiting' }
      : { text: 'Team: not synced yet', tone: 'waiting' };
  }
  switch (last.outcome) {
    case 'synced': {
      const arrived = arrivedWords(status, last.arrived);
      const pushed = last.pushed > 0 ? 'yours pushed' : '';
      const refused = last.refused?.length ? `${plural(last.refused.length, 'file')} refused` : '';
      const what = [arrived, pushed, refused].filter(Boolean).join('; ') || 'up to date';
      return { text: `Synced ${clock(last.at)}: ${what}`, tone: refused ? 'refused' : 'synced' };
    }
    case 'offline':
      return {
        text: toPush > 0 ? `Offline: ${waitingToPush(toPush)}` : `Offline since ${clock(last.at)}: the team's server could not be reached`,
        tone: 'offline',
      };
    case 'history-rewritten':
      return { text: 'History rewritten on the server: sync stopped', tone: 'stopped' };
    case 'failed':
      return { text: `Sync failed at ${clock(last.at)}: ${last.message}`, tone: 'stopped' };
  }
}

/** A verdict's label in the codebook, else the value as recorded. */
function verdictLabel(tagset: Tagset, value: string | undefined): string {
  if (value === undefined || value === '') return 'none';
  return tagset.verdicts.find((verdict) => verdict.id === value)?.label ?? value;
}

function changeWords(change: AnnotationChange, tagset: Tagset): string {
  const who = change.name || change.memberId;
  switch (change.change) {
    case 'created':
      return `created by ${who}`;
    case 'verdict':
      return `verdict changed by ${who} from ${verdictLabel(tagset, change.before)} to ${verdictLabel(tagset, change.after)}`;
    case 'span':
      return `span moved by ${who}`;
    case 'fields':
      return `edited by ${who}`;
    case 'deleted':
      return `deleted by ${who}`;
    case 'accepted': {
      const from = change.after ?? change.before;
      return from ? `accepted by ${who} from ${from}` : `accepted by ${who} from a colleague`;
    }
  }
}

/**
 * An annotation's history in one line, oldest first: "Created by Alice on 2 Dec · verdict changed
 * by Bob from Mostly true to Mixed on 3 Dec". Empty when Git has nothing on it yet.
 */
export function historyLine(changes: readonly AnnotationChange[], tagset: Tagset, day: ClockFormat = shortDay): string {
  const sorted = [...changes].sort((a, b) => a.at.localeCompare(b.at));
  const line = sorted.map((change) => `${changeWords(change, tagset)} on ${day(change.at)}`).join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
