import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ApiResult } from '../../../shared/contract/errors.ts';
import { compareAnnotations } from '../../../shared/export/report-model.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { TagFileV1 } from '../../../shared/model/tag-file.ts';
import { sampleAnnotations } from '../../../shared/testing/annotated-sample.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { fileStem } from '../../../shared/export/file-names.ts';
import { exportDocument } from './export-document.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();
const assetsDir = path.resolve('assets');

function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Opens a library seeded with the sample article and annotates it with the shared fixture through the API. */
async function annotatedLibrary(): Promise<{ scholia: Scholia; document: ScholiaDocument }> {
  const scholia = await openScholia({ libraryDir: await tempDir(), seedFrom: assetsDir, debounceMs: 10 });
  const [summary] = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents;
  if (!summary) throw new Error('no sample');
  const seeded = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id: summary.id })).document;
  const { entities, annotations } = sampleAnnotations(seeded.text);
  const ops = [
    ...entities.map((entity) => ({ op: 'entity.add', entity })),
    ...annotations.map((annotation) => ({ op: 'annotation.add', annotation })),
  ];
  valueOf(await scholia.dispatch('annotations.apply', { documentId: summary.id, ops }));
  const document = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id: summary.id })).document;
  return { scholia, document };
}

const quotesOf = (document: ScholiaDocument) => document.annotations.filter((a) => a.kind === 'quote').sort(compareAnnotations);
const claimsOf = (document: ScholiaDocument) => document.annotations.filter((a) => a.kind === 'claim').sort(compareAnnotations);

/** Word writes text in runs; the text of a paragraph is its runs' text joined. */
function paragraphTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)]
      .map((t) => t[1] ?? '')
      .join('')
      .replace(/&quot;/gu, '"')
      .replace(/&apos;/gu, "'")
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&amp;/gu, '&'),
  );
}

