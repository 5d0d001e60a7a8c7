import type { Page } from 'playwright-core';

/**
 * Selects the first words of paragraph `index` and presses C; returns the milliseconds from the key
 * to the new highlight drawn and laid out (with the inspector updated), measured inside the page.
 */
export async function addOneClaim(page: Page, index: number): Promise<number> {
  await page.evaluate((paragraphIndex) => {
    const paragraphs = document.querySelectorAll('.reader-text p');
    const paragraph = paragraphs[paragraphIndex % paragraphs.length];
    if (!paragraph) throw new Error('no paragraphs');
    paragraph.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text | null;
    if (!first) throw new Error('empty paragraph');
    const space = first.data.indexOf(' ', 4);
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(first, space > 0 ? space : first.data.length);
    const reader = document.querySelector<HTMLElement>('.reader-text');
    reader?.focus({ preventScroll: true });
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, index);
  // The analyst selects in a settled view: the reader has drawn the highlights that scrolled near.
  await page.waitForTimeout(300);
  const ms = await page.evaluate(async () => {
    const reader = document.querySelector<HTMLElement>('.reader-text');
    if (!reader) throw new Error('no reader');
    const selectedBefore = document.querySelector('.reader-text .ann-selected')?.getAttribute('data-annotation-id') ?? null;
    const started = performance.now();
    reader.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', code: 'KeyC', bubbles: true, cancelable: true }));
    // Let the inspector's render (a microtask in Preact) run, then force layout of what changed.
    await Promise.resolve();
    await Promise.resolve();
    const selected = document.querySelector('.reader-text .ann-selected');
    if (!selected || selected.getAttribute('data-annotation-id') === selectedBefore) throw new Error('pressing C drew no new claim');
    selected.getBoundingClientRect();
    document.querySelector('[aria-label="Inspector"]')?.getBoundingClientRect();
    return performance.now() - started;
  });
  await waitSaved(page);
  return ms;
}

/** Waits until every change has been saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent?.trim() === 'Saved', undefined, {
    timeout: 60_000,
  });
}
