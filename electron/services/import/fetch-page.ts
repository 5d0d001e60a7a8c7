import { isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { formatSize } from '../../../shared/import/import-formats.ts';
import { isPublicAddress } from './address-policy.ts';
import { guardedLookup, RefusedAddressError, systemResolver, type AddressRule, type Resolver } from './guarded-lookup.ts';

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
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ScholiaError('bad-request', `Only http and https addresses can be imported, not ${url.protocol.slice(0, -1)}.`);
  return url;
}

/** How host names resolve, and which addresses a page may come from. */
export interface Network {
  resolve: Resolver;
  permits: AddressRule;
}

export interface FetchOptions {
  limits?: FetchLimits;
  /** Whether pages may come from loopback, private, link-local and other non-public addresses (off by default). */
  allowPrivateNetwork?: boolean;
  /** Stands in for DNS and the address rule (tests play the internet with it); `allowPrivateNetwork` is then not read. */
  network?: Network;
}

/** What the analyst reads for any failure to connect: nothing tells an open port from a closed one, or echoes an address. */
export const FETCH_FAILED = 'Scholia could not fetch this address.';
export const PRIVATE_NETWORK_REFUSED = `${FETCH_FAILED} It is on a private network, and imports from private network addresses are off: allow them in Settings (or with --allow-private-network on the command line) if this page is on your organisation's network.`;

/** The network of an import: the system's resolver, and public addresses only unless private ones are allowed. */
export function networkFor(allowPrivateNetwork: boolean): Network {
  return { resolve: systemResolver, permits: allowPrivateNetwork ? () => true : isPublicAddress };
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 8; current = current instanceof Error ? current.cause : undefined)
    chain.push(current);
  return chain;
}

function unreachable(error: unknown): ScholiaError {
  const chain = causes(error);
  if (chain.some((cause) => cause instanceof RefusedAddressError)) return new ScholiaError('forbidden', PRIVATE_NETWORK_REFUSED);
  if (chain.some((cause) => cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'))) {
    return new ScholiaError('not-found', `${FETCH_FAILED} No answer came in time; try again later.`);
  }
  return new ScholiaError('not-found', FETCH_FAILED);
}

/** Refuses a host written as an IP address before connecting (sockets do not look such hosts up); names are checked as they resolve. */
function assertAddressPermitted(url: URL, permits: AddressRule): void {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) !== 0 && !permits(host)) throw new ScholiaError('forbidden', PRIVATE_NETWORK_REFUSED);
}

async function readBounded(response: Response, limits: FetchLimits, url: URL): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    new ScholiaError('unsupported-file', `The page at ${url.host} is larger than ${formatSize(limits.maxBytes)}; it was not imported.`);
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
 * Unless private networks are allowed, every hop must be a public address: IP hosts are checked as
 * written, names as they resolve, and the socket connects to the very addresses that were checked.
 * Every refusal says why in words an analyst can act on.
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const limits = options.limits ?? DEFAULT_FETCH_LIMITS;
  const network = options.network ?? networkFor(options.allowPrivateNetwork === true);
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(network.resolve, network.permits) } });
  try {
    return await fetchThrough(dispatcher, parseArticleUrl(address), address, limits, network.permits);
  } finally {
    await dispatcher.destroy();
  }
}

async function fetchThrough(
  dispatcher: Agent,
  first: URL,
  address: string,
  limits: FetchLimits,
  permits: AddressRule,
): Promise<FetchedPage> {
  let url = first;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let redirects = 0; ; redirects += 1) {
    assertAddressPermitted(url, permits);
    let response: Response;
    try {
      response = await fetch(url, {
        dispatcher,
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Scholia (article import)' },
      });
    } catch (error) {
      throw unreachable(error);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (redirects >= limits.maxRedirects)
        throw new ScholiaError('not-found', `${address} redirects more than ${limits.maxRedirects} times; it was not imported.`);
      url = parseArticleUrl(new URL(response.headers.get('location') ?? '', url).href);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ScholiaError(
        'not-found',
        `${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: there is no page to import.`,
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!HTML_TYPES.includes(mediaType)) {
      await response.body?.cancel();
      throw new ScholiaError(
        'unsupported-file',
        `${url.href} is not a web page (it is ${mediaType || 'of no stated type'}). Download the file and import it instead.`,
      );
    }
    try {
      return { bytes: await readBounded(response, limits, url), contentType, url: url.href };
    } catch (error) {
      throw error instanceof ScholiaError ? error : unreachable(error);
    }
  }
}
