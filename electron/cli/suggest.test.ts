import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SuggestionSetSchema } from '../../shared/suggest/suggestion.ts';
import { openScholia } from '../services/open-scholia.ts';
import { importArticle } from '../services/testing/library-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { DocumentFile } from '../services/store/store-files.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();

const ARTICLE = [
  '“We will not stop the inquiry,” said Maria Lopez, the mayor of Valencia.',
  'Unemployment in Valencia fell to 11.6 percent in March 2024, the lowest level since 2008.',
].join('\n\n');

async function libraryWithArticle() {
  const library = await tempDir();
  const open = await openScholia({ libraryDir: library, debounceMs: 5 });
  const { id } = await importArticle(open, ARTICLE);
  await open.close();
  return { library, id };
}

async function documentOnDisk(library: string, id: string) {
  return DocumentFile.parse(JSON.parse(await readFile(path.join(library, 'documents', `${id}.json`), 'utf8'))).document;
}

describe('scholia suggest', () => {
  it('prints the suggestions with their reasons, and as JSON', async () => {
    const { library, id } = await libraryWithArticle();
    const printed = await scholia('suggest', id, '--library', library);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^quote {2}0\.\d\d .*“We will not stop the inquiry” direct, speaker Maria Lopez$/mu);
    expect(printed.stdout).toMatch(/^claim {2}0\.\d\d .*“Unemployment in Valencia fell/mu);
    const set = SuggestionSetSchema.parse(JSON.parse((await scholia('suggest', id, '--json', '--library', library)).stdout));
    expect(set.entities.map((entity) => entity.name)).toEqual(expect.arrayContaining(['Maria Lopez', 'Valencia']));
    expect((await documentOnDisk(library, id)).annotations).toEqual([]);
  });

  it('stores the suggestions at or above the confidence as machine-suggested annotations with --apply', async () => {
    const { library, id } = await libraryWithArticle();
    const applied = await scholia('suggest', id, '--apply', '--min-confidence', '0.85', '--library', library);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^Stored \d+ suggestions at or above 0\.85 as machine-suggested annotations \(revision 1\)\.$/mu);
    const document = await documentOnDisk(library, id);
    expect(document.annotations.length).toBeGreaterThan(0);
    expect(document.annotations.every((annotation) => (annotation.suggested?.confidence ?? 0) >= 0.85)).toBe(true);
    expect(document.annotations.find((annotation) => annotation.kind === 'quote')).toMatchObject({
      form: 'direct',
      suggested: { suggester: 'quotes' },
    });
  });

  it('refuses bad input with a message and changes nothing', async () => {
    const { library, id } = await libraryWithArticle();
    const bad = await scholia('suggest', id, '--apply', '--min-confidence', '2', '--library', library);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-confidence must be a number from 0 to 1, not "2"');
    expect((await scholia('suggest', 'no-such-doc', '--library', library)).code).toBe(1);
    expect((await scholia('suggest', '--library', library)).stderr).toContain('suggest needs exactly one DOC');
    expect((await documentOnDisk(library, id)).revision).toBe(0);
  });
});
