import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AppUnderTest, launchChromium } from '../lib/app-under-test.ts';
import { generatedDocument, writeLibraryFolder, type DocumentSize } from '../lib/library-folder.ts';
import { installProbes } from '../lib/page-probes.ts';
import { addOneClaim } from '../lib/reader-actions.ts';
import { withBudget, withRatio, type BenchRow } from '../lib/report.ts';
import { median, sampleTimes } from '../lib/stats.ts';

const SMALL: DocumentSize = { words: 1_000, annotations: 10 };
const LARGE: DocumentSize = { words: 200_000, annotations: 20_000 };
/** One display frame at 60 Hz. */
const DISPLAY_FRAME_MS = 1000 / 60;
/** Frames of programmatic scrolling; the scroll runs from the top of the article to its end. */
const SCROLL_FRAMES = 600;

function label(size: DocumentSize): string {
  return `${size.words / 1000}k words, ${size.annotations.toLocaleString('en')} annotations`;
}

/** Serves one generated document and opens it in a fresh page, waiting until its highlights are drawn. */
async function openGenerated(browser: Browser, size: DocumentSize, seed: number): Promise<{ app: AppUnderTest; page: Page }> {
  const generated = generatedDocument(`interact-${size.words}`, size, seed);
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-interact-'));
  await writeLibraryFolder(libraryDir, [generated]);
  const app = await AppUnderTest.start({ libraryDir });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await installProbes(page);
  await page.goto(app.host.url);
  await page.waitForFunction((count) => Number(document.querySelector<HTMLElement>('.reader-text')?.dataset.highlightCount) === count, size.annotations, { timeout: 120_000 });
  return { app, page };
}

/**
 * Clicks a highlight on screen that is not the selected one and returns the milliseconds from the
 * mouse press to the first paint of the inspector showing that annotation.
 */
async function clickToInspector(page: Page, run: number): Promise<number> {
  const target = await page.evaluate((pick) => {
    const scroller = document.querySelector<HTMLElement>('.reading-scroll');
    if (!scroller) throw new Error('no reading area');
    const leaves = [...document.querySelectorAll<HTMLElement>('.reader-text [data-annotation-id]:not(.ann-selected)')].filter(
      (element) => !element.querySelector('[data-annotation-id]') && element.getBoundingClientRect().width > 8,
    );
    const box = scroller.getBoundingClientRect();
    const onScreen = leaves.filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top > box.top + 40 && rect.bottom < box.bottom - 40;
    });
    const leaf = onScreen[pick % Math.max(1, onScreen.length)] ?? leaves[pick % Math.max(1, leaves.length)];
    if (!leaf) throw new Error('no highlight to click');
    leaf.scrollIntoView({ block: 'center' });
    // The first line of the highlight (a highlight across a line break has an empty middle).
    const rect = leaf.getClientRects()[0] ?? leaf.getBoundingClientRect();
    const id = leaf.getAttribute('data-annotation-id') ?? '';
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (hit !== leaf) throw new Error(`the middle of highlight ${id} shows ${hit?.outerHTML.slice(0, 200) ?? 'nothing'}`);
    window.benchClick = new Promise<number>((resolve, reject) => {
      document.addEventListener(
        'mousedown',
        () => {
          const startedAt = performance.now();
          void window.benchProbes
            .whenReady(() => document.querySelector('.reader-text .ann-selected')?.getAttribute('data-annotation-id') === id && document.querySelector('[aria-label="Inspector"] .inspector-kind') !== null, startedAt, 20_000)
            .then(resolve, (error: unknown) => reject(new Error(`clicking ${id} did not select it: ${String(error)}; selected: ${document.querySelector('.reader-text .ann-selected')?.getAttribute('data-annotation-id') ?? 'none'}`)));
        },
        { capture: true, once: true },
      );
    });
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, run);
  await page.mouse.click(target.x, target.y);
  const ms = await page.evaluate(() => window.benchClick);
  // Clicks closer together than a double-click would select a word.
  await page.waitForTimeout(600);
  return ms;
}

