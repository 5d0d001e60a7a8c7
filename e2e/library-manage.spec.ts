import { expect, test } from './support/fixtures.ts';
import { HARBOUR_TITLE, ImportPage, importFixture } from './support/import-page.ts';
import { SAMPLE } from './support/sample-annotations.ts';
import { shoot } from './support/screenshots.ts';

async function importBoth(imports: ImportPage): Promise<void> {
  await imports.openDialog();
  await imports.chooseFiles([
    { name: 'harbour-news.html', mimeType: 'text/html', buffer: importFixture('harbour-news.html') },
    { name: 'city-desk.html', mimeType: 'text/html', buffer: importFixture('city-desk.html') },
  ]);
  // The first import loads the page reader in the host: slow on a busy machine.
  await expect(imports.library.locator('.doc-list > li')).toHaveCount(3, { timeout: 20_000 });
}

test('searches the library by title, source and text, sorts it, and shows each document’s counts', async ({ reader, page }) => {
  const imports = new ImportPage(page);
  await importBoth(imports);
  await imports.documentButton(HARBOUR_TITLE).click();
  await reader.mark('variations worth £18m were approved', 'c');
  await reader.mark('Marguerite Okafor', 'e');
  await reader.expectSaved();

  const search = imports.library.getByLabel('Search the library');
  await search.fill('dredging');
  await expect.poll(() => imports.titles()).toEqual([HARBOUR_TITLE]);
  await search.fill('Stadtanzeiger');
  await expect.poll(() => imports.titles()).toEqual(['Neue Straßenbahnlinie soll 2027 fahren']);
  await search.fill('strassenbahnlinie nordpark');
  await expect.poll(() => imports.titles()).toEqual([]);
  await search.fill('abschnittsweise');
  await expect(imports.library.locator('.doc-snippet')).toContainText('abschnittsweise Richtung Innenstadt');
  await search.fill('');
  await expect.poll(async () => (await imports.titles()).length).toBe(3);

  const sort = imports.library.getByLabel('Sort the library');
  await sort.selectOption('title');
  await expect.poll(() => imports.titles()).toEqual([SAMPLE.title, 'Neue Straßenbahnlinie soll 2027 fahren', HARBOUR_TITLE]);
  await sort.selectOption('published');
  await expect.poll(() => imports.titles()).toEqual([HARBOUR_TITLE, 'Neue Straßenbahnlinie soll 2027 fahren', SAMPLE.title]);
  await sort.selectOption('annotations');
  await expect.poll(async () => (await imports.titles())[0]).toBe(HARBOUR_TITLE);
  await expect(imports.library.locator('.doc-entry').first()).toContainText('1 claim');
  await expect(imports.library.locator('.doc-entry').first()).toContainText('1 entity');
  await search.fill('harbour');
  await shoot(page, 'library-search-sort-counts');
});

test('edits a document’s details, moves it to the trash and restores it with its annotations', async ({ reader, page, host }) => {
  const imports = new ImportPage(page);
  await importBoth(imports);
  await imports.documentButton(HARBOUR_TITLE).click();
  await reader.mark('Marguerite Okafor', 'e');
  await reader.expectSaved();

  await imports.entryAction(HARBOUR_TITLE, 'Edit details').click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  await details.getByLabel('Title').fill('Harbour dredging overrun');
  await details.getByLabel('Author').fill('');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour dredging overrun');
  await expect(page.locator('.doc-byline')).not.toContainText('Inés');
  await expect(imports.documentButton(/Harbour dredging overrun/u)).toBeVisible();

  await imports.entryAction('Harbour dredging overrun', 'Move to the trash').click();
  await expect(reader.statusMessage).toContainText('Moved “Harbour dredging overrun” to the trash');
  await expect(imports.library.locator('.doc-list')).not.toContainText('Harbour dredging overrun');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Harbour dredging overrun');
  const trash = imports.library.getByRole('region', { name: 'Trash' });
  await trash.getByRole('button', { name: 'Trash (1)' }).click();
  await expect(trash.getByRole('listitem')).toContainText('Harbour dredging overrun');
  await shoot(page, 'library-trash');

  await trash.getByRole('listitem').filter({ hasText: 'Harbour dredging overrun' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour dredging overrun');
  await expect(reader.article.locator('.ann-entity')).toHaveText('Marguerite Okafor');
  await expect(trash.getByRole('button', { name: 'Trash (0)' })).toBeVisible();
  await expect(imports.library.locator('.doc-list > li')).toHaveCount(3);
  expect((await host.documentIds()).length).toBe(3);
});
