import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ReaderNode } from '../../../shared/model/content.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { folderSnapshot } from '../testing/folder-snapshot.ts';
import { valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { FETCH_FAILED, fetchPage, PRIVATE_NETWORK_REFUSED } from './fetch-page.ts';
import { closedPort, startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';
import { articlePdf, imageOnlyPdf } from './testing/pdf-fixtures.ts';

const tempDir = useTempDirs();
const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url));
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

async function library(): Promise<{ scholia: Scholia; dir: string }> {
  const dir = await tempDir();
  const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
  valueOf(await scholia.dispatch('library.importText', { text: 'A first article, already in the library.', filename: 'first.txt' }));
  await scholia.flush();
  return { scholia, dir };
}

function linkTargets(node: ReaderNode): string[] {
  const own = node.type === 'text' ? (node.marks ?? []).flatMap((mark) => (mark.type === 'link' ? [mark.attrs.href] : [])) : [];
  return [...own, ...('content' in node && node.content ? node.content.flatMap(linkTargets) : [])];
}

describe('a page full of hostile markup', () => {
  it('is stored with nothing executable: no script, handler, frame, SVG, style or script link, on disk', async () => {
    const { scholia, dir } = await library();
    const result = valueOf<ChannelOutput<'library.importFile'>>(
      await scholia.dispatch('library.importFile', { filename: 'hostile.html', base64: base64(fixture('hostile.html')) }),
    );
    await scholia.close();
    const stored = await readFile(path.join(dir, 'documents', `${result.id}.json`), 'utf8');
    for (const forbidden of [
      /<script/iu,
      /javascript:/iu,
      /vbscript:/iu,
      /data:text/iu,
      /\bon[a-z]+=/iu,
      /alert\(/iu,
      /<iframe/iu,
      /<svg/iu,
      /srcdoc/iu,
      /expression\(/iu,
      /<style/iu,
      /<object|<embed/iu,
      /injected by script/iu,
      /noscript fallback|template content/iu,
    ]) {
      expect(stored).not.toMatch(forbidden);
    }
    const { document } = JSON.parse(stored) as { document: { text: string; content: ReaderNode } };
    expect(document.text).toContain('The district council voted on Thursday to publish every payment over £250');
    expect(document.text).toContain('Read the motion, the minutes, the annex and the vote.');
    expect(linkTargets(document.content)).toEqual(['https://valley.example/spending', 'mailto:newsdesk@valley.example']);
  });
});

describe('bad input', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({
      '/article': { body: fixture('harbour-news.html') },
      '/data.json': { type: 'application/json', body: '{"not":"a page"}' },
      '/loop': { redirect: '/loop' },
      '/big': { body: `<!doctype html><p>${'x'.repeat(4096)}</p>` },
      '/slow': { body: '<p>late</p>', delayMs: 3000 },
    });
  });
  afterAll(() => server.close());

  it('is refused with a clear message, and the library on disk stays exactly as it was', { timeout: 180_000 }, async () => {
    const { scholia, dir } = await library();
    // The fixture server is on 127.0.0.1: this library allows private network addresses.
    valueOf(await scholia.dispatch('settings.set', { allowPrivateNetwork: true }));
    await scholia.flush();
    const pdf = await articlePdf({ repeat: 2 });
    const before = await folderSnapshot(dir);
    const refusals: [string, unknown, RegExp][] = [
      ['library.importFile', { filename: 'empty.html', base64: '' }, /empty\.html is empty/u],
      ['library.importFile', { filename: 'blank.txt', base64: base64(' \n\n\t') }, /blank\.txt is empty/u],
      [
        'library.importFile',
        { filename: 'photo.png.txt', base64: base64(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])) },
        /is not UTF-8 text|is a binary file/u,
      ],
      [
        'library.importFile',
        { filename: 'page.html', base64: base64(Uint8Array.from([0x3c, 0x70, 0x3e, 0, 1, 2, 3])) },
        /page\.html is a binary file, not text/u,
      ],
      [
        'library.importFile',
        { filename: 'cut.pdf', base64: base64(pdf.subarray(0, 400)) },
        /cut\.pdf (could not be read as a PDF|has no text layer)/u,
      ],
      ['library.importFile', { filename: 'scan.pdf', base64: base64(await imageOnlyPdf()) }, /scan\.pdf has no text layer/u],
      ['library.importFile', { filename: 'report.pdf', base64: base64('This is not a PDF at all.') }, /report\.pdf is not a PDF/u],
      [
        'library.importFile',
        { filename: 'archive.docx', base64: base64(Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0])) },
        /archive\.docx is a ZIP archive, not a Word document/u,
      ],
      [
        'library.importFile',
        { filename: 'nav-only.html', base64: base64('<!doctype html><nav><a href="/">Home</a></nav><footer>© 2024</footer>') },
        /holds no article text/u,
      ],
      ['library.importFile', { filename: 'huge.txt', base64: 'A'.repeat(48 * 1024 * 1024) }, /a file can be at most 32 MB/u],
      ['library.importUrl', { url: `${server.origin}/missing` }, /answered 404 Not Found/u],
      ['library.importUrl', { url: `${server.origin}/data.json` }, /is not a web page \(it is application\/json\)/u],
      ['library.importUrl', { url: `${server.origin}/loop` }, /redirects more than 5 times/u],
      ['library.importUrl', { url: `http://127.0.0.1:${await closedPort()}/` }, /^Scholia could not fetch this address\.$/u],
      ['library.importUrl', { url: 'file:///etc/passwd' }, /Only http and https addresses can be imported, not file/u],
      ['library.importPaste', {}, /The clipboard held no text to import/u],
    ];
    for (const [channel, input, message] of refusals) {
      const result = await scholia.dispatch(channel, input);
      expect(result.ok, `${channel} ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    await scholia.flush();
    expect(await folderSnapshot(dir)).toEqual(before);
    await scholia.close();
  });

  it('stops reading a page past the size limit', async () => {
    await expect(
      fetchPage(`${server.origin}/big`, { limits: { maxBytes: 1024, timeoutMs: 5000, maxRedirects: 5 }, allowPrivateNetwork: true }),
    ).rejects.toThrow(/is larger than 1 KB; it was not imported/u);
  });

  it('gives up on a page that answers too slowly', async () => {
    await expect(
      fetchPage(`${server.origin}/slow`, { limits: { maxBytes: 1024, timeoutMs: 500, maxRedirects: 5 }, allowPrivateNetwork: true }),
    ).rejects.toThrow(`${FETCH_FAILED} No answer came in time; try again later.`);
  });

  it('fetches a page through a redirect and keeps where it was found', async () => {
    const redirected = await startFixtureServer({ '/short': { redirect: `${server.origin}/article`, status: 301 } });
    const page = await fetchPage(`${redirected.origin}/short`, { allowPrivateNetwork: true });
    await redirected.close();
    expect(page.url).toBe(`${server.origin}/article`);
    expect(page.contentType).toBe('text/html; charset=utf-8');
  });
});

describe('a web address on the private network', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ '/article': { body: fixture('harbour-news.html') }, '/short': { redirect: '/article' } });
  });
  afterAll(() => server.close());

  it('is refused unless the library’s setting allows private network addresses, then imported', async () => {
    const { scholia, dir } = await library();
    const before = await folderSnapshot(dir);
    for (const url of [`${server.origin}/article`, `${server.origin}/short`, `http://localhost:${server.port}/article`]) {
      const refused = await scholia.dispatch('library.importUrl', { url });
      expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: PRIVATE_NETWORK_REFUSED } });
    }
    await scholia.flush();
    expect(await folderSnapshot(dir)).toEqual(before);
    expect(server.requests).toEqual([]);

    expect(
      valueOf<ChannelOutput<'settings.set'>>(await scholia.dispatch('settings.set', { allowPrivateNetwork: true })).allowPrivateNetwork,
    ).toBe(true);
    const imported = valueOf<ChannelOutput<'library.importUrl'>>(
      await scholia.dispatch('library.importUrl', { url: `${server.origin}/short` }),
    );
    expect(imported).toMatchObject({ duplicate: false, format: 'url' });
    expect(server.requests).toEqual(['/short', '/article']);

    valueOf(await scholia.dispatch('settings.set', { allowPrivateNetwork: false }));
    expect(await scholia.dispatch('library.importUrl', { url: `${server.origin}/article` })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await scholia.close();
  });
});

describe('the same article again', () => {
  it('opens the document already in the library, by fingerprint, whatever the file format', async () => {
    const { scholia } = await library();
    const first = valueOf<ChannelOutput<'library.importFile'>>(
      await scholia.dispatch('library.importFile', { filename: 'harbour.html', base64: base64(fixture('harbour-news.html')) }),
    );
    const again = valueOf<ChannelOutput<'library.importFile'>>(
      await scholia.dispatch('library.importFile', { filename: 'harbour copy.htm', base64: base64(fixture('harbour-news.html')) }),
    );
    expect(again).toEqual({ ...first, duplicate: true });
    expect(valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents).toHaveLength(2);
    await scholia.close();
  });
});
