import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { ReaderPage } from './support/reader-page.ts';
import { SAMPLE } from './support/sample-annotations.ts';
import type { ScholiaHost } from './support/scholia-host.ts';
import { SHOTS } from './support/screenshots.ts';

/**
 * Waits until the store has written the annotation to the document's file. The store debounces its
 * writes, so a change made after this is a save of its own, and the state before it a version.
 */
async function expectWritten(host: ScholiaHost, annotationId: string): Promise<void> {
  const [documentId] = await host.documentIds();
  if (!documentId) throw new Error('the library has no document');
  await expect
    .poll(async () => (await host.readDocumentFile(documentId)).annotations.map((annotation) => annotation.id))
    .toContain(annotationId);
}

test('restores an earlier version: the highlights match it and the undo history starts afresh', async ({ reader, page, host }) => {
  const claimId = await reader.mark(SAMPLE.claim, 'c');
  await reader.expectSaved();
  await expectWritten(host, claimId);
  const noteId = await reader.mark(SAMPLE.noteSpan, 'n');
  await reader.expectSaved();
  await expectWritten(host, noteId);
  expect(await reader.highlightIds('note')).toEqual([noteId]);

  await page.getByRole('button', { name: 'Versions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Previous versions' });
  await expect(dialog).toBeVisible();
  const rows = dialog.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // The version with the claim but not yet the note.
  const earlier = rows.filter({ hasText: '1 claim · 0 quotes · 0 entities · 0 notes' });
  await expect(earlier).toHaveCount(1);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SHOTS, 'versions-list.png') });

  await earlier.getByRole('button', { name: /^Restore/u }).click();
  await expect(dialog).toBeHidden();
  await expect(reader.statusMessage).toContainText('Restored');
  await expect.poll(() => reader.highlightIds('note')).toEqual([]);
  expect(await reader.highlightIds('claim')).toEqual([claimId]);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  // The restore is a save of its own: the state it replaced is now a version too.
  await page.getByRole('button', { name: 'Versions…' }).click();
  await expect(dialog.locator('tbody tr').filter({ hasText: '1 claim · 0 quotes · 0 entities · 1 note' }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a second host on the same library is read-only: a banner says so and marking is off', async ({ host, browser }) => {
  const second = await host.another();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const reader = new ReaderPage(page);
    await reader.open(second.url);
    const banner = page.getByTestId('read-only-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('read-only');
    await expect(banner).toContainText('in use by');
    await expect(page.getByRole('button', { name: /^Claim/u })).toBeDisabled();
    await expect(reader.saveState).toHaveText('Read-only');

    await reader.selectText(SAMPLE.claim);
    await page.keyboard.press('c');
    await expect(reader.statusMessage).toContainText('read-only');
    expect(await reader.highlightIds('claim')).toEqual([]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'read-only-banner.png') });
  } finally {
    await context.close();
    await second.stop();
  }
});
