import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../shared/security/csp.ts';
import { dispatch, INTERNAL_ERROR_MESSAGE, type Handlers } from '../services/dispatch.ts';
import { openScholia, type Scholia } from '../services/open-scholia.ts';
import { DocumentFile } from '../services/store/store-files.ts';
import { addNote } from '../services/testing/library-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { MAX_BODY_BYTES, startHost, tokenCookieName, type Host } from './server.ts';

const tempDir = useTempDirs();
const assetsDir = path.resolve('assets');
const TOKEN = 'test-token-0123456789';
let running: { host: Host; scholia: Scholia } | undefined;

afterEach(async () => {
  await running?.host.close();
  await running?.scholia.close();
  running = undefined;
});

async function start(): Promise<Host> {
  const rendererDir = await tempDir();
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Scholia</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const scholia = await openScholia({ libraryDir: await tempDir(), seedFrom: assetsDir });
  const host = await startHost({ scholia, rendererDir, token: TOKEN });
  running = { host, scholia };
  return host;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so the path and Host header go out exactly as written. */
function request(
  host: Host,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve({ status: 413, headers: {}, body: '' }) : reject(error),
    );
    if (Buffer.isBuffer(options.body)) {
      // Written in pieces without a length, so it goes out chunked and only the server's own count can stop it.
      for (let offset = 0; offset < options.body.length; offset += 1 << 20) req.write(options.body.subarray(offset, offset + (1 << 20)));
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

const authorised = { Authorization: `Bearer ${TOKEN}` };
const json = { ...authorised, 'Content-Type': 'application/json' };

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', async () => {
    const host = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    const host = await start();
    expect((await request(host, { path: '/' })).status).toBe(401);
    const api = await request(host, {
      method: 'POST',
      path: '/api/library.list',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      (await request(host, { method: 'POST', path: '/api/library.list', headers: { ...json, Authorization: 'Bearer wrong' }, body: '{}' }))
        .status,
    ).toBe(401);
    expect((await request(host, { path: '/?token=wrong' })).status).toBe(401);
  });

  it('refuses a Host header other than its own (DNS rebinding)', async () => {
    const host = await start();
    const reply = await request(host, { path: '/', headers: { ...authorised, Host: `evil.example:${host.port}` } });
    expect(reply.status).toBe(403);
  });

  it('trades the URL token for a strict cookie, then serves the page with its CSP', async () => {
    const host = await start();
    const login = await request(host, { path: `/?token=${TOKEN}` });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const cookie = login.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(host, { path: '/', headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.body).toContain('<title>Scholia</title>');
  });

  it('names its cookie after its port and reads no other name, since cookies ignore ports', async () => {
    const host = await start();
    const login = await request(host, { path: `/?token=${TOKEN}` });
    expect(login.headers['set-cookie']?.[0]).toMatch(new RegExp(`^${tokenCookieName(host.port)}=${TOKEN};`));
    expect(tokenCookieName(host.port)).toBe(`scholia_token_${host.port}`);
    const withCookie = (name: string) => ({ Cookie: `${name}=${TOKEN}` });
    // Another Scholia on another port (or the old fixed name) carries the right token under its own name: refused.
    for (const name of [tokenCookieName(host.port + 1), 'scholia_token']) {
      expect((await request(host, { path: '/', headers: withCookie(name) })).status, name).toBe(401);
      expect(
        (
          await request(host, {
            method: 'POST',
            path: '/api/library.list',
            headers: { ...withCookie(name), 'Content-Type': 'application/json' },
            body: '{}',
          })
        ).status,
        name,
      ).toBe(401);
    }
    expect((await request(host, { path: '/', headers: withCookie(tokenCookieName(host.port)) })).status).toBe(200);
    const api = await request(host, {
      method: 'POST',
      path: '/api/library.list',
      headers: { ...withCookie(tokenCookieName(host.port)), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(200);
  });

  it('refuses path traversal and never lists folders', async () => {
    const host = await start();
    for (const attempt of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/assets/',
      '/assets',
      '/..\\..\\etc\\passwd',
      '/%00',
    ]) {
      expect((await request(host, { path: attempt, headers: authorised })).status, attempt).toBe(404);
    }
    expect((await request(host, { path: '/assets/app.js', headers: authorised })).status).toBe(200);
  });

  it('answers API calls with the result envelope', async () => {
    const host = await start();
    const reply = await request(host, { method: 'POST', path: '/api/library.list', headers: json, body: '{}' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body);
    expect(result.ok).toBe(true);
    expect(result.value.documents).toHaveLength(1);
  });

  it('answers an internal failure with a generic message and logs the details, never sending them', async () => {
    const rendererDir = await tempDir();
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Scholia</title>');
    const failing = {
      'library.list': () => {
        throw new Error("ENOENT: no such file or directory, open '/home/analyst/Scholia/library.json'");
      },
    } as unknown as Handlers;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = await startHost({
      scholia: { dispatch: (channel: string, input: unknown) => dispatch(failing, channel, input) } as Scholia,
      rendererDir,
      token: TOKEN,
    });
    try {
      const reply = await request(host, { method: 'POST', path: '/api/library.list', headers: json, body: '{}' });
      expect(reply.status).toBe(500);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
      expect(reply.body).not.toContain('/home/analyst');
      expect(String(logged.mock.calls[0]?.[1])).toContain('/home/analyst/Scholia/library.json');
    } finally {
      logged.mockRestore();
      await host.close();
    }
  });

  it('answers malformed payloads with a validation error, and keeps serving', async () => {
    const host = await start();
    const notJson = await request(host, { method: 'POST', path: '/api/library.get', headers: json, body: '{"id": ' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const invalid = await request(host, {
      method: 'POST',
      path: '/api/annotations.apply',
      headers: json,
      body: JSON.stringify({ documentId: 5, ops: 'all' }),
    });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.message).toMatch(/documentId/);
    expect((await request(host, { method: 'POST', path: '/api/no.such', headers: json, body: '{}' })).status).toBe(404);
    expect((await request(host, { method: 'GET', path: '/api/library.list', headers: authorised })).status).toBe(405);
    expect(
      (
        await request(host, {
          method: 'POST',
          path: '/api/library.list',
          headers: { ...authorised, 'Content-Type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect((await request(host, { method: 'POST', path: '/api/library.list', headers: json, body: '{}' })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only: another loopback address finds nothing', { skip: process.platform !== 'linux' }, async () => {
    const host = await start();
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('refuses a request without a Host header', async () => {
    const host = await start();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: host.port }, () =>
        socket.end(`GET / HTTP/1.0\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it('sends no CORS headers, and refuses calls from another origin even with the token', async () => {
    const host = await start();
    const preflight = await request(host, {
      method: 'OPTIONS',
      path: '/api/library.list',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    const crossSite = await request(host, {
      method: 'POST',
      path: '/api/library.list',
      headers: { ...json, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const opaque = await request(host, { method: 'POST', path: '/api/library.list', headers: { ...json, Origin: 'null' }, body: '{}' });
    expect(opaque.status).toBe(403);
    for (const reply of [preflight, crossSite, opaque]) {
      expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    const ours = await request(host, {
      method: 'POST',
      path: '/api/library.list',
      headers: { ...json, Origin: `http://127.0.0.1:${host.port}` },
      body: '{}',
    });
    expect(ours.status).toBe(200);
  });

  it('takes the token from the URL only to set the cookie, never on an API call', async () => {
    const host = await start();
    const reply = await request(host, {
      method: 'POST',
      path: `/api/library.list?token=${TOKEN}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it('applies concurrent batches in the order each client sent them, and saves them all', async () => {
    const host = await start();
    const listed = JSON.parse((await request(host, { method: 'POST', path: '/api/library.list', headers: json, body: '{}' })).body);
    const documentId = listed.value.documents[0].id;
    const got = JSON.parse(
      (await request(host, { method: 'POST', path: '/api/library.get', headers: json, body: JSON.stringify({ id: documentId }) })).body,
    );
    const text: string = got.value.document.text;
    await Promise.all(
      Array.from({ length: 5 }, async (_, client) => {
        for (let batch = 0; batch < 8; batch += 1) {
          const ops = [addNote(text, `c${client}-b${batch}`, client * 100 + batch * 7)];
          const reply = await request(host, {
            method: 'POST',
            path: '/api/annotations.apply',
            headers: json,
            body: JSON.stringify({ documentId, ops }),
          });
          expect(reply.status).toBe(200);
        }
      }),
    );
    await running?.scholia.close();
    const saved = DocumentFile.parse(
      JSON.parse(await readFile(path.join(String(running?.scholia.libraryDir), 'documents', `${documentId}.json`), 'utf8')),
    ).document;
    expect(saved.revision).toBe(40);
    for (let client = 0; client < 5; client += 1) {
      expect(saved.annotations.map((a) => a.id).filter((id) => id.startsWith(`c${client}-`))).toEqual(
        Array.from({ length: 8 }, (_, batch) => `c${client}-b${batch}`),
      );
    }
  });

  it('refuses an oversized body', async () => {
    const host = await start();
    const declared = await request(host, {
      method: 'POST',
      path: '/api/library.importText',
      headers: { ...json, 'Content-Length': String(MAX_BODY_BYTES + 1) },
    });
    expect(declared.status).toBe(413);
    const streamed = await request(host, {
      method: 'POST',
      path: '/api/library.importText',
      headers: json,
      body: Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20),
    });
    expect(streamed.status).toBe(413);
    expect((await request(host, { method: 'POST', path: '/api/library.list', headers: json, body: '{}' })).status).toBe(200);
  });
});
