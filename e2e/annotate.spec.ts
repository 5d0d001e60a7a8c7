import { expect, test } from './support/fixtures.ts';
import { SAMPLE, addNote, attributeMetsolaQuote, markClaimWithVerdict, tagOrganisation } from './support/sample-annotations.ts';

test('opens the sample article with its title and date, the date line kept out of the text', async ({ reader, page }) => {
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE.title })).toBeVisible();
  await expect(page.locator('.doc-header time')).toHaveText(SAMPLE.published);
  await expect(page.locator('.doc-header time')).toHaveAttribute('datetime', SAMPLE.published);
  const text = (await reader.article.textContent()) ?? '';
  expect(text).not.toContain('date 2022-11-23');
  expect(text.startsWith('The official website of the European Parliament')).toBe(true);
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: new RegExp(SAMPLE.title, 'u') }),
  ).toHaveAttribute('aria-current', 'page');
});

test('marks a claim with C and sets its verdict in the inspector', async ({ reader }) => {
  const id = await markClaimWithVerdict(reader, 'Mostly true');
  await expect(reader.highlight(id).first()).toHaveClass(/\bverdict-mostly-true\b/u);
  expect(await reader.highlightText(id)).toBe(SAMPLE.claim);
  await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('mostly-true');
});

test('tags a person and attributes a quote to them', async ({ reader }) => {
  const { quoteId } = await attributeMetsolaQuote(reader);
  expect(await reader.highlightText(quoteId)).toBe(SAMPLE.quote);
  await expect(reader.highlight(quoteId).first()).toHaveAttribute('title', /Roberta Metsola/u);
});

test('tags an organisation', async ({ reader }) => {
  const id = await tagOrganisation(reader);
  expect(await reader.highlightText(id)).toBe(SAMPLE.organisation);
  await expect(reader.inspector.getByLabel('Entity type')).toHaveValue('organization');
});

test('adds a note with text', async ({ reader }) => {
  const id = await addNote(reader);
  await reader.selectAnnotation(id);
  await expect(reader.inspector.getByLabel('Note text')).toHaveValue(SAMPLE.noteText);
});

test('links a second mention to the existing entity of that name', async ({ reader }) => {
  const first = await tagOrganisation(reader);
  const second = await reader.mark(SAMPLE.organisation, 'e', 1);
  expect(second).not.toBe(first);
  await expect(reader.inspector.getByLabel('Entity type')).toHaveValue('organization');
  await expect(reader.inspector.getByText('Mention 2 of 2')).toBeVisible();
  await expect(reader.highlight(second).first()).toHaveClass(/\bentity-organization\b/u);
});

test('ignores C with nothing selected and says why', async ({ reader, page }) => {
  await reader.focusArticle();
  await page.keyboard.press('c');
  await expect(reader.statusMessage).toContainText('Select some text');
  expect(await reader.highlightIds('claim')).toEqual([]);
});
