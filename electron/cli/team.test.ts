import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TeamStatus } from '../../shared/contract/team-channels.ts';
import { teamPaths } from '../../shared/team/team-layout.ts';
import { startGitHttpServer, type GitHttpServer } from '../services/testing/git-http-server.ts';
import { importArticle, noteAt } from '../services/testing/library-fixtures.ts';
import { analyst, call, rawClone, rawGit } from '../services/testing/team-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { TeamSettings } from '../services/team/team-settings.ts';
import { openScholia } from '../services/open-scholia.ts';
import { runScholia as scholia, runScholiaWith } from './testing/run-scholia.ts';

const tempDir = useTempDirs();
const servers: GitHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

const ARTICLE = 'Officials said the bridge would reopen on Friday.\n\nEngineers found cracks in two of its supports last week.';
const TOKEN = 'cli-token-8d1e44b0';

/** A library of `name` with the article annotated with one note; answers its folder, the document id and its fingerprint. */
async function library(name: string, noteId = 'n-1'): Promise<{ dir: string; id: string; fingerprint: string }> {
  const dir = await tempDir();
  const open = await analyst(dir, name);
  const article = await importArticle(open, ARTICLE);
  await call(open, 'annotations.apply', {
    documentId: article.id,
    ops: [{ op: 'annotation.add', annotation: noteAt(article.text, noteId, 5, 'check') }],
  });
  const { document } = await call(open, 'library.get', { id: article.id });
  await open.close();
  return { dir, id: article.id, fingerprint: document.fingerprint };
}

async function served(token?: string): Promise<{ server: GitHttpServer; url: string }> {
  const server = await startGitHttpServer({ root: await tempDir(), ...(token ? { token } : {}) });
  servers.push(server);
  await server.createRepository('desk.git');
  return { server, url: server.url('desk.git') };
}

/** Runs `scholia team sync` in a process group of its own and SIGKILLs the group once the server holds its push. */
async function killedMidPush(server: GitHttpServer, dir: string, stage: 'before-update' | 'after-update'): Promise<void> {
  const hold = server.holdNextPush(stage);
  const child = spawn(process.execPath, [path.resolve('bin/scholia.js'), 'team', 'sync', '--library', dir], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, SCHOLIA_LIBRARY: '' },
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await hold.reached;
  process.kill(-(child.pid as number), 'SIGKILL');
  expect(await exited).toBe('SIGKILL');
  hold.release();
}

