// Renders the annotated sample's export report as pictures for docs/export/: the HTML report in
// Chromium (top of the page and the sections) and each page of the PDF through pdftoppm.
// Run: npx tsx scripts/export-screenshots.ts [OUT_DIR]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { exportDocument } from '../electron/services/export/export-document.ts';
import { findBrowser } from '../electron/services/browser/find-browser.ts';
import { DEFAULT_TAGSET } from '../shared/model/tagset.ts';
import { annotatedSampleDocument } from '../shared/testing/annotated-sample.ts';
import { checkedSampleDocument } from '../shared/testing/checked-sample.ts';

const out = path.resolve(process.argv[2] ?? 'docs/export');
mkdirSync(out, { recursive: true });
const sample = annotatedSampleDocument(readFileSync('assets/sample-article.txt', 'utf8'));
// Two claims carry a full verdict record, as a checked article would.
const document = checkedSampleDocument(sample);
const now = new Date('2026-02-01T10:30:00Z');

const html = new TextDecoder().decode((await exportDocument(document, DEFAULT_TAGSET, 'html', { annotator: 'A. Analyst', now })).bytes);
const browser = await chromium.launch({ executablePath: findBrowser().executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1 });
await page.setContent(html);
await page.screenshot({ path: path.join(out, 'report-html-top.png') });
for (const section of ['claims', 'quotes', 'entities']) {
  await page.locator(`#${section}`).screenshot({ path: path.join(out, `report-html-${section}.png`) });
}
await browser.close();

const pdf = await exportDocument(document, DEFAULT_TAGSET, 'pdf', { annotator: 'A. Analyst', now });
const scratch = path.join(os.tmpdir(), `scholia-pdf-${process.pid}`);
mkdirSync(scratch, { recursive: true });
writeFileSync(path.join(scratch, 'report.pdf'), pdf.bytes);
for (const name of readdirSync(out)) if (name.startsWith('report-pdf-page')) rmSync(path.join(out, name));
execFileSync('pdftoppm', ['-png', '-r', '70', path.join(scratch, 'report.pdf'), path.join(out, 'report-pdf-page')]);
writeFileSync(path.join(out, 'sample-report.pdf'), pdf.bytes);
rmSync(scratch, { recursive: true, force: true });
console.log(`wrote ${readdirSync(out).join(', ')} to ${out}`);
