import type { Page } from '@playwright/test';
import { generatedDocument, writeLibraryFolder } from '../bench/lib/library-folder.ts';
import type { ClaimAnnotation, QuoteAnnotation } from '../shared/model/annotation.ts';
import { DEFAULT_TAGSET } from '../shared/model/tagset.ts';
import { expect, test } from './support/fixtures.ts';
import { ReaderPage } from './support/reader-page.ts';
import { importTagFile, writeTagFile } from './support/review-files.ts';
import { ScholiaHost } from './support/scholia-host.ts';

// A generated article with 3,000 claims and 3,000 quotes (of 15,000 annotations), written straight into the library folder.
const SIZE = { words: 30_000, annotations: 15_000 };
const document = generatedDocument('long-lists', SIZE, 11);
const claims = document.annotations.filter((annotation): annotation is ClaimAnnotation => annotation.kind === 'claim');
const quotes = document.annotations.filter((annotation): annotation is QuoteAnnotation => annotation.kind === 'quote');
const byReadingOrder = (a: { id: string; target: { start: number; end: number } }, b: typeof a) =>
  a.target.start - b.target.start || b.target.end - a.target.end || (a.id < b.id ? -1 : 1);
const claimsInOrder = [...claims].sort(byReadingOrder);
const entityName = (id: string | undefined) => document.entities.find((entity) => entity.id === id)?.name;

let host: ScholiaHost;

test.beforeAll(async () => {
  host = await ScholiaHost.start();
  await host.stop();
  await writeLibraryFolder(host.libraryDir, [document]);
  await host.restart();
});

test.afterAll(async () => {
  await host.dispose();
});

const problems: string[] = [];

test.afterEach(() => {
  expect(problems.splice(0), 'no script errors').toEqual([]);
});

async function openLongDocument(page: Page): Promise<void> {
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(host.url);
  await page.waitForFunction(
    (count) => Number(window.document.querySelector<HTMLElement>('.reader-text')?.dataset['highlightCount']) === count,
    SIZE.annotations,
    {
      timeout: 30_000,
    },
  );
}

test('the claims list of a 3,000-claim document draws a screenful, and the keyboard and the selection reach every claim', async ({
  page,
}) => {
  await openLongDocument(page);
  await page.getByRole('tab', { name: /Claims/u }).click();
  const panel = page.getByRole('tabpanel');
  await expect(page.getByRole('tab', { name: /Claims/u }).locator('.tab-count')).toHaveText(String(claims.length));
  await expect(panel.getByLabel('Filter claims by verdict').locator('option').first()).toHaveText(`All verdicts (${claims.length})`);
  const rows = panel.locator('li[data-index]');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);

  const first = claimsInOrder[0]?.id ?? '';
  const last = claimsInOrder.at(-1)?.id ?? '';
  const item = (id: string) => panel.locator(`[data-annotation-ref="${id}"]`);
  const search = panel.getByRole('searchbox', { name: 'Search claims' });
  await search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(item(first)).toBeFocused();
  await page.keyboard.press('End');
  await expect(item(last)).toBeFocused();
  await expect(item(last)).toBeInViewport();
  await expect(item(last).locator('xpath=..')).toHaveAttribute('aria-posinset', String(claims.length));
  await expect(item(last).locator('xpath=..')).toHaveAttribute('aria-setsize', String(claims.length));
  expect(await rows.count()).toBeLessThan(60);
  await page.keyboard.press('ArrowUp');
  await expect(item(claimsInOrder.at(-2)?.id ?? '')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item(first)).toBeFocused();
  await expect(item(first)).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();

  // A claim near the end of the article, selected in the reader: the list scrolls down to it and marks it.
  await page.locator('.reading-scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  // A long article draws only the highlights near the screen, and moves that window a frame after the scroll: until it has,
  // the last highlight in the page is the last of the opening screens. Wait for one on screen, or the click scrolls back up.
  const highlight = page.locator('.reader-text .ann-claim').last();
  await expect(highlight).toBeInViewport();
  await highlight.click();
  const selected = await page.locator('.reader-text .ann-selected').first().getAttribute('data-annotation-id');
  expect(claimsInOrder.findIndex((claim) => claim.id === selected)).toBeGreaterThan(claims.length * 0.9);
  await expect(item(selected ?? '')).toHaveAttribute('aria-current', 'true');
  await expect(item(selected ?? '')).toBeInViewport();
  await expect(panel.locator('[aria-current="true"]')).toHaveCount(1);
});

