import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppUnderTest, launchChromium } from '../lib/app-under-test.ts';
import { generatedDocument, writeLibraryFolder } from '../lib/library-folder.ts';
import { median } from '../lib/stats.ts';
import { withBudget, type BenchRow } from '../lib/report.ts';

const SIZE = { words: 200_000, annotations: 20_000 };
const MB = 1_000_000;

/**
 * The page's JavaScript heap after opening the 200,000-word document with 20,000 annotations
 * (after a full garbage collection, through the DevTools protocol), against the size of the
 * document's JSON file in the library. Budget: at most 10×.
 */
export async function memoryScenario(runs: number): Promise<BenchRow[]> {
  const generated = generatedDocument('memory', SIZE, 41);
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-memory-'));
  await writeLibraryFolder(libraryDir, [generated]);
  const fileBytes = (await stat(path.join(libraryDir, 'documents', `${generated.id}.json`))).size;
  const app = await AppUnderTest.start({ libraryDir });
  const browser = await launchChromium();
  const count = Math.min(runs, 3);
  const heaps: number[] = [];
  try {
    for (let run = 0; run < count; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(app.host.url);
      await page.waitForFunction(
        (annotations) => Number(document.querySelector<HTMLElement>('.reader-text')?.dataset.highlightCount) === annotations,
        SIZE.annotations,
        { timeout: 120_000 },
      );
      // Let the lists and the library counts, which follow a moment later, settle too.
      await page.waitForTimeout(1_000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      heaps.push(usedSize);
      await cdp.detach();
      await page.close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  const file: BenchRow = {
    scenario: 'memory',
    case: 'document JSON file, 200k words, 20k annotations',
    medianMs: fileBytes / MB,
    unit: 'MB',
    runs: 1,
  };
  const heap: BenchRow = { scenario: 'memory', case: 'JS heap with it open', medianMs: median(heaps) / MB, unit: 'MB', runs: count };
  return [file, withBudget(heap, file, 10)];
}
