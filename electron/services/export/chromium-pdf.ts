import type { Browser } from 'playwright-core';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { findBrowser } from '../browser/find-browser.ts';

const ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/**
 * Whether Chromium may keep its sandbox: everywhere but as root on Linux, where Chromium refuses to
 * start with it, or where `SCHOLIA_CHROMIUM_NO_SANDBOX=1` says the machine cannot run it (some containers).
 */
export function chromiumSandboxAllowed(
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.SCHOLIA_CHROMIUM_NO_SANDBOX === '1') return false;
  return !(platform === 'linux' && uid === 0);
}

async function launch(): Promise<Browser> {
  let executablePath: string;
  try {
    executablePath = findBrowser().executablePath;
  } catch (error) {
    throw new ScholiaError(
      'internal',
      `PDF export needs a browser to print with. ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Loaded on first use: the app prints with Electron instead and never needs it.
  const { chromium } = await import('playwright-core');
  const chromiumSandbox = chromiumSandboxAllowed();
  try {
    return await chromium.launch({ executablePath, chromiumSandbox, args: ARGS });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const sandboxHint = chromiumSandbox ? ' If this machine cannot run its sandbox, set SCHOLIA_CHROMIUM_NO_SANDBOX=1.' : '';
    throw new ScholiaError('internal', `PDF export could not start the browser at ${executablePath} (${reason}).${sandboxHint}`);
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
