import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articlePdf, imageOnlyPdf } from '../electron/services/import/testing/pdf-fixtures.ts';
import { closedPort, startFixtureServer, type FixtureServer } from '../electron/services/import/testing/fixture-server.ts';
import { expect, test } from './support/fixtures.ts';
import { HARBOUR_TITLE, ImportPage, importFixture } from './support/import-page.ts';
import { shoot } from './support/screenshots.ts';

/** The first import of a kind loads its reader (jsdom, pdf.js…) in the host: slow on a busy machine. */
const IMPORT_TIMEOUT = 20_000;

test('imports a saved news page through the dialog: the article with its headings, list, quote and links, and its metadata', async ({
  reader,
  page,
  host,
}) => {
  const imports = new ImportPage(page);
  await imports.openDialog();
  for (const type of ['Web page', 'PDF with a text layer', 'Word document', 'Markdown', 'Plain text']) {
    await expect(imports.dialog.getByRole('rowheader', { name: type })).toBeVisible();
  }
  await shoot(page, 'import-dialog');
  await imports.chooseFiles({ name: 'harbour-news.html', mimeType: 'text/html', buffer: importFixture('harbour-news.html') });
  await expect(imports.dialog).toHaveCount(0, { timeout: IMPORT_TIMEOUT });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_TITLE, { timeout: IMPORT_TIMEOUT });
  await expect(page.locator('.doc-byline')).toContainText('The Coastal Herald');
  await expect(page.locator('.doc-byline')).toContainText('Inés Álvarez, Tom Reddy');
  await expect(page.locator('.doc-byline')).toContainText('2024-03-05');
  await expect(reader.article.getByRole('heading', { level: 2, name: 'What the audit found' })).toBeVisible();
  await expect(reader.article.locator('ul > li')).toHaveCount(3);
  await expect(reader.article.locator('ol > li')).toHaveCount(2);
  await expect(reader.article.locator('blockquote')).toContainText('We accept the findings in full');
  await expect(reader.article.getByRole('link', { name: 'full audit report' })).toHaveAttribute(
    'href',
    'https://www.eastmouth-harbour.example/audit-2024.pdf',
  );
  await expect(reader.article).not.toContainText('cookies');
  await expect(reader.article).not.toContainText('harbourwatcher');
  await expect(reader.statusMessage).toContainText(`Imported “${HARBOUR_TITLE}” (web page)`);
  await page.locator('.reading-scroll').evaluate((element) => element.scrollTo(0, 380));
  await shoot(page, 'imported-web-article');

  // A claim on a list item anchors on the canonical text, as on any paragraph.
  const id = await reader.mark('variations worth £18m were approved', 'c');
  await reader.expectSaved();
  await host.stop(); // flushes the pending save to disk
  const [stored] = await Promise.all((await host.documentIds()).map((documentId) => host.readDocumentFile(documentId))).then((documents) =>
    documents.filter((document) => document.meta.title === HARBOUR_TITLE),
  );
  const claim = stored?.annotations.find((annotation) => annotation.id === id);
  expect(stored?.text.slice(claim?.target.start, claim?.target.end)).toBe('variations worth £18m were approved');
});

test('imports a file dropped on the window, and a second drop of the same article opens it instead', async ({ reader, page }) => {
  const imports = new ImportPage(page);
  const drop = (name: string, type: string, content: string) =>
    page.evaluate(
      ({ name, type, content }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type }));
        for (const kind of ['dragenter', 'dragover', 'drop'])
          document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { name, type, content },
    );
  const markdown =
    '# Ferry timetable cut for winter\n\nThe island ferry will run **four** times a day from November, down from six.\n\n> We had no choice, said the operator.\n\n- Monday to Friday\n- Saturdays\n';
  await drop('ferry.md', 'text/markdown', markdown);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry timetable cut for winter', { timeout: IMPORT_TIMEOUT });
  await expect(page.locator('.reader-text blockquote')).toHaveText('We had no choice, said the operator.');
  await expect(page.locator('.reader-text strong')).toHaveText('four');
  const count = (await imports.titles()).length;
  await imports.documentButton(/European Parliament/u).click();
  await drop('ferry-again.md', 'text/markdown', markdown);
  await expect(reader.statusMessage).toContainText('was already in the library; opened it');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry timetable cut for winter', { timeout: IMPORT_TIMEOUT });
  expect((await imports.titles()).length).toBe(count);
});

