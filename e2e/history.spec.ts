import { expect, test } from './support/fixtures.ts';
import { annotation, importTagFile, sampleDocument, writeTagFile } from './support/review-files.ts';

const SECOND = {
  title: 'Second article for the history',
  text: 'Prices rose by four percent last year, the statistics office said on Monday.',
};
const THEIR_CLAIM = 'By 15:30 CET, the website became accessible but by 16:00 CET, it went down again.';

test('each document keeps its undo history: back from another document, Ctrl+Z undoes the last edit', async ({ host, reader, page }) => {
  const { document } = await sampleDocument(host);
  await host.call('library.importText', SECOND);
  await page.reload();
  await expect(page.locator('.doc-heading')).toContainText(document.meta.title);

  const id = await reader.mark('European', 'e');
  await reader.expectSaved();

  await page
    .getByRole('button', { name: new RegExp(SECOND.title, 'u') })
    .first()
    .click();
  await expect(page.locator('.doc-heading')).toContainText(SECOND.title);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  await page
    .getByRole('button', { name: new RegExp(document.meta.title, 'u') })
    .first()
    .click();
  await expect(page.locator('.doc-heading')).toContainText(document.meta.title);
  await expect(reader.highlight(id)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /Undo: Tag entity/u);

  await reader.focusArticle();
  await page.keyboard.press('Control+z');
  await expect(reader.highlight(id)).toHaveCount(0);
  await reader.expectSaved();
  const stored = (await host.call('library.get', { id: document.id })) as { document: { annotations: { id: string }[] } };
  expect(stored.document.annotations.map((annotation) => annotation.id)).not.toContain(id);

  await page.keyboard.press('Control+Shift+z');
  await expect(reader.highlight(id)).toHaveCount(1);
});

test('a review decision is a step of the document’s history: Ctrl+Z undoes it, Ctrl+Shift+Z redoes it', async ({ host, reader, page }) => {
  const { document, tagset } = await sampleDocument(host);
  const file = await writeTagFile('colleague.json', document, tagset, 'B. Colleague', [
    annotation(document.text, 't-c1', 'claim', THEIR_CLAIM, { status: 'mostly-true' }, 'B. Colleague'),
  ]);
  const id = await reader.mark('European', 'e');
  await reader.expectSaved();

  await importTagFile(reader, file);
  const panel = page.getByRole('region', { name: 'Review' });
  const row = panel.locator('.review-list [data-review-item-id="t-c1"]');
  await row.getByRole('button', { name: 'Accept' }).click();
  await expect(row).toHaveClass(/review-decision-accepted/u);
  await expect(reader.article).toHaveAttribute('data-highlight-count', '2');
  await expect(panel.getByRole('button', { name: 'Undo decision' })).toBeEnabled();

  await reader.focusArticle();
  await page.keyboard.press('Control+z');
  await expect(row).toHaveClass(/review-decision-open/u);
  await expect(reader.article).toHaveAttribute('data-highlight-count', '1');
  // The next step back is the edit made before the review: the panel's button has no decision left to undo.
  await expect(panel.getByRole('button', { name: 'Undo decision' })).toBeDisabled();

  await reader.focusArticle();
  await page.keyboard.press('Control+Shift+z');
  await expect(row).toHaveClass(/review-decision-accepted/u);
  await expect(reader.article).toHaveAttribute('data-highlight-count', '2');

  await reader.focusArticle();
  await page.keyboard.press('Control+z');
  await expect(row).toHaveClass(/review-decision-open/u);
  await reader.focusArticle();
  await page.keyboard.press('Control+z');
  await expect(reader.highlight(id)).toHaveCount(0);
  await reader.expectSaved();
});
