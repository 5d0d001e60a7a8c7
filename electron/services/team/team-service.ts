import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelInput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type {
  AnnotationChange,
  TeamArticle,
  TeamLayer,
  TeamMember,
  TeamStatus,
  TeamSyncReport,
} from '../../../shared/contract/team-channels.ts';
import { MEMBER_ID_PATTERN } from '../../../shared/team/team-layout.ts';
import { exportTagFile } from '../../../shared/export/tag-file-export.ts';
import { applyAnnotationOps } from '../../../shared/layer/apply-layer-ops.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { isValidId } from '../../../shared/model/ids.ts';
import type { TagFileV1 } from '../../../shared/model/tag-file.ts';
import { deletedMap, mergeDeleted, mergeLayers } from '../../../shared/team/layer-merge.ts';
import type { ReviewsFile } from '../../../shared/team/team-files.ts';
import { DeletedFile, MemberFile, StatusFile, TeamFile, teamJson } from '../../../shared/team/team-files.ts';
import { articleKey, parseTeamPath, teamPaths, TEAM_FILE, TEAM_FORMAT, TEAM_FORMAT_VERSION } from '../../../shared/team/team-layout.ts';
import type { ImportService } from '../library/import-service.ts';
import { readReviewFile, type ReviewService } from '../review/review-service.ts';
import { TEAM_REVIEW_PREFIX as REVIEW_PREFIX, teamReviewId } from '../../../shared/review/review-source.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { GitError, GitRunner } from './git-runner.ts';
import { TeamRepo, type Author } from './team-repo.ts';
import { hasCredentials, TeamSettingsFile, withoutCredentials, type TeamSettings } from './team-settings.ts';
import { TeamTree, type TreeArticle } from './team-tree.ts';
import { teamHistory } from './team-history.ts';

/** Where the token of an HTTPS remote comes from: the host's keychain or the environment, never the library. */
export interface TokenSource {
  get(remote: string): string | undefined;
  set(remote: string, token: string): void;
}

/** Tokens kept in this process's memory only, with `SCHOLIA_GIT_TOKEN` from the environment as a fallback. */
export function memoryTokens(env: NodeJS.ProcessEnv = process.env): TokenSource {
  const tokens = new Map<string, string>();
  return {
    get: (remote) => tokens.get(remote) ?? env.SCHOLIA_GIT_TOKEN ?? undefined,
    set: (remote, token) => void tokens.set(remote, token),
  };
}

export interface TeamServiceOptions {
  git?: GitRunner;
  tokens?: TokenSource;
  /** Pushes tried before a sync gives up when others keep pushing first. */
  maxPushAttempts?: number;
}

export { teamReviewId };

/** An id made of a name: lowercase letters, digits and hyphens. */
function slug(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return base || 'member';
}

/** The time a layer stands for: its latest annotation change, else the article's import. */
function layerTime(document: ScholiaDocument): string {
  return document.annotations.reduce((latest, a) => (a.modified > latest ? a.modified : latest), document.imported);
}

function parseJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}

