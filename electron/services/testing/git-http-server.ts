import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real Git smart-HTTP server for tests and the bench: Debian's `git http-backend` (CGI) behind
 * Node's `http`, on 127.0.0.1. Each repository is a bare repository under `root`. It can require
 * Basic auth with a token, be stopped and started again on the same port (the server down), and
 * hold a push (to SIGKILL the pushing process mid-push).
 */
export interface GitHttpServerOptions {
  /** The folder holding the bare repositories (a fresh temporary folder when not given). */
  root?: string;
  /** When set, every request needs Basic auth whose password is this token (any user name). */
  token?: string;
  /** The port to listen on (a free one when not given). */
  port?: number;
}

/** Where a held push waits: before `git http-backend` sees it (the remote never changes), or after the remote was updated, before the client hears so. */
export type PushHoldStage = 'before-update' | 'after-update';

export interface PushHold {
  /** Resolves when a push has reached the hold. */
  readonly reached: Promise<void>;
  /** Lets the held push go on (its client may be gone by then). */
  release(): void;
}

export interface GitRequestRecord {
  method: string;
  path: string;
  service: string | undefined;
  status: number;
  /** The user name of the Basic auth header, when one came. */
  user: string | undefined;
}

export interface GitHttpServer {
  readonly root: string;
  readonly port: number;
  /** The clone URL of a repository under `root` (`http://127.0.0.1:<port>/<name>`), without credentials. */
  url(name: string): string;
  /** Creates an empty bare repository under `root` whose default branch is `main`; returns its path. */
  createRepository(name: string): Promise<string>;
  /** Holds the next push (a `git-receive-pack` POST) at `stage` until released. */
  holdNextPush(stage?: PushHoldStage): PushHold;
  /** Every request answered so far, in order. */
  readonly requests: readonly GitRequestRecord[];
  /** Stops answering: open connections are cut and the port is closed (the server is down). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  readonly running: boolean;
}

/** A fixed environment for git processes in tests and the bench: no user or system configuration, no prompts; commits by `author` when given. */
export function isolatedGitEnv(home: string, author?: string): NodeJS.ProcessEnv {
  const email = author ? `${author.toLowerCase()}@example.invalid` : undefined;
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...(author && email
      ? { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: email }
      : {}),
  };
}

interface PendingHold {
  stage: PushHoldStage;
  reach: () => void;
  released: Promise<void>;
}

function basicAuthUser(header: string | undefined, token: string): { ok: boolean; user?: string } {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match?.[1]) return { ok: false };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false };
  return { ok: decoded.slice(colon + 1) === token, user: decoded.slice(0, colon) };
}

/** Splits CGI output into its header block (up to the first blank line) and the body that follows. */
function splitCgiHeaders(buffer: Buffer): { head: string; body: Buffer } | undefined {
  for (const separator of ['\r\n\r\n', '\n\n']) {
    const at = buffer.indexOf(separator);
    if (at >= 0) return { head: buffer.subarray(0, at).toString('latin1'), body: buffer.subarray(at + separator.length) };
  }
  return undefined;
}

function parseCgiHead(head: string): { status: number; headers: [string, string][] } {
  let status = 200;
  const headers: [string, string][] = [];
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
    else headers.push([name, value]);
  }
  return { status, headers };
}

