import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';

const ARTICLE = 'Ministers met in Brussels on Monday.\n\nThe agreement, officials said, "changes nothing for now."\n';

test('imports a text file, opens it, and says so when the same article comes again', async ({ reader, page }) => {
  const library = page.getByRole('navigation', { name: 'Library' });
  const file = { name: 'brussels_meeting.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) };
  await page.getByLabel('Article file to import').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/brussels meeting/iu);
  await expect(reader.article).toContainText('Ministers met in Brussels on Monday.');
  await expect(library.getByRole('button', { name: /brussels meeting/iu })).toHaveAttribute('aria-current', 'page');
  await expect(library.getByRole('listitem')).toHaveCount(2);

  await library.getByRole('button', { name: new RegExp(SAMPLE.title, 'u') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE.title);
  await page.getByLabel('Article file to import').setInputFiles(file);
  await expect(reader.statusMessage).toContainText('already in the library');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/brussels meeting/iu);
  await expect(library.getByRole('listitem')).toHaveCount(2);
});

test('opens the document used last when the page comes back', async ({ reader, page }) => {
  const library = page.getByRole('navigation', { name: 'Library' });
  await page
    .getByLabel('Article file to import')
    .setInputFiles({ name: 'brussels_meeting.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
  await expect(reader.article).toContainText('Ministers met in Brussels');
  await page.reload();
  await expect(reader.article).toContainText('Ministers met in Brussels');

  const sample = library.getByRole('button', { name: new RegExp(SAMPLE.title, 'u') });
  await sample.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE.title);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE.title);
});

test('shows the library’s notices in a banner that can be dismissed', async ({ host, reader, page }) => {
  await reader.expectSaved();
  await host.stop();
  await writeFile(path.join(host.libraryDir, 'library.json'), '{ this is not json');
  await host.restart();
  await reader.open(host.url);
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText('could not be read');
  await notices.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notices).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE.title);
});

test('signs new annotations with the annotator name set in the status line', async ({ host, reader, page }) => {
  await page.getByRole('button', { name: /Annotator: Analyst/u }).click();
  const field = page.getByLabel('Annotator name');
  await field.fill('R. Fact-Checker');
  await field.press('Enter');
  await expect(page.getByRole('button', { name: 'Annotator: R. Fact-Checker' })).toBeVisible();
  const id = await reader.mark(SAMPLE.claim, 'c');
  await reader.expectSaved();
  await host.stop();
  const [documentId] = await host.documentIds();
  const document = await host.readDocumentFile(documentId ?? '');
  expect(document.annotations.find((annotation) => annotation.id === id)?.author).toBe('R. Fact-Checker');
});
