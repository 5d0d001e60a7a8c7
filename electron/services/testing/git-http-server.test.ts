import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedGitEnv, startGitHttpServer, type GitHttpServer } from './git-http-server.ts';
import { useTempDirs } from './temp-dir.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();
const servers: GitHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

const gitEnv = (home: string): NodeJS.ProcessEnv => isolatedGitEnv(home, 'Test');

async function git(cwd: string, args: string[], extra: string[] = []): Promise<string> {
  const { stdout } = await run('git', [...extra, ...args], { cwd, env: gitEnv(cwd) });
  return stdout.trim();
}

async function serve(token?: string): Promise<GitHttpServer> {
  const server = await startGitHttpServer({ root: await tempDir(), token });
  servers.push(server);
  await server.createRepository('team.git');
  return server;
}

/** A clone with one commit on `main`, ready to push. */
async function workingCopy(url: string, auth: string[] = []): Promise<string> {
  const dir = path.join(await tempDir(), 'work');
  await run('git', [...auth, 'clone', '--quiet', url, dir], { env: gitEnv(await tempDir()) });
  await git(dir, ['checkout', '--quiet', '-B', 'main']);
  await writeFile(path.join(dir, 'a.txt'), 'first\n');
  await git(dir, ['add', 'a.txt']);
  await git(dir, ['commit', '--quiet', '-m', 'first']);
  return dir;
}

const basic = (token: string): string[] => [
  '-c',
  `http.extraHeader=Authorization: Basic ${Buffer.from(`alice:${token}`).toString('base64')}`,
];

describe('the Git test server', () => {
  it('serves clone, push and fetch through git http-backend', async () => {
    const server = await serve();
    const work = await workingCopy(server.url('team.git'));
    await git(work, ['push', '--quiet', 'origin', 'main']);
    const other = path.join(await tempDir(), 'other');
    await run('git', ['clone', '--quiet', server.url('team.git'), other], { env: gitEnv(other) });
    expect(await git(other, ['log', '--format=%s'])).toBe('first');
    expect(server.requests.some((request) => request.service === 'git-receive-pack' && request.status === 200)).toBe(true);
  });

  it('takes a push larger than git sends in one buffer (a chunked request without a length)', async () => {
    const server = await serve();
    const work = await workingCopy(server.url('team.git'));
    await writeFile(path.join(work, 'big.bin'), randomBytes(3 * 1024 * 1024));
    await git(work, ['add', 'big.bin']);
    await git(work, ['commit', '--quiet', '-m', 'big']);
    await git(work, ['push', '--quiet', 'origin', 'main']);
    expect(await git(server.root, ['--git-dir', 'team.git', 'rev-parse', 'main'])).toBe(await git(work, ['rev-parse', 'HEAD']));
  });

  it('requires the token when one is set, and refuses a wrong one', async () => {
    const server = await serve('s3cret-token');
    const dir = await tempDir();
    await expect(run('git', ['ls-remote', server.url('team.git')], { env: gitEnv(dir) })).rejects.toThrow(
      /Authentication failed|could not read Username/,
    );
    await expect(run('git', [...basic('wrong'), 'ls-remote', server.url('team.git')], { env: gitEnv(dir) })).rejects.toThrow();
    const work = await workingCopy(server.url('team.git'), basic('s3cret-token'));
    await git(work, ['push', '--quiet', 'origin', 'main'], basic('s3cret-token'));
    expect(server.requests.filter((request) => request.status === 401).length).toBeGreaterThanOrEqual(2);
    expect(server.requests.at(-1)).toMatchObject({ status: 200, user: 'alice' });
  });

  it('is down after stop and answers again on the same port after start', async () => {
    const server = await serve();
    const work = await workingCopy(server.url('team.git'));
    const port = server.port;
    await server.stop();
    expect(server.running).toBe(false);
    await expect(git(work, ['push', '--quiet', 'origin', 'main'])).rejects.toThrow(/Failed to connect|Couldn't connect|Connection refused/);
    await server.start();
    expect(server.port).toBe(port);
    await git(work, ['push', '--quiet', 'origin', 'main']);
    expect(await git(server.root, ['--git-dir', 'team.git', 'log', '--format=%s', 'main'])).toBe('first');
  });

  it('holds a push before the update: a push killed there leaves the remote unchanged', async () => {
    const server = await serve();
    const work = await workingCopy(server.url('team.git'));
    const hold = server.holdNextPush('before-update');
    const pusher = spawn('git', ['push', '--quiet', 'origin', 'main'], { cwd: work, env: gitEnv(work), stdio: 'ignore' });
    await hold.reached;
    const exited = new Promise((resolve) => pusher.on('exit', (_code, signal) => resolve(signal)));
    pusher.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    hold.release();
    await expect(git(server.root, ['--git-dir', 'team.git', 'rev-parse', '--verify', '--quiet', 'refs/heads/main'])).rejects.toThrow();
  });

  it('holds a push after the update: the remote has it though the client never heard', async () => {
    const server = await serve();
    const work = await workingCopy(server.url('team.git'));
    const hold = server.holdNextPush('after-update');
    const pusher = spawn('git', ['push', '--quiet', 'origin', 'main'], { cwd: work, env: gitEnv(work), stdio: 'ignore' });
    await hold.reached;
    pusher.kill('SIGKILL');
    await new Promise((resolve) => pusher.on('exit', resolve));
    hold.release();
    expect(await git(server.root, ['--git-dir', 'team.git', 'rev-parse', 'refs/heads/main'])).toBe(await git(work, ['rev-parse', 'HEAD']));
  });
});
