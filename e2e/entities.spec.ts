import { expect, test } from './support/fixtures.ts';
import type { ReaderPage } from './support/reader-page.ts';
import { SAMPLE } from './support/sample-annotations.ts';

/** The texts of the entity mentions drawn in the article, in reading order. */
async function mentionTexts(reader: ReaderPage): Promise<string[]> {
  const ids = await reader.highlightIds('entity');
  return Promise.all(ids.map((id) => reader.highlightText(id)));
}

test('tags “Metsola”, then Tag all mentions tags every mention of Roberta Metsola, and one undo takes them all back', async ({
  reader,
  page,
  host,
}) => {
  const first = await reader.mark('Metsola', 'e', 1);
  await reader.inspector.getByLabel('Entity type').selectOption({ label: 'Person' });
  await expect(reader.inspector.getByTestId('untagged-count')).toHaveText('1 more in the text');
  const before = Number(await reader.article.getAttribute('data-highlight-count'));

  await reader.inspector.getByRole('button', { name: 'Tag all mentions' }).click();
  await expect(reader.article).toHaveAttribute('data-highlight-count', String(before + 1));
  await expect(reader.statusMessage).toContainText('Tagged 1 more mention of “Metsola”');
  expect(await mentionTexts(reader)).toEqual(['Metsola', 'Metsola']);
  await expect(reader.inspector.getByTestId('untagged-count')).toHaveText('Every occurrence is tagged');
  await reader.expectSaved();

  // With the full name as the entity's name and "Metsola" as an alias, the longer name wins.
  await reader.page.keyboard.press('Control+z');
  await expect(reader.article).toHaveAttribute('data-highlight-count', String(before));
  expect(await reader.highlightIds('entity')).toEqual([first]);
  await reader.selectAnnotation(first);
  const name = reader.inspector.getByLabel('Entity name');
  await name.fill(SAMPLE.speaker);
  await name.press('Enter');
  await expect(reader.inspector.locator('.chip')).toHaveText(['Metsola×']);
  await reader.focusArticle();
  await page.keyboard.press('t');
  await expect(reader.statusMessage).toContainText(`Tagged 1 more mention of “${SAMPLE.speaker}”`);
  expect((await mentionTexts(reader)).sort()).toEqual(['Metsola', SAMPLE.speaker]);

  await page.keyboard.press('Control+z');
  expect(await reader.highlightIds('entity')).toEqual([first]);
  await reader.expectSaved();
  await host.stop();
  const [documentId] = await host.documentIds();
  const document = await host.readDocumentFile(documentId ?? '');
  expect(document.annotations.filter((annotation) => annotation.kind === 'entity')).toHaveLength(1);
});

test('T with a name selected tags it and all its other mentions in one step', async ({ reader, page }) => {
  await reader.selectText(SAMPLE.organisation);
  await page.keyboard.press('t');
  await expect(reader.statusMessage).toContainText('Tagged “European Parliament” and 4 more mentions');
  const texts = await mentionTexts(reader);
  expect(texts).toHaveLength(5);
  expect(new Set(texts)).toEqual(new Set([SAMPLE.organisation]));
  await page.keyboard.press('Control+z');
  expect(await reader.highlightIds('entity')).toEqual([]);
});

