import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openScholia, type Scholia } from '../../electron/services/open-scholia.ts';
import { startGitHttpServer, type GitHttpServer } from '../../electron/services/testing/git-http-server.ts';
import type { TeamStatus, TeamSyncReport } from '../../shared/contract/team-channels.ts';
import { exportTagFile } from '../../shared/export/tag-file-export.ts';
import { checkTagFile } from '../../shared/model/tag-file-check.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { teamJson } from '../../shared/team/team-files.ts';
import { teamPaths } from '../../shared/team/team-layout.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { withRatio, type BenchRow } from '../lib/report.ts';
import { median, timed } from '../lib/stats.ts';
import {
  annotatorsOf,
  gitEnv,
  ISSUE_TEAM,
  memberIdOf,
  memberLayer,
  memberNameOf,
  teamArticle,
  writeTeamRepository,
  type TeamRepositorySize,
} from '../lib/team-repository.ts';

const git = promisify(execFile);

/** The issue's budgets, absolute on this machine: a sync of one changed article, and a first join. */
const SYNC_BUDGET_MS = 3_000;
const JOIN_BUDGET_MS = 120_000;
/** A first join and a clone of the whole repository take seconds each: fewer samples than the cheap syncs. */
const JOIN_RUNS = 2;

const SIZE: TeamRepositorySize = process.env.SCHOLIA_BENCH_TEAM_ARTICLES
  ? { ...ISSUE_TEAM, articles: Number(process.env.SCHOLIA_BENCH_TEAM_ARTICLES) }
  : ISSUE_TEAM;

function progress(line: string): void {
  console.error(`  team-sync: ${line}`);
}

async function call<T>(scholia: Scholia, channel: string, input: unknown): Promise<T> {
  const answer = await scholia.dispatch(channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
}

/** A library of its own, with the analyst's name set, as a new installation after its first question. */
async function newLibrary(name: string): Promise<Scholia> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-team-library-'));
  const scholia = await openScholia({ libraryDir: dir, debounceMs: 60_000 });
  await call(scholia, 'settings.set', { annotatorName: name, profileSet: true });
  return scholia;
}

async function closeLibrary(scholia: Scholia): Promise<void> {
  await scholia.close();
  await rm(scholia.libraryDir, { recursive: true, force: true });
}

/**
 * A colleague's machine, as plain Git sees it: a clone where they rewrite their layer of the
 * article (one more annotation each time, a real tag file) and push.
 */
class Colleague {
  private edits = 0;

  constructor(
    private readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly articleIndex: number,
    private readonly memberIndex: number,
  ) {}

