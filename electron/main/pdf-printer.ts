// PDF export in the app: the HTML report printed by Electron's own Chromium, in a hidden window with no script.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { reportFooterTemplate } from '../services/export/chromium-pdf.ts';

/**
 * Prints a self-contained HTML report with `webContents.printToPDF`. The report is loaded from a
 * temporary file (large reports exceed what a data: URL carries) into a hidden, sandboxed window
 * with JavaScript off; the session's guards refuse anything remote it might name.
 */
export async function printReportWithElectron(html: string, title: string): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-print-'));
  const file = path.join(dir, 'report.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: reportFooterTemplate(title),
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
