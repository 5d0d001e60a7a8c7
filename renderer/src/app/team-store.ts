import { signal } from '@preact/signals';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import type { AnnotationChange, TeamStatus, TeamSyncReport } from '../../../shared/contract/team-channels.ts';
import type { DialogName, Workspace } from './ui-state.ts';
import type { SessionHost } from './app-ports.ts';

/** How often the window asks the host what its sync did: the host syncs every few minutes on its own, the window only shows it. */
export const TEAM_STATUS_POLL_MS = 20_000;

/** What the team view needs of the app: the workspace and dialog switches, the library to refresh after a sync, the open document. */
export interface TeamHost extends SessionHost {
  readonly ui: {
    readonly workspace: { value: Workspace };
    readonly dialog: { value: DialogName | null };
  };
  refreshLibrary(): Promise<void>;
  reloadDocument(): Promise<void>;
  /** Reads the open document's reviews again (colleagues' layers arrived in it). */
  refreshReviews(): Promise<void>;
}

/** What the join dialog sends: a remote, a token for an HTTPS remote, and a name when it creates the team. */
export interface JoinRequest {
  remote: string;
  token?: string;
  /** Set to create a new team at the remote (`team.init`), else the remote's team is joined. */
  createName?: string;
}

/**
 * The team in the app (`ui.workspace` = 'team'): the team's status (members, shared articles with
 * each annotator's layer, what waits to be pushed or pulled, the last sync), joining or creating a
 * team, sharing articles, Sync now, and an annotation's history from Git. The status is asked for
 * on start and every {@link TEAM_STATUS_POLL_MS}, so the status line shows the host's periodic syncs.
 */
export class TeamStore {
  readonly status = signal<TeamStatus | null>(null);
  readonly busy = signal(false);
  /** Why the last join failed, shown in the join dialog. */
  readonly joinError = signal<string | null>(null);
  /** The join dialog asks only for the token of the team already joined ("Enter token again…"). */
  readonly enteringToken = signal(false);
  /** Why the status could not be read, when it could not. */
  readonly statusError = signal<string | null>(null);
  /** Bumps after each sync that brought something, so an open history reads Git again. */
  readonly syncs = signal(0);
  private timer: ReturnType<typeof setInterval> | null = null;
  /** When the last sync this window has followed ran (null: none yet; undefined: the status was never read). */
  private seenSyncAt: string | null | undefined = undefined;

  constructor(
    private readonly app: TeamHost,
    private readonly api: ApiClient,
  ) {}

  get joined(): boolean {
    return this.status.value?.joined === true;
  }

