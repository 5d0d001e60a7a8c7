import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { CORPUS_EXPORT_FORMATS, type CorpusExportFormat } from '../../../shared/contract/corpus-channels.ts';
import type { ApiResult } from '../../../shared/contract/errors.ts';
import { parseQueryString } from '../../../shared/corpus/query-string.ts';
import { fileStem } from '../../../shared/export/file-names.ts';
import { checkTagFile } from '../../../shared/model/tag-file-check.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { seedCorpusLibrary } from '../testing/corpus-library.ts';
import { valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();
const XSD = path.resolve('schemas/refi-qda/Project-mrt2019.xsd');

async function corpusLibrary(): Promise<{ scholia: Scholia; libraryDir: string; documents: ScholiaDocument[] }> {
  const libraryDir = await tempDir();
  const scholia = await openScholia({ libraryDir, debounceMs: 10 });
  const documents = await seedCorpusLibrary(scholia);
  return { scholia, libraryDir, documents };
}

async function exported(scholia: Scholia, format: CorpusExportFormat): Promise<{ filename: string; mimeType: string; bytes: Buffer }> {
  const file = valueOf<ChannelOutput<'corpus.export'>>(await scholia.dispatch('corpus.export', { format }));
  return { filename: file.filename, mimeType: file.mimeType, bytes: Buffer.from(file.base64, 'base64') };
}

function errorOf(result: ApiResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}

async function writeUnzipped(bytes: Uint8Array, folder: string): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), await entry.async('uint8array'));
  }
}

const annotationCount = (documents: ScholiaDocument[]) => documents.reduce((sum, d) => sum + d.annotations.length, 0);

