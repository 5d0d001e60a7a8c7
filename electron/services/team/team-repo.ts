import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GitError, type GitRunner } from './git-runner.ts';

export const BRANCH = 'main';
const REMOTE_REF = `refs/remotes/origin/${BRANCH}`;
/** Network calls may take longer than local ones (a first clone of a large team). */
const NETWORK_TIMEOUT_MS = 10 * 60_000;

/**
 * Team files have one writer each, so Git never needs to merge their lines; when the same member
 * changed one on two machines, the merge stops on it (`-merge`: no line merge) and the service merges
 * it by annotation id (see layer-merge.ts).
 */
const ATTRIBUTES = '*.json -merge -text\n';

export interface Author {
  name: string;
  email: string;
}

/** The library's working clone of the team repository (`team/` in the library folder), driven through the system's git. */
export class TeamRepo {
  constructor(
    private readonly git: GitRunner,
    readonly dir: string,
    private readonly remote: string,
    private readonly token: string | undefined,
  ) {}

  private run(args: string[], options: { network?: boolean; author?: Author } = {}): Promise<string> {
    return this.git.run(args, {
      cwd: this.dir,
      ...(options.network ? { timeoutMs: NETWORK_TIMEOUT_MS, ...(this.token ? { token: this.token } : {}) } : {}),
      ...(options.author ? { author: options.author } : {}),
    });
  }

  get exists(): boolean {
    return existsSync(path.join(this.dir, '.git'));
  }

  /** Clones the remote into `dir` (an empty remote gives an empty clone); the clone's config holds the remote without credentials. */
  async clone(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(path.dirname(this.dir), { recursive: true });
    await this.git.run(['clone', '--quiet', '--origin', 'origin', '--', this.remote, this.dir], {
      timeoutMs: NETWORK_TIMEOUT_MS,
      ...(this.token ? { token: this.token } : {}),
    });
    await this.configure();
  }

  private async configure(): Promise<void> {
    await this.run(['config', 'core.autocrlf', 'false']);
    await this.run(['config', 'core.quotepath', 'off']);
    await this.run(['config', 'merge.renames', 'false']);
    await this.run(['config', 'gc.auto', '0']);
    await writeFile(path.join(this.dir, '.git', 'info', 'attributes'), ATTRIBUTES);
    if (!(await this.head())) await this.run(['symbolic-ref', 'HEAD', `refs/heads/${BRANCH}`]);
  }

  /**
   * Puts the clone back in order after a sync that was killed: stale lock files removed (one process
   * writes a library, and one sync runs at a time, so no git of ours is running), an unfinished merge
   * abandoned, the working tree reset to the last commit (the service writes its own files again).
   */
  async recover(): Promise<void> {
    const gitDir = path.join(this.dir, '.git');
    for (const name of ['index.lock', 'HEAD.lock', 'ORIG_HEAD.lock', 'config.lock', 'packed-refs.lock', 'shallow.lock']) {
      await rm(path.join(gitDir, name), { force: true });
    }
    await removeLocks(path.join(gitDir, 'refs'));
    if (existsSync(path.join(gitDir, 'MERGE_HEAD'))) await this.git.succeeds(['merge', '--abort'], { cwd: this.dir });
    if (await this.head()) await this.run(['reset', '--quiet', '--hard', 'HEAD']);
    await writeFile(path.join(gitDir, 'info', 'attributes'), ATTRIBUTES);
  }

  /** The clone is whole enough to use (its HEAD and objects read). */
  async healthy(): Promise<boolean> {
    if (!this.exists) return false;
    return this.git.succeeds(['rev-parse', '--git-dir'], { cwd: this.dir });
  }

  async head(): Promise<string | undefined> {
    return this.revision('HEAD');
  }

  async remoteHead(): Promise<string | undefined> {
    return this.revision(REMOTE_REF);
  }

