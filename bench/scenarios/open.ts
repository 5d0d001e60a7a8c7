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
import { median, sampleTimes } from '../lib/stats.ts';

const WORDS = [10_000, 50_000, 200_000] as const;
/** Annotations per 100 words. */
const DENSITIES = [1, 10, 100] as const;
/** A small document opened between two timed opens, so each timed open replaces another document. */
const RESTING = { words: 300, annotations: 3 };

interface OpenCase {
  label: string;
  document: ScholiaDocument;
  expectation: ArticleExpectation;
  runs: number;
  warmup: number;
}

function expectationOf(document: ScholiaDocument): ArticleExpectation {
  return { title: document.meta.title, annotations: document.annotations.length, lastParagraph: document.text.slice(document.text.lastIndexOf('\n\n') + 2) };
}

/**
 * Fewer runs for the largest cases, so the whole matrix fits the bench's ten minutes: the static
 * baselines of the densest articles take a minute each. Each run still opens the document afresh.
 */
function runsFor(annotations: number, runs: number): { runs: number; warmup: number } {
  if (annotations >= 50_000) return { runs: 1, warmup: 0 };
  if (annotations >= 20_000) return { runs: Math.min(runs, 3), warmup: 1 };
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
      cases.push({ label: `${words / 1000}k words, ${density} per 100 words (${document.annotations.length.toLocaleString('en')} annotations)`, document, expectation: expectationOf(document), ...runsFor(document.annotations.length, runs) });
    }
  }
  const resting = generatedDocument('resting', RESTING, 99);
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-open-'));
  await writeLibraryFolder(libraryDir, [resting, ...cases.map((item) => item.document)]);
  const staticFiles = Object.fromEntries(cases.map((item) => [`bench-static/${item.document.id}.html`, staticArticleHtml(item.document)]));
  const app = await AppUnderTest.start({ libraryDir, staticFiles });
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await installProbes(page);
    await page.addInitScript((id) => localStorage.setItem('scholia.lastDocument', id), resting.id);
    await page.goto(app.host.url);
    await page.waitForSelector('.reader-text');
    for (const item of cases) {
      console.error(`  open ${item.label}`);
      const scholia = await sampleTimes(item.runs, async () => {
        await showDocument(page, expectationOf(resting));
        return openFromLibrary(page, item.expectation);
      }, item.warmup);
      await showDocument(page, expectationOf(resting));
      const baselineUrl = `/bench-static/${item.document.id}.html`;
      let marked = 0;
      const baseline = await sampleTimes(item.runs, async () => {
        const result = await openStaticBaseline(page, baselineUrl, item.expectation);
        marked = result.marked;
        return result.ms;
      }, item.warmup);
      if (marked !== item.document.annotations.length) throw new Error(`the static baseline marks ${marked} annotations, not ${item.document.annotations.length}`);
      const baselineRow: BenchRow = { scenario: 'open', case: `static HTML, ${item.label}`, medianMs: median(baseline), runs: item.runs };
      const row: BenchRow = { scenario: 'open', case: `Scholia, ${item.label}`, medianMs: median(scholia), runs: item.runs };
      rows.push(baselineRow, withBudget(row, baselineRow, 2));
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  return rows;
}
