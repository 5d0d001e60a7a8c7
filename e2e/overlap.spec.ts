import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';

test('draws nested annotations inside each other and cycles through them on repeated clicks', async ({ reader, page }) => {
  const quoteId = await reader.mark(SAMPLE.quote, 'q');
  const claimId = await reader.mark('A pro-Kremlin group has claimed responsibility', 'c');
  const noteId = await reader.mark(SAMPLE.noteSpan, 'n');

  // The note's element sits inside the claim's, which sits inside the quote's.
  const nesting = await reader
    .highlight(noteId)
    .first()
    .evaluate((element) => {
      const ids: string[] = [];
      for (let node: Element | null = element; node && !node.classList.contains('reader-text'); node = node.parentElement) {
        const id = node.getAttribute('data-annotation-id');
        if (id) ids.push(id);
      }
      return ids;
    });
  expect(nesting).toEqual([noteId, claimId, quoteId]);

  await page.keyboard.press('Escape');
  // On the note's first line (it may wrap, and the middle of a wrapped span's box is between lines).
  const spot = await reader
    .highlight(noteId)
    .first()
    .evaluate((element) => {
      const rect = element.getClientRects()[0];
      if (!rect) throw new Error('the note is not drawn');
      return { x: rect.left + Math.min(8, rect.width / 2), y: rect.top + rect.height / 2 };
    });
  const picked: (string | null)[] = [];
  for (let click = 0; click < 4; click += 1) {
    await reader.clickSpot(spot, click);
    picked.push(await reader.selectedId());
  }
  expect(picked).toEqual([noteId, claimId, quoteId, noteId]);
  await expect(page.locator('.reader-text .ann-selected')).toHaveCount(1);

  await page.keyboard.press('Escape');
  expect(await reader.selectedId()).toBeNull();
});

test('moves between annotations with [ and ]', async ({ reader, page }) => {
  const claimId = await reader.mark(SAMPLE.claim, 'c');
  const entityId = await reader.mark(SAMPLE.speaker, 'e');
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  expect(await reader.selectedId()).toBe(claimId);
  await page.keyboard.press(']');
  expect(await reader.selectedId()).toBe(entityId);
  await page.keyboard.press('[');
  expect(await reader.selectedId()).toBe(claimId);
});

test('takes a change back and says why when the store refuses it', async ({ reader, page }) => {
  await page.route('**/api/annotations.apply', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'conflict', message: 'The document was changed in another window.' } }),
    }),
  );
  await reader.selectText(SAMPLE.claim);
  await page.keyboard.press('c');
  await expect(reader.statusMessage).toContainText('The document was changed in another window.');
  await expect(reader.saveState).toHaveText('Not saved');
  expect(await reader.highlightIds('claim')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.unroute('**/api/annotations.apply');
  await reader.mark(SAMPLE.claim, 'c');
  await reader.expectSaved();
});
