import type { Page } from '@playwright/test';
import type { ScholiaDocument } from '../shared/model/document.ts';
import { generateAnnotationOps, generateArticle } from '../bench/lib/generate.ts';
import { expect, test } from './support/fixtures.ts';

const WORDS = 50_000;
const ANNOTATIONS = 3_000;

/** Distinct annotations with an element in the page (the reader draws only those near the screen). */
function drawnIds(page: Page): Promise<number> {
  return page
    .locator('.reader-text [data-annotation-id]')
    .evaluateAll((elements) => new Set(elements.map((element) => element.getAttribute('data-annotation-id'))).size);
}

test('a long article draws only the highlights near the screen, and draws them wherever the analyst goes', async ({
  host,
  reader,
  page,
}) => {
  test.setTimeout(120_000);
  const article = generateArticle(WORDS, 7);
  const { id } = (await host.call('library.importPaste', { text: article.raw })) as { id: string };
  const { document } = (await host.call('library.get', { id })) as { document: ScholiaDocument };
  const ops = generateAnnotationOps(document.text, ANNOTATIONS, 11);
  await host.call('annotations.apply', { documentId: id, ops });
  // The last annotation in reading order (by start, the longer first, then by id), as `[` finds it.
  const inOrder = ops
    .flatMap((op) => (op.op === 'annotation.add' ? [op.annotation] : []))
    .sort((a, b) => a.target.start - b.target.start || b.target.end - a.target.end || (a.id < b.id ? -1 : 1));
  const last = inOrder.at(-1);
  if (!last) throw new Error('no annotations generated');

  await page.reload();
  await page.locator('.doc-item', { hasText: document.meta.title }).click();
  await expect(reader.article).toHaveAttribute('data-highlight-count', String(ANNOTATIONS));
  await expect(reader.article).toHaveClass(/reader-long/u);
  const drawnAtTop = await drawnIds(page);
  expect(drawnAtTop).toBeGreaterThan(0);
  expect(drawnAtTop).toBeLessThan(ANNOTATIONS / 5);
  await expect(page.locator(`.reader-text [data-annotation-id="${last.id}"]`)).toHaveCount(0);

  // Scrolled to the end, the highlights there are drawn after the pause, and a click inspects one.
  await page.locator('.reading-scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  const lastHighlight = page.locator(`.reader-text [data-annotation-id="${last.id}"]`).first();
  await expect(lastHighlight).toBeAttached();
  expect(await drawnIds(page)).toBeLessThan(ANNOTATIONS / 5);
  await lastHighlight.scrollIntoViewIfNeeded();
  await lastHighlight.click();
  await expect(reader.inspector.locator('.inspector-kind')).toBeVisible();
  expect(await reader.selectedId()).not.toBeNull();

  // Back at the top with nothing selected, `[` goes to the last annotation: the reader scrolls there and draws it.
  await page.locator('.reading-scroll').evaluate((scroller) => (scroller.scrollTop = 0));
  await reader.focusArticle();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect.poll(() => reader.selectedId()).toBeNull();
  await page.locator('.reading-scroll').evaluate((scroller) => (scroller.scrollTop = 0));
  await page.keyboard.press('[');
  await expect.poll(() => reader.selectedId()).toBe(last.id);
  await expect(lastHighlight).toBeInViewport();

  // Marking a claim at the very end of the article draws it at once and counts it.
  await page.locator('.reading-scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  const lastParagraph = document.text.slice(document.text.lastIndexOf('\n\n') + 2);
  const phrase = lastParagraph.slice(-Math.min(30, lastParagraph.length));
  await reader.selectText(phrase, document.text.split(phrase).length - 2);
  await page.keyboard.press('c');
  await expect(reader.article).toHaveAttribute('data-highlight-count', String(ANNOTATIONS + 1));
  const added = await reader.selectedId();
  expect(added).not.toBeNull();
  await expect(page.locator(`.reader-text [data-annotation-id="${added}"]`).first()).toBeInViewport();
  await reader.expectSaved();
});
