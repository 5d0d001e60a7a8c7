import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Channel, ChannelOutput } from '../../../shared/contract/channels.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { memoryTokens } from '../team/team-service.ts';
import { valueOf } from './library-fixtures.ts';
import { afterEach } from 'vitest';
import { isolatedGitEnv, startGitHttpServer, type GitHttpServer } from './git-http-server.ts';

const run = promisify(execFile);

/** Calls a channel and answers its value, failing the test on an error envelope. */
export async function call<C extends Channel>(scholia: Scholia, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  return valueOf<ChannelOutput<C>>(await scholia.dispatch(channel, input));
}

/** A library folder whose analyst is `name`, with the team token (if any) given as the CLI would get it. */
export async function analyst(libraryDir: string, name: string, token?: string): Promise<Scholia> {
  const scholia = await openScholia({
    libraryDir,
    debounceMs: 5,
    team: { tokens: memoryTokens(token ? { SCHOLIA_GIT_TOKEN: token } : {}) },
  });
  await call(scholia, 'settings.set', { annotatorName: name });
  return scholia;
}

const gitEnv = (home: string): NodeJS.ProcessEnv => isolatedGitEnv(home, 'Mallory');

/** Plain git in a folder of its own, outside Scholia: a colleague's tool, or someone rewriting history. */
export async function rawGit(cwd: string, args: string[], token?: string): Promise<string> {
  const auth = token ? ['-c', `http.extraHeader=Authorization: Basic ${Buffer.from(`mallory:${token}`).toString('base64')}`] : [];
  const { stdout } = await run('git', [...auth, ...args], { cwd, env: gitEnv(cwd) });
  return stdout.trim();
}

/** Clones the team repository with plain git into `dir/clone`. */
export async function rawClone(url: string, dir: string, token?: string): Promise<string> {
  const clone = path.join(dir, 'clone');
  await rawGit(dir, ['clone', '--quiet', url, clone], token);
  return clone;
}

/** A real Git server holding `desk.git`, and analysts' libraries: all closed and stopped after each test. */
export function useTeamHosts(tempDir: () => Promise<string>) {
  const open: Scholia[] = [];
  const servers: GitHttpServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((scholia) => scholia.close()));
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });
  return {
    async server(token?: string): Promise<{ server: GitHttpServer; url: string }> {
      const started = await startGitHttpServer({ root: await tempDir(), ...(token ? { token } : {}) });
      servers.push(started);
      await started.createRepository('desk.git');
      return { server: started, url: started.url('desk.git') };
    },
    async person(name: string, token?: string): Promise<{ scholia: Scholia; dir: string }> {
      const dir = await tempDir();
      const scholia = await analyst(dir, name, token);
      open.push(scholia);
      return { scholia, dir };
    },
  };
}
