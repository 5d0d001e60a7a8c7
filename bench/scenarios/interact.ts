import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AppUnderTest, launchChromium } from '../lib/app-under-test.ts';
import { generatedDocument, writeLibraryFolder, type DocumentSize } from '../lib/library-folder.ts';
import { installProbes } from '../lib/page-probes.ts';
import { staticArticleHtml } from '../lib/static-article.ts';
import { addOneClaim } from '../lib/reader-actions.ts';
import { withBudget, withRatio, type BenchRow } from '../lib/report.ts';
import { median, sampleTimes } from '../lib/stats.ts';

const SMALL: DocumentSize = { words: 1_000, annotations: 10 };
const LARGE: DocumentSize = { words: 200_000, annotations: 20_000 };
/**
 * The median scroll frame may exceed the trivial page's (one display frame, as this Chromium's frame
 * clock gives it) by timer jitter only: frames come in whole display frames, and one missed frame
 * would double it.
 */
const FRAME_TOLERANCE = 1.05;
/** Frames of programmatic scrolling, and the distance scrolled in each. */
const SCROLL_FRAMES = 300;
const SCROLL_STEP_PX = 150;
/** The article as static HTML with `<mark>` highlights, served beside the app for the scroll comparison. */
const STATIC_PAGE = 'bench-static/interact.html';

function label(size: DocumentSize): string {
  return `${size.words / 1000}k words, ${size.annotations.toLocaleString('en')} annotations`;
}

/** Serves one generated document and opens it in a fresh page, waiting until its highlights are drawn. */
async function openGenerated(browser: Browser, size: DocumentSize, seed: number): Promise<{ app: AppUnderTest; page: Page }> {
  const generated = generatedDocument(`interact-${size.words}`, size, seed);
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-interact-'));
  await writeLibraryFolder(libraryDir, [generated]);
  const app = await AppUnderTest.start({ libraryDir, staticFiles: { [STATIC_PAGE]: staticArticleHtml(generated) } });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await installProbes(page);
  await page.goto(app.host.url);
  await page.waitForFunction(
    (count) => Number(document.querySelector<HTMLElement>('.reader-text')?.dataset.highlightCount) === count,
    size.annotations,
    { timeout: 120_000 },
  );
  return { app, page };
}

/**
 * Clicks a highlight on screen that is not the selected one and returns the milliseconds from the
 * mouse press to the first paint of the inspector showing that annotation.
 */
