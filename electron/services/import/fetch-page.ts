import { ScholiaError } from '../../../shared/contract/errors.ts';
import { formatSize } from '../../../shared/import/import-formats.ts';

export interface FetchLimits {
  /** The most bytes read from a page. */
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 16 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

export interface FetchedPage {
  bytes: Uint8Array;
  contentType: string;
  /** Where the page was found, after redirects. */
  url: string;
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/** The URL an analyst typed, if it is http(s); `example.org/x` is taken as https. */
export function parseArticleUrl(input: string): URL {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/iu.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new ScholiaError('bad-request', `“${trimmed}” is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ScholiaError('bad-request', `Only http and https addresses can be imported, not ${url.protocol.slice(0, -1)}.`);
  return url;
}

function unreachable(url: URL, error: unknown): ScholiaError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ScholiaError('not-found', `${url.host} did not answer in time; try again later.`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: string } | undefined)?.code;
  const why = code === 'ECONNREFUSED' ? 'the connection was refused' : code === 'ENOTFOUND' ? 'no such host' : (cause?.message ?? (error instanceof Error ? error.message : String(error)));
  return new ScholiaError('not-found', `${url.host} could not be reached: ${why}.`);
}

async function readBounded(response: Response, limits: FetchLimits, url: URL): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooLarge = () => new ScholiaError('unsupported-file', `The page at ${url.host} is larger than ${formatSize(limits.maxBytes)}; it was not imported.`);
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a web page for import: http(s) only at every hop, at most `maxRedirects` redirects, one
 * deadline for the whole fetch, the body read up to `maxBytes`, and only an HTML answer accepted.
 * Every refusal says why in words an analyst can act on.
 */
export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchedPage> {
  let url = parseArticleUrl(address);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let redirects = 0; ; redirects += 1) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Scholia (article import)' } });
    } catch (error) {
      throw unreachable(url, error);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (redirects >= limits.maxRedirects) throw new ScholiaError('not-found', `${address} redirects more than ${limits.maxRedirects} times; it was not imported.`);
      url = parseArticleUrl(new URL(response.headers.get('location') ?? '', url).href);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ScholiaError('not-found', `${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: there is no page to import.`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!HTML_TYPES.includes(mediaType)) {
      await response.body?.cancel();
      throw new ScholiaError('unsupported-file', `${url.href} is not a web page (it is ${mediaType || 'of no stated type'}). Download the file and import it instead.`);
    }
    try {
      return { bytes: await readBounded(response, limits, url), contentType, url: url.href };
    } catch (error) {
      throw error instanceof ScholiaError ? error : unreachable(url, error);
    }
  }
}
