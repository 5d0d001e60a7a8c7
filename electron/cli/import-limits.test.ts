import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxBomb, nestedPage } from '../services/import/testing/hostile-fixtures.ts';
import { folderSnapshot } from '../services/testing/folder-snapshot.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();
const harbour = readFileSync(new URL('../../fixtures/import/harbour-news.html', import.meta.url));

describe('the CLI bundle', () => {
  it(
    'reads in its built worker: a page imports, a hostile page and a Word bomb are refused with their reasons',
    { timeout: 120_000 },
    async () => {
      const library = await tempDir();
      const work = await tempDir();
      const files = { 'harbour.html': harbour, 'deep.html': nestedPage(10_000), 'huge.docx': await docxBomb(70_000_000) };
      for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(work, name), bytes);
      expect((await runScholia('import', path.join(work, 'harbour.html'), '--library', library)).code).toBe(0);
      const before = await folderSnapshot(library);
      const deep = await runScholia('import', path.join(work, 'deep.html'), '--library', library);
      expect(deep.code).not.toBe(0);
      expect(deep.stderr.trim()).toBe(
        'scholia: This page is nested too deeply to import safely: its elements go more than 256 levels deep.',
      );
      const bomb = await runScholia('import', path.join(work, 'huge.docx'), '--library', library);
      expect(bomb.stderr.trim()).toMatch(/^scholia: huge\.docx would unpack to 66\.\d MB/u);
      expect(await folderSnapshot(library)).toEqual(before);
    },
  );
});
