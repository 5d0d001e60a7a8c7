import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import { startHost, type Host } from '../../electron/host/server.ts';
import { findBrowser } from '../../electron/services/browser/find-browser.ts';
import { openScholia, type Scholia } from '../../electron/services/open-scholia.ts';
import { findRendererDir } from '../../electron/services/paths.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowser().executablePath, args: CHROMIUM_ARGS });
}

export interface AppOptions {
  /** A library folder to serve (written beforehand, see `library-folder.ts`); a new empty one when left out. */
  libraryDir?: string;
  /** Extra files served beside the renderer (path inside it → content), such as static baselines. */
  staticFiles?: Record<string, string>;
  /** The shipped `assets/` folder: a new library is seeded with its sample article. */
  seedFrom?: string;
  /** Quiet time before the store writes a change (50 ms unless given). */
  debounceMs?: number;
}

/** The built renderer, copied with `files` added when there are any (so the host serves them too). */
export async function rendererWith(files: Record<string, string>): Promise<{ dir: string; temporary: boolean }> {
  const built = findRendererDir(path.resolve('dist/node'));
  if (Object.keys(files).length === 0) return { dir: built, temporary: false };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-renderer-'));
  await cp(built, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return { dir, temporary: true };
}

/** A library on a temporary folder, served by the browser host in this process. */
export class AppUnderTest {
  private constructor(
    readonly libraryDir: string,
    readonly scholia: Scholia,
    readonly host: Host,
    private readonly temporaryRenderer: string | null,
  ) {}

  static async start(options: AppOptions = {}): Promise<AppUnderTest> {
    const libraryDir = options.libraryDir ?? (await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-')));
    const scholia = await openScholia({
      libraryDir,
      debounceMs: options.debounceMs ?? 50,
      ...(options.seedFrom ? { seedFrom: options.seedFrom } : {}),
    });
    if (!options.libraryDir) await scholia.dispatch('settings.set', { annotatorName: 'Bench', profileSet: true });
    const renderer = await rendererWith(options.staticFiles ?? {});
    const host = await startHost({ scholia, rendererDir: renderer.dir });
    return new AppUnderTest(libraryDir, scholia, host, renderer.temporary ? renderer.dir : null);
  }

  /** The URL of a file the host serves (it signs the page in, as the launch URL does). */
  urlOf(pathname: string): string {
    const url = new URL(this.host.url);
    url.pathname = pathname;
    return url.toString();
  }

  /** Calls the API over HTTP, as the page does; returns the value or throws the error. */
  async call(channel: string, input: unknown): Promise<unknown> {
    const response = await fetch(new URL(`/api/${channel}`, this.host.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${this.host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel} failed: ${body.error?.message ?? response.status}`);
    return body.value;
  }

  /** Imports an article and adds annotations to it in one batch; returns its id. */
  async addDocument(raw: string, title: string, ops: readonly AnnotationOp[] = []): Promise<string> {
    const { id } = await this.scholia.services.imports.importText({ text: raw, title });
    if (ops.length > 0) await this.scholia.services.annotations.apply(id, ops);
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
        const ids = new Set(
          [...document.querySelectorAll('.reader-text [data-annotation-id]')].map((element) => element.getAttribute('data-annotation-id')),
        );
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
    if (this.temporaryRenderer) await rm(this.temporaryRenderer, { recursive: true, force: true });
  }
}