  /** Reads the status once, then again every `pollMs`. Returns a function that stops the polling. */
  start(pollMs = TEAM_STATUS_POLL_MS): () => void {
    void this.refresh();
    this.timer ??= setInterval(() => void this.refresh(), pollMs);
    return () => this.stop();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Reads the team's status; when it cannot, the last one read stays, and `statusError` says why. */
  async refresh(): Promise<void> {
    try {
      const status = await this.api.call('team.status', {});
      this.status.value = status;
      const last = status.lastSync;
      const seen = this.seenSyncAt;
      this.seenSyncAt = last?.at ?? null;
      // A periodic sync the host ran since the last look may have brought colleagues' layers into this library.
      if (seen !== undefined && last && last.at !== seen && last.arrived.length > 0) await this.followArrivals(last.arrived);
      this.statusError.value = null;
    } catch (error) {
      this.statusError.value = messageOf(error);
    }
  }

  /** Shows the team view in place of the reader. */
  async open(): Promise<void> {
    this.app.ui.workspace.value = 'team';
    await this.refresh();
  }

  close(): void {
    this.app.ui.workspace.value = 'reader';
    requestAnimationFrame(() => this.app.session.value?.focusReader());
  }

  openJoin(): void {
    this.joinError.value = null;
    this.enteringToken.value = false;
    this.app.ui.dialog.value = 'team-join';
  }

  /** Opens the join dialog with only its token field, for the team this library is already in. */
  openEnterToken(): void {
    this.joinError.value = null;
    this.enteringToken.value = true;
    this.app.ui.dialog.value = 'team-join';
  }

  /** Gives the host the token again for this library's team (same remote, same member); true when it took it. */
  async enterToken(token: string): Promise<boolean> {
    const team = this.status.value?.team;
    if (this.busy.value || !team || !token.trim()) return false;
    this.busy.value = true;
    this.joinError.value = null;
    try {
      this.status.value = await this.api.call('team.join', { remote: team.remote, token, memberId: team.me.id });
      this.app.ui.dialog.value = null;
      this.enteringToken.value = false;
      this.app.report('info', 'Token entered again; the next sync uses it.');
      return true;
    } catch (error) {
      this.joinError.value = messageOf(error);
      return false;
    } finally {
      this.busy.value = false;
    }
  }

  /** Joins (or creates) the team; true when it worked. The token goes to the host once and is never kept here. */
  async join(request: JoinRequest): Promise<boolean> {
    if (this.busy.value) return false;
    this.busy.value = true;
    this.joinError.value = null;
    try {
      const token = request.token?.trim() ? request.token : undefined;
      this.status.value = request.createName
        ? await this.api.call('team.init', { remote: request.remote, name: request.createName, ...(token ? { token } : {}) })
        : await this.api.call('team.join', { remote: request.remote, ...(token ? { token } : {}) });
      this.app.ui.dialog.value = null;
      this.app.ui.workspace.value = 'team';
      this.app.report('info', `Joined the team “${this.status.value.team?.name ?? request.remote}”. Share articles, then Sync now.`);
      await this.app.refreshLibrary().catch(() => undefined);
      return true;
    } catch (error) {
      this.joinError.value = messageOf(error);
      return false;
    } finally {
      this.busy.value = false;
    }
  }

  /** Shares the ticked articles, or every article of the library. */
  async share(target: { documentIds: string[] } | { all: true }): Promise<boolean> {
    return this.act(async () => {
      this.status.value = await this.api.call('team.share', target);
      const many = 'all' in target || target.documentIds.length > 1;
      const count = 'all' in target ? 'Every article' : many ? `${target.documentIds.length} articles` : '1 article';
      return `${count} shared with the team; the next sync sends ${many ? 'them' : 'it'}.`;
    });
  }

  /** Takes an article a colleague shares into this library (from the team's copy), and shares it back. */
  async take(fingerprint: string, title: string): Promise<boolean> {
    return this.act(async () => {
      this.status.value = await this.api.call('team.share', { fingerprints: [fingerprint] });
      await this.app.refreshLibrary().catch(() => undefined);
      return `“${title}” is in this library now, with your colleagues' layers in Review.`;
    });
  }

  /** Commits, fetches, merges and pushes now; the status line says what it did. */
  async sync(): Promise<TeamSyncReport | null> {
    if (this.busy.value || !this.joined) return null;
    this.busy.value = true;
    const previous = this.status.value;
    if (previous) this.status.value = { ...previous, syncing: true };
    try {
      await this.app.session.value?.commands.whenIdle();
      const report = await this.api.call('team.sync', {});
      this.seenSyncAt = report.at;
      await this.refresh();
      if (report.arrived.length > 0) await this.followArrivals(report.arrived);
      return report;
    } catch (error) {
      if (previous) this.status.value = previous;
      this.app.report('error', `Could not sync: ${messageOf(error)}`);
      return null;
    } finally {
      this.busy.value = false;
    }
  }

  /** Sets an article's stage and assignee for the team. */
  async assign(
    documentId: string,
    change: { assignee?: string | null; stage?: TeamStatus['articles'][number]['stage'] },
  ): Promise<boolean> {
    return this.act(async () => {
      this.status.value = await this.api.call('team.assign', { documentId, ...change });
      return 'Saved for the team; the next sync tells them.';
    });
  }

  /** One annotation's history from Git; empty when the library is in no team or Git has nothing on it. */
  async history(documentId: string, annotationId: string): Promise<AnnotationChange[]> {
    if (!this.joined) return [];
    try {
      return (await this.api.call('team.log', { documentId, annotationId })).changes;
    } catch {
      return [];
    }
  }

  private async act(run: () => Promise<string>): Promise<boolean> {
    if (this.busy.value) return false;
    this.busy.value = true;
    try {
      this.app.report('info', await run());
      return true;
    } catch (error) {
      this.app.report('error', `Not changed: ${messageOf(error)}`);
      return false;
    } finally {
      this.busy.value = false;
    }
  }

  /** Colleagues' layers arrived: the library's listing changed, and the open article, read again, shows its new reviews. */
  private async followArrivals(arrived: TeamSyncReport['arrived']): Promise<void> {
    this.syncs.value += 1;
    await this.app.refreshLibrary().catch(() => undefined);
    const open = this.app.session.value;
    if (!open || !arrived.some((layer) => layer.documentId === open.id)) return;
    await this.app.reloadDocument();
    await this.app.refreshReviews();
  }
}
