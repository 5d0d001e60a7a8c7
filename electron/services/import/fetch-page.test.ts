import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-policy.ts';
import { FETCH_FAILED, fetchPage, PRIVATE_NETWORK_REFUSED, type Network } from './fetch-page.ts';
import { systemResolver } from './guarded-lookup.ts';
import { closedPort, startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';

const INTERNAL_PAGE = '<!doctype html><title>Internal wiki</title><p>Salaries of the newsroom, for the eyes of the board only.</p>';
const PUBLIC_PAGE = '<!doctype html><title>Public news</title><p>The council met on Thursday.</p>';
const LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 5000, maxRedirects: 5 };
const REFUSED = { code: 'forbidden', message: PRIVATE_NETWORK_REFUSED };

/** Every way of writing an address on this computer that a URL can carry, at a port. */
function loopbackForms(port: number): string[] {
  return [
    `http://127.0.0.1:${port}/wiki`,
    `http://2130706433:${port}/wiki`,
    `http://0x7f000001:${port}/wiki`,
    `http://0x7f.1:${port}/wiki`,
    `http://0177.0.0.1:${port}/wiki`,
    `http://127.1:${port}/wiki`,
    `http://127.0.0.1.:${port}/wiki`,
    `http://localhost:${port}/wiki`,
    `http://LocalHost:${port}/wiki`,
    `http://0.0.0.0:${port}/wiki`,
    `http://[::1]:${port}/wiki`,
    `http://[::]:${port}/wiki`,
    `http://[::ffff:127.0.0.1]:${port}/wiki`,
    `http://[::ffff:7f00:1]:${port}/wiki`,
    `http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/wiki`,
  ];
}

/**
 * A stand-in for the internet: `news.example` answers from 127.0.0.2, an address the test treats
 * as public; every other address is judged by the real rule, and other names resolve as usual.
 */
function testNetwork(answers: (hostname: string, call: number) => LookupAddress[] | undefined): Network & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    resolve: async (hostname) => {
      calls.push(hostname);
      return answers(hostname, calls.filter((name) => name === hostname).length) ?? systemResolver(hostname);
    },
    permits: (address) => address === '127.0.0.2' || isPublicAddress(address),
  };
}