/** A small team file read and checked; undefined when it is missing or not valid (the caller decides whether to say so). */
function readSmall<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  text: string | undefined,
): T | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(parseJson(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

interface SyncState {
  pushed: number;
  pulled: number;
  retries: number;
  arrived: TeamSyncReport['arrived'];
  refused: { file: string; message: string }[];
  mine: number;
  /** What this member's files were made from, once they are written (see `writeOwnFiles`). */
  written?: TeamSettings['written'];
}

/**
 * The library's team: its settings (`team.json`), its working clone (`team/`), sharing, and sync
 * (docs/TEAM.md). One sync runs at a time; the library's files are written only after a merge
 * succeeded, through the store and the review service.
 */
export class TeamService {
  private readonly git: GitRunner;
  private readonly settingsFile: TeamSettingsFile;
  private readonly tokens: TokenSource;
  private readonly maxPushAttempts: number;
  private queue: Promise<unknown> = Promise.resolve();
  private syncing = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly tree = new TeamTree();

  constructor(
    private readonly store: LibraryStore,
    private readonly reviews: ReviewService,
    private readonly imports: ImportService,
    options: TeamServiceOptions = {},
  ) {
    this.git = options.git ?? new GitRunner();
    this.settingsFile = new TeamSettingsFile(store.dir);
    this.tokens = options.tokens ?? memoryTokens();
    this.maxPushAttempts = options.maxPushAttempts ?? 5;
  }

  /** Runs team changes one after another: a sync, a share, an assignment never overlap. */
  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async settings(): Promise<TeamSettings> {
    const settings = await this.settingsFile.read();
    if (!settings) throw new ScholiaError('not-found', 'This library has not joined a team; run team init or team join first.');
    return settings;
  }

  private repoOf(settings: TeamSettings): TeamRepo {
    return new TeamRepo(this.git, this.settingsFile.cloneDir, settings.remote, this.tokens.get(settings.remote));
  }

  private author(settings: TeamSettings): Author {
    return { name: this.store.settings.annotatorName, email: `${settings.memberId}@members.scholia.invalid` };
  }

  /** Syncs every `intervalMs` while the host runs (off unless started); a sync already running is not doubled. */
  startAutoSync(intervalMs: number): void {
    this.stopAutoSync();
    this.timer = setInterval(() => {
      if (this.syncing) return;
      void this.settingsFile
        .read()
        .then((settings) => (settings ? this.sync() : undefined))
        .catch((error: unknown) => console.error('Scholia: the timed team sync failed:', error));
    }, intervalMs);
    this.timer.unref();
  }

  stopAutoSync(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops the timer and waits for a sync or share under way, so the library closes after it. */
  async close(): Promise<void> {
    this.stopAutoSync();
    await this.queue;
  }

  // --- init and join --------------------------------------------------------------------------

  /** Creates the team at the remote (a new bare repository for a local path) and joins it. */
  init(input: ChannelInput<'team.init'>): Promise<TeamStatus> {
    return this.serialized(async () => {
      this.store.assertWritable();
      await this.git.checkInstalled();
      const remote = await this.prepareRemote(input.remote);
      if (input.token) this.tokens.set(remote, input.token);
      const repo = new TeamRepo(this.git, this.settingsFile.cloneDir, remote, this.tokens.get(remote));
      await this.cloneOrExplain(repo, remote);
      if (await repo.head())
        throw new ScholiaError('conflict', `${remote} is not empty; join it with team join, or create the team in an empty repository.`);
      const team: TeamFile = { format: TEAM_FORMAT, version: TEAM_FORMAT_VERSION, name: input.name, created: new Date().toISOString() };
      await writeFile(path.join(repo.dir, TEAM_FILE), teamJson(team));
      const status = await this.joined(repo, remote, undefined);
      // The team exists once its first commit is on the remote: colleagues can join right away.
      const settings = await this.settings();
      await repo.commitAll(`${input.name}: team created`, this.author(settings));
      try {
        await repo.push();
      } catch (error) {
        await rm(this.settingsFile.cloneDir, { recursive: true, force: true });
        await rm(path.join(this.store.dir, 'team.json'), { force: true });
        if (error instanceof GitError)
          throw new ScholiaError('bad-request', `The team could not be created at ${remote}: ${lastLine(error)}`);
        throw error;
      }
      const head = await repo.head();
      await this.settingsFile.write({ ...settings, ...(head ? { lastRemoteHead: head } : {}) });
      return { ...status, pending: { toPush: 0, toPull: 0 } };
    });
  }

  join(input: ChannelInput<'team.join'>): Promise<TeamStatus> {
    return this.serialized(async () => {
      this.store.assertWritable();
      await this.git.checkInstalled();
      const remote = joinRemote(input.remote);
      const current = await this.settingsFile.read();
      if (
        current &&
        withoutCredentials(current.remote) === withoutCredentials(remote) &&
        (input.memberId === undefined || input.memberId === current.memberId)
      )
        return this.enterTokenAgain(current.remote, input.token);
      if (input.token) this.tokens.set(remote, input.token);
      const repo = new TeamRepo(this.git, this.settingsFile.cloneDir, remote, this.tokens.get(remote));
      await this.cloneOrExplain(repo, remote);
      if (!readSmall(TeamFile, await readText(path.join(repo.dir, TEAM_FILE))))
        throw new ScholiaError('not-found', `${remote} is not a Scholia team (it has no valid ${TEAM_FILE}); create one with team init.`);
      return this.joined(repo, remote, input.memberId);
    });
  }

  /**
   * Joining the team this library is already in, as the same member, only replaces the token for
   * this host (where join keeps it, never in the library); the clone and settings stay as they are.
   */
  private async enterTokenAgain(remote: string, token: string | undefined): Promise<TeamStatus> {
    if (!token) throw new ScholiaError('bad-request', 'This library is already in this team; give the token to enter it again.');
    this.tokens.set(remote, token);
    return this.statusNow();
  }

  /** A local path becomes an absolute one, with a bare repository created there when nothing is; a URL is checked for credentials. */
  private async prepareRemote(given: string): Promise<string> {
    const trimmed = given.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
      if (hasCredentials(trimmed)) throw new ScholiaError('bad-request', 'Give the token apart (SCHOLIA_GIT_TOKEN), not inside the URL.');
      return trimmed;
    }
    const dir = path.resolve(trimmed);
    if (!existsSync(dir)) {
      await mkdir(path.dirname(dir), { recursive: true });
      await this.git.run(['init', '--quiet', '--bare', dir]);
      await this.git.run(['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: dir });
    }
    return dir;
  }

  private async cloneOrExplain(repo: TeamRepo, remote: string): Promise<void> {
    if (await this.settingsFile.read())
      throw new ScholiaError('conflict', 'This library is already in a team (team.json); a library joins one team.');
    try {
      await repo.clone();
    } catch (error) {
      if (error instanceof GitError) {
        if (error.authentication)
          throw new ScholiaError(
            'forbidden',
            `${remote} refused the credentials (set SCHOLIA_GIT_TOKEN to a token that may read and write it).`,
          );
        if (error.unreachable)
          throw new ScholiaError('not-found', `${remote} cannot be reached: ${error.stderr.trim().split('\n').at(-1) ?? ''}`);
        throw new ScholiaError('bad-request', `${remote} could not be cloned: ${error.stderr.trim().split('\n').at(-1) ?? ''}`);
      }
      throw error;
    }
  }

  /** Writes this member's file in the fresh clone and `team.json`; the first sync pushes it. */
  private async joined(repo: TeamRepo, remote: string, requestedId: string | undefined): Promise<TeamStatus> {
    const name = this.store.settings.annotatorName;
    const members = await this.members(repo.dir);
    let memberId: string;
    if (requestedId) {
      if (!members.some((m) => m.id === requestedId)) throw new ScholiaError('not-found', `The team has no member ${requestedId}.`);
      memberId = requestedId;
    } else {
      const base = slug(name);
      memberId = base;
      for (let n = 2; members.some((m) => m.id === memberId); n += 1) memberId = `${base}-${n}`;
      if (!MEMBER_ID_PATTERN.test(memberId)) throw new ScholiaError('bad-request', `No member id can be made of the name "${name}".`);
      const member: MemberFile = { format: 'scholia-team-member', version: 1, id: memberId, name, joined: new Date().toISOString() };
      await mkdir(path.join(repo.dir, 'members'), { recursive: true });
      await writeFile(path.join(repo.dir, teamPaths.member(memberId)), teamJson(member));
    }
    await this.settingsFile.write({ format: 'scholia-team-settings', version: 1, remote, memberId, shared: [] });
    return this.statusNow();
  }

  // --- share and assign -----------------------------------------------------------------------

  /** Shares library documents (their own files go in on the next sync); team articles named by fingerprint are imported first. */
  share(input: ChannelInput<'team.share'>): Promise<TeamStatus> {
    return this.serialized(async () => {
      this.store.assertWritable();
      const settings = await this.settings();
      const repo = this.repoOf(settings);
      const fingerprints = new Set(settings.shared);
      for (const id of input.documentIds ?? []) {
        const summary = this.store.summaries.find((s) => s.id === id);
        if (!summary) throw new ScholiaError('not-found', `There is no document ${id} in this library.`);
        fingerprints.add(summary.fingerprint);
      }
      if (input.all) for (const summary of this.store.summaries) fingerprints.add(summary.fingerprint);
      for (const fingerprint of input.fingerprints ?? []) {
        if (!this.store.findByFingerprint(fingerprint)) await this.takeArticle(repo, fingerprint);
        fingerprints.add(fingerprint);
      }
      if (!input.documentIds && !input.all && !input.fingerprints)
        throw new ScholiaError('bad-request', 'Name the documents to share, or share all.');
      // This member's layer already in the team (written on another computer) comes into the library first, so sharing never overwrites it.
      for (const fingerprint of fingerprints) {
        const summary = this.store.findByFingerprint(fingerprint);
        if (summary && !settings.shared.includes(fingerprint)) {
          const state = emptyState();
          await this.applyOwnLayer(repo, fingerprint, summary.id, settings, state);
          if (state.refused[0]) throw new ScholiaError('unsupported-file', state.refused[0].message);
        }
      }
      await this.settingsFile.write({ ...settings, shared: [...fingerprints] });
      return this.statusNow();
    });
  }

  /** Imports a team article from its `article.json` (a tag file with its text, checked like any other). */
  private async takeArticle(repo: TeamRepo, fingerprint: string): Promise<void> {
    const text = await readText(path.join(repo.dir, teamPaths.article(fingerprint)));
    if (text === undefined) throw new ScholiaError('not-found', `The team has no article ${fingerprint}; sync first?`);
    const file = readReviewFile(text, `The team's ${teamPaths.article(fingerprint)}`);
    if (file.document.fingerprint !== fingerprint)
      throw new ScholiaError('unsupported-file', `${teamPaths.article(fingerprint)} is of another article.`);
    await this.imports.importTagFile(file, teamPaths.article(fingerprint));
    const summary = this.store.findByFingerprint(fingerprint);
    if (summary) await this.placeColleagueLayers(repo, fingerprint, summary.id, await this.settings(), undefined);
  }

  assign(input: ChannelInput<'team.assign'>): Promise<TeamStatus> {
    return this.serialized(async () => {
      this.store.assertWritable();
      const settings = await this.settings();
      const summary = this.store.summaries.find((s) => s.id === input.documentId);
      if (!summary) throw new ScholiaError('not-found', `There is no document ${input.documentId} in this library.`);
      if (!settings.shared.includes(summary.fingerprint))
        throw new ScholiaError('bad-request', `"${summary.title}" is not shared with the team; share it first.`);
      const repo = this.repoOf(settings);
      if (input.assignee && !(await this.members(repo.dir)).some((m) => m.id === input.assignee))
        throw new ScholiaError('not-found', `The team has no member ${input.assignee}.`);
      const file = path.join(repo.dir, teamPaths.status(summary.fingerprint, settings.memberId));
      const previous = readSmall(StatusFile, await readText(file));
      const status: StatusFile = {
        format: 'scholia-team-status',
        version: 1,
        memberId: settings.memberId,
        at: new Date().toISOString(),
        ...((input.stage ?? previous?.stage) ? { stage: input.stage ?? previous?.stage } : {}),
        ...(input.assignee !== undefined
          ? { assignee: input.assignee }
          : previous?.assignee !== undefined
            ? { assignee: previous.assignee }
            : {}),
      };
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, teamJson(status));
      return this.statusNow();
    });
  }

  // --- sync -----------------------------------------------------------------------------------

  /** Commit, fetch, merge, push (retrying when someone pushed first), bring colleagues' layers to Review; see docs/TEAM.md. */
  sync(): Promise<TeamSyncReport> {
    return this.serialized(async () => {
      this.syncing = true;
      try {
        return await this.syncNow();
      } finally {
        this.syncing = false;
      }
    });
  }

  private async syncNow(): Promise<TeamSyncReport> {
    this.store.assertWritable();
    const settings = await this.settings();
    const repo = this.repoOf(settings);
    const author = this.author(settings);
    const state = emptyState();
    const finish = async (
      outcome: TeamSyncReport['outcome'],
      message: string,
      lastRemoteHead?: string,
      details?: string,
    ): Promise<TeamSyncReport> => {
      const report: TeamSyncReport = {
        at: new Date().toISOString(),
        outcome,
        message,
        ...(details ? { details } : {}),
        pushed: state.pushed,
        pulled: state.pulled,
        retries: state.retries,
        arrived: state.arrived,
        ...(state.refused.length > 0 ? { refused: state.refused } : {}),
      };
      const latest = (await this.settingsFile.read()) ?? settings;
      await this.settingsFile.write({
        ...latest,
        ...(lastRemoteHead ? { lastRemoteHead } : {}),
        ...(state.written ? { written: state.written } : {}),
        lastSync: report,
      });
      return report;
    };

    let fresh = false;
    if (!(await repo.healthy())) {
      fresh = true;
      try {
        await repo.clone();
      } catch (error) {
        if (error instanceof GitError && error.unreachable)
          return finish('offline', `${UNREACHABLE} Nothing changed.`, undefined, this.gitWords(error, settings));
        if (error instanceof GitError && error.authentication)
          return finish('failed', 'The team repository refused the credentials; set the token again.');
        throw error;
      }
      await this.restoreMemberFile(repo, settings);
    }
    await repo.beginSync();
    try {
      return await this.exchange(repo, settings, author, state, finish, fresh);
    } catch (error) {
      // Git failed in a way the steps do not expect (a damaged clone, a full disk): the report says so; the library is unchanged.
      if (error instanceof GitError)
        return finish(
          'failed',
          'The sync failed. Your work is safe in the library; sync again.',
          undefined,
          this.gitWords(error, settings),
        );
      throw error;
    } finally {
      await repo.endSync();
    }
  }

  /** Commits this member's files, then fetches, merges and pushes until the push goes through, then brings colleagues' work in. */
  private async exchange(
    repo: TeamRepo,
    settings: TeamSettings,
    author: Author,
    state: SyncState,
    finish: (outcome: TeamSyncReport['outcome'], message: string, lastRemoteHead?: string, details?: string) => Promise<TeamSyncReport>,
    fresh: boolean,
  ): Promise<TeamSyncReport> {
    state.written = await this.writeOwnFiles(repo, settings, fresh);
    await repo.commitAll(`${author.name}: sync`, author, this.ownFiles(repo, settings));

    for (let attempt = 1; ; attempt += 1) {
      try {
        await repo.fetch();
      } catch (error) {
        if (error instanceof GitError && error.unreachable)
          return finish(
            'offline',
            `${UNREACHABLE} ${waitingWords(await this.waitingToPush(repo))}`,
            undefined,
            this.gitWords(error, settings),
          );
        if (error instanceof GitError && error.authentication)
          return finish('failed', 'The team repository refused the credentials; set the token again.');
        throw error;
      }
      const remoteHead = await repo.remoteHead();
      if (settings.lastRemoteHead && (!remoteHead || !(await repo.isAncestor(settings.lastRemoteHead, remoteHead)))) {
        return finish(
          'history-rewritten',
          `The team's history was rewritten (the last synced commit ${settings.lastRemoteHead.slice(0, 10)} is no longer in it); nothing was changed here. Ask who force-pushed, then join the team again.`,
        );
      }
      const conflicts = await repo.merge(author);
      if (conflicts.length > 0) {
        const resolved = await this.resolveOwnConflicts(repo, conflicts, settings).catch(async (error: unknown) => {
          if (error instanceof ScholiaError) return undefined;
          throw error;
        });
        if (!resolved) {
          await repo.abortMerge();
          return finish(
            'failed',
            `The merge stopped on files it cannot merge (${conflicts.slice(0, 3).join(', ')}); nothing was changed here.`,
          );
        }
        await repo.finishMerge(resolved, author);
      }
      const head = await repo.head();
      const toPush = head
        ? Number.parseInt(await repo.read(['rev-list', '--count', remoteHead ? `${remoteHead}..${head}` : head]), 10) || 0
        : 0;
      if (toPush > 0) {
        try {
          await repo.push();
          state.pushed += toPush;
        } catch (error) {
          if (error instanceof GitError && error.pushRejected && attempt < this.maxPushAttempts) {
            state.retries += 1;
            continue;
          }
          if (error instanceof GitError && error.pushRejected)
            return finish(
              'failed',
              `Others kept pushing first; ${attempt} pushes were refused. Your changes are committed here; sync again.`,
            );
          if (error instanceof GitError && error.unreachable) {
            await this.bringIn(repo, settings, remoteHead, state);
            return finish(
              'offline',
              `${UNREACHABLE} ${capitalized(this.arrivedWords(state))}. ${waitingWords(await this.waitingToPush(repo))}`,
              remoteHead,
              this.gitWords(error, settings),
            );
          }
          throw error;
        }
      }
      await this.bringIn(repo, settings, remoteHead, state);
      const pushedHead = (await repo.head()) ?? remoteHead;
      return finish(
        'synced',
        `Synced: ${this.arrivedWords(state)}${state.pushed > 0 ? `; yours pushed (${state.pushed} ${state.pushed === 1 ? 'commit' : 'commits'})` : ''}.`,
        pushedHead,
      );
    }
  }

  private arrivedWords(state: SyncState): string {
    const layers = state.arrived.length;
    const parts = [
      layers === 0 ? 'nothing new from colleagues' : `${layers} ${layers === 1 ? 'layer' : 'layers'} from colleagues now in Review`,
    ];
    if (state.mine > 0)
      parts.push(`your layer from another computer merged into ${state.mine} ${state.mine === 1 ? 'article' : 'articles'}`);
    if (state.refused.length > 0)
      parts.push(
        `${state.refused.length} ${state.refused.length === 1 ? 'file' : 'files'} refused (${state.refused[0]?.file}: ${state.refused[0]?.message.split('\n')[0]})`,
      );
    return parts.join(', ');
  }

  /** This member's files in the clone: the member file, and for each shared article its article (when this member wrote it), layer, deletions, reviews and status. */
  private ownFiles(repo: TeamRepo, settings: TeamSettings): string[] {
    const me = settings.memberId;
    const files = [teamPaths.member(me)];
    for (const fingerprint of settings.shared) {
      files.push(
        teamPaths.article(fingerprint),
        teamPaths.layer(fingerprint, me),
        teamPaths.deleted(fingerprint, me),
        teamPaths.reviews(fingerprint, me),
        teamPaths.status(fingerprint, me),
      );
    }
    return files.filter((file) => existsSync(path.join(repo.dir, file)));
  }

  /** A member file lost with the clone is written again (it is this member's own file). */
  private async restoreMemberFile(repo: TeamRepo, settings: TeamSettings): Promise<void> {
    const file = path.join(repo.dir, teamPaths.member(settings.memberId));
    if (existsSync(file)) return;
    const member: MemberFile = {
      format: 'scholia-team-member',
      version: 1,
      id: settings.memberId,
      name: this.store.settings.annotatorName,
      joined: new Date().toISOString(),
    };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, teamJson(member));
  }

  /**
   * This member's files for every shared article whose document changed since they were last
   * written (`written` in team.json; all of them when the clone was made again or the codebook or
   * name changed): article (once), layer, deletions, reviews. Answers what they were made from.
   */
  private async writeOwnFiles(repo: TeamRepo, settings: TeamSettings, fresh: boolean): Promise<NonNullable<TeamSettings['written']>> {
    const me = settings.memberId;
    const name = this.store.settings.annotatorName;
    const madeWith = createHash('sha256')
      .update(JSON.stringify([this.store.tagset, name]))
      .digest('hex');
    const before = !fresh && settings.written?.with === madeWith ? settings.written.documents : {};
    const documents: Record<string, string> = {};
    for (const fingerprint of settings.shared) {
      const summary = this.store.findByFingerprint(fingerprint);
      if (!summary) continue;
      const layerFile = path.join(repo.dir, teamPaths.layer(fingerprint, me));
      documents[fingerprint] = summary.modified;
      if (before[fingerprint] === summary.modified && existsSync(layerFile)) continue;
      const document = await this.store.getDocument(summary.id);
      documents[fingerprint] = document.modified;
      await mkdir(path.dirname(layerFile), { recursive: true });
      const articleFile = path.join(repo.dir, teamPaths.article(fingerprint));
      if (!existsSync(articleFile)) {
        const article = exportTagFile({ ...document, annotations: [], entities: [] }, this.store.tagset, {
          annotator: name,
          exportedAt: document.imported,
        });
        await writeFile(articleFile, teamJson(article));
      }
      const previous = previousIds(await readText(layerFile));
      const layer = exportTagFile(document, this.store.tagset, { annotator: name, embedText: false, exportedAt: layerTime(document) });
      await writeFile(layerFile, teamJson(layer));
      await this.recordDeletions(repo, fingerprint, me, previous, document);
      await this.writeReviews(repo, fingerprint, me, document);
    }
    return { with: madeWith, documents };
  }

  private async recordDeletions(
    repo: TeamRepo,
    fingerprint: string,
    me: string,
    previous: readonly string[],
    document: ScholiaDocument,
  ): Promise<void> {
    const now = new Set(document.annotations.map((a) => a.id));
    const gone = previous.filter((id) => !now.has(id));
    if (gone.length === 0) return;
    const file = path.join(repo.dir, teamPaths.deleted(fingerprint, me));
    const known = readSmall(DeletedFile, await readText(file)) ?? emptyDeleted(me);
    const at = new Date().toISOString();
    const merged = mergeDeleted(known, { ...known, deleted: gone.map((id) => ({ id, at })) });
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, teamJson(merged));
  }

  private async writeReviews(repo: TeamRepo, fingerprint: string, me: string, document: ScholiaDocument): Promise<void> {
    const reviews = document.reviews
      .filter((review) => review.id.startsWith(REVIEW_PREFIX) && MEMBER_ID_PATTERN.test(review.id.slice(REVIEW_PREFIX.length)))
      .map((review) => ({
        of: review.id.slice(REVIEW_PREFIX.length),
        items: review.items
          .filter((item) => item.decision !== 'open')
          .map((item) => ({
            id: item.id,
            decision: item.decision as 'accepted' | 'rejected',
            ...(item.decided ? { decided: item.decided } : {}),
          })),
      }))
      .filter((review) => review.items.length > 0);
    const file = path.join(repo.dir, teamPaths.reviews(fingerprint, me));
    if (reviews.length === 0 && !existsSync(file)) return;
    const content: ReviewsFile = { format: 'scholia-team-reviews', version: 1, memberId: me, reviews };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, teamJson(content));
  }

  /**
   * Resolves a merge that stopped: only this member's own files can conflict (the same analyst on
   * two computers). Layers merge by annotation id and modified time, deletions by union; the other
   * own files (reviews, status, member) keep this computer's version, which the next sync rewrites.
   * Undefined when a conflicting file is someone else's.
   */
  private async resolveOwnConflicts(
    repo: TeamRepo,
    files: readonly string[],
    settings: TeamSettings,
  ): Promise<Map<string, string> | undefined> {
    const me = settings.memberId;
    const resolved = new Map<string, string>();
    for (const file of files) {
      const parsed = parseTeamPath(file);
      const ours = await repo.conflictSide(file, 'ours');
      const theirs = await repo.conflictSide(file, 'theirs');
      if (parsed?.kind === 'article') {
        // Two members shared the same article before either synced: the one pushed first stays (the same text, by its fingerprint).
        resolved.set(file, theirs !== undefined && sameArticle(theirs, parsed.key) ? theirs : (ours ?? ''));
        continue;
      }
      const own = (parsed && parsed.memberId === me) || file === teamPaths.member(me);
      if (!own) return undefined;
      if (ours === undefined || theirs === undefined) {
        resolved.set(file, ours ?? theirs ?? '');
        continue;
      }
      if (parsed?.kind === 'tags') {
        const deletedPath = teamPaths.deleted(`sha256:${parsed.key}`, me);
        const deleted = mergeDeleted(
          readSmall(DeletedFile, (await repo.conflictSide(deletedPath, 'ours')) ?? (await readText(path.join(repo.dir, deletedPath)))) ??
            emptyDeleted(me),
          readSmall(DeletedFile, await repo.conflictSide(deletedPath, 'theirs')) ?? emptyDeleted(me),
        );
        resolved.set(file, teamJson(mergeLayers(readReviewFile(ours, file), readReviewFile(theirs, file), deletedMap(deleted))));
      } else if (parsed?.kind === 'deleted') {
        resolved.set(
          file,
          teamJson(mergeDeleted(readSmall(DeletedFile, ours) ?? emptyDeleted(me), readSmall(DeletedFile, theirs) ?? emptyDeleted(me))),
        );
      } else {
        resolved.set(file, ours);
      }
    }
    return resolved;
  }

  /**
   * After a successful merge: every file the remote changed since the last sync is read. Colleagues'
   * layers are checked like any tag file and placed in Review (`team-<memberId>`); this member's own
   * layer changed on another computer is applied to the library's document. Refused files are reported.
   */
  private async bringIn(repo: TeamRepo, settings: TeamSettings, remoteHead: string | undefined, state: SyncState): Promise<void> {
    if (!remoteHead) return;
    const base = settings.lastRemoteHead;
    state.pulled = Number.parseInt(await repo.read(['rev-list', '--count', base ? `${base}..${remoteHead}` : remoteHead]), 10) || 0;
    const changed = await repo.changedFiles(base, remoteHead);
    const byArticle = new Map<string, Set<string>>();
    let ownLayers = false;
    for (const file of changed) {
      const parsed = parseTeamPath(file);
      if (!parsed || parsed.kind !== 'tags') continue;
      if (parsed.memberId === settings.memberId) ownLayers = true;
      const members = byArticle.get(parsed.key) ?? new Set<string>();
      members.add(parsed.memberId);
      byArticle.set(parsed.key, members);
    }
    for (const [key, members] of byArticle) {
      const fingerprint = `sha256:${key}`;
      const summary = this.store.findByFingerprint(fingerprint);
      if (!summary) continue;
      if (members.has(settings.memberId) && ownLayers) await this.applyOwnLayer(repo, fingerprint, summary.id, settings, state);
      await this.placeColleagueLayers(repo, fingerprint, summary.id, settings, state, members);
    }
  }

  /** Places (or refreshes) colleagues' layers of one article in Review; `only` limits it to some members. */
  private async placeColleagueLayers(
    repo: TeamRepo,
    fingerprint: string,
    documentId: string,
    settings: TeamSettings,
    state: SyncState | undefined,
    only?: ReadonlySet<string>,
  ): Promise<void> {
    const members = only ? [...only] : await this.layerMembers(repo.dir, fingerprint);
    for (const memberId of members) {
      if (memberId === settings.memberId) continue;
      const file = teamPaths.layer(fingerprint, memberId);
      const text = await readText(path.join(repo.dir, file));
      if (text === undefined) continue;
      try {
        const layer = readReviewFile(text, file);
        if (layer.document.fingerprint !== fingerprint)
          throw new ScholiaError(
            'unsupported-file',
            `${file} is a layer of another article (${layer.document.fingerprint}); it was not imported.`,
          );
        const { changed } = await this.reviews.placeTeamLayer(documentId, teamReviewId(memberId), layer, file);
        if (changed) state?.arrived.push({ documentId, memberId, reviewId: teamReviewId(memberId) });
      } catch (error) {
        if (!(error instanceof ScholiaError)) throw error;
        if (!state) throw error;
        state.refused.push({ file, message: error.message });
      }
    }
  }

  /** This member's layer as the merge left it (another computer's work in it) applied to the library's document through the op engine. */
  private async applyOwnLayer(
    repo: TeamRepo,
    fingerprint: string,
    documentId: string,
    settings: TeamSettings,
    state: SyncState,
  ): Promise<void> {
    const file = teamPaths.layer(fingerprint, settings.memberId);
    const text = await readText(path.join(repo.dir, file));
    if (text === undefined) return;
    let layer: TagFileV1;
    try {
      layer = readReviewFile(text, file);
    } catch (error) {
      if (!(error instanceof ScholiaError)) throw error;
      state.refused.push({ file, message: error.message });
      return;
    }
    const deleted = deletedMap(
      readSmall(DeletedFile, await readText(path.join(repo.dir, teamPaths.deleted(fingerprint, settings.memberId)))),
    );
    const document = await this.store.getDocument(documentId);
    const mine = new Map(document.annotations.map((a) => [a.id, a]));
    const entityIds = new Set(document.entities.map((e) => e.id));
    const ops: AnnotationOp[] = [];
    for (const entity of layer.entities) if (!entityIds.has(entity.id)) ops.push({ op: 'entity.add', entity });
    for (const annotation of layer.annotations) {
      const current = mine.get(annotation.id);
      if (!current) ops.push({ op: 'annotation.add', annotation });
      else if (annotation.modified > current.modified) ops.push({ op: 'annotation.update', annotation });
    }
    const inLayer = new Set(layer.annotations.map((a) => a.id));
    for (const annotation of document.annotations) {
      const at = deleted.get(annotation.id);
      if (!inLayer.has(annotation.id) && at !== undefined && annotation.modified <= at)
        ops.push({ op: 'annotation.remove', id: annotation.id });
    }
    if (ops.length === 0) return;
    try {
      const next = applyAnnotationOps(
        document.text,
        this.store.tagset,
        { entities: document.entities, annotations: document.annotations },
        ops,
      );
      this.store.commitRevision(document, next);
      await this.store.flush();
      state.mine += 1;
    } catch (error) {
      if (!(error instanceof ScholiaError)) throw error;
      state.refused.push({ file, message: `Your layer from another computer could not be applied: ${error.message}` });
    }
  }

  // --- status and log -------------------------------------------------------------------------

  status(): Promise<TeamStatus> {
    return this.statusNow();
  }

  private async members(dir: string): Promise<TeamMember[]> {
    const folder = path.join(dir, 'members');
    if (!existsSync(folder)) return [];
    const members: TeamMember[] = [];
    for (const name of (await readdir(folder)).sort()) {
      if (!name.endsWith('.json')) continue;
      const member = readSmall(MemberFile, await readText(path.join(folder, name)));
      if (member && `${member.id}.json` === name) members.push({ id: member.id, name: member.name, joined: member.joined });
    }
    return members;
  }

  private async layerMembers(dir: string, fingerprint: string): Promise<string[]> {
    const folder = path.join(dir, 'articles', articleKey(fingerprint), 'tags');
    if (!existsSync(folder)) return [];
    return (await readdir(folder))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -5))
      .filter((id) => MEMBER_ID_PATTERN.test(id));
  }

  /** Local commits the remote does not have yet (as of the last fetch). */
  private async waitingToPush(repo: TeamRepo): Promise<number> {
    const head = await repo.head();
    if (!head) return 0;
    const remote = await repo.remoteHead();
    return remote ? repo.countBetween(remote, head) : 1;
  }

  /** What git said, for the report's details: the token and any credentials in URLs taken out. */
  private gitWords(error: GitError, settings: TeamSettings): string {
    return scrubbed(error.stderr, this.tokens.get(settings.remote)).slice(-4000);
  }

  private async statusNow(): Promise<TeamStatus> {
    const settings = await this.settingsFile.read();
    if (!settings) return { joined: false, articles: [], pending: { toPush: 0, toPull: 0 }, syncing: this.syncing };
    const dir = this.settingsFile.cloneDir;
    const repo = this.repoOf(settings);
    const team = readSmall(TeamFile, await readText(path.join(dir, TEAM_FILE)));
    const members = await this.members(dir);
    const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;
    const me = members.find((m) => m.id === settings.memberId) ?? {
      id: settings.memberId,
      name: this.store.settings.annotatorName,
      joined: new Date(0).toISOString(),
    };
    const articles = await this.articles(repo, settings, nameOf);
    let toPush = 0;
    let toPull = 0;
    if (await repo.healthy()) {
      const head = await repo.head();
      const remote = await repo.remoteHead();
      if (head && remote) {
        toPush = await repo.countBetween(remote, head);
        toPull = await repo.countBetween(head, remote);
      } else if (head) toPush = 1;
    }
    return {
      joined: true,
      team: { name: team?.name ?? '(not synced yet)', remote: withoutCredentials(settings.remote), me, members },
      articles,
      pending: { toPush, toPull },
      syncing: this.syncing,
      ...(settings.lastSync ? { lastSync: settings.lastSync } : {}),
    };
  }

  /** Every article of the team (as of the clone's last commit, with this member's files not yet committed), and every shared one not yet in it. */
  private async articles(repo: TeamRepo, settings: TeamSettings, nameOf: (id: string) => string): Promise<TeamArticle[]> {
    const me = settings.memberId;
    const overlay = new Map<string, string>();
    for (const fingerprint of settings.shared) {
      for (const file of [teamPaths.layer(fingerprint, me), teamPaths.status(fingerprint, me), teamPaths.reviews(fingerprint, me)]) {
        const text = await readText(path.join(repo.dir, file));
        if (text !== undefined) overlay.set(file, text);
      }
    }
    const tree = (await repo.healthy()) ? await this.tree.articles(repo, overlay) : new Map<string, TreeArticle>();
    for (const fingerprint of settings.shared) {
      const key = articleKey(fingerprint);
      if (!tree.has(key)) tree.set(key, { key, layers: new Map(), statuses: [], reviews: [] });
    }
    const shared = new Set(settings.shared);
    const articles: TeamArticle[] = [];
    for (const article of [...tree.values()].sort((x, y) => x.key.localeCompare(y.key))) {
      const fingerprint = `sha256:${article.key}`;
      const summary = this.store.findByFingerprint(fingerprint);
      const document = summary && article.layers.size > 0 ? await this.store.getDocument(summary.id) : undefined;
      const layers: TeamLayer[] = [...article.layers]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([memberId, layer]) => {
          const review = document?.reviews.find((r) => r.id === teamReviewId(memberId));
          const onMine = article.reviews.find((r) => r.memberId === memberId && memberId !== me)?.reviews.find((r) => r.of === me);
          return {
            memberId,
            name: nameOf(memberId),
            counts: layer.counts,
            ...(layer.modified ? { modified: layer.modified } : {}),
            ...(review ? { reviewId: review.id } : {}),
            ...(onMine
              ? {
                  reviewedMine: {
                    accepted: onMine.items.filter((item) => item.decision === 'accepted').length,
                    rejected: onMine.items.filter((item) => item.decision === 'rejected').length,
                  },
                }
              : {}),
          };
        });
      const status = article.statuses.reduce<StatusFile | undefined>((latest, s) => (!latest || s.at > latest.at ? s : latest), undefined);
      articles.push({
        fingerprint,
        ...(summary ? { documentId: summary.id } : {}),
        title: summary?.title ?? article.title ?? '(not synced yet)',
        shared: shared.has(fingerprint),
        layers,
        ...(status?.stage ? { stage: status.stage } : {}),
        ...(status?.assignee ? { assignee: status.assignee } : {}),
      });
    }
    return articles;
  }

  /** An article's history from the Git history of its layers (docs/TEAM.md, "History"). */
  async log(input: ChannelInput<'team.log'>): Promise<{ changes: AnnotationChange[] }> {
    const settings = await this.settings();
    const summary = this.store.summaries.find((s) => s.id === input.documentId);
    if (!summary) throw new ScholiaError('not-found', `There is no document ${input.documentId} in this library.`);
    const repo = this.repoOf(settings);
    if (!(await repo.healthy()) || !(await repo.head())) return { changes: [] };
    const members = await this.members(repo.dir);
    const changes = await teamHistory(repo, summary.fingerprint, (id) => members.find((m) => m.id === id)?.name ?? id);
    return { changes: input.annotationId ? changes.filter((c) => c.annotationId === input.annotationId) : changes };
  }
}

