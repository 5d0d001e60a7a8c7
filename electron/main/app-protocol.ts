// The app:// scheme: serves the renderer build, and nothing else, with the renderer's CSP.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { RENDERER_CSP } from '../../shared/security/csp.ts';
import { contentTypeOf } from '../services/content-types.ts';
import { APP_SCHEME, resolveAppRequest } from './policy.ts';

/** Headers every answer of the scheme carries. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/**
 * Makes app:// a standard, secure scheme (an origin of its own, a secure context, fetch allowed). Must
 * run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Answers app:// requests of the default session from `rendererRoot`; anything refused or missing is a 404. */
export function serveAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => answer(rendererRoot, request));
}

async function answer(rendererRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }
  const file = resolveAppRequest(rendererRoot, request.url);
  if (file === null) return plain(404, 'Not Found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not Found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' },
  });
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}