describe('fetching from the private network', () => {
  let internal: FixtureServer;
  let internalV6: FixtureServer | undefined;
  beforeAll(async () => {
    internal = await startFixtureServer({ '/wiki': { body: INTERNAL_PAGE } });
    // The same page on IPv6 loopback, at the same port, where the system has IPv6.
    internalV6 = await startFixtureServer({ '/wiki': { body: INTERNAL_PAGE } }, { host: '::1', port: internal.port }).catch(
      () => undefined,
    );
  });
  afterAll(async () => {
    await internal.close();
    await internalV6?.close();
  });
  const requestsReceived = () => internal.requests.length + (internalV6?.requests.length ?? 0);

  it('refuses every form of a loopback address with the generic message, and nothing is ever asked of the server', async () => {
    for (const url of loopbackForms(internal.port)) {
      await expect(fetchPage(url, { limits: LIMITS }), url).rejects.toMatchObject(REFUSED);
    }
    expect(requestsReceived()).toBe(0);
  });

  it('refuses a page whose name resolves to a private address, with a message that names neither the address nor the port', async () => {
    const network = testNetwork((hostname) => (hostname === 'intranet.example' ? [{ address: '127.0.0.1', family: 4 }] : undefined));
    const refusal = fetchPage(`http://intranet.example:${internal.port}/wiki`, { limits: LIMITS, network });
    await expect(refusal).rejects.toMatchObject(REFUSED);
    await refusal.catch((error: Error) => {
      expect(error.message).not.toContain('127.0.0.1');
      expect(error.message).not.toContain(String(internal.port));
      expect(error.message).toMatch(/^Scholia could not fetch this address\. .*allow them in Settings \(or with --allow-private-network/u);
    });
    expect(requestsReceived()).toBe(0);
  });

  it('imports every form when private networks are allowed', async () => {
    let fetched = 0;
    for (const url of loopbackForms(internal.port)) {
      if (url.includes('[::1]') && !internalV6) continue; // no IPv6 loopback on this system: nothing listens there
      const page = await fetchPage(url, { limits: LIMITS, allowPrivateNetwork: true });
      expect(new TextDecoder().decode(page.bytes), url).toBe(INTERNAL_PAGE);
      fetched += 1;
    }
    expect(fetched).toBeGreaterThanOrEqual(loopbackForms(0).length - 1);
    expect(requestsReceived()).toBe(fetched);
  });

  it('says the same thing for a closed port as for a name that does not exist, even when allowed', async () => {
    const closed = fetchPage(`http://127.0.0.1:${await closedPort()}/wiki`, { limits: LIMITS, allowPrivateNetwork: true });
    await expect(closed).rejects.toMatchObject({ code: 'not-found', message: FETCH_FAILED });
    const unknown = fetchPage('http://no-such-host.invalid/wiki', { limits: LIMITS, allowPrivateNetwork: true });
    await expect(unknown).rejects.toMatchObject({ code: 'not-found', message: FETCH_FAILED });
  });
});

// 127.0.0.2 plays the public internet; only Linux answers on all of 127.0.0.0/8 without configuration.
describe.runIf(process.platform === 'linux')('redirects and DNS answers that lead to the private network', () => {
  let internal: FixtureServer;
  let site: FixtureServer;
  const refusedTargets = (port: number) => [
    `http://127.0.0.1:${port}/wiki`,
    `http://localhost:${port}/wiki`,
    `http://2130706433:${port}/wiki`,
    `http://0x7f.1:${port}/wiki`,
    `http://[::1]:${port}/wiki`,
    `http://[::ffff:127.0.0.1]:${port}/wiki`,
    `http://169.254.169.254/latest/meta-data/`,
  ];
  beforeAll(async () => {
    internal = await startFixtureServer({ '/wiki': { body: INTERNAL_PAGE } });
    const redirects = Object.fromEntries(
      refusedTargets(internal.port).map((target, index) => [`/go/${index}`, { redirect: target, status: 302 }]),
    );
    // The public site listens on the same port as the internal one, so only the address tells them apart.
    site = await startFixtureServer(
      { '/news': { body: PUBLIC_PAGE }, '/moved': { redirect: '/news', status: 301 }, ...redirects },
      { host: '127.0.0.2', port: internal.port },
    );
  });
  afterAll(async () => {
    await internal.close();
    await site.close();
  });
  const publicName = (hostname: string) => (hostname === 'news.example' ? [{ address: '127.0.0.2', family: 4 }] : undefined);

  it('fetches from the stand-in public site, following its own redirects', async () => {
    const page = await fetchPage(`http://news.example:${site.port}/moved`, { limits: LIMITS, network: testNetwork(publicName) });
    expect(page.url).toBe(`http://news.example:${site.port}/news`);
    expect(new TextDecoder().decode(page.bytes)).toBe(PUBLIC_PAGE);
  });

  it('refuses a 302 from a public site to any private address, at that hop', async () => {
    const before = site.requests.length;
    for (const [index, target] of refusedTargets(internal.port).entries()) {
      await expect(
        fetchPage(`http://news.example:${site.port}/go/${index}`, { limits: LIMITS, network: testNetwork(publicName) }),
        target,
      ).rejects.toMatchObject(REFUSED);
    }
    expect(site.requests.length - before).toBe(refusedTargets(0).length);
    expect(internal.requests).toEqual([]);
  });

  it('connects to the address it checked: a DNS answer that turns private after the check never reaches the private address', async () => {
    // The first answer is public; every later one points at the internal server (DNS rebinding).
    const network = testNetwork((hostname, call) =>
      hostname === 'news.example' ? [{ address: call === 1 ? '127.0.0.2' : '127.0.0.1', family: 4 }] : undefined,
    );
    const page = await fetchPage(`http://news.example:${site.port}/news`, { limits: LIMITS, network });
    expect(new TextDecoder().decode(page.bytes)).toBe(PUBLIC_PAGE);
    expect(internal.requests).toEqual([]);
    expect(network.calls.filter((name) => name === 'news.example')).toHaveLength(1);
  });

  it('refuses a name with any private address among its answers', async () => {
    const network = testNetwork((hostname) =>
      hostname === 'news.example'
        ? [
            { address: '127.0.0.2', family: 4 },
            { address: '127.0.0.1', family: 4 },
          ]
        : undefined,
    );
    await expect(fetchPage(`http://news.example:${site.port}/news`, { limits: LIMITS, network })).rejects.toMatchObject(REFUSED);
    expect(internal.requests).toEqual([]);
  });
});