declare global {
  interface Window {
    benchClick: Promise<number>;
  }
}

/** Scrolls the reading area from the top to the end in `frames` animation frames; the deltas between frames. */
function scrollFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const scroller = document.querySelector<HTMLElement>('.reading-scroll');
    if (!scroller) throw new Error('no reading area');
    scroller.scrollTop = 0;
    await window.benchProbes.afterPaint();
    const step = (scroller.scrollHeight - scroller.clientHeight) / count;
    return window.benchProbes.frameDeltas(count, (index) => {
      scroller.scrollTop = Math.round((index + 1) * step);
    });
  }, frames);
}

/** The same frame loop on a page with nothing but a tall empty block: what the frame clock gives when no work is done. */
async function trivialFrames(browser: Browser, frames: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await installProbes(page);
    await page.setContent('<div style="height:300000px"></div>');
    return await page.evaluate(
      (count) => window.benchProbes.frameDeltas(count, (index) => window.scrollTo(0, (index + 1) * 400)),
      frames,
    );
  } finally {
    await page.close();
  }
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function frameRow(caseLabel: string, deltas: readonly number[]): BenchRow {
  const row: BenchRow = {
    scenario: 'interact: scroll frame',
    case: caseLabel,
    medianMs: median(deltas),
    runs: deltas.length,
    note: `95th percentile ${percentile(deltas, 0.95).toFixed(1)} ms, longest ${Math.max(...deltas).toFixed(0)} ms`,
  };
  return withBudget(row, { scenario: 'display', case: 'one display frame (60 Hz)', medianMs: DISPLAY_FRAME_MS, runs: 1 }, 1);
}

/**
 * On the 200,000-word document with 20,000 annotations: adding one claim (selection and C to the
 * highlight drawn) against the same on a 1,000-word document (budget 2×); a click on a highlight to
 * the inspector showing it, with the same comparison for the record; and the frame times of
 * scrolling through the whole article (median under one display frame), beside a trivial page.
 */
export async function interactScenario(runs: number): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    const measured: Record<'add' | 'click', BenchRow[]> = { add: [], click: [] };
    for (const [size, seed] of [[SMALL, 31], [LARGE, 33]] as const) {
      console.error(`  interact ${label(size)}: open`);
      const { app, page } = await openGenerated(browser, size, seed);
      try {
        console.error(`  interact ${label(size)}: add one claim`);
        const add = await sampleTimes(runs, (run) => addOneClaim(page, 7 + Math.abs(run) * 13));
        measured.add.push({ scenario: 'interact: add one claim', case: label(size), medianMs: median(add), runs });
        await page.evaluate(() => document.querySelector<HTMLElement>('.reading-scroll')?.scrollTo(0, 0));
        console.error(`  interact ${label(size)}: click to inspector`);
        const click = await sampleTimes(runs, (run) => clickToInspector(page, Math.abs(run)));
        measured.click.push({ scenario: 'interact: click to inspector', case: label(size), medianMs: median(click), runs });
        if (size === LARGE) {
          console.error(`  interact ${label(size)}: scroll`);
          rows.push(frameRow('trivial page (empty, tall)', await trivialFrames(browser, SCROLL_FRAMES)));
          rows.push(frameRow(`${label(size)}, top to end`, await scrollFrames(page, SCROLL_FRAMES)));
        }
      } finally {
        await page.close();
        await app.stop();
      }
    }
    const [addSmall, addLarge] = measured.add as [BenchRow, BenchRow];
    const [clickSmall, clickLarge] = measured.click as [BenchRow, BenchRow];
    rows.unshift(addSmall, withBudget(addLarge, addSmall, 2), clickSmall, withRatio(clickLarge, clickSmall));
  } finally {
    await browser.close();
  }
  return rows;
}
