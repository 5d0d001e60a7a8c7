import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';

test('picks a speaker by type-ahead, or creates one on the spot', async ({ reader }) => {
  await reader.mark(SAMPLE.speaker, 'e');
  await reader.mark(SAMPLE.quote, 'q');
  const speaker = reader.inspector.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('rob');
  await expect(reader.inspector.getByRole('listbox', { name: 'Speaker' }).getByRole('option')).toHaveText([
    /Roberta Metsola/u,
    /Add “rob”/u,
  ]);
  await speaker.press('Enter');
  await expect(speaker).toHaveValue(SAMPLE.speaker);

  await reader.mark('This traffic is related to a DDOS attack (Distributed Denial of Service) event', 'q');
  await speaker.fill('Jaume Duch');
  await speaker.press('ArrowDown');
  await speaker.press('Enter');
  await expect(speaker).toHaveValue('Jaume Duch');
  await reader.inspector.getByLabel('Quote form').selectOption('indirect');
  await reader.expectSaved();
  await reader.page.getByRole('tab', { name: /Quotes/u }).click();
  await expect(reader.page.getByRole('region', { name: 'Quotes: Jaume Duch' })).toContainText('Indirect');
});

test('takes the speaker from the selected name (S) and the cue from the selected verb (U)', async ({ reader, page }) => {
  const quoteId = await reader.mark(SAMPLE.quote, 'q');
  await reader.selectText(SAMPLE.speaker);
  await page.keyboard.press('s');
  expect(await reader.selectedId()).toBe(quoteId);
  await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue(SAMPLE.speaker);
  expect(await reader.highlightIds('entity')).toHaveLength(1);

  await reader.selectText('said');
  await page.keyboard.press('u');
  await expect(reader.inspector.locator('.cue-text')).toHaveText('said');
  await reader.inspector.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(reader.inspector.locator('.cue-text')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(reader.inspector.locator('.cue-text')).toHaveText('said');
});

test('Q with the caret inside quotation marks marks the quotation; A gives it the last speaker', async ({ reader, page }) => {
  const first = await reader.mark(SAMPLE.quote, 'q');
  await reader.selectText(SAMPLE.speaker);
  await page.keyboard.press('s');
  await reader.expectSaved();

  await reader.selectText('IT experts');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('q');
  await expect.poll(() => reader.selectedId()).not.toBe(first);
  const second = (await reader.selectedId()) ?? '';
  expect(await reader.highlightText(second)).toBe(
    'Our IT experts are pushing back against it & protecting our systems. This, after we proclaimed Russia as a State-sponsor of terrorism.',
  );
  await expect(reader.inspector.getByRole('button', { name: /Same speaker: Roberta Metsola/u })).toBeVisible();
  await page.keyboard.press('a');
  await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue(SAMPLE.speaker);
});
