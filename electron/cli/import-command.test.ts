import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_NETWORK_REFUSED } from '../services/import/fetch-page.ts';
import { startFixtureServer, type FixtureServer } from '../services/import/testing/fixture-server.ts';
import { imageOnlyPdf } from '../services/import/testing/pdf-fixtures.ts';
import { mention, person, quote, tagFileOf } from '../services/testing/record-fixtures.ts';
import { folderSnapshot } from '../services/testing/folder-snapshot.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();

/** A library holding one small article, a work folder beside it, and the library as it then is on disk. */
async function libraryWithOneArticle(): Promise<{ library: string; work: string; before: Awaited<ReturnType<typeof folderSnapshot>> }> {
  const library = await tempDir();
  const work = await tempDir();
  const good = path.join(work, 'good.txt');
  await writeFile(good, 'A real article.');
  expect((await scholia('import', good, '--library', library)).code).toBe(0);
  return { library, work, before: await folderSnapshot(library) };
}
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));

describe('scholia import FILE|URL…', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ '/stadt/tram': { body: fixture('city-desk.html') } });
  });
  afterAll(() => server.close());

  it('imports a saved page, Markdown and a web address in one go, each by its type', async () => {
    const library = await tempDir();
    const work = await tempDir();
    const page = path.join(work, 'harbour.html');
    await writeFile(page, fixture('harbour-news.html'));
    const notes = path.join(work, 'notes.md');
    await writeFile(notes, '# Ferry cut\n\nThe ferry runs *four* times a day.\n');
    const url = `${server.origin}/stadt/tram`;
    const imported = await scholia('import', page, notes, url, '--library', library, '--json', '--allow-private-network');
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual([
      expect.objectContaining({
        file: page,
        title: 'Port authority admits dredging contract overran by £40m',
        format: 'html',
        duplicate: false,
      }),
      expect.objectContaining({ file: notes, title: 'Ferry cut', format: 'markdown' }),
      expect.objectContaining({ file: url, title: 'Neue Straßenbahnlinie soll 2027 fahren', format: 'url' }),
    ]);
    const listed = JSON.parse((await scholia('list', '--library', library, '--json')).stdout) as { url?: string }[];
    // A web address is the document's url; a saved page's own claim (its canonical link) is not.
    expect(listed.map((summary) => summary.url)).toContain(url);
    expect(listed.map((summary) => summary.url)).not.toContain('https://www.coastalherald.example/news/2024/mar/05/port-dredging-overrun');
  }, 60_000);

  it('imports nothing when one source is refused, and says which and why', async () => {
    const { library, work, before } = await libraryWithOneArticle();
    const scan = path.join(work, 'scan.pdf');
    await writeFile(scan, await imageOnlyPdf());
    const other = path.join(work, 'other.md');
    await writeFile(other, 'Another article.');
    const refusedScan = await scholia('import', other, scan, '--library', library);
    expect(refusedScan.code).not.toBe(0);
    expect(refusedScan.stderr.trim()).toBe(
      'scholia: scan.pdf has no text layer (its pages are images, as in a scan). Run it through OCR first, then import the result.',
    );
    const refusedUrl = await scholia('import', other, `${server.origin}/missing`, '--library', library, '--allow-private-network');
    expect(refusedUrl.stderr.trim()).toBe(`scholia: ${server.origin}/missing answered 404 Not Found: there is no page to import.`);
    expect(await folderSnapshot(library)).toEqual(before);
  }, 60_000);

  it('fetches nothing from this computer or the local network without --allow-private-network, and imports nothing', async () => {
    const { library, before } = await libraryWithOneArticle();
    const requestsBefore = server.requests.length;
    const port = new URL(server.origin).port;
    for (const url of [
      `${server.origin}/stadt/tram`,
      `http://localhost:${port}/stadt/tram`,
      `http://2130706433:${port}/stadt/tram`,
      `http://[::ffff:127.0.0.1]:${port}/stadt/tram`,
    ]) {
      const refused = await scholia('import', url, '--library', library);
      expect(refused.code, url).toBe(1);
      expect(refused.stderr.trim(), url).toBe(`scholia: ${PRIVATE_NETWORK_REFUSED}`);
    }
    expect(server.requests.length).toBe(requestsBefore);
    expect(await folderSnapshot(library)).toEqual(before);
  }, 60_000);

  it('imports a tag file that embeds its text as an article with its annotations, and a second one for it into Review', async () => {
    const library = await tempDir();
    const work = await tempDir();
    const text = 'Roberta Metsola said "We are ready." The vote follows in March.';
    const file = tagFileOf(
      text,
      [person('m1', 'Roberta Metsola', { wikidata: 'Q8889' })],
      [mention(text, 'e1', 'm1', 'Roberta Metsola'), quote(text, 'q1', 'm1', '"We are ready."')],
      { title: 'Ready for the vote' },
    );
    const tags = path.join(work, 'ready.json');
    await writeFile(tags, JSON.stringify(file, null, 2));
    const imported = await scholia('import', tags, '--library', library, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const [result] = JSON.parse(imported.stdout) as { id: string; title: string; format: string; duplicate: boolean }[];
    expect(result).toMatchObject({ title: 'Ready for the vote', format: 'tags', duplicate: false });
    const stored = JSON.parse(await readFile(path.join(library, 'documents', `${result?.id}.json`), 'utf8')) as {
      document: { text: string; entities: unknown[]; annotations: { id: string }[] };
    };
    expect(stored.document.text).toBe(text);
    expect(stored.document.entities).toEqual(file.entities);
    expect(stored.document.annotations.map((a) => a.id)).toEqual(['e1', 'q1']);

    const colleague = path.join(work, 'colleague.json');
    await writeFile(colleague, JSON.stringify({ ...file, annotator: { name: 'Colleague' } }));
    const reviewed = await scholia('import', colleague, '--library', library);
    expect(reviewed.code, reviewed.stderr).toBe(0);
    const [id, title, note] = reviewed.stdout.trim().split('\t');
    expect([id, title]).toEqual([result?.id, 'Ready for the vote']);
    expect(note).toMatch(/^\(already in the library; the tag file is under Review as [0-9a-f]{16}\)$/u);
  }, 60_000);

  it('refuses a tag file without its text for an article not in the library, and imports nothing', async () => {
    const { library, work, before } = await libraryWithOneArticle();
    const text = 'An article nobody imported.';
    const tags = path.join(work, 'no-text.json');
    await writeFile(tags, JSON.stringify(tagFileOf(text, [], [], { withText: false })));
    const refused = await scholia('import', tags, '--library', library);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("no-text.json does not embed its article's text");
    expect(await folderSnapshot(library)).toEqual(before);
  }, 60_000);

  it('takes --allow-private-network for import only', async () => {
    const served = await scholia('serve', '--allow-private-network');
    expect(served.code).toBe(2);
    expect(served.stderr).toContain('scholia: --allow-private-network is for import; the browser host follows the setting in Settings');
    expect((await scholia('--help')).stdout).toContain('--allow-private-network');
  });
});
