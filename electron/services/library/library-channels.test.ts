import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { PRIVATE_NETWORK_REFUSED } from '../import/fetch-page.ts';
import { startFixtureServer, type FixtureServer } from '../import/testing/fixture-server.ts';
import { openScholia } from '../open-scholia.ts';
import { folderSnapshot } from '../testing/folder-snapshot.ts';
import { valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();
const base64 = (text: string) => Buffer.from(text).toString('base64');
const cityDesk = readFileSync(new URL('../../../fixtures/import/city-desk.html', import.meta.url));

describe('library.importBatch', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ '/stadt/tram': { body: cityDesk } });
  });
  afterAll(() => server.close());

  it('imports every source in order, each by its type, a repeat within the batch as a duplicate', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const article = base64('The ferry runs four times a day.');
    const { results } = valueOf<ChannelOutput<'library.importBatch'>>(
      await scholia.dispatch('library.importBatch', {
        sources: [
          { kind: 'file', filename: 'ferry.txt', base64: article },
          { kind: 'file', filename: 'notes.md', base64: base64('# Tram line\n\nThe *new* line opens in 2027.\n') },
          { kind: 'file', filename: 'ferry-again.txt', base64: article },
        ],
      }),
    );
    expect(results.map(({ title, format, duplicate }) => ({ title, format, duplicate }))).toEqual([
      { title: 'ferry', format: 'text', duplicate: false },
      { title: 'Tram line', format: 'markdown', duplicate: false },
      { title: 'ferry', format: 'text', duplicate: true },
    ]);
    expect(results[2]?.id).toBe(results[0]?.id);
    await scholia.close();
  });

  it('stores nothing when one source is refused, and says which and why', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    await scholia.flush();
    const before = await folderSnapshot(libraryDir);
    const refused = await scholia.dispatch('library.importBatch', {
      sources: [
        { kind: 'file', filename: 'good.txt', base64: base64('A real article.') },
        { kind: 'file', filename: 'photo.txt', base64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).toString('base64') },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported-file', message: expect.stringContaining('photo.txt') } });
    await scholia.flush();
    expect(await folderSnapshot(libraryDir)).toEqual(before);
    expect(valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents).toEqual([]);
    await scholia.close();
  });

  it('fetches from a private network as the process was opened to, else as the library’s setting says', async () => {
    const libraryDir = await tempDir();
    const url = `${server.origin}/stadt/tram`;
    const app = await openScholia({ libraryDir, debounceMs: 5 });
    valueOf(await app.dispatch('settings.set', { allowPrivateNetwork: true }));
    await app.close();
    // The CLI without --allow-private-network: the setting is not read.
    const cli = await openScholia({ libraryDir, debounceMs: 5, allowPrivateNetwork: false });
    const requests = server.requests.length;
    expect(await cli.dispatch('library.importBatch', { sources: [{ kind: 'url', url }] })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: PRIVATE_NETWORK_REFUSED },
    });
    expect(server.requests.length).toBe(requests);
    await cli.close();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { results } = valueOf<ChannelOutput<'library.importBatch'>>(
      await scholia.dispatch('library.importBatch', { sources: [{ kind: 'url', url }] }),
    );
    expect(results).toEqual([
      expect.objectContaining({ title: 'Neue Straßenbahnlinie soll 2027 fahren', format: 'url', duplicate: false }),
    ]);
    await scholia.close();
  });
});

describe('library.list with check', () => {
  it('reads every document file first, so a damaged one is reported and left out', async () => {
    const libraryDir = await tempDir();
    const writer = await openScholia({ libraryDir, debounceMs: 5 });
    const { results } = valueOf<ChannelOutput<'library.importBatch'>>(
      await writer.dispatch('library.importBatch', {
        sources: [
          { kind: 'file', filename: 'a.txt', base64: base64('A first article that stays readable.') },
          { kind: 'file', filename: 'b.txt', base64: base64('A second article whose file is damaged.') },
        ],
      }),
    );
    await writer.close();
    const [good, bad] = results.map((result) => result.id) as [string, string];
    await writeFile(path.join(libraryDir, 'documents', `${bad}.json`), '{"format":"scholia-document", trunc');

    const reader = await openScholia({ libraryDir, access: 'read' });
    const unchecked = valueOf<ChannelOutput<'library.list'>>(await reader.dispatch('library.list', {}));
    expect(unchecked.documents.map((summary) => summary.id).sort()).toEqual([good, bad].sort());
    const checked = valueOf<ChannelOutput<'library.list'>>(await reader.dispatch('library.list', { check: true }));
    expect(checked.documents.map((summary) => summary.id)).toEqual([good]);
    expect(checked.notices.map((notice) => notice.message)).toEqual([
      expect.stringMatching(new RegExp(`^Document ${bad} could not be read: .*left as it is`, 'u')),
    ]);
    await reader.close();
  });
});
