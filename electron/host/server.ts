import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiResult, ErrorCode } from '../../shared/contract/errors.ts';
import { RENDERER_CSP } from '../../shared/security/csp.ts';
import type { Scholia } from '../services/open-scholia.ts';
import { contentTypeOf } from '../services/content-types.ts';
import { readStaticFile, resolveStaticPath } from './static-files.ts';

/** The largest API request body accepted: room for an article at the contract's size limit. */
export const MAX_BODY_BYTES = 48 * 1024 * 1024;

/**
 * The token cookie's name, one per port: cookies ignore ports, so a fixed name would be sent to
 * every other service on 127.0.0.1 too (and theirs to us). Only this port's name is read.
 */
export function tokenCookieName(port: number): string {
  return `scholia_token_${port}`;
}

const STATUS_OF: Record<ErrorCode, number> = {
  'bad-request': 400,
  'unknown-channel': 404,
  'not-found': 404,
  conflict: 409,
  'unsupported-file': 415,
  'read-only': 409,
  forbidden: 403,
  internal: 500,
};

export interface HostOptions {
  scholia: Scholia;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
}

export interface Host {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function presentedToken(request: http.IncomingMessage, cookieName: string): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return cookieValue(request.headers.cookie, cookieName);
}

function send(
  response: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  response.end(body);
}

function sendResult(
  response: http.ServerResponse,
  result: ApiResult<unknown>,
  status = result.ok ? 200 : STATUS_OF[result.error.code],
): void {
  send(response, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function sendError(response: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendResult(response, { ok: false, error: { code, message } }, status);
}

/** Reads a request body up to `limit` bytes; null as soon as it is larger (the rest is not kept). */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? '0') > limit) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      chunks.length = 0;
      resolve(null);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Answers 413 and closes the connection once the answer is out, so an oversized upload goes no further. */
function refuseOversized(request: http.IncomingMessage, response: http.ServerResponse): void {
  response.setHeader('Connection', 'close');
  response.on('finish', () => request.destroy());
  sendError(response, 413, 'bad-request', `The request is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MiB.`);
}

/**
 * The browser host: the renderer and `POST /api/<channel>` on 127.0.0.1 only. Every request must
 * name this host in its Host header, come from no other origin, and carry the per-launch token
 * (cookie or bearer header).
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let cookieName = tokenCookieName(0);

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') return sendError(response, 405, 'bad-request', 'API calls use POST.');
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return sendError(response, 415, 'bad-request', 'API calls send application/json.');
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null) return refuseOversized(request, response);
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(response, 400, 'bad-request', 'The request body is not valid JSON.');
    }
    sendResult(response, await options.scholia.dispatch(channel, input));
  }

  async function handleStatic(request: http.IncomingMessage, response: http.ServerResponse, pathname: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    const file = resolveStaticPath(rendererDir, pathname);
    const bytes = file ? await readStaticFile(file) : null;
    if (!file || !bytes) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    const caching = file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600';
    send(response, 200, request.method === 'HEAD' ? '' : bytes, contentTypeOf(file), { 'Cache-Control': caching });
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? ''))
      return send(response, 403, 'Forbidden: unexpected Host header', 'text/plain; charset=utf-8');
    // A browser names the page a request comes from: only our own pages may call (no CORS, and no cross-site form either).
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin))
      return send(response, 403, 'Forbidden: cross-origin request', 'text/plain; charset=utf-8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && request.method === 'GET') {
      if (!sameSecret(queryToken, token)) return send(response, 401, 'Unauthorized: wrong token', 'text/plain; charset=utf-8');
      url.searchParams.delete('token');
      const cookie = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      return send(response, 303, '', 'text/plain; charset=utf-8', { Location: url.pathname + url.search, 'Set-Cookie': cookie });
    }
    if (!sameSecret(presentedToken(request, cookieName), token)) {
      const isApi = url.pathname.startsWith('/api/');
      if (isApi) return sendError(response, 401, 'forbidden', 'Missing or wrong token: open the URL that `scholia serve` printed.');
      return send(response, 401, 'Unauthorized: open the URL that `scholia serve` printed.', 'text/plain; charset=utf-8');
    }
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length));
    return handleStatic(request, response, url.pathname);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('scholia host:', error);
      if (!response.headersSent) sendError(response, 500, 'internal', 'The host failed to answer this request.');
      else response.destroy();
    });
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  cookieName = tokenCookieName(port);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
