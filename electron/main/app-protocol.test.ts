import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../shared/security/csp.ts';

const electron = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => electron.handlers.set(scheme, handler),
  },
}));

const { registerAppScheme, serveAppScheme } = await import('./app-protocol.ts');

let root: string;
let outside: string;
const fetchApp = (url: string, init?: RequestInit) => {
  const handler = electron.handlers.get('app');
  if (!handler) throw new Error('app:// is not handled');
  return handler(new Request(url, init));
};

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'scholia-protocol-'));
  root = path.join(outside, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Scholia</title>');
  await writeFile(path.join(root, 'assets', 'index-1.js'), 'console.log(1)');
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  serveAppScheme(root);
});

afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme that supports fetch', () => {
    registerAppScheme();
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves index.html with the renderer CSP and nosniff', async () => {
    const response = await fetchApp('app://scholia/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Scholia</title>');
  });

  it('serves / as index.html and scripts as JavaScript', async () => {
    expect(await (await fetchApp('app://scholia/')).text()).toContain('<title>Scholia</title>');
    const script = await fetchApp('app://scholia/assets/index-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it.each([
    'app://scholia/missing.js',
    'app://scholia/assets',
    'app://other/index.html',
    'app://scholia/..%2fsecret.txt',
    'app://scholia/assets/..%5c..%5csecret.txt',
  ])('answers %s with a 404 that still carries the CSP', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers only GET and HEAD', async () => {
    expect((await fetchApp('app://scholia/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await fetchApp('app://scholia/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