/** An article file of the team that checks as a tag file with its text, of the article its folder names. */
function sameArticle(text: string, key: string): boolean {
  try {
    const file = readReviewFile(text);
    return file.document.text !== undefined && articleKey(file.document.fingerprint) === key;
  } catch {
    return false;
  }
}

/** The remote to join: a URL without credentials, or the absolute path of an existing repository. */
function joinRemote(given: string): string {
  const trimmed = given.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    if (hasCredentials(trimmed)) throw new ScholiaError('bad-request', 'Give the token apart (SCHOLIA_GIT_TOKEN), not inside the URL.');
    return trimmed;
  }
  const dir = path.resolve(trimmed);
  if (!existsSync(dir)) throw new ScholiaError('not-found', `There is no repository at ${dir}.`);
  return dir;
}

/** The annotation ids of a layer file as it is in the clone, read loosely (whoever wrote it last). */
function previousIds(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const data = JSON.parse(text) as { annotations?: unknown };
    if (!Array.isArray(data.annotations)) return [];
    return (data.annotations as { id?: unknown }[]).map((a) => a?.id).filter((id): id is string => typeof id === 'string' && isValidId(id));
  } catch {
    return [];
  }
}

const emptyState = (): SyncState => ({ pushed: 0, pulled: 0, retries: 0, arrived: [], refused: [], mine: 0 });

const emptyDeleted = (memberId: string): DeletedFile => ({ format: 'scholia-team-deleted', version: 1, memberId, deleted: [] });

function lastLine(error: GitError): string {
  return (
    error.stderr
      .trim()
      .split('\n')
      .at(-1)
      ?.replace(/^fatal:\s*/, '') ?? ''
  );
}

const UNREACHABLE = "The team's server could not be reached.";

function waitingWords(count: number): string {
  if (count === 0) return 'Nothing waits to be pushed.';
  return `${count} ${count === 1 ? 'change waits' : 'changes wait'} to be pushed; they go out on the next sync.`;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Git's own words without the token or any user name and password written into a URL. */
export function scrubbed(stderr: string, token: string | undefined): string {
  const withoutUrlCredentials = stderr.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/giu, '$1');
  return (token ? withoutUrlCredentials.split(token).join('•••') : withoutUrlCredentials).trim();
}
