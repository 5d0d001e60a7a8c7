import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startHost } from '../../electron/host/server.ts';
import { openScholia } from '../../electron/services/open-scholia.ts';
import { launchChromium, rendererWith } from '../lib/app-under-test.ts';
import { installProbes } from '../lib/page-probes.ts';
import { withRatio, type BenchRow } from '../lib/report.ts';
import { median, sampleTimes } from '../lib/stats.ts';

const EMPTY_PAGE = 'bench-static/empty.html';

/** A library holding the shipped sample article, its annotator set (as after the first run). */
async function sampleLibrary(): Promise<string> {
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-startup-'));
  const scholia = await openScholia({ libraryDir, seedFrom: path.resolve('assets') });
  await scholia.dispatch('settings.set', { annotatorName: 'Bench', profileSet: true });
  await scholia.close();
  return libraryDir;
}

/**
 * Starts the services and the host on the library, opens `pathname` in a new page and returns the
 * milliseconds from the start to the first paint of what `ready` waits for (wall clock on both
 * sides); stops them afterwards.
 */
async function startToPaint(browser: Browser, libraryDir: string, rendererDir: string, pathname: string, ready: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await installProbes(page);
  const startedAt = Date.now();
  const scholia = await openScholia({ libraryDir });
  const host = await startHost({ scholia, rendererDir });
  try {
    const url = new URL(host.url);
    url.pathname = pathname;
    await page.goto(url.toString(), { waitUntil: 'commit' });
    const paintedAt = await page.evaluate(async (selector) => {
      await window.benchProbes.whenReady(() => document.querySelector(selector) !== null, performance.now());
      return performance.timeOrigin + performance.now();
    }, ready);
    return paintedAt - startedAt;
  } finally {
    await page.close();
    await host.close();
    await scholia.close();
  }
}

/**
 * Startup: from starting the services and the browser host on a library to the first paint of the
 * sample article, against the first paint of an empty page served by the same host, started the
 * same way. The browser is running already in both. No budget is set for it; the ratio is shown.
 */
export async function startupScenario(runs: number): Promise<BenchRow[]> {
  const libraryDir = await sampleLibrary();
  const renderer = await rendererWith({
    [EMPTY_PAGE]:
      '<!doctype html><html><head><meta charset="utf-8"><title>Empty</title></head><body><p id="empty">Empty page.</p></body></html>',
  });
  const browser = await launchChromium();
  try {
    const empty = await sampleTimes(runs, () => startToPaint(browser, libraryDir, renderer.dir, `/${EMPTY_PAGE}`, '#empty'));
    const article = await sampleTimes(runs, () => startToPaint(browser, libraryDir, renderer.dir, '/', '.reader-text p'));
    const emptyRow: BenchRow = { scenario: 'startup', case: 'host start to first paint of an empty page', medianMs: median(empty), runs };
    const articleRow: BenchRow = {
      scenario: 'startup',
      case: 'host start to first paint of the sample article',
      medianMs: median(article),
      runs,
    };
    return [emptyRow, withRatio(articleRow, emptyRow)];
  } finally {
    await browser.close();
    await rm(libraryDir, { recursive: true, force: true });
    if (renderer.temporary) await rm(renderer.dir, { recursive: true, force: true });
  }
}