describe('scholia team', { timeout: 90_000 }, () => {
  it('creates a team in a bare repository at a path, shares, syncs, and a colleague joins, syncs and reads the status and log', async () => {
    const alice = await library('Alice Martin');
    const remote = path.join(await tempDir(), 'desk.git');
    const init = await scholia('team', 'init', remote, '--name', 'Bridge desk', '--library', alice.dir);
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('Team: Bridge desk');
    expect(init.stdout).toContain('You: Alice Martin [alice-martin]');
    expect((await scholia('team', 'share', '--all', '--library', alice.dir)).code).toBe(0);
    const synced = await scholia('team', 'sync', '--library', alice.dir);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/^Synced: nothing new from colleagues; yours pushed/);

    const bob = await library('Bob Stone', 'n-bob');
    expect((await scholia('team', 'join', remote, '--library', bob.dir)).stdout).toContain(
      'Members: Alice Martin [alice-martin], Bob Stone [bob-stone]',
    );
    await scholia('team', 'share', bob.id, '--library', bob.dir);
    const bobSync = await scholia('team', 'sync', '--library', bob.dir);
    expect(bobSync.stdout).toMatch(/^Synced: 1 layer from colleagues now in Review/);
    const status = await scholia('team', 'status', '--library', bob.dir);
    expect(status.stdout).toContain('Waiting: 0 commits to push, 0 commits to pull');
    expect(status.stdout).toContain('Alice Martin [alice-martin]: 0 claims, 0 quotes, 0 entities, 1 note · in Review as team-alice-martin');
    expect(status.stdout).toContain('Bob Stone [bob-stone]: 0 claims, 0 quotes, 0 entities, 1 note');
    const json = JSON.parse((await scholia('team', 'status', '--json', '--library', bob.dir)).stdout) as TeamStatus;
    expect(json.articles).toEqual([expect.objectContaining({ fingerprint: bob.fingerprint, documentId: bob.id, shared: true })]);
    const log = await scholia('team', 'log', bob.id, '--library', bob.dir);
    expect(log.stdout).toMatch(/Alice Martin \[alice-martin\] created n-1/);
    expect(log.stdout).toMatch(/Bob Stone \[bob-stone\] created n-bob/);

    const assigned = await scholia('team', 'assign', bob.id, '--to', 'alice-martin', '--stage', 'in-progress', '--library', bob.dir);
    expect(assigned.stdout).toContain('in-progress, assigned to alice-martin');
    await scholia('team', 'sync', '--library', bob.dir);
    await scholia('team', 'sync', '--library', alice.dir);
    expect((await scholia('team', 'status', '--library', alice.dir)).stdout).toContain('in-progress, assigned to alice-martin');
  });

  it('takes the token from SCHOLIA_GIT_TOKEN only, refuses one in the URL, and writes it nowhere', async () => {
    const { url } = await served(TOKEN);
    const alice = await library('Alice Martin');
    const inUrl = await scholia('team', 'init', url.replace('http://', `http://alice:${TOKEN}@`), '--library', alice.dir);
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toContain('SCHOLIA_GIT_TOKEN');
    const without = await scholia('team', 'init', url, '--library', alice.dir);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/refused the credentials/);
    const made = await runScholiaWith({ SCHOLIA_GIT_TOKEN: TOKEN }, 'team', 'init', url, '--name', 'Desk', '--library', alice.dir);
    expect(made.stderr).toBe('');
    await runScholiaWith({ SCHOLIA_GIT_TOKEN: TOKEN }, 'team', 'share', '--all', '--library', alice.dir);
    expect((await runScholiaWith({ SCHOLIA_GIT_TOKEN: TOKEN }, 'team', 'sync', '--library', alice.dir)).stdout).toMatch(/^Synced/);
    const config = await readFile(path.join(alice.dir, 'team', '.git', 'config'), 'utf8');
    expect(config).toContain(url);
    const { stdout } = await new Promise<{ stdout: string }>((resolve) => {
      const grep = spawn('grep', ['-rl', TOKEN, alice.dir]);
      let out = '';
      grep.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      grep.on('close', () => resolve({ stdout: out }));
    });
    expect(stdout).toBe('');
  });

  it('a sync SIGKILLed while the server holds its push loses nothing, and the next sync completes', async () => {
    const { server, url } = await served();
    const alice = await library('Alice Martin');
    await scholia('team', 'init', url, '--name', 'Desk', '--library', alice.dir);
    await scholia('team', 'share', '--all', '--library', alice.dir);
    await scholia('team', 'sync', '--library', alice.dir);

    for (const [stage, noteId] of [
      ['before-update', 'n-before'],
      ['after-update', 'n-after'],
    ] as const) {
      const open = await analyst(alice.dir, 'Alice Martin');
      await call(open, 'annotations.apply', {
        documentId: alice.id,
        ops: [{ op: 'annotation.add', annotation: noteAt(ARTICLE, noteId, 30, stage) }],
      });
      await open.close();
      await killedMidPush(server, alice.dir, stage);

      // Everything the library holds still reads: team.json, the document with the new note.
      TeamSettings.parse(JSON.parse(await readFile(path.join(alice.dir, 'team.json'), 'utf8')));
      const reopened = await openScholia({ libraryDir: alice.dir, access: 'read' });
      const { document } = await call(reopened, 'library.get', { id: alice.id });
      expect(document.annotations.map((a) => a.id)).toContain(noteId);
      await reopened.close();

      const next = await scholia('team', 'sync', '--library', alice.dir);
      expect(next.stderr).toBe('');
      expect(next.stdout).toMatch(/^Synced/);
      const status = JSON.parse((await scholia('team', 'status', '--json', '--library', alice.dir)).stdout) as TeamStatus;
      expect(status.pending).toEqual({ toPush: 0, toPull: 0 });
      const check = await rawClone(url, await tempDir());
      const layer = await readFile(path.join(check, teamPaths.layer(alice.fingerprint, 'alice-martin')), 'utf8');
      expect(layer).toContain(`"${noteId}"`);
      expect(await rawGit(check, ['status', '--porcelain'])).toBe('');
    }
  });
});
