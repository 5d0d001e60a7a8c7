import type { Page } from 'playwright-core';
import { canonicalText } from '../../shared/text/canonical.ts';
import { parsePlainText } from '../../shared/text/plain-text.ts';
import { AppUnderTest, launchChromium } from '../lib/app-under-test.ts';
import { generateAnnotationOps, generateArticle } from '../lib/generate.ts';
import { withBudget, type BenchRow } from '../lib/report.ts';
import { median, sampleTimes } from '../lib/stats.ts';

const SCENARIO = 'annotate: add one claim';

/**
 * Selects the first words of paragraph `index` and presses C; returns the milliseconds from the key
 * to the new highlight drawn and laid out (with the inspector updated), measured inside the page.
 */
async function addOneClaim(page: Page, index: number): Promise<number> {
  await page.evaluate((paragraphIndex) => {
    const paragraphs = document.querySelectorAll('.reader-text > p');
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
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
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
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent?.trim() === 'Saved', undefined, { timeout: 30_000 });
  return ms;
}

interface Size {
  label: string;
  words: number;
  annotations: number;
}

const SMALL: Size = { label: '1k words, 10 annotations', words: 1_000, annotations: 10 };
const LARGE: Size = { label: '50k words, 5k annotations', words: 50_000, annotations: 5_000 };

export async function annotateScenario(runs: number): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    for (const size of [SMALL, LARGE]) {
      const app = await AppUnderTest.start();
      try {
        const { raw } = generateArticle(size.words, 11);
        const text = canonicalText(parsePlainText(raw).blocks);
        const ops = generateAnnotationOps(text, size.annotations, 12);
        const id = await app.addDocument(raw, size.label, ops);
        const page = await app.openInPage(browser, id, Math.min(size.annotations, 50));
        const times = await sampleTimes(runs, (run) => addOneClaim(page, 7 + Math.abs(run) * 13));
        rows.push({ scenario: SCENARIO, case: size.label, medianMs: median(times), runs });
        await page.close();
      } finally {
        await app.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const [small, large] = rows as [BenchRow, BenchRow];
  return [small, withBudget(large, small, 2)];
}