test('merges two entities: the mentions and the quote’s speaker follow', async ({ reader, page }) => {
  const fullName = await reader.mark(SAMPLE.speaker, 'e');
  await reader.inspector.getByLabel('Entity type').selectOption({ label: 'Person' });
  const surname = await reader.mark('Metsola', 'e', 1);
  await expect(reader.inspector.getByLabel('Entity name')).toHaveValue('Metsola');
  const quoteId = await reader.mark('My response: #SlavaUkraini', 'q');
  const speaker = reader.inspector.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Metsola');
  await expect(reader.inspector.getByRole('option').first()).toHaveText(/^Metsola/u);
  await speaker.press('Enter');
  await expect(speaker).toHaveValue('Metsola');
  await reader.expectSaved();

  await reader.selectAnnotation(surname);
  const merge = reader.inspector.getByRole('combobox', { name: 'Merge into' });
  await merge.fill('Roberta');
  await expect(reader.inspector.getByRole('option', { name: /Roberta Metsola/u })).toBeVisible();
  await merge.press('Enter');
  await expect(reader.statusMessage).toContainText('Merged “Metsola” into “Roberta Metsola” (1 mention, 1 quote)');
  await expect(reader.inspector.getByLabel('Entity name')).toHaveValue(SAMPLE.speaker);
  await expect(reader.inspector.locator('.chip')).toHaveText(['Metsola×']);
  await expect(reader.inspector.getByText('Mention 2 of 2')).toBeVisible();
  await expect(reader.highlight(surname).first()).toHaveClass(/\bentity-person\b/u);

  await page.getByRole('tab', { name: /Entities/u }).click();
  await expect(page.locator('[data-entity-ref]')).toHaveCount(1);
  await expect(page.locator('[data-entity-ref] .mention-count')).toHaveText('2/2');
  await reader.selectAnnotation(quoteId);
  await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue(SAMPLE.speaker);
  await reader.selectAnnotation(fullName);
  await expect(reader.inspector.getByText('Mention 1 of 2')).toBeVisible();
  await reader.inspector.getByRole('button', { name: 'Next mention' }).click();
  expect(await reader.selectedId()).toBe(surname);

  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-entity-ref]')).toHaveCount(2);
  await reader.selectAnnotation(quoteId);
  await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue('Metsola');
});

test('edits an entity’s aliases, Wikidata id and description, and steps through its mentions from the list', async ({ reader, page }) => {
  await reader.selectText(SAMPLE.organisation);
  await page.keyboard.press('t');
  const alias = reader.inspector.getByLabel('Aliases');
  await alias.fill('EP');
  await alias.press('Enter');
  await expect(reader.inspector.locator('.chip')).toHaveText(['EP×']);
  const wikidata = reader.inspector.getByLabel('Wikidata id');
  await wikidata.fill('not an id');
  await wikidata.press('Enter');
  await expect(reader.statusMessage).toContainText('is not a Wikidata item');
  await wikidata.fill('https://www.wikidata.org/wiki/Q8889');
  await wikidata.press('Enter');
  await expect(wikidata).toHaveValue('Q8889');
  const link = reader.inspector.getByRole('link', { name: /Q8889 on Wikidata/u });
  await expect(link).toHaveAttribute('href', 'https://www.wikidata.org/wiki/Q8889');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await reader.inspector.getByLabel('Description').fill('The EU’s legislature, in Strasbourg and Brussels.');
  await reader.inspector.getByLabel('Description').blur();
  await reader.expectSaved();

  await page.getByRole('tab', { name: /Entities/u }).click();
  const row = page.locator('[data-entity-ref]');
  await expect(row).toContainText('also EP');
  await expect(row).toContainText('Q8889');
  await expect(row.locator('.mention-count')).toHaveText('1/5');
  await page.getByRole('button', { name: 'Next mention of European Parliament' }).click();
  await expect(row.locator('.mention-count')).toHaveText('2/5');
  await page.getByRole('button', { name: 'Previous mention of European Parliament' }).click();
  await expect(row.locator('.mention-count')).toHaveText('1/5');
  await page.getByRole('button', { name: 'Previous mention of European Parliament' }).click();
  await expect(row.locator('.mention-count')).toHaveText('5/5');
  await expect(page.locator('.reader-text .ann-selected')).toBeInViewport();
});

test('a mention’s colour follows its entity’s type, everywhere at once', async ({ reader, page }) => {
  await reader.selectText(SAMPLE.organisation);
  await page.keyboard.press('t');
  await page.keyboard.press('o');
  const mentions = page.locator('.reader-text .ann-entity');
  await expect(mentions).toHaveCount(5);
  for (const mention of await mentions.all()) await expect(mention).toHaveClass(/\bentity-organization\b/u);
  await page.keyboard.press('l');
  for (const mention of await mentions.all()) await expect(mention).toHaveClass(/\bentity-location\b/u);
});