describe('corpus.export over a library on disk', () => {
  it('writes the CSV of every annotation of the library, read back by Python with one row per annotation', async () => {
    const { scholia, documents } = await corpusLibrary();
    const file = await exported(scholia, 'csv');
    expect(file.filename).toMatch(/^scholia-library-\d{4}-\d{2}-\d{2}\.annotations\.csv$/u);
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    const dir = await tempDir();
    await writeFile(path.join(dir, 'corpus.csv'), file.bytes);
    const script = `import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    print(json.dumps(list(csv.reader(f))))`;
    const { stdout } = await run('python3', ['-c', script, path.join(dir, 'corpus.csv')]);
    const [header, ...rows] = JSON.parse(stdout) as string[][];
    expect(rows).toHaveLength(annotationCount(documents));
    const idColumn = header?.indexOf('document_id') ?? -1;
    expect(new Set(rows.map((row) => row[idColumn]))).toEqual(new Set(documents.map((d) => d.id)));
    await scholia.close();
  });

  it('writes the W3C collection, the zip of tag files and the REFI-QDA project, each checked by its own validator', async () => {
    const { scholia, documents } = await corpusLibrary();
    const w3c = JSON.parse((await exported(scholia, 'w3c')).bytes.toString('utf8')) as { '@graph': [{ total: number }] };
    expect(w3c['@graph'][0].total).toBe(annotationCount(documents));

    const tags = await JSZip.loadAsync((await exported(scholia, 'tags-zip')).bytes);
    const files = Object.values(tags.files).filter((entry) => !entry.dir);
    expect(files).toHaveLength(documents.length);
    for (const entry of files) expect(checkTagFile(JSON.parse(await entry.async('string'))).problems).toEqual([]);

    const qdpx = await exported(scholia, 'qdpx');
    expect(qdpx.filename).toMatch(/\.qdpx$/u);
    const folder = await tempDir();
    await writeUnzipped(qdpx.bytes, folder);
    const lint = await run('xmllint', ['--noout', '--schema', XSD, path.join(folder, 'project.qde')]);
    expect(lint.stderr).toContain('validates');
    await scholia.close();
  });

  it('writes the corpus report as HTML, Markdown, DOCX and a PDF whose text pdftotext reads back', async () => {
    const { scholia, documents } = await corpusLibrary();
    const html = (await exported(scholia, 'html')).bytes.toString('utf8');
    const markdown = (await exported(scholia, 'md')).bytes.toString('utf8');
    const docx = await JSZip.loadAsync((await exported(scholia, 'docx')).bytes);
    const docxXml = (await docx.file('word/document.xml')?.async('string')) ?? '';
    // Entry numbers run on across articles, so every entry's bookmark is its own.
    const bookmarks = [...docxXml.matchAll(/<w:bookmarkStart [^>]*w:name="(a\d+)"/gu)].map((match) => match[1]);
    expect(bookmarks.length).toBe(annotationCount(documents));
    expect(new Set(bookmarks).size).toBe(bookmarks.length);
    for (const document of documents) {
      expect(html).toContain(document.meta.title);
      expect(markdown).toContain(document.meta.title);
      expect(docxXml).toContain(document.meta.title);
    }

    const pdf = await exported(scholia, 'pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    const dir = await tempDir();
    await writeFile(path.join(dir, 'report.pdf'), pdf.bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'report.pdf'), '-']);
    const text = stdout.replace(/\s+/gu, ' ');
    expect(text).toContain('Corpus report');
    expect(text).toContain('Budget talks stall');
    expect(text).toContain('Metsola in Kyiv');
    expect(text).toContain('90 % of Europeans back the plan');
    expect(text).toContain('Claimant: Ana Ñúñez');
    expect(text).toMatch(/page 1 of \d+/u);
    await scholia.close();
  }, 60_000);

  it('exports what a search finds: every claim rated false, across articles', async () => {
    const { scholia } = await corpusLibrary();
    const query = parseQueryString('kind:claim verdict:false');
    const csv = valueOf<ChannelOutput<'corpus.export'>>(await scholia.dispatch('corpus.export', { format: 'csv', query }));
    expect(csv.filename).toMatch(/^scholia-search-\d{4}-\d{2}-\d{2}\.annotations\.csv$/u);
    const records = parseCsv(Buffer.from(csv.base64, 'base64'), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.document_title, r.verdict, r.exact])).toEqual([
      ['Визит в Київ — Metsola in Kyiv', 'false', 'the aid had already been cut by half'],
      ['Summit in Brussels: “a turning point” 🇪🇺', 'false', '90 % of Europeans back the plan'],
    ]);
    const report = valueOf<ChannelOutput<'corpus.export'>>(await scholia.dispatch('corpus.export', { format: 'md', query }));
    const markdown = Buffer.from(report.base64, 'base64').toString('utf8');
    expect(markdown).toContain('**Selection:** Search: kind:claim verdict:false');
    expect(markdown).not.toContain('Budget talks stall');
    await scholia.close();
  });

  it('leaves out the articles in the trash', async () => {
    const { scholia, documents } = await corpusLibrary();
    const [trashed, ...kept] = documents as [ScholiaDocument, ...ScholiaDocument[]];
    valueOf(await scholia.dispatch('library.trash', { id: trashed.id }));
    const zip = await JSZip.loadAsync((await exported(scholia, 'tags-zip')).bytes);
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
    expect(names.sort()).toEqual(kept.map((d) => `tags/${fileStem(d.meta.title)}-${d.id}.json`).sort());
    await scholia.close();
  });

  it('exports the same data after the library is closed and opened again', async () => {
    const { scholia, libraryDir } = await corpusLibrary();
    const before = (await exported(scholia, 'csv')).bytes;
    await scholia.close();
    const reopened = await openScholia({ libraryDir, access: 'read' });
    expect((await exported(reopened, 'csv')).bytes.equals(before)).toBe(true);
    await reopened.close();
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const libraryDir = await tempDir();
    const empty = await openScholia({ libraryDir, debounceMs: 10 });
    for (const format of CORPUS_EXPORT_FORMATS) {
      expect(errorOf(await empty.dispatch('corpus.export', { format }))).toEqual({
        code: 'bad-request',
        message: 'The library holds no annotations yet, so there is nothing to export.',
      });
    }
    await seedCorpusLibrary(empty);
    const unknown = errorOf(await empty.dispatch('corpus.export', { format: 'xlsx' }));
    expect(unknown.code).toBe('bad-request');
    expect(unknown.message).toMatch(/format/u);
    expect(errorOf(await empty.dispatch('corpus.export', { format: 'csv', extra: true })).code).toBe('bad-request');
    const broken = errorOf(await empty.dispatch('corpus.export', { format: 'csv', query: { regex: '(unclosed' } }));
    expect(broken.code).toBe('bad-request');
    expect(broken.message).toMatch(/regular expression/u);
    expect(errorOf(await empty.dispatch('corpus.export', { format: 'qdpx', query: { text: 'no such words anywhere' } }))).toEqual({
      code: 'bad-request',
      message: 'The search found no annotations, so there is nothing to export.',
    });
    await empty.close();
  });
});
