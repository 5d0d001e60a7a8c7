import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ScholiaError } from '../../../shared/contract/errors.ts';

/** Debian's Chromium, where the project's machines and CI have it. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** The Chromium to print with: `SCHOLIA_CHROMIUM`, else Debian's, else undefined (Playwright's own, if installed). */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.SCHOLIA_CHROMIUM?.trim();
  if (chosen) {
    if (!existsSync(chosen)) throw new ScholiaError('internal', `SCHOLIA_CHROMIUM is ${chosen}, but there is no such file.`);
    return chosen;
  }
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  // Loaded on first use: the app prints with Electron instead and never needs it.
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ARGS });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ScholiaError(
      'internal',
      `PDF export needs Chromium and none could be started (${reason}). Install Chromium (on Debian: apt-get install chromium) or set SCHOLIA_CHROMIUM to its path.`,
    );
  }
}

export interface PdfOptions {
  /** Shown at the foot of every page, with the page number. */
  footerTitle?: string;
  /** Shown at the head of every page (a running header). */
  headerText?: string;
}

function escapeFooter(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);
}

/** The page footer of a printed report: its title (if any) and the page number, as Chromium's print templates take it. */
export function reportFooterTemplate(title?: string): string {
  const prefix = title ? `${escapeFooter(title.slice(0, 120))} · ` : '';
  return `<div style="width:100%;font:8px system-ui,'Liberation Sans',Arial,sans-serif;color:#6b7280;text-align:center;">${prefix}page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
}

/**
 * Prints an HTML report to PDF in headless Chromium: A4 as the report's own `@page` rule says,
 * backgrounds on (the highlights), a page-number footer. The page may load nothing from outside:
 * every request is refused, whatever the report's CSP.
 */
export async function printHtmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerText
        ? `<div style="width:100%;font:8px system-ui,'Liberation Sans',Arial,sans-serif;color:#6b7280;text-align:center;">${escapeFooter(options.headerText.slice(0, 120))}</div>`
        : '<span></span>',
      footerTemplate: reportFooterTemplate(options.footerTitle),
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
