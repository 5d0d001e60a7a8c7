import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Maps a request path to a file inside `root`, or null when it would leave the root, names a
 * folder, or is malformed. `/` is the page itself.
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/u, '');
  if (relative.split('/').some((part) => part === '..' || part === '.')) return null;
  const resolved = path.resolve(root, relative);
  return resolved.startsWith(root + path.sep) ? resolved : null;
}

/** The file's bytes, or null when there is no regular file there (folders are never listed). */
export async function readStaticFile(file: string): Promise<Buffer | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return readFile(file);
}
