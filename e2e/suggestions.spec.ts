import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import type { ReaderPage } from './support/reader-page.ts';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

/** The suggestions drawn in the article, as the reader counts them. */
async function drawnSuggestions(reader: ReaderPage): Promise<number> {
  return Number(await reader.article.getAttribute('data-suggestion-count'));
}

async function runSuggestions(reader: ReaderPage): Promise<void> {
  await reader.page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(reader.statusMessage).toContainText('suggestions at or above 50%');
  await expect.poll(() => drawnSuggestions(reader)).toBeGreaterThan(10);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('suggestion layer on the sample article', async ({ reader, page }) => {
  await runSuggestions(reader);
  await shoot(page, 'suggestions-layer');
  await page.getByRole('button', { name: 'One by one' }).click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await shoot(page, 'suggestions-current');
});
