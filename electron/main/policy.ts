// The security decisions of the Electron layer as pure functions, so that each refusal is unit-tested without Electron.
import path from 'node:path';

/** The privileged custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host of that scheme; together they make the app's origin. */
export const APP_HOST = 'scholia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MAX_URL_LENGTH = 8192;

/** Whether an IPC message comes from our own page: the main frame of a document served from `app://scholia`. */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean): boolean {
  if (!isMainFrame || typeof frameUrl !== 'string') return false;
  const url = parseUrl(frameUrl);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** Whether a link may be handed to the system browser: a valid http(s) URL with a host and no credentials in it. */
export function shouldOpenExternally(rawUrl: unknown): boolean {
  if (typeof rawUrl !== 'string' || rawUrl.length > MAX_URL_LENGTH) return false;
  const url = parseUrl(rawUrl);
  return (
    url !== null &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** The path part of an `app://scholia` URL, taken from the raw text: no user info, no port, nothing but our host. */
const APP_URL = /^app:\/\/scholia(\/[^?#]*)?(?:[?#].*)?$/s;

/**
 * The file an `app://scholia/...` request asks for: an absolute path inside `rendererRoot`, or null for
 * anything else. `/` is the index page. Refused: other schemes and hosts, user info, ports, `.` and `..`
 * segments (plain or percent-encoded), encoded slashes and backslashes, backslashes, NUL, colons, empty
 * segments, control characters and hidden files. The path is read from the raw URL, before any URL parser resolves `..`.
 */
export function resolveAppRequest(rendererRoot: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return null;
  const match = APP_URL.exec(requestUrl);
  if (!match || parseUrl(requestUrl) === null) return null;
  const rawPath = match[1] ?? '/';
  if (rawPath === '/') return path.join(rendererRoot, 'index.html');

  const segments: string[] = [];
  for (const rawSegment of rawPath.slice(1).split('/')) {
    const segment = decodeSegment(rawSegment);
    if (segment === null || !isPlainSegment(segment)) return null;
    segments.push(segment);
  }

  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

function decodeSegment(rawSegment: string): string | null {
  if (rawSegment.includes('\\')) return null;
  try {
    return decodeURIComponent(rawSegment);
  } catch {
    return null;
  }
}

/** A file or folder name with nothing that could leave the folder or mean something special to a file system. */
function isPlainSegment(segment: string): boolean {
  if (segment === '' || segment.startsWith('.')) return false;
  for (const char of segment) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '/' || char === '\\' || char === ':') return false;
  }
  return true;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
