import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ApiResult } from '../../../shared/contract/errors.ts';
import type { ClaimAnnotation } from '../../../shared/model/annotation.ts';
import { isPublicAddress } from '../import/address-policy.ts';
import { PRIVATE_NETWORK_REFUSED, type Network } from '../import/fetch-page.ts';
import { systemResolver } from '../import/guarded-lookup.ts';
import { startFixtureServer, type FixtureServer } from '../import/testing/fixture-server.ts';
import { openScholia, type Scholia, type ScholiaOptions } from '../open-scholia.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { articleWithSourcedClaim, valueOf } from '../testing/library-fixtures.ts';
import { SNAPSHOT_CHANGED } from './snapshot-file.ts';

const SOURCE_PAGE = `<!doctype html><html><head><title>Consumer prices, March</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Consumer prices, March</h1>
<p>Prices rose by 2.1 per cent in the year to March.</p><script>alert('x')</script>
<p onclick="steal()">Food prices rose by 4.0 per cent.</p></article></body></html>`;
const LIMITS = { maxBytes: 64 * 1024, timeoutMs: 1500, maxRedirects: 5 };
const tempDir = useTempDirs();

let site: FixtureServer;
/** A server that accepts connections and never answers. */
let silent: net.Server;
let silentPort = 0;
const silentSockets = new Set<net.Socket>();
beforeAll(async () => {
  site = await startFixtureServer({
    '/stats': { body: SOURCE_PAGE },
    '/huge': { body: `<!doctype html><p>${'x'.repeat(200 * 1024)}</p>` },
    '/moved-home': { redirect: '/stats', status: 302 },
  });
  silent = net.createServer((socket) => {
    silentSockets.add(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await site.close();
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

/** A library whose only article has one claim with one source at `url`. */
async function libraryWithSource(
  url: string,
  options: Partial<ScholiaOptions> = {},
): Promise<{
  scholia: Scholia;
  libraryDir: string;
  documentId: string;
  ref: { documentId: string; annotationId: string; evidenceIndex: number };
}> {
  const libraryDir = await tempDir();
  const scholia = await openScholia({
    libraryDir,
    debounceMs: 5,
    allowPrivateNetwork: true,
    snapshotFetch: { limits: LIMITS },
    ...options,
  });
  const id = await articleWithSourcedClaim(scholia, url);
  return { scholia, libraryDir, documentId: id, ref: { documentId: id, annotationId: 'c1', evidenceIndex: 0 } };
}

async function sourceOf(scholia: Scholia, documentId: string) {
  const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id: documentId }));
  return { revision: document.revision, source: (document.annotations[0] as ClaimAnnotation).evidence?.[0] };
}

async function filesIn(libraryDir: string): Promise<string[]> {
  return (await readdir(path.join(libraryDir, 'evidence')).catch(() => [] as string[])).sort();
}

function errorOf(result: ApiResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('archiving a source', () => {
  it('stores the sanitised page under evidence/ with the SHA-256 of its bytes, records it as one revision, and opens it', async () => {
    const { scholia, libraryDir, documentId, ref } = await libraryWithSource(`${site.origin}/moved-home`);
    const before = await sourceOf(scholia, documentId);
    const archived = valueOf<ChannelOutput<'evidence.archive'>>(await scholia.dispatch('evidence.archive', ref));
    expect(archived.revision).toBe(before.revision + 1);
    expect(archived.archive).toMatchObject({ finalUrl: `${site.origin}/stats`, contentType: 'text/html; charset=utf-8' });
    expect(await filesIn(libraryDir)).toEqual([`${archived.archive.id}.json`]);
    const bytes = await readFile(path.join(libraryDir, 'evidence', `${archived.archive.id}.json`));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(archived.archive.sha256);
    expect(bytes.byteLength).toBe(archived.archive.size);
    // The stored page is the reader's sanitised text: no script, no handler, no navigation.
    const stored = bytes.toString('utf8');
    expect(stored).toContain('Prices rose by 2.1 per cent');
    expect(stored).not.toMatch(/alert|steal|onclick|<script/u);

    const after = await sourceOf(scholia, documentId);
    expect(after.source).toMatchObject({
      type: 'official-data',
      accessed: archived.archive.fetched.slice(0, 10),
      archive: archived.archive,
    });
    const view = valueOf<ChannelOutput<'evidence.openSnapshot'>>(await scholia.dispatch('evidence.openSnapshot', ref));
    expect(view).toMatchObject({ url: `${site.origin}/moved-home`, title: 'Consumer prices, March', archive: archived.archive });
    expect(view.text).toContain('Food prices rose by 4.0 per cent.');
    await scholia.close();

    // Reopened from disk, the record and the snapshot are still there and still match.
    const again = await openScholia({ libraryDir });
    expect(valueOf<ChannelOutput<'evidence.openSnapshot'>>(await again.dispatch('evidence.openSnapshot', ref)).archive).toEqual(
      archived.archive,
    );
    await again.close();
  });

  it('is cited by the report beside the live link, in HTML, Markdown and Word', async () => {
    const { scholia, documentId, ref } = await libraryWithSource(`${site.origin}/stats`);
    const { archive } = valueOf<ChannelOutput<'evidence.archive'>>(await scholia.dispatch('evidence.archive', ref));
    const citation = `archived ${archive.fetched.slice(0, 10)}, SHA-256 ${archive.sha256.slice(0, 8)}`;
    const render = async (format: 'html' | 'md' | 'docx') =>
      Buffer.from(
        valueOf<ChannelOutput<'export.render'>>(await scholia.dispatch('export.render', { documentId, format })).base64,
        'base64',
      );
    const html = (await render('html')).toString('utf8');
    expect(html).toContain(`<a href="${site.origin}/stats"`);
    // The source's type and access day come first, then the snapshot.
    expect(html).toMatch(
      new RegExp(
        `<span class="evidence-details">\\([^<]*<span class="evidence-facts">[^<]+</span>; <span class="archived" title="SHA-256 ${archive.sha256}">${citation}</span>\\)</span>`,
        'u',
      ),
    );
    expect((await render('md')).toString('utf8')).toMatch(
      new RegExp(`\\(<${site.origin}/stats>\\) \\([^)]*accessed \\d{4}-\\d{2}-\\d{2}; ${citation}\\)`, 'u'),
    );
    const docx = strFromU8(unzipSync(new Uint8Array(await render('docx')))['word/document.xml'] as Uint8Array);
    expect(docx).toContain(`; ${citation})`);
    await scholia.close();
  });

  it('shows a snapshot changed on disk as a mismatch, never its content', async () => {
    const { scholia, libraryDir, ref } = await libraryWithSource(`${site.origin}/stats`);
    const { archive } = valueOf<ChannelOutput<'evidence.archive'>>(await scholia.dispatch('evidence.archive', ref));
    const file = path.join(libraryDir, 'evidence', `${archive.id}.json`);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('2.1 per cent', '9.9 per cent'));
    expect(errorOf(await scholia.dispatch('evidence.openSnapshot', ref))).toEqual({ code: 'conflict', message: SNAPSHOT_CHANGED });
    await writeFile(file, original);
    await appendFile(file, ' ');
    expect(errorOf(await scholia.dispatch('evidence.openSnapshot', ref)).code).toBe('conflict');
    await writeFile(file, original);
    expect((await scholia.dispatch('evidence.openSnapshot', ref)).ok).toBe(true);
    await scholia.close();
  });

  describe('refuses bad sources, storing nothing and leaving the revision where it was', () => {
    async function refused(url: string, options: Partial<ScholiaOptions> = {}) {
      const { scholia, libraryDir, documentId, ref } = await libraryWithSource(url, options);
      const before = await sourceOf(scholia, documentId);
      const started = Date.now();
      const error = errorOf(await scholia.dispatch('evidence.archive', ref));
      const elapsed = Date.now() - started;
      expect(await sourceOf(scholia, documentId)).toEqual(before);
      expect(await filesIn(libraryDir)).toEqual([]);
      await scholia.close();
      return { ...error, elapsed };
    }

    it('a server that accepts and never answers, within the time limit', async () => {
      const error = await refused(`http://127.0.0.1:${silentPort}/slow`);
      expect(error).toMatchObject({
        code: 'not-found',
        message: 'Scholia could not fetch this address. No answer came in time; try again later.',
      });
      expect(error.elapsed).toBeLessThan(LIMITS.timeoutMs + 1500);
    });

    it('a body over the size limit', async () => {
      const error = await refused(`${site.origin}/huge`);
      expect(error).toMatchObject({
        code: 'unsupported-file',
        message: 'The page at 127.0.0.1:' + String(site.port) + ' is larger than 64 KB; it was not imported.',
      });
    });

    it('a redirect from a public site to a private address, with private addresses off', async () => {
      const internal = await startFixtureServer({ '/wiki': { body: SOURCE_PAGE } });
      const publicSite = await startFixtureServer(
        { '/go': { redirect: `http://10.0.0.7:${internal.port}/wiki` }, '/home': { redirect: `http://127.0.0.1:${internal.port}/wiki` } },
        { host: '127.0.0.2', port: internal.port },
      );
      // news.example stands for a public site (it answers from 127.0.0.2); every other address is judged by the real rule.
      const network: Network = {
        resolve: async (hostname) => (hostname === 'news.example' ? [{ address: '127.0.0.2', family: 4 }] : systemResolver(hostname)),
        permits: (address) => address === '127.0.0.2' || isPublicAddress(address),
      };
      try {
        for (const hop of ['go', 'home']) {
          const error = await refused(`http://news.example:${publicSite.port}/${hop}`, {
            allowPrivateNetwork: false,
            snapshotFetch: { limits: LIMITS, network },
          });
          expect(error).toMatchObject({ code: 'forbidden', message: PRIVATE_NETWORK_REFUSED });
        }
        expect(internal.requests).toEqual([]);
      } finally {
        await publicSite.close();
        await internal.close();
      }
    });

    it('a private address itself, with private addresses off', async () => {
      const error = await refused(`${site.origin}/stats`, { allowPrivateNetwork: false });
      expect(error).toMatchObject({ code: 'forbidden', message: PRIVATE_NETWORK_REFUSED });
    });

    it('a source that does not exist', async () => {
      const { scholia, libraryDir, ref } = await libraryWithSource(`${site.origin}/stats`);
      expect(errorOf(await scholia.dispatch('evidence.archive', { ...ref, evidenceIndex: 3 }))).toMatchObject({ code: 'not-found' });
      expect(errorOf(await scholia.dispatch('evidence.archive', { ...ref, annotationId: 'nope' }))).toMatchObject({ code: 'not-found' });
      expect(errorOf(await scholia.dispatch('evidence.openSnapshot', ref))).toMatchObject({
        code: 'not-found',
        message: 'This source has no archived snapshot yet.',
      });
      expect(await filesIn(libraryDir)).toEqual([]);
      await scholia.close();
    });
  });
});

describe('attaching a local file', () => {
  it('records its path, SHA-256 and size, and later tells whether it still matches', async () => {
    const { scholia, documentId, ref } = await libraryWithSource(`${site.origin}/stats`);
    const folder = await tempDir();
    const file = path.join(folder, 'scan.pdf');
    await writeFile(file, '%PDF-1.4 the ministry letter');
    const before = await sourceOf(scholia, documentId);
    const attached = valueOf<ChannelOutput<'evidence.attachFile'>>(await scholia.dispatch('evidence.attachFile', { ...ref, path: file }));
    expect(attached.revision).toBe(before.revision + 1);
    expect(attached.file).toMatchObject({ path: file, size: 28 });
    expect(attached.file.sha256).toBe(createHash('sha256').update('%PDF-1.4 the ministry letter').digest('hex'));
    expect((await sourceOf(scholia, documentId)).source?.file).toEqual(attached.file);

    const check = async () => valueOf<ChannelOutput<'evidence.checkFile'>>(await scholia.dispatch('evidence.checkFile', ref));
    expect(await check()).toMatchObject({ state: 'matches' });
    await writeFile(file, '%PDF-1.4 the ministry letter, edited');
    expect(await check()).toMatchObject({
      state: 'changed',
      message: `The file at ${file} changed since it was attached (its SHA-256 no longer matches).`,
    });
    await unlink(file);
    expect(await check()).toMatchObject({ state: 'missing' });

    const revision = (await sourceOf(scholia, documentId)).revision;
    expect(errorOf(await scholia.dispatch('evidence.attachFile', { ...ref, path: file }))).toMatchObject({ code: 'not-found' });
    expect(errorOf(await scholia.dispatch('evidence.attachFile', { ...ref, path: 'relative/scan.pdf' }))).toMatchObject({
      code: 'bad-request',
    });
    expect(errorOf(await scholia.dispatch('evidence.attachFile', { ...ref, path: folder }))).toMatchObject({ code: 'bad-request' });
    expect((await sourceOf(scholia, documentId)).revision).toBe(revision);
    await scholia.close();
  });
});
