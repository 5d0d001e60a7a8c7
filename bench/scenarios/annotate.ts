import type { Page } from 'playwright-core';
import { canonicalText } from '../../shared/text/canonical.ts';
import { parsePlainText } from '../../shared/text/plain-text.ts';
import { AppUnderTest, launchChromium } from '../lib/app-under-test.ts';
import { addOneClaim, waitSaved } from '../lib/reader-actions.ts';
import { generateAnnotationOps, generateArticle } from '../lib/generate.ts';
import { withBudget, type BenchRow } from '../lib/report.ts';
import { median, sampleTimes } from '../lib/stats.ts';

const SCENARIO = 'annotate: add one claim';

/** Selects the first occurrence of `text` in the article (joined across highlight spans) and focuses the reader. */
async function selectInArticle(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector<HTMLElement>('.reader-text');
    if (!root) throw new Error('no reader');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let joined = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: joined.length });
      joined += (node as Text).data;
    }
    const index = joined.indexOf(wanted);
    if (index < 0) throw new Error(`"${wanted}" is not in the article`);
    // No helper functions in here: the bundler would wrap them in a name helper the page lacks.
    const end = index + wanted.length;
    const first = nodes.find(({ node, start }) => index >= start && index < start + node.data.length);
    const last = nodes.find(({ node, start }) => end > start && end <= start + node.data.length);
    if (!first || !last) throw new Error('offset outside the text');
    const range = document.createRange();
    range.setStart(first.node, index - first.start);
    range.setEnd(last.node, end - last.start);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    root.focus({ preventScroll: true });
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, text);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Tags one name as an entity (E), then times "Tag all mentions" (T) from the key to every new
 * mention drawn and laid out; undoes both afterwards. Returns the time and the mentions added.
 */
async function tagAllMentions(page: Page, name: string): Promise<{ ms: number; added: number }> {
  await selectInArticle(page, name);
  await page.keyboard.press('e');
  await waitSaved(page);
  const result = await page.evaluate(async () => {
    const reader = document.querySelector<HTMLElement>('.reader-text');
    if (!reader) throw new Error('no reader');
    const before = Number(reader.dataset.highlightCount);
    const started = performance.now();
    reader.dispatchEvent(new KeyboardEvent('keydown', { key: 't', code: 'KeyT', bubbles: true, cancelable: true }));
    await Promise.resolve();
    await Promise.resolve();
    const after = Number(reader.dataset.highlightCount);
    reader.getBoundingClientRect();
    document.body.getBoundingClientRect();
    return { ms: performance.now() - started, added: after - before };
  });
  if (result.added < 1) throw new Error('Tag all mentions added nothing');
  await waitSaved(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  return result;
}

interface Size {
  label: string;
  words: number;
  annotations: number;
  namesPer1000Words: number;
}

const SMALL: Size = { label: '1k words, 10 annotations', words: 1_000, annotations: 10, namesPer1000Words: 10 };
/** Five names at 55 per 1,000 words: over 500 mentions of each on 50,000 words. */
const LARGE: Size = { label: '50k words, 5k annotations', words: 50_000, annotations: 5_000, namesPer1000Words: 55 };

export async function annotateScenario(runs: number): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    for (const size of [SMALL, LARGE]) {
      const app = await AppUnderTest.start();
      try {
        const { raw } = generateArticle(size.words, 11, size.namesPer1000Words);
        const text = canonicalText(parsePlainText(raw).blocks);
        const ops = generateAnnotationOps(text, size.annotations, 12);
        const id = await app.addDocument(raw, size.label, ops);
        const page = await app.openInPage(browser, id, Math.min(size.annotations, 50));
        const times = await sampleTimes(runs, (run) => addOneClaim(page, 7 + Math.abs(run) * 13));
        rows.push({ scenario: SCENARIO, case: size.label, medianMs: median(times), runs });
        if (size === LARGE) {
          let added = 0;
          const tagTimes = await sampleTimes(Math.min(runs, 5), async () => {
            const result = await tagAllMentions(page, 'Jaume Duch');
            added = result.added;
            return result.ms;
          });
          rows.push({
            scenario: 'annotate: tag all mentions',
            case: size.label,
            medianMs: median(tagTimes),
            runs: Math.min(runs, 5),
            note: `${added} mentions in one batch`,
          });
        }
        await page.close();
      } finally {
        await app.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const [small, large, tagAll] = rows as [BenchRow, BenchRow, BenchRow];
  const addOnLarge = { ...large, case: `add one claim, ${large.case}` };
  return [small, withBudget(large, small, 2), withBudget(tagAll, addOnLarge, 50)];
}
