import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openScholia } from '../services/open-scholia.ts';
import { seedCorpusLibrary } from '../services/testing/corpus-library.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia as scholia, runScholiaWith as scholiaWith } from './testing/run-scholia.ts';

const tempDir = useTempDirs();

/** A library folder holding the three sample articles, closed again so the command can open it. */
async function corpusLibraryDir(): Promise<{ library: string; annotations: number }> {
  const library = await tempDir();
  const app = await openScholia({ libraryDir: library, debounceMs: 10 });
  const documents = await seedCorpusLibrary(app);
  await app.close();
  return { library, annotations: documents.reduce((sum, d) => sum + d.annotations.length, 0) };
}

describe('scholia export --library', () => {
  it('writes the library as a REFI-QDA project with --library DIR and -o', async () => {
    const { library } = await corpusLibraryDir();
    const out = path.join(await tempDir(), 'corpus.qdpx');
    const result = await scholia('export', '--library', library, '--format', 'qdpx', '-o', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(out);
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).filter((name) => name.startsWith('Sources/'))).toHaveLength(3);
    expect(await zip.file('project.qde')?.async('string')).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
  });

  it('takes a bare --library as the library of $SCHOLIA_LIBRARY, and an existing folder as --out', async () => {
    const { library, annotations } = await corpusLibraryDir();
    const folder = path.join(await tempDir(), 'exports');
    await mkdir(folder);
    const result = await scholiaWith({ SCHOLIA_LIBRARY: library }, 'export', '--library', '--format', 'csv', '--out', folder);
    expect(result.code).toBe(0);
    const [name] = await readdir(folder);
    expect(name).toMatch(/^scholia-library-\d{4}-\d{2}-\d{2}\.annotations\.csv$/u);
    const csv = await readFile(path.join(folder, name ?? ''), 'utf8');
    // Header plus one record per annotation; records end in CRLF, line breaks inside quoted cells are bare LF.
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(annotations + 1);
  });

  it('exports what --query finds, as a corpus report', async () => {
    const { library } = await corpusLibraryDir();
    const out = path.join(await tempDir(), 'false-claims.md');
    const result = await scholia('export', '--library', library, '--query', 'kind:claim verdict:false', '--format', 'md', '-o', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const markdown = await readFile(out, 'utf8');
    expect(markdown).toContain('Search: kind:claim verdict:false');
    expect(markdown.match(/Verdict: \*\*False\*\*/gu)).toHaveLength(2);
    expect(markdown).not.toContain('Budget talks stall');
  });

  it('refuses bad input with a clear message and writes no file', async () => {
    const { library } = await corpusLibraryDir();
    const dir = await tempDir();
    const out = path.join(dir, 'out.csv');
    const broken = await scholia('export', '--library', library, '--query', 'verdict:false /(unclosed/', '--format', 'csv', '-o', out);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^scholia: .*regular expression/mu);
    const format = await scholia('export', '--library', library, '--format', 'brat', '-o', out);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of csv, w3c, tags-zip, qdpx, html, pdf, md, docx');
    const doc = await scholia('export', 'some-doc', '--library', '--format', 'csv', '-o', out);
    expect(doc.code).toBe(2);
    expect(doc.stderr).toContain('it takes no DOC');
    const sections = await scholia('export', '--library', library, '--format', 'html', '--sections', 'claims', '-o', out);
    expect(sections.code).toBe(2);
    const emptyLibrary = await tempDir();
    const unannotated = await openScholia({ libraryDir: emptyLibrary, debounceMs: 10 });
    await unannotated.dispatch('library.importText', { text: 'An article nobody has annotated yet.' });
    await unannotated.close();
    const empty = await scholia('export', '--library', emptyLibrary, '--format', 'csv', '-o', out);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('nothing to export');
    const missing = await scholia('export', '--library', path.join(dir, 'nowhere'), '--format', 'csv', '-o', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no library at');
    expect(existsSync(out)).toBe(false);
    expect((await scholia('list', '--library')).code).toBe(2);
  });
});
