import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';

test('selects text with the keyboard caret and marks it', async ({ reader, page }) => {
  await reader.focusArticle();
  await page.keyboard.press('Control+Home');
  await expect(page.locator('.reader-caret')).toBeVisible();
  // Word by word from the start: "The official website".
  for (let word = 0; word < 3; word += 1) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('c');
  await expect.poll(() => reader.selectedId()).not.toBeNull();
  const claimId = await reader.selectedId();
  expect(await reader.highlightText(claimId ?? '')).toBe('The official website');

  // Character by character, then shrink by one: "European Parliament" after "of the ".
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  // Ctrl+→ stops at the ends of words: after "of", after "the"; → steps over the space.
  for (let step = 0; step < 2; step += 1) await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let step = 0; step < 2; step += 1) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('e');
  await expect.poll(async () => reader.highlightText((await reader.selectedId()) ?? '')).toBe('European Parliament');
  await expect(reader.inspector.getByLabel('Entity name')).toHaveValue('European Parliament');
});

test('moves the caret by line and selects to the end of the line with Shift+End', async ({ reader, page }) => {
  await reader.focusArticle();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected.length).toBeGreaterThan(20);
  expect(SAMPLE.title.length).toBeGreaterThan(0);
  const text = (await reader.article.textContent()) ?? '';
  expect(text).toContain(selected.trim());
});

test('finds text with Ctrl+F and leaves the match selected for a marking key', async ({ reader, page }) => {
  await reader.focusArticle();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in the article' });
  await expect(find).toBeFocused();
  await find.fill('Russia');
  await expect(page.locator('.find-status')).toHaveText('1 of 6');
  await page.keyboard.press('Enter');
  await expect(page.locator('.find-status')).toHaveText('2 of 6');
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('.find-status')).toHaveText('1 of 6');
  await page.keyboard.press('Escape');
  await expect(find).toHaveCount(0);
  await expect(reader.article).toBeFocused();
  await page.keyboard.press('e');
  await expect.poll(async () => reader.highlightText((await reader.selectedId()) ?? '')).toBe('Russia');
});

test('shows the shortcut sheet on ? and closes it with Escape', async ({ reader, page }) => {
  await reader.focusArticle();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Mark' })).toContainText('Claim');
  await expect(sheet.getByRole('row', { name: /Set the verdict of the selected claim/u })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(reader.article).toBeFocused();
});

test('moves between regions with F6 and back to the article with Escape', async ({ reader, page }) => {
  await reader.focusArticle();
  await page.keyboard.press('F6');
  await expect(reader.inspector).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('button', { name: /European Parliament website/u })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('tab', { name: /Claims/u })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reader.article).toBeFocused();
});
