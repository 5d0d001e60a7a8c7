import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { SAMPLE, attributeMetsolaQuote, markClaimWithVerdict } from './support/sample-annotations.ts';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

test('exports the HTML report from the dialog, with a sandboxed preview', async ({ reader, page }) => {
  await markClaimWithVerdict(reader, 'False');
  await attributeMetsolaQuote(reader);
  await reader.expectSaved();

  await reader.focusArticle();
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Format')).toHaveValue('html');

  await test.step('the preview shows the report, sandboxed, styled', async () => {
    const frame = dialog.locator('iframe.export-preview');
    await expect(frame).toBeVisible();
    // Sandboxed without scripts (allow-same-origin only, to adopt the report's stylesheet).
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin');
    const preview = page.frameLocator('iframe.export-preview');
    await expect(preview.locator('body')).toContainText(SAMPLE.claim);
    await expect(preview.locator('body')).toContainText(SAMPLE.speaker);
    // The report's own stylesheet applies inside the frame (the page's CSP does not block it).
    const fontFamily = await preview.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);
    expect(fontFamily).not.toBe('');
    expect(fontFamily).not.toMatch(/^"?Times New Roman"?$/u);
  });

  await test.step('options reach the preview', async () => {
    const preview = page.frameLocator('iframe.export-preview');
    await expect(preview.locator('body')).toContainText('Quotes, by speaker');
    await dialog.getByRole('checkbox', { name: 'Quotes', exact: true }).uncheck();
    await expect(preview.locator('body')).not.toContainText('Quotes, by speaker');
    await dialog.getByRole('checkbox', { name: 'Quotes', exact: true }).check();
    await expect(preview.locator('body')).toContainText('Quotes, by speaker');
  });

  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SHOTS, 'export-dialog.png') });

  await test.step('Export downloads the file, which holds the claims', async () => {
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.html$/u);
    const file = await download.path();
    const html = await readFile(file, 'utf8');
    expect(html).toContain(SAMPLE.claim);
    expect(html).toContain(SAMPLE.speaker);
    expect(html).not.toMatch(/<script/iu);
  });

  await expect(dialog).toBeHidden();
  await expect(reader.statusMessage).toContainText('Exported');
  await expect(reader.article).toBeFocused();
});

test('exports a data format; Escape closes the dialog and focus returns to the article', async ({ reader, page }) => {
  await markClaimWithVerdict(reader, 'True');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Format').selectOption('csv');
  await expect(dialog.locator('iframe')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/u);
  expect(await readFile(await download.path(), 'utf8')).toContain(SAMPLE.claim);

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reader.article).toBeFocused();
});
