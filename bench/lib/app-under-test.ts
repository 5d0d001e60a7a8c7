import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import { startHost, type Host } from '../../electron/host/server.ts';
import { openScholia, type Scholia } from '../../electron/services/open-scholia.ts';
import { findRendererDir } from '../../electron/services/paths.ts';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.SCHOLIA_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A library on a temporary folder, served by the browser host in this process. */
export class AppUnderTest {
  private constructor(
    readonly libraryDir: string,
    readonly scholia: Scholia,
    readonly host: Host,
  ) {}

  static async start(): Promise<AppUnderTest> {
    const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-'));
    const scholia = await openScholia({ libraryDir, debounceMs: 50 });
    await scholia.dispatch('settings.set', { annotatorName: 'Bench', profileSet: true });
    const host = await startHost({ scholia, rendererDir: findRendererDir(path.resolve('dist/node')) });
    return new AppUnderTest(libraryDir, scholia, host);
  }

  /** Imports an article and adds annotations to it in one batch; returns its id. */
  async addDocument(raw: string, title: string, ops: readonly AnnotationOp[] = []): Promise<string> {
    const { id } = await this.scholia.library.importText({ text: raw, title });
    if (ops.length > 0) await this.scholia.library.applyOps(id, ops);
    await this.scholia.flush();
    return id;
  }

  /** Opens a document in a fresh page and waits until its article and `expectedHighlights` highlights are drawn. */
  async openInPage(browser: Browser, documentId: string, expectedHighlights: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript((id) => localStorage.setItem('scholia.lastDocument', id), documentId);
    await page.goto(this.host.url);
    await page.waitForFunction(
      (count) => {
        const ids = new Set([...document.querySelectorAll('.reader-text [data-annotation-id]')].map((element) => element.getAttribute('data-annotation-id')));
        return document.querySelector('.reader-text') !== null && ids.size >= count;
      },
      expectedHighlights,
      { timeout: 120_000, polling: 100 },
    );
    return page;
  }

  async stop(): Promise<void> {
    await this.host.close();
    await this.scholia.close();
    await rm(this.libraryDir, { recursive: true, force: true });
  }
}