  static async clone(url: string, env: NodeJS.ProcessEnv, articleIndex: number): Promise<Colleague> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-colleague-'));
    await git('git', ['clone', '--quiet', url, dir], { env });
    const memberIndex = annotatorsOf(articleIndex, SIZE)[0] ?? 0;
    const name = memberNameOf(memberIndex);
    await git('git', ['-C', dir, 'config', 'user.name', name], { env });
    await git('git', ['-C', dir, 'config', 'user.email', `${memberIdOf(memberIndex)}@team.invalid`], { env });
    return new Colleague(dir, env, articleIndex, memberIndex);
  }

  /** Takes in what the team pushed meanwhile (Bob's syncs), as a colleague does before changing anything. */
  async catchUp(): Promise<void> {
    await git('git', ['-C', this.dir, 'pull', '--quiet', '--rebase', 'origin', 'main'], { env: this.env });
  }

  /** Adds a note to their layer of the article, commits and pushes it. */
  async editAndPush(): Promise<void> {
    this.edits += 1;
    const article = teamArticle(this.articleIndex, SIZE);
    const layer = memberLayer(article, this.memberIndex, SIZE, this.articleIndex * 101 + this.memberIndex);
    const stamp = new Date(Date.parse('2026-12-03T09:00:00.000Z') + this.edits * 60_000).toISOString();
    const notes = Array.from({ length: this.edits }, (_, i) => {
      const start = (i * 37) % Math.max(1, article.text.length - 30);
      return {
        id: `${memberIdOf(this.memberIndex)}-bench-note-${i}`,
        kind: 'note' as const,
        target: makeTarget(article.text, start, start + 20),
        note: `Second look ${i + 1}.`,
        author: memberNameOf(this.memberIndex),
        created: stamp,
        modified: stamp,
      };
    });
    const file = exportTagFile({ ...layer, annotations: [...layer.annotations, ...notes] }, DEFAULT_TAGSET, {
      annotator: memberNameOf(this.memberIndex),
      embedText: false,
      exportedAt: stamp,
    });
    const relative = teamPaths.layer(article.fingerprint, memberIdOf(this.memberIndex));
    await writeFile(path.join(this.dir, relative), teamJson(file));
    await git('git', ['-C', this.dir, 'commit', '--quiet', '-am', `A second look at ${article.meta.title}`], { env: this.env });
    await git('git', ['-C', this.dir, 'push', '--quiet', 'origin', 'main'], { env: this.env });
  }

  get fingerprint(): string {
    return teamArticle(this.articleIndex, SIZE).fingerprint;
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Checks the generated repository is what the issue asks for: the file count, and real tag files that validate. */
async function checkRepository(server: GitHttpServer, env: NodeJS.ProcessEnv): Promise<string> {
  const gitDir = path.join(server.root, 'team.git');
  const { stdout } = await git('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', 'main'], { env, maxBuffer: 64 * 2 ** 20 });
  const files = stdout.split('\n').filter(Boolean);
  const expected = 1 + SIZE.members + SIZE.articles * (1 + SIZE.annotatorsPerArticle);
  if (files.length !== expected) throw new Error(`the team repository holds ${files.length} files, not ${expected}`);
  for (const file of [files.find((name) => name.endsWith('/article.json')), files.find((name) => name.includes('/tags/'))]) {
    const { stdout: text } = await git('git', ['--git-dir', gitDir, 'show', `main:${file}`], { env });
    const check = checkTagFile(JSON.parse(text));
    if (!check.ok) throw new Error(`${file} is not a valid tag file: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  const { stdout: size } = await git('git', ['--git-dir', gitDir, 'count-objects', '-vH'], { env });
  return /size-pack: (.+)/u.exec(size)?.[1] ?? '?';
}

/**
 * `team-sync`: a team repository of 10,000 articles, each annotated by 3 of 50 annotators, served
 * by `git http-backend` on 127.0.0.1. Measures a first join (absolute budget ≤ 2 minutes) beside
 * a plain `git clone` of the same repository, and a sync that brings one article a colleague
 * changed, and one that sends one article the analyst changed (≤ 3 s each) beside a plain
 * `git pull` and `git commit` + `git push` of the same change.
 */
export async function teamSyncScenario(runs: number): Promise<BenchRow[]> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-git-home-'));
  const env = gitEnv(home);
  const server = await startGitHttpServer();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const gitDir = await server.createRepository('team.git');
    const generateMs = await timed(() => writeTeamRepository(gitDir, SIZE, home));
    progress(`generated in ${(generateMs / 1000).toFixed(1)} s`);
    const packSize = await checkRepository(server, env);
    const url = server.url('team.git');
    const scenario = 'team-sync';
    const repository = `${SIZE.articles.toLocaleString('en')} articles × ${SIZE.annotatorsPerArticle} of ${SIZE.members} annotators`;
    const rows: BenchRow[] = [];

    // A first join, beside a plain clone of the same repository, taken in turn.
    const cloneTimes: number[] = [];
    const joinTimes: number[] = [];
    let shared = 0;
    for (let run = 0; run < Math.min(runs, JOIN_RUNS); run++) {
      const cloneDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-clone-'));
      const cloneMs = await timed(() => git('git', ['clone', '--quiet', url, path.join(cloneDir, 'team')], { env }));
      cloneTimes.push(cloneMs);
      progress(`git clone ${(cloneMs / 1000).toFixed(1)} s`);
      await rm(cloneDir, { recursive: true, force: true });
      const joiner = await newLibrary(`Newcomer ${run + 1}`);
      const joinMs = await timed(() => call<TeamStatus>(joiner, 'team.join', { remote: url }));
      joinTimes.push(joinMs);
      progress(`first join ${(joinMs / 1000).toFixed(1)} s`);
      shared = (await call<TeamStatus>(joiner, 'team.status', {})).articles.length;
      await closeLibrary(joiner);
    }
    const clone: BenchRow = {
      scenario,
      case: 'git clone (baseline)',
      medianMs: median(cloneTimes),
      runs: cloneTimes.length,
      note: `pack ${packSize}`,
    };
    const join: BenchRow = {
      scenario,
      case: 'first join',
      medianMs: median(joinTimes),
      runs: joinTimes.length,
      pass: median(joinTimes) <= JOIN_BUDGET_MS,
      note: `${repository}; ${shared.toLocaleString('en')} articles listed after; budget ≤ ${JOIN_BUDGET_MS / 1000} s; generated in ${(generateMs / 1000).toFixed(0)} s`,
    };
    rows.push(clone, withRatio(join, clone));

    // One changed article: Bob holds it; a colleague changes their layer and pushes; Bob syncs. Beside: git pull of the same change.
    const articleIndex = Math.floor(SIZE.articles / 2);
    const colleague = await Colleague.clone(url, env, articleIndex);
    cleanups.push(() => colleague.dispose());
    const bob = await newLibrary('Bench Bob');
    cleanups.push(() => closeLibrary(bob));
    await call(bob, 'team.join', { remote: url });
    await call(bob, 'team.share', { fingerprints: [colleague.fingerprint] });
    await call(bob, 'team.sync', {});
    const pullDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-pull-'));
    cleanups.push(() => rm(pullDir, { recursive: true, force: true }));
    await git('git', ['clone', '--quiet', url, pullDir], { env });

    const pullTimes: number[] = [];
    const arriveTimes: number[] = [];
    let arrived = 0;
    for (let run = -1; run < runs; run++) {
      await colleague.catchUp();
      await colleague.editAndPush();
      const pull = await timed(() => git('git', ['-C', pullDir, 'pull', '--quiet', '--ff-only'], { env }));
      let report: TeamSyncReport | undefined;
      const sync = await timed(async () => (report = await call<TeamSyncReport>(bob, 'team.sync', {})));
      if (report?.outcome !== 'synced') throw new Error(`the sync did not complete: ${report?.message}`);
      progress(`git pull ${pull.toFixed(0)} ms; sync bringing one article ${sync.toFixed(0)} ms`);
      if (run < 0) continue;
      arrived += report.arrived.length;
      pullTimes.push(pull);
      arriveTimes.push(sync);
    }
    const pull: BenchRow = {
      scenario,
      case: 'git pull of one changed article (baseline)',
      medianMs: median(pullTimes),
      runs: pullTimes.length,
    };
    const arrive: BenchRow = {
      scenario,
      case: 'sync: a colleague changed one article',
      medianMs: median(arriveTimes),
      runs: arriveTimes.length,
      pass: median(arriveTimes) <= SYNC_BUDGET_MS,
      note: `${arrived} layer(s) arrived in Review over ${arriveTimes.length} syncs; budget ≤ ${SYNC_BUDGET_MS / 1000} s`,
    };
    rows.push(pull, withRatio(arrive, pull));

    // Bob changes the article (one note), and the sync commits and pushes it. Beside: git commit + push of one changed file.
    const status = await call<TeamStatus>(bob, 'team.status', {});
    const documentId = status.articles.find((article) => article.fingerprint === colleague.fingerprint)?.documentId;
    if (!documentId) throw new Error('the shared article is not in the library');
    // The baseline pushes the same kind of change to a copy of the repository, so Bob's syncs see none of it.
    await git('git', ['clone', '--bare', '--quiet', gitDir, path.join(server.root, 'baseline.git')], { env });
    const pusher = await Colleague.clone(server.url('baseline.git'), env, articleIndex);
    cleanups.push(() => pusher.dispose());
    const pushTimes: number[] = [];
    const sendTimes: number[] = [];
    for (let run = -1; run < runs; run++) {
      const { document } = await call<{ document: { text: string; revision: number } }>(bob, 'library.get', { id: documentId });
      const stamp = new Date().toISOString();
      const start = ((run + 2) * 53) % Math.max(1, document.text.length - 30);
      const note = {
        id: `bob-note-${run + 2}`,
        kind: 'note',
        target: makeTarget(document.text, start, start + 25),
        note: 'Bob checked this.',
        author: 'Bench Bob',
        created: stamp,
        modified: stamp,
      };
      await call(bob, 'annotations.apply', {
        documentId,
        baseRevision: document.revision,
        ops: [{ op: 'annotation.add', annotation: note }],
      });
      await bob.flush();
      const push = await timed(() => pusher.editAndPush());
      let report: TeamSyncReport | undefined;
      const sync = await timed(async () => (report = await call<TeamSyncReport>(bob, 'team.sync', {})));
      if (report?.outcome !== 'synced' || report.pushed === 0) throw new Error(`the sync did not push: ${report?.message}`);
      progress(`git commit + push ${push.toFixed(0)} ms; sync sending one article ${sync.toFixed(0)} ms`);
      if (run < 0) continue;
      pushTimes.push(push);
      sendTimes.push(sync);
    }
    const push: BenchRow = {
      scenario,
      case: 'git commit + push of one change (baseline)',
      medianMs: median(pushTimes),
      runs: pushTimes.length,
    };
    const send: BenchRow = {
      scenario,
      case: 'sync: I changed one article',
      medianMs: median(sendTimes),
      runs: sendTimes.length,
      pass: median(sendTimes) <= SYNC_BUDGET_MS,
      note: `commit, fetch, merge, push; budget ≤ ${SYNC_BUDGET_MS / 1000} s`,
    };
    rows.push(push, withRatio(send, push));
    return rows;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await server.stop();
    await rm(server.root, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  }
}
