import { JSDOM, VirtualConsole } from 'jsdom';
import { assertNestingDepth } from './nesting-depth.ts';

/**
 * Parses an HTML page with jsdom, as an inert document: no script runs and nothing is fetched
 * (jsdom's defaults, kept explicit), and parse warnings stay quiet. Bytes that are valid UTF-8 are read
 * as UTF-8 (what pages saved today are, declared or not); others by the page's own charset (BOM,
 * `<meta charset>`, the given content type, else windows-1252 as browsers do). Markup nested deeper
 * than `MAX_NESTING_DEPTH` is refused before jsdom sees it.
 */
export function parseHtmlPage(source: Uint8Array | string, options: { url?: string; contentType?: string } = {}): JSDOM {
  const html = typeof source === 'string' ? source : (utf8Text(source) ?? Buffer.from(source.buffer, source.byteOffset, source.byteLength));
  assertNestingDepth(html);
  return new JSDOM(html, {
    ...(options.url ? { url: options.url } : {}),
    contentType: options.contentType ?? 'text/html',
    runScripts: undefined,
    resources: undefined,
    virtualConsole: new VirtualConsole(),
  });
}

function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
