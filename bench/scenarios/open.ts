import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import { AppUnderTest, launchChromium } from '../lib/app-under-test.ts';
import { generatedDocument, writeLibraryFolder } from '../lib/library-folder.ts';
import { installProbes } from '../lib/page-probes.ts';
import { openFromLibrary, openStaticBaseline, showDocument, type ArticleExpectation } from '../lib/reader-in-page.ts';
import { withBudget, type BenchRow } from '../lib/report.ts';
import { staticArticleHtml } from '../lib/static-article.ts';
import { median } from '../lib/stats.ts';

const WORDS = [10_000, 50_000, 200_000] as const;
/** Annotations per 100 words. */
const DENSITIES = [1, 10, 100] as const;
/** A small document opened between two timed opens, so each timed open replaces another document. */
const RESTING = { words: 300, annotations: 3 };
/**
 * How long a static baseline may take before it is stopped and recorded as "at least this long".
 * Chromium needs minutes for the densest static article (200,000 nested marks); a lower bound on
 * the baseline is an upper bound on Scholia's ratio, which settles the budget when it is within it,
 * and keeps the whole bench within ten minutes.
 */
const STATIC_LIMIT_MS = 30_000;

interface OpenCase {
  label: string;
  document: ScholiaDocument;
  expectation: ArticleExpectation;
  runs: number;
  warmup: number;
}

function expectationOf(document: ScholiaDocument): ArticleExpectation {
  return {
    title: document.meta.title,
    annotations: document.annotations.length,
    lastParagraph: document.text.slice(document.text.lastIndexOf('\n\n') + 2),
  };
}

/**
 * Fewer runs for the largest cases, so the whole matrix fits the bench's ten minutes: the static
 * baselines of the densest articles take a minute each. More for the smallest, which take a tenth
 * of a second, where a moment of machine load moves a median most. Each run opens the document afresh.
 */
function runsFor(annotations: number, runs: number): { runs: number; warmup: number } {
  if (annotations >= 50_000) return { runs: 1, warmup: 0 };
  if (annotations >= 20_000) return { runs: Math.min(runs, 3), warmup: 1 };
  if (annotations < 2_000) return { runs: runs * 2 - 1, warmup: 1 };
  return { runs, warmup: 1 };
}

/**
 * Opening a document: from the click in the library (the `library.get` call) to a fully rendered,
 * scrollable reader, for 10k, 50k and 200k words with 1, 10 and 100 annotations per 100 words,
 * against Chromium rendering the same article as static HTML with the same highlights as `<mark>`
 * (fetched from the same host into the same page). Budget: at most 2×.
 */
export async function openScenario(runs: number): Promise<BenchRow[]> {
  const cases: OpenCase[] = [];
  let seed = 100;
  for (const words of WORDS) {
    for (const density of DENSITIES) {
      const document = generatedDocument(`open-${words}-${density}`, { words, annotations: (words / 100) * density }, (seed += 2));
      cases.push({
        label: `${words / 1000}k words, ${density} per 100 words (${document.annotations.length.toLocaleString('en')} annotations)`,
        document,
        expectation: expectationOf(document),
        ...runsFor(document.annotations.length, runs),
      });
    }
  }
  const resting = generatedDocument('resting', RESTING, 99);
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-open-'));
  await writeLibraryFolder(libraryDir, [resting, ...cases.map((item) => item.document)]);
  const staticFiles = Object.fromEntries(cases.map((item) => [`bench-static/${item.document.id}.html`, staticArticleHtml(item.document)]));
  const app = await AppUnderTest.start({ libraryDir, staticFiles });
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  const appPage = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await installProbes(page);
    await page.addInitScript((id) => localStorage.setItem('scholia.lastDocument', id), resting.id);
    await page.goto(app.host.url);
    await page.waitForSelector('.reader-text');
    return page;
  };
  try {
    let page = await appPage();
    for (const item of cases) {
      console.error(`  open ${item.label}`);
      // Scholia and the baseline take turns, so both see the same moments of machine load.
      const scholia: number[] = [];
      const baseline: number[] = [];
      let stopped = false;
      for (let run = -item.warmup; run < item.runs; run++) {
        await showDocument(page, expectationOf(resting));
        const ms = await openFromLibrary(page, item.expectation);
        await showDocument(page, expectationOf(resting));
        const staticMs = stopped ? STATIC_LIMIT_MS : await staticBaseline(page, item);
        if (staticMs === null) {
          stopped = true;
          page = await appPage();
        }
        if (run < 0) continue;
        scholia.push(ms);
        baseline.push(staticMs ?? STATIC_LIMIT_MS);
      }
      const baselineRow: BenchRow = {
        scenario: 'open',
        case: `static HTML, ${item.label}`,
        medianMs: median(baseline),
        runs: item.runs,
        ...(stopped ? { atLeast: true, note: `stopped after ${STATIC_LIMIT_MS / 1000} s` } : {}),
      };
      const row: BenchRow = { scenario: 'open', case: `Scholia, ${item.label}`, medianMs: median(scholia), runs: item.runs };
      rows.push(baselineRow, withBudget(row, baselineRow, 2));
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  return rows;
}

/**
 * One static baseline, in milliseconds; null when it has not finished after `STATIC_LIMIT_MS`: the
 * page, stuck in layout, is then closed (a new one must replace it).
 */
async function staticBaseline(page: Page, item: OpenCase): Promise<number | null> {
  const run = openStaticBaseline(page, `/bench-static/${item.document.id}.html`, item.expectation);
  const limit = new Promise<null>((resolve) => setTimeout(() => resolve(null), STATIC_LIMIT_MS).unref());
  const result = await Promise.race([run, limit]);
  if (result === null) {
    run.catch(() => undefined);
    await page.close({ runBeforeUnload: false });
    return null;
  }
  if (result.marked !== item.document.annotations.length)
    throw new Error(`the static baseline marks ${result.marked} annotations, not ${item.document.annotations.length}`);
  return result.ms;
}