  private async revision(rev: string): Promise<string | undefined> {
    try {
      return (await this.run(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim() || undefined;
    } catch (error) {
      if (error instanceof GitError) return undefined;
      throw error;
    }
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    return this.git.succeeds(['merge-base', '--is-ancestor', ancestor, of], { cwd: this.dir });
  }

  async fetch(): Promise<void> {
    await this.run(['fetch', '--quiet', '--prune', 'origin', `+refs/heads/${BRANCH}:${REMOTE_REF}`], { network: true });
  }

  /** Stages everything under the clone and commits it as `author`; false when there was nothing to commit. */
  async commitAll(message: string, author: Author): Promise<boolean> {
    await this.run(['add', '--all', '--', '.']);
    if (await this.git.succeeds(['diff', '--cached', '--quiet'], { cwd: this.dir })) return false;
    await this.run(['commit', '--quiet', '--no-verify', '-m', message], { author });
    return true;
  }

  /**
   * Merges the fetched remote head. Answers the files the merge stopped on (left for the caller to
   * resolve and `finishMerge`); an empty list means the merge is done.
   */
  async merge(author: Author): Promise<string[]> {
    const remote = await this.remoteHead();
    if (!remote) return [];
    const head = await this.head();
    if (!head) {
      await this.run(['reset', '--quiet', '--hard', remote]);
      return [];
    }
    try {
      await this.run(['merge', '--quiet', '--no-edit', '--no-verify', remote], { author });
      return [];
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const conflicted = (await this.run(['diff', '--name-only', '--diff-filter=U', '-z'])).split('\0').filter(Boolean);
      if (conflicted.length === 0) throw error;
      return conflicted;
    }
  }

  /** One side of a file the merge stopped on: `ours` (stage 2) or `theirs` (stage 3), undefined when that side deleted it. */
  async conflictSide(file: string, side: 'ours' | 'theirs'): Promise<string | undefined> {
    return this.show(side === 'ours' ? ':2' : ':3', file);
  }

  async finishMerge(resolved: ReadonlyMap<string, string>, author: Author): Promise<void> {
    for (const [file, content] of resolved) await writeFile(path.join(this.dir, file), content);
    await this.run(['add', '--', ...resolved.keys()]);
    await this.run(['commit', '--quiet', '--no-edit', '--no-verify'], { author });
  }

  async abortMerge(): Promise<void> {
    await this.git.succeeds(['merge', '--abort'], { cwd: this.dir });
  }

  /** Pushes HEAD to the remote's branch; a refusal because the remote moved on throws a `GitError` whose `pushRejected` is true. */
  async push(): Promise<void> {
    await this.run(['push', '--quiet', '--no-verify', 'origin', `HEAD:refs/heads/${BRANCH}`], { network: true });
    // The remote now has HEAD: record it as git would after a fetch.
    await this.run(['update-ref', REMOTE_REF, 'HEAD']);
  }

  /** A file at a revision (`HEAD`, a commit, or `:2`/`:3` for the sides of a merge), or undefined where it does not exist. */
  async show(rev: string, file: string): Promise<string | undefined> {
    try {
      return await this.run(['show', `${rev}:${file}`]);
    } catch (error) {
      if (error instanceof GitError) return undefined;
      throw error;
    }
  }

  /** The files that differ between two commits (every file of `to` when `from` is undefined). */
  async changedFiles(from: string | undefined, to: string): Promise<string[]> {
    const out = from
      ? await this.run(['diff', '--name-only', '--no-renames', '-z', from, to])
      : await this.run(['ls-tree', '-r', '--name-only', '-z', to]);
    return out.split('\0').filter(Boolean);
  }

  /** Commits on one side only: `a..b`. */
  async countBetween(a: string, b: string): Promise<number> {
    return Number.parseInt(await this.run(['rev-list', '--count', `${a}..${b}`]), 10) || 0;
  }

  /** Runs git in the clone for reads the other methods do not cover (the history of an article's layers). */
  read(args: string[]): Promise<string> {
    return this.run(args);
  }
}

async function removeLocks(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.lock')) await rm(path.join(entry.parentPath, entry.name), { force: true });
  }
}
