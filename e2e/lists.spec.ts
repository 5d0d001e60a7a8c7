import { expect, test } from './support/fixtures.ts';
import { SAMPLE, attributeMetsolaQuote, markClaimWithVerdict } from './support/sample-annotations.ts';

test('lists claims, filters them by verdict and searches them', async ({ reader, page }) => {
  const trueClaim = await markClaimWithVerdict(reader, 'True');
  const otherClaim = await reader.mark('high levels of external network traffic', 'c');
  await reader.inspector.getByLabel('Verdict').selectOption({ label: 'Mostly false' });
  await reader.expectSaved();

  const panel = page.getByRole('tabpanel');
  await page.getByRole('tab', { name: /Claims/u }).click();
  const items = panel.locator('[data-annotation-ref]');
  await expect(items).toHaveCount(2);
  await panel.getByLabel('Filter claims by verdict').selectOption({ label: 'Mostly false (1)' });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-annotation-ref', otherClaim);
  await panel.getByLabel('Filter claims by verdict').selectOption('all');
  await panel.getByRole('searchbox', { name: 'Search claims' }).fill('terrorism');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-annotation-ref', trueClaim);
  await panel.getByRole('searchbox', { name: 'Search claims' }).fill('');
  await panel.getByLabel('Filter claims by verdict').selectOption({ label: 'Opinion (0)' });
  await expect(panel).toContainText('No claim matches.');
});

test('clicking an item selects its annotation, scrolls to it and flashes it', async ({ reader, page }) => {
  const lastClaim = await reader.mark('Only specific individuals and entities can be legally blacklisted', 'c');
  await reader.mark(SAMPLE.claim, 'c');
  await page.locator('.reading-scroll').evaluate((element) => (element.scrollTop = 0));
  await page.locator(`[data-annotation-ref="${lastClaim}"]`).click();
  expect(await reader.selectedId()).toBe(lastClaim);
  await expect(reader.highlight(lastClaim).first()).toBeInViewport();
  await expect(page.locator('.reader-flash').first()).toBeVisible();
  await expect(page.locator(`[data-annotation-ref="${lastClaim}"]`)).toHaveAttribute('aria-current', 'true');
});

test('groups quotes by speaker and moves through the lists with the keyboard', async ({ reader, page }) => {
  const { quoteId } = await attributeMetsolaQuote(reader);
  const loose = await reader.mark('This traffic is related to a DDOS attack (Distributed Denial of Service) event', 'q');
  await reader.expectSaved();
  await page.getByRole('tab', { name: /Claims/u }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Quotes/u })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('region', { name: `Quotes: ${SAMPLE.speaker}` }).locator('[data-annotation-ref]')).toHaveAttribute(
    'data-annotation-ref',
    quoteId,
  );
  await expect(panel.getByRole('region', { name: 'Quotes: No speaker yet' }).locator('[data-annotation-ref]')).toHaveAttribute(
    'data-annotation-ref',
    loose,
  );

  await page.keyboard.press('/');
  await expect(panel.getByRole('searchbox', { name: 'Search quotes' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(panel.locator(`[data-annotation-ref="${quoteId}"]`)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await reader.selectedId()).toBe(loose);

  await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: /Quotes/u }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Entities/u })).toHaveAttribute('aria-selected', 'true');
  const row = panel.locator('[data-entity-ref]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(SAMPLE.speaker);
  await expect(row.locator('.mention-count')).toHaveText('1');
  await row.click();
  await expect(reader.inspector.getByLabel('Entity name')).toHaveValue(SAMPLE.speaker);
});

test('lists notes, those on text and those written on other annotations', async ({ reader, page }) => {
  const noteId = await reader.mark(SAMPLE.noteSpan, 'n');
  await reader.inspector.getByLabel('Note text').fill('Which group?');
  const claimId = await reader.mark(SAMPLE.claim, 'c');
  await reader.inspector.getByLabel('Note', { exact: true }).fill('Check the resolution text.');
  await reader.inspector.getByLabel('Note', { exact: true }).blur();
  await reader.expectSaved();
  await page.getByRole('tab', { name: /Notes/u }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.locator('[data-annotation-ref]')).toHaveCount(2);
  await panel.getByLabel('Filter notes by what they are on').selectOption('claim');
  await expect(panel.locator('[data-annotation-ref]')).toHaveCount(1);
  await expect(panel.locator('[data-annotation-ref]')).toHaveAttribute('data-annotation-ref', claimId);
  await panel.getByLabel('Filter notes by what they are on').selectOption('all');
  await panel.getByRole('searchbox', { name: 'Search notes' }).fill('which');
  await expect(panel.locator('[data-annotation-ref]')).toHaveAttribute('data-annotation-ref', noteId);
});