describe('exportDocument', () => {
  it('writes a DOCX that opens as a zip whose word/document.xml holds every quote and claim, in order', async () => {
    const { scholia, document } = await annotatedLibrary();
    const file = await exportDocument(document, (await scholia.services.documents.get(document.id)).tagset, 'docx', {
      annotator: 'A. Analyst',
    });
    expect(file.filename).toBe('european-parliament-website-hit-by-cyberattack-after-russia.docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = unzipSync(file.bytes);
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = strFromU8(zip['word/document.xml'] as Uint8Array);
    const paragraphs = paragraphTexts(xml);
    const body = paragraphs.join('\n');
    let from = body.indexOf('Quotes, by speaker');
    expect(from).toBeGreaterThan(0);
    for (const quote of quotesOf(document)) {
      expect(body).toContain(quote.target.exact);
    }
    // Entries of the claims section come in text order.
    from = body.indexOf('\nClaims\n');
    for (const claim of claimsOf(document)) {
      const at = body.indexOf(claim.target.exact, from);
      expect(at, claim.id).toBeGreaterThan(from);
      from = at;
    }
    // Every marker links to its entry's bookmark.
    expect(xml.match(/<w:hyperlink [^>]*w:anchor="a\d+"/gu)?.length).toBe(document.annotations.length);
    expect(xml.match(/<w:bookmarkStart w:name="a\d+"/gu)?.length).toBe(document.annotations.length);
    await scholia.close();
  });

  it('prints a PDF whose text, extracted by pdftotext, holds every claim', async () => {
    const { scholia, document } = await annotatedLibrary();
    const file = await exportDocument(document, (await scholia.services.documents.get(document.id)).tagset, 'pdf', {
      annotator: 'A. Analyst',
    });
    expect(file.mimeType).toBe('application/pdf');
    expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe('%PDF-');
    const dir = await tempDir();
    await writeFile(path.join(dir, 'report.pdf'), file.bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'report.pdf'), '-']);
    // pdftotext breaks lines where the page does; compare with whitespace collapsed.
    const text = stdout.replace(/\s+/gu, ' ').replace(/[“”]/gu, '"');
    for (const claim of claimsOf(document)) expect(text, claim.id).toContain(claim.target.exact.replace(/\s+/gu, ' '));
    expect(text).toContain('Quotes, by speaker');
    expect(text).toMatch(/page 1 of \d+/u);
    // Claims are numbered in their own sequence, quotes in theirs.
    expect(text).toMatch(/C1 "became temporarily/u);
    expect(text).toContain('Q1 ');
    // Compact: the 340-word sample with its 37 annotations flows onto two A4 pages (six when each section began a page, three before print type was tightened).
    const { stdout: info } = await run('pdfinfo', [path.join(dir, 'report.pdf')]);
    expect(Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1])).toBeLessThanOrEqual(2);
    await scholia.close();
  }, 60_000);

  it('zips brat as a collection folder with .txt, .ann and annotation.conf', async () => {
    const { scholia, document } = await annotatedLibrary();
    const file = await exportDocument(document, (await scholia.services.documents.get(document.id)).tagset, 'brat');
    const zip = unzipSync(file.bytes);
    const stem = fileStem(document.meta.title);
    expect(Object.keys(zip).sort()).toEqual([`${stem}/${stem}.ann`, `${stem}/${stem}.txt`, `${stem}/annotation.conf`].sort());
    expect(strFromU8(zip[`${stem}/${stem}.txt`] as Uint8Array)).toBe(`${document.text}\n`);
    await scholia.close();
  });

  it('answers export.render with the file in base64 for every format', async () => {
    const { scholia, document } = await annotatedLibrary();
    // ClaimReview is refused, with what is missing, until the publishing settings are set.
    const refused = await scholia.dispatch('export.render', { documentId: document.id, format: 'claimreview' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('ClaimReview needs the fact-check URL') },
    });
    valueOf(
      await scholia.dispatch('settings.set', {
        factCheckUrlBase: 'https://factcheck.example.org/checks/',
        publisherName: 'Example Fact Check',
        publisherUrl: 'https://factcheck.example.org/',
      }),
    );
    for (const format of ['html', 'md', 'docx', 'tags', 'w3c', 'csv', 'claimreview', 'brat', 'conll']) {
      const result = valueOf<ChannelOutput<'export.render'>>(
        await scholia.dispatch('export.render', { documentId: document.id, format, options: { sections: ['claims'] } }),
      );
      expect(result.filename).toMatch(/^european-parliament-website-hit-by-cyberattack-after-russia\./u);
      expect(Buffer.from(result.base64, 'base64').length).toBeGreaterThan(100);
    }
    const html = valueOf<ChannelOutput<'export.render'>>(
      await scholia.dispatch('export.render', { documentId: document.id, format: 'html', options: { includeArticle: false } }),
    );
    expect(html.mimeType).toBe('text/html; charset=utf-8');
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).not.toContain('<section id="article">');
    expect(await scholia.dispatch('export.render', { documentId: document.id, format: 'odt' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await scholia.dispatch('export.render', { documentId: 'nope', format: 'html' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await scholia.close();
  });

  it('round-trips a tag file: export, import into an empty library, export again, identical but for the time', async () => {
    const { scholia, document } = await annotatedLibrary();
    const first = JSON.parse(
      Buffer.from(
        valueOf<ChannelOutput<'export.render'>>(await scholia.dispatch('export.render', { documentId: document.id, format: 'tags' }))
          .base64,
        'base64',
      ).toString('utf8'),
    );
    expect(TagFileV1.parse(first).annotations).toHaveLength(document.annotations.length);
    await scholia.close();

    const empty = await openScholia({ libraryDir: await tempDir() });
    const imported = await empty.services.imports.importTagFile(first);
    expect(imported).toMatchObject({ title: document.meta.title, duplicate: false });
    const second = JSON.parse(
      Buffer.from(
        valueOf<ChannelOutput<'export.render'>>(await empty.dispatch('export.render', { documentId: imported.id, format: 'tags' })).base64,
        'base64',
      ).toString('utf8'),
    );
    expect(second.exportedAt).not.toBe(undefined);
    expect({ ...second, exportedAt: 'T' }).toEqual({ ...first, exportedAt: 'T' });
    expect(await empty.services.imports.importTagFile(first)).toEqual({ ...imported, duplicate: true });
    await empty.close();
  });

  it('refuses a tag file without its text, or with text that does not match', async () => {
    const { scholia, document } = await annotatedLibrary();
    const tags = JSON.parse(
      Buffer.from(
        valueOf<ChannelOutput<'export.render'>>(
          await scholia.dispatch('export.render', { documentId: document.id, format: 'tags', options: { embedText: false } }),
        ).base64,
        'base64',
      ).toString('utf8'),
    );
    await scholia.close();
    const empty = await openScholia({ libraryDir: await tempDir() });
    await expect(empty.services.imports.importTagFile(tags)).rejects.toThrow(/does not embed the article text/);
    await expect(
      empty.services.imports.importTagFile({ ...tags, document: { ...tags.document, text: 'x'.repeat(tags.document.textLength) } }),
    ).rejects.toThrow(/\$\.document\.fingerprint: does not match/);
    await empty.close();
  });
});
