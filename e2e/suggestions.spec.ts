import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import type { ReaderPage } from './support/reader-page.ts';
import { shoot } from './support/screenshots.ts';

/** How many suggestions the article draws (the reader counts its suggestion layer). */
async function drawnSuggestions(reader: ReaderPage): Promise<number> {
  return Number(await reader.article.getAttribute('data-suggestion-count'));
}

async function runSuggestions(reader: ReaderPage): Promise<void> {
  await reader.page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(reader.statusMessage).toContainText('suggestions at or above 50%');
  await expect.poll(() => drawnSuggestions(reader)).toBeGreaterThan(10);
}

function currentSuggestion(page: Page) {
  return page.getByRole('group', { name: 'Current suggestion' });
}

test('accepts with Enter, rejects with Backspace and steps with Tab; accepted suggestions are ordinary annotations after a restart, a rejected one stays away', async ({
  host,
  reader,
  page,
}) => {
  await runSuggestions(reader);
  await shoot(page, 'suggestions-layer');
  const drawn = await drawnSuggestions(reader);

  await page.getByRole('button', { name: 'One by one' }).click();
  await expect(currentSuggestion(page)).toContainText('Claim');
  await expect(currentSuggestion(page)).toContainText('The official website of the European Parliament');
  await expect(currentSuggestion(page)).toContainText('+0.15 a date or time');
  await page.keyboard.press('Enter');
  await expect.poll(() => reader.highlightIds('claim')).toHaveLength(1);

  await expect(currentSuggestion(page)).toContainText('European Parliament · organization');
  const rejectedId = await page.locator('.reader-text .sug-current').first().getAttribute('data-suggestion-id');
  expect(rejectedId).toMatch(/^entity:\d+-\d+$/u);
  await page.keyboard.press('Backspace');
  await expect(currentSuggestion(page)).toContainText('MEPs · group');
  await page.keyboard.press('Tab');
  await expect(currentSuggestion(page)).toContainText('Russia · location');
  await page.keyboard.press('Shift+Tab');
  await expect(currentSuggestion(page)).toContainText('MEPs · group');
  await shoot(page, 'suggestions-current');
  await page.keyboard.press('Enter');
  await expect.poll(() => reader.highlightIds('entity')).toHaveLength(1);
  expect(await drawnSuggestions(reader)).toBe(drawn - 3);

  // Undo takes an accepted suggestion back like any annotation; redo brings it again.
  await page.keyboard.press('Escape');
  await expect(currentSuggestion(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => reader.highlightIds('entity')).toHaveLength(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => reader.highlightIds('entity')).toHaveLength(1);
  await reader.expectSaved();

  await host.restart();
  await reader.open(host.url);
  expect(await reader.highlightIds('claim')).toHaveLength(1);
  expect(await reader.highlightIds('entity')).toHaveLength(1);
  const [id] = await host.documentIds();
  const document = await host.readDocumentFile(id ?? '');
  expect(document.rejectedSuggestions).toEqual([rejectedId]);
  const claim = document.annotations.find((annotation) => annotation.kind === 'claim');
  expect(claim).toMatchObject({ status: 'unverified', checkworthy: true, suggested: { suggester: 'claims' } });
  const mention = document.annotations.find((annotation) => annotation.kind === 'entity');
  expect(mention).toMatchObject({ target: { exact: 'MEPs' }, suggested: { suggester: 'entities', confidence: 0.85 } });
  expect(document.entities).toEqual([expect.objectContaining({ name: 'MEPs', type: 'group' })]);

  // Asked again, the rejected suggestion and the accepted ones do not come back.
  await runSuggestions(reader);
  await expect(page.locator(`[data-suggestion-id="${rejectedId}"]`)).toHaveCount(0);
  await expect(reader.statusMessage).toContainText('1 rejected before, left out');
  expect(await drawnSuggestions(reader)).toBe(drawn - 3);
});

test('accepts all of a kind at or above a confidence in one undoable step, and the toggle hides the layer', async ({
  host,
  reader,
  page,
}) => {
  await runSuggestions(reader);
  await page.getByLabel('Lowest confidence shown').selectOption('0.85');
  const acceptQuotes = page.getByRole('button', { name: /^Accept all \d+ suggested quotes at or above 85%$/u });
  const count = Number(/Accept all (\d+)/u.exec((await acceptQuotes.getAttribute('aria-label')) ?? '')?.[1]);
  expect(count).toBeGreaterThanOrEqual(6);
  await acceptQuotes.click();
  await expect.poll(() => reader.highlightIds('quote')).toHaveLength(count);
  await expect(reader.statusMessage).toContainText(`Accepted ${count} suggested quotes at or above 85%`);

  await page.keyboard.press('Control+z');
  await expect.poll(() => reader.highlightIds('quote')).toHaveLength(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => reader.highlightIds('quote')).toHaveLength(count);
  await reader.expectSaved();

  await page.getByRole('button', { name: 'Hide suggestions' }).click();
  await expect.poll(() => drawnSuggestions(reader)).toBe(0);
  await page.getByRole('button', { name: 'Show suggestions' }).click();
  await expect.poll(() => drawnSuggestions(reader)).toBeGreaterThan(0);

  await host.stop(); // flushes the pending save to disk
  const [id] = await host.documentIds();
  const document = await host.readDocumentFile(id ?? '');
  const quotes = document.annotations.filter((annotation) => annotation.kind === 'quote');
  expect(quotes).toHaveLength(count);
  const metsola = document.entities.find((entity) => entity.name === 'Roberta Metsola');
  expect(metsola).toMatchObject({ type: 'person', aliases: ['Metsola'] });
  for (const quote of quotes) {
    expect(quote.suggested?.confidence).toBeGreaterThanOrEqual(0.85);
    expect(document.text.slice(quote.target.start, quote.target.end)).toBe(quote.target.exact);
  }
  expect(quotes.filter((quote) => quote.kind === 'quote' && quote.speakerId === metsola?.id).length).toBeGreaterThanOrEqual(3);
});

test('with "suggest on import" on, an article without annotations opens with its suggestions', async ({ reader, page, host }) => {
  expect(await drawnSuggestions(reader)).toBe(0);
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('checkbox', { name: /Suggest on import/u }).check();
  await page.keyboard.press('Escape');
  await reader.open(host.url);
  await expect.poll(() => drawnSuggestions(reader)).toBeGreaterThan(10);

  // A quote made current by a click: its speaker, its cue and why it was suggested.
  await page
    .locator('[data-suggestion-id^="quote:"]')
    .first()
    .click({ position: { x: 6, y: 8 } });
  await expect(currentSuggestion(page)).toContainText('direct · Roberta Metsola · cue “said”');
  await shoot(page, 'suggestions-quote');
});