export async function startGitHttpServer(options: GitHttpServerOptions = {}): Promise<GitHttpServer> {
  const root = options.root ?? (await mkdtemp(path.join(os.tmpdir(), 'scholia-git-server-')));
  await mkdir(root, { recursive: true });
  const home = await mkdtemp(path.join(os.tmpdir(), 'scholia-git-server-home-'));
  const env = isolatedGitEnv(home);
  const requests: GitRequestRecord[] = [];
  let pendingHold: PendingHold | undefined;
  let port = options.port ?? 0;
  let server: http.Server | undefined;
  const releases = new Set<() => void>();

  const handle = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const service = url.searchParams.get('service') ?? (url.pathname.endsWith('/git-receive-pack') ? 'git-receive-pack' : undefined);
    const record: GitRequestRecord = { method: request.method ?? 'GET', path: url.pathname, service, status: 0, user: undefined };
    requests.push(record);
    if (options.token !== undefined) {
      const auth = basicAuthUser(request.headers.authorization, options.token);
      record.user = auth.user;
      if (!auth.ok) {
        record.status = 401;
        response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="scholia-test"', 'Content-Type': 'text/plain' });
        response.end('Authentication required\n');
        request.resume();
        return;
      }
    }
    const isPush = request.method === 'POST' && url.pathname.endsWith('/git-receive-pack');
    const hold = isPush ? pendingHold : undefined;
    if (hold) pendingHold = undefined;
    void serveCgi(request, response, url, record, hold);
  };

  const serveCgi = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    record: GitRequestRecord,
    hold: PendingHold | undefined,
  ): Promise<void> => {
    if (hold?.stage === 'before-update') {
      request.pause();
      hold.reach();
      await hold.released;
      if (request.destroyed || response.destroyed) {
        record.status = 499;
        return;
      }
    }
    const cgiEnv: NodeJS.ProcessEnv = {
      ...env,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.receivepack',
      GIT_CONFIG_VALUE_0: 'true',
      REQUEST_METHOD: request.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
      REMOTE_USER: record.user ?? '',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
    };
    if (request.headers['content-length']) cgiEnv.CONTENT_LENGTH = request.headers['content-length'];
    if (request.headers['content-encoding']) cgiEnv.HTTP_CONTENT_ENCODING = request.headers['content-encoding'];
    const protocol = request.headers['git-protocol'];
    if (typeof protocol === 'string') cgiEnv.GIT_PROTOCOL = protocol;

    const backend = spawn('git', ['http-backend'], { env: cgiEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    backend.stderr.resume();
    backend.stdin.on('error', () => undefined);
    request.pipe(backend.stdin);
    request.resume();

    const chunks: Buffer[] = [];
    let head: { status: number; headers: [string, string][] } | undefined;
    const buffering = hold?.stage === 'after-update';
    response.on('close', () => {
      if (backend.exitCode === null && !buffering) backend.kill('SIGKILL');
    });

    backend.stdout.on('data', (chunk: Buffer) => {
      if (head && !buffering) {
        response.write(chunk);
        return;
      }
      chunks.push(chunk);
      if (head) return;
      const split = splitCgiHeaders(Buffer.concat(chunks));
      if (!split) return;
      head = parseCgiHead(split.head);
      chunks.length = 0;
      if (buffering) {
        chunks.push(split.body);
        return;
      }
      record.status = head.status;
      response.writeHead(head.status, head.headers);
      if (split.body.length > 0) response.write(split.body);
    });

    backend.on('close', async (code) => {
      if (buffering && hold) {
        // The remote is updated now; the client waits for an answer that comes only on release.
        hold.reach();
        await hold.released;
      }
      if (response.destroyed) {
        if (record.status === 0) record.status = 499;
        return;
      }
      if (!head) {
        record.status = 500;
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(`git http-backend exited with ${code}\n`);
        return;
      }
      if (buffering) {
        record.status = head.status;
        response.writeHead(head.status, head.headers);
        response.end(Buffer.concat(chunks));
        return;
      }
      response.end();
    });
    backend.on('error', () => response.destroy());
  };

  const listen = async (): Promise<void> => {
    const next = http.createServer(handle);
    next.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        resolve();
      });
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };

  await listen();

  return {
    root,
    get port() {
      return port;
    },
    get running() {
      return server !== undefined;
    },
    get requests() {
      return requests;
    },
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    async createRepository(name) {
      const dir = path.join(root, name);
      await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir], { env });
      return dir;
    },
    holdNextPush(stage = 'before-update') {
      let reach!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (reach = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      releases.add(release);
      pendingHold = { stage, reach, released };
      return {
        reached,
        release: () => {
          releases.delete(release);
          release();
        },
      };
    },
    async stop() {
      const current = server;
      if (!current) return;
      server = undefined;
      const closed = new Promise<void>((resolve) => current.close(() => resolve()));
      current.closeAllConnections();
      for (const release of releases) release();
      releases.clear();
      await closed;
    },
    async start() {
      if (server) return;
      await listen();
    },
  };
}