test('searching a long claims list finds exactly the matching claims, down to the last', async ({ page }) => {
  await openLongDocument(page);
  await page.getByRole('tab', { name: /Claims/u }).click();
  const panel = page.getByRole('tabpanel');
  const query = 'Entity 42 budget';
  const words = query.toLowerCase().split(' ');
  const verdictLabel = (id: string) => DEFAULT_TAGSET.verdicts.find((verdict) => verdict.id === id)?.label ?? '';
  const matching = claimsInOrder.filter((claim) => {
    const haystack = [claim.target.exact, verdictLabel(claim.status), entityName(claim.claimantId) ?? ''].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  expect(matching.length).toBeGreaterThan(3);
  const search = panel.getByRole('searchbox', { name: 'Search claims' });
  await search.fill(query);
  const rows = panel.locator('li[data-index]');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(matching.length));
  await search.press('ArrowDown');
  await page.keyboard.press('End');
  const last = panel.locator(`[data-annotation-ref="${matching.at(-1)?.id}"]`);
  await expect(last).toBeFocused();
  await expect(last.locator('xpath=..')).toHaveAttribute('aria-posinset', String(matching.length));
});

test('quotes of a long list stay grouped by speaker, each group a region with its heading and count', async ({ page }) => {
  await openLongDocument(page);
  await page.getByRole('tab', { name: /Quotes/u }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByLabel('Filter quotes by speaker').locator('option').first()).toHaveText(`All speakers (${quotes.length})`);
  // Groups come in the order their speakers are first quoted.
  const firstSpeaker = entityName([...quotes].sort(byReadingOrder)[0]?.speakerId) ?? '';
  const group = panel.getByRole('region', { name: `Quotes: ${firstSpeaker}` });
  await expect(group.getByRole('heading', { name: new RegExp(firstSpeaker, 'u') })).toBeVisible();
  const spoken = quotes.filter((quote) => entityName(quote.speakerId) === firstSpeaker).length;
  await expect(group.locator('.group-count')).toHaveText(String(spoken));
  await expect(group.locator('li[data-index]').first()).toHaveAttribute('aria-setsize', String(spoken));
  expect(await panel.locator('li[data-index]').count()).toBeLessThan(60);

  // The end of the list: the last group is a region with its heading, even when scrolled to its last quote.
  await panel.getByRole('searchbox', { name: 'Search quotes' }).press('ArrowDown');
  await page.keyboard.press('End');
  const regions = panel.getByRole('region', { name: /^Quotes: / });
  const lastRegion = regions.last();
  await expect(lastRegion.locator('[data-annotation-ref]:focus')).toHaveCount(1);
  await expect(lastRegion.locator('.group-title')).toHaveCount(1);
  const lastName = ((await lastRegion.getAttribute('aria-label')) ?? '').replace('Quotes: ', '');
  const lastCount = quotes.filter((quote) => entityName(quote.speakerId) === lastName).length;
  await expect(lastRegion.locator('.group-count')).toHaveText(String(lastCount));
});

test('a colleague’s tag file of 1,500 notes: the review list draws a screenful, and its keys reach and decide the last item', async ({
  page,
}) => {
  await openLongDocument(page);
  const theirs = document.annotations
    .filter((annotation) => annotation.kind === 'note')
    .map((annotation) => ({ ...annotation, id: `t-${annotation.id}`, note: 'Their reading of this passage.', author: 'B. Colleague' }));
  const file = await writeTagFile('colleague.json', document, DEFAULT_TAGSET, 'B. Colleague', theirs);
  await importTagFile(new ReaderPage(page), file);
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: 'Review of B. Colleague' })).toBeVisible();
  const rows = panel.locator('.review-list > li');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(theirs.length));
  expect(await rows.count()).toBeLessThan(40);

  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(panel.locator('.review-list > li[aria-posinset="2"]')).toBeFocused();
  await page.keyboard.press('End');
  const last = panel.locator(`.review-list > li[aria-posinset="${theirs.length}"]`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('a');
  await expect(last).toHaveClass(/review-decision-accepted/u);
  await expect(last).toBeFocused();
  await expect(panel.locator('.review-decided')).toContainText('1 accepted');
  await page.keyboard.press('Home');
  await expect(panel.locator('.review-list > li[aria-posinset="1"]')).toBeFocused();
  expect(await rows.count()).toBeLessThan(40);
});