test('imports a paste with its HTML structure through New from clipboard', async ({ reader, page }) => {
  const imports = new ImportPage(page);
  await imports.openDialog();
  const target = imports.dialog.getByLabel('Paste an article here');
  await target.focus();
  await target.evaluate((element) => {
    const transfer = new DataTransfer();
    transfer.setData(
      'text/html',
      '<h2>Library opening hours extended</h2><p>The central library will open until <em>ten</em> on weekdays, the council said.</p><script>alert(1)</script><ul><li>From 1 May</li><li>Trial for a year</li></ul>',
    );
    transfer.setData('text/plain', 'Library opening hours extended');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library opening hours extended', { timeout: IMPORT_TIMEOUT });
  await expect(page.locator('.reader-text em')).toHaveText('ten');
  await expect(page.locator('.reader-text li')).toHaveCount(2);
  await expect(reader.statusMessage).toContainText('(pasted text)');
  await expect(reader.article).not.toContainText('alert');
});

test.describe('web addresses', () => {
  let server: FixtureServer;
  test.beforeAll(async () => {
    server = await startFixtureServer({
      '/news/harbour': { body: importFixture('harbour-news.html') },
      '/short/harbour': { redirect: '/news/harbour' },
      '/files/report.pdf': { type: 'application/pdf', body: '%PDF-1.7 not really' },
    });
  });
  test.afterAll(() => server.close());

  test('refuses a page on the private network until Settings allows it, then imports it, following its redirect', async ({
    reader,
    page,
    host,
  }) => {
    const imports = new ImportPage(page);
    await imports.openDialog();
    await imports.dialog.getByLabel('Web address of the article').fill(`${server.origin}/short/harbour`);
    await imports.dialog.getByRole('button', { name: 'Import page' }).click();
    await expect(imports.dialog.getByRole('alert')).toContainText('Scholia could not fetch this address. It is on a private network', {
      timeout: IMPORT_TIMEOUT,
    });
    expect(server.requests).toEqual([]);
    await imports.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(imports.dialog).toHaveCount(0, { timeout: IMPORT_TIMEOUT });

    // The fixture server is on 127.0.0.1, as an intranet page would be: the analyst allows it.
    await page.keyboard.press('Control+,');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const allow = settings.getByRole('checkbox', { name: 'Allow imports from private network addresses' });
    await expect(allow).not.toBeChecked();
    await allow.check();
    await expect(allow).toBeChecked();
    await expect
      .poll(async () => ((await host.call('settings.get', {})) as { allowPrivateNetwork?: boolean }).allowPrivateNetwork)
      .toBe(true);
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect(settings).toHaveCount(0);

    await imports.openDialog();
    await imports.dialog.getByLabel('Web address of the article').fill(`${server.origin}/short/harbour`);
    await imports.dialog.getByRole('button', { name: 'Import page' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_TITLE, { timeout: IMPORT_TIMEOUT });
    await expect(reader.article.locator('h2').first()).toHaveText('What the audit found');
  });

  test('refuses an address answering 404, one that is no web page, and one nothing answers at, each with its reason, changing nothing', async ({
    reader,
    page,
    host,
  }) => {
    await host.call('settings.set', { allowPrivateNetwork: true });
    await expect(reader.article).toBeVisible();
    const imports = new ImportPage(page);
    const before = await host.documentIds();
    const titles = await imports.titles();
    await imports.openDialog();
    const field = imports.dialog.getByLabel('Web address of the article');
    const error = imports.dialog.getByRole('alert');
    const cases: [string, RegExp][] = [
      [`${server.origin}/news/missing`, /answered 404 Not Found: there is no page to import/u],
      [`${server.origin}/files/report.pdf`, /is not a web page \(it is application\/pdf\)\. Download the file and import it instead/u],
      [`http://127.0.0.1:${await closedPort()}/news`, /Scholia could not fetch this address\./u],
      ['ftp://example.org/article', /Only http and https addresses can be imported, not ftp/u],
    ];
    for (const [url, message] of cases) {
      await field.fill(url);
      await imports.dialog.getByRole('button', { name: 'Import page' }).click();
      await expect(error).toContainText(message, { timeout: IMPORT_TIMEOUT });
      await expect(error).toContainText('Nothing was added to the library.');
    }
    expect(await host.documentIds()).toEqual(before);
    expect(await imports.titles()).toEqual(titles);
  });
});

test('refuses bad files with a clear message in the dialog and leaves the library as it was', async ({ reader, page, host }) => {
  test.setTimeout(120_000);
  await expect(reader.article).toBeVisible();
  const imports = new ImportPage(page);
  const before = await host.documentIds();
  const titles = await imports.titles();
  const huge = path.join(tmpdir(), `scholia-huge-${process.pid}.html`);
  await writeFile(huge, Buffer.alloc(100 * 1024 * 1024, 0x61));
  const fullPdf = await articlePdf({ repeat: 2 });
  const cases: [Parameters<ImportPage['chooseFiles']>[0], RegExp][] = [
    [{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, /empty\.txt is empty/u],
    [
      { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
      /photo\.txt is a binary file, not text|photo\.txt is not UTF-8 text/u,
    ],
    [
      { name: 'cut.pdf', mimeType: 'application/pdf', buffer: Buffer.from(fullPdf.subarray(0, Math.floor(fullPdf.length / 3))) },
      /cut\.pdf could not be read as a PDF|cut\.pdf has no text layer/u,
    ],
    [
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await imageOnlyPdf()) },
      /scan\.pdf has no text layer .* Run it through OCR first/u,
    ],
    [
      {
        name: 'letter.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from('not a zip at all'),
      },
      /letter\.docx is not a Word document/u,
    ],
    [huge, /is 100\.0 MB; Scholia imports files of up to 32\.0 MB/u],
  ];
  await imports.openDialog();
  for (const [file, message] of cases) {
    await imports.chooseFiles(file);
    await expect(imports.dialog.getByRole('alert')).toContainText(message, { timeout: IMPORT_TIMEOUT });
  }
  await shoot(page, 'import-refused');
  expect(await host.documentIds()).toEqual(before);
  expect(await imports.titles()).toEqual(titles);
});
