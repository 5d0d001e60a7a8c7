import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/contract/errors.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { folderSnapshot } from '../testing/folder-snapshot.ts';
import { valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { MAX_DOCX_ENTRIES } from './docx-archive.ts';
import { EXTRACTION_TIME_LIMIT_MS } from './extraction-worker.ts';
import { documentFromSource } from './import-article.ts';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';
import { docxBomb, docxWithFiles, nestedPage, slowPage, withDeclaredSize } from './testing/hostile-fixtures.ts';

const tempDir = useTempDirs();
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const harbour = readFileSync(new URL('../../../fixtures/import/harbour-news.html', import.meta.url));

/** A library holding one article, its worker warmed by that import (so no test times the worker's start). */
async function library(): Promise<{ scholia: Scholia; dir: string }> {
  const dir = await tempDir();
  const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
  // The fixture server is on 127.0.0.1: a private address, allowed here as an intranet would be.
  valueOf(await scholia.dispatch('settings.set', { allowPrivateNetwork: true }));
  valueOf(await scholia.dispatch('library.importFile', { filename: 'harbour.html', base64: base64(harbour) }));
  await scholia.flush();
  return { scholia, dir };
}

async function refusal(
  scholia: Scholia,
  channel: 'library.importFile' | 'library.importUrl' | 'library.importPaste',
  input: unknown,
): Promise<{ message: string; ms: number }> {
  const started = performance.now();
  const result: ApiResult<unknown> = await scholia.dispatch(channel, input);
  const ms = performance.now() - started;
  if (result.ok) throw new Error(`${channel} was not refused`);
  return { message: result.error.message, ms };
}

describe('hostile nesting', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ '/deep': { body: nestedPage(2_000) } });
  });
  afterAll(() => server.close());

  it(
    'refuses a page nested 2,000 deep (file, address or paste) within the time limit, and stores nothing',
    { timeout: 60_000 },
    async () => {
      const { scholia, dir } = await library();
      const before = await folderSnapshot(dir);
      for (const [channel, input] of [
        ['library.importFile', { filename: 'deep.html', base64: base64(nestedPage(2_000)) }],
        ['library.importUrl', { url: `${server.origin}/deep` }],
        ['library.importPaste', { html: nestedPage(2_000) }],
      ] as const) {
        const { message, ms } = await refusal(scholia, channel, input);
        expect(message).toMatch(/is nested too deeply to import safely: its elements go more than 256 levels deep/u);
        expect(ms).toBeLessThan(EXTRACTION_TIME_LIMIT_MS);
      }
      await scholia.flush();
      expect(await folderSnapshot(dir)).toEqual(before);
      await scholia.close();
    },
  );

  it('refuses pages nested 10,000 and 1,000,000 deep with that message, not a stack overflow', { timeout: 60_000 }, async () => {
    const { scholia } = await library();
    for (const depth of [10_000, 1_000_000]) {
      const { message } = await refusal(scholia, 'library.importFile', { filename: 'deeper.html', base64: base64(nestedPage(depth)) });
      expect(message).toMatch(/is nested too deeply to import safely/u);
    }
    await scholia.close();
  });

  it('still imports a page nested 200 deep', { timeout: 60_000 }, async () => {
    const { scholia } = await library();
    const page = `<!doctype html><html><body>${'<div>'.repeat(200)}<p>${'The council met on Thursday and voted to publish every payment. '.repeat(4)}</p>${'</div>'.repeat(200)}</body></html>`;
    const imported = valueOf<{ id: string }>(
      await scholia.dispatch('library.importFile', { filename: 'nested.html', base64: base64(page) }),
    );
    const { document } = valueOf<{ document: { text: string } }>(await scholia.dispatch('library.get', { id: imported.id }));
    expect(document.text).toContain('The council met on Thursday and voted to publish every payment.');
    await scholia.close();
  });
});

describe('an import that takes long', () => {
  it(
    'leaves the library answering: library.list answers while a slow page is read, before its import settles',
    { timeout: 120_000 },
    async () => {
      const { scholia } = await library();
      // Seconds of Readability, within the nesting limit. The second import of it finds the first and
      // stores nothing, so it settles the moment its reading ends: read on this thread, it would settle
      // before any timer set meanwhile could fire.
      const page = { filename: 'slow.html', base64: base64(nestedPage(250)) };
      valueOf(await scholia.dispatch('library.importFile', page));
      let importSettled = false;
      const importing = scholia.dispatch('library.importFile', page).finally(() => {
        importSettled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const listed = await scholia.dispatch('library.list', {});
      expect(listed.ok).toBe(true);
      expect(importSettled).toBe(false);
      expect(valueOf<{ duplicate: boolean }>(await importing).duplicate).toBe(true);
      await scholia.close();
    },
  );

  it('is stopped at its time limit and refused, and the next import gets a fresh worker', { timeout: 60_000 }, async () => {
    await documentFromSource({ kind: 'file', name: 'harbour.html', bytes: harbour });
    const started = performance.now();
    await expect(
      documentFromSource({ kind: 'file', name: 'slow.html', bytes: new TextEncoder().encode(slowPage()) }, { timeLimitMs: 1_000 }),
    ).rejects.toThrow(/slow\.html took too long to read \(more than 1 s\) and was stopped; it was not imported/u);
    expect(performance.now() - started).toBeLessThan(5_000);
    const { document } = await documentFromSource({ kind: 'file', name: 'harbour.html', bytes: harbour });
    expect(document.text).toContain('dredging');
  });
});

describe('Word compression bombs', () => {
  it('are refused before conversion, whatever their central directory declares, and store nothing', { timeout: 120_000 }, async () => {
    const { scholia, dir } = await library();
    const before = await folderSnapshot(dir);
    const bomb = await docxBomb(70_000_000);
    // Packed more than 300 times: 70 MB of text in a file of about 200 kB.
    expect(bomb.length).toBeLessThan(70_000_000 / 300);
    const cases: [string, Uint8Array, RegExp][] = [
      [
        'huge.docx',
        bomb,
        /huge\.docx would unpack to 66\.\d MB, more than the 64\.0 MB a Word document may: it may be a compression bomb, and was not imported/u,
      ],
      [
        'packed.docx',
        await docxBomb(20_000_000),
        /packed\.docx packs word\/document\.xml \d+ times smaller than it is, far more than a Word document does: it may be a compression bomb/u,
      ],
      [
        'lying.docx',
        withDeclaredSize(bomb, 'word/document.xml', 40_000),
        /lying\.docx holds more in word\/document\.xml than its table of contents declares: it may be a compression bomb/u,
      ],
      ['crowded.docx', await docxWithFiles(MAX_DOCX_ENTRIES), /crowded\.docx holds more than 2,000 files: it may be a compression bomb/u],
    ];
    for (const [filename, bytes, message] of cases) {
      const refused = await refusal(scholia, 'library.importFile', { filename, base64: base64(bytes) });
      expect(refused.message, filename).toMatch(message);
    }
    await scholia.flush();
    expect(await folderSnapshot(dir)).toEqual(before);
    await scholia.close();
  });
});