async function clickToInspector(page: Page, run: number): Promise<number> {
  const picked = await page.evaluate((pick) => {
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
    return leaf.getAttribute('data-annotation-id') ?? '';
  }, run);
  // Blocks that came near are laid out and their highlights drawn before the pointer moves.
  await page.waitForTimeout(400);
  const target = await page.evaluate((wanted) => {
    const leaf = [...document.querySelectorAll<HTMLElement>('.reader-text [data-annotation-id]')].find(
      (element) => element.getAttribute('data-annotation-id') === wanted && !element.querySelector('[data-annotation-id]'),
    );
    if (!leaf) throw new Error(`highlight ${wanted} is not drawn`);
    // The first line of the highlight (a highlight across a line break has an empty middle).
    const rect = leaf.getClientRects()[0] ?? leaf.getBoundingClientRect();
    const id = leaf.getAttribute('data-annotation-id') ?? '';
    // A click selects the innermost annotation by text span among those under the pointer.
    const under = new Set<string>();
    for (let element: Element | null = leaf; element && !element.classList.contains('reader-text'); element = element.parentElement) {
      const ref = element.getAttribute('data-annotation-id');
      if (ref) under.add(ref);
    }
    const before = document.querySelector('.reader-text .ann-selected')?.getAttribute('data-annotation-id') ?? null;
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (hit !== leaf) throw new Error(`the middle of highlight ${id} shows ${hit?.outerHTML.slice(0, 200) ?? 'nothing'}`);
    window.benchClick = new Promise<number>((resolve, reject) => {
      document.addEventListener(
        'mousedown',
        () => {
          const startedAt = performance.now();
          void window.benchProbes
            .whenReady(
              () => {
                const selected = document.querySelector('.reader-text .ann-selected')?.getAttribute('data-annotation-id') ?? null;
                return (
                  selected !== null &&
                  selected !== before &&
                  under.has(selected) &&
                  document.querySelector('[aria-label="Inspector"] .inspector-kind') !== null
                );
              },
              startedAt,
              20_000,
            )
            .then(resolve, (error: unknown) =>
              reject(
                new Error(
                  `clicking ${id} did not select it: ${String(error)}; selected: ${document.querySelector('.reader-text .ann-selected')?.getAttribute('data-annotation-id') ?? 'none'}`,
                ),
              ),
            );
        },
        { capture: true, once: true },
      );
    });
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, picked);
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

/**
 * Scrolls the reading area in animation frames, `SCROLL_STEP_PX` a frame (a fast wheel scroll),
 * through three stretches of the article (from its start, its middle and near its end); the deltas
 * between frames.
 */
async function scrollFrames(page: Page): Promise<number[]> {
  const deltas: number[] = [];
  for (const share of [0, 0.45, 0.85]) {
    deltas.push(
      ...(await page.evaluate(
        async ({ share, frames, step }) => {
          const scroller = document.querySelector<HTMLElement>('.reading-scroll');
          if (!scroller) throw new Error('no reading area');
          scroller.scrollTop = Math.round(share * (scroller.scrollHeight - scroller.clientHeight));
          await new Promise((resolve) => setTimeout(resolve, 500));
          const from = scroller.scrollTop;
          return window.benchProbes.frameDeltas(frames, (index) => {
            scroller.scrollTop = from + (index + 1) * step;
          });
        },
        { share, frames: SCROLL_FRAMES / 3, step: SCROLL_STEP_PX },
      )),
    );
  }
  return deltas;
}

/** Shows the static-HTML article in the app's reading area (the app's column hidden) while `work` runs. */
async function withStaticArticle<T>(page: Page, work: () => Promise<T>): Promise<T> {
  await page.evaluate(async (url) => {
    const { column } = window.benchProbes.baselineColumn();
    column.innerHTML = await (await fetch(url, { cache: 'no-store' })).text();
    await window.benchProbes.afterPaint();
  }, `/${STATIC_PAGE}`);
  try {
    return await work();
  } finally {
    await page.evaluate(() => window.benchProbes.removeBaselineColumn());
  }
}

/** The same frame loop on a page with nothing but a tall empty block: what the frame clock gives when no work is done. */
async function trivialFrames(browser: Browser, frames: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await installProbes(page);
    await page.goto('data:text/html,<!doctype html><div style="height:300000px"></div>');
    return await page.evaluate((count) => window.benchProbes.frameDeltas(count, (index) => window.scrollTo(0, (index + 1) * 400)), frames);
  } finally {
    await page.close();
  }
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function frameRow(caseLabel: string, deltas: readonly number[]): BenchRow {
  return {
    scenario: 'interact: scroll frame',
    case: caseLabel,
    medianMs: median(deltas),
    runs: deltas.length,
    note: `95th percentile ${percentile(deltas, 0.95).toFixed(1)} ms, longest ${Math.max(...deltas).toFixed(0)} ms`,
  };
}

/**
 * On the 200,000-word document with 20,000 annotations: adding one claim (selection and C to the
 * highlight drawn) against the same on a 1,000-word document (budget 2×); a click on a highlight to
 * the inspector showing it, with the same comparison for the record; and the frame times of
 * scrolling through the article (median within one display frame: that of a trivial page).
 */
export async function interactScenario(runs: number): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    const measured: Record<'add' | 'click', BenchRow[]> = { add: [], click: [] };
    for (const [size, seed] of [
      [SMALL, 31],
      [LARGE, 33],
    ] as const) {
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
          const trivial = frameRow('trivial page (empty, tall)', await trivialFrames(browser, SCROLL_FRAMES));
          const scholia = frameRow(`${label(size)}, ${SCROLL_STEP_PX} px a frame`, await scrollFrames(page));
          const staticHtml = frameRow(
            `static HTML of the same article, ${SCROLL_STEP_PX} px a frame`,
            await withStaticArticle(page, () => scrollFrames(page)),
          );
          rows.push(trivial, withRatio(staticHtml, trivial), withBudget(scholia, trivial, FRAME_TOLERANCE));
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
