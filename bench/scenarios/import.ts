import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type Host } from '../../electron/host/server.ts';
import { printHtmlToPdf } from '../../electron/services/export/chromium-pdf.ts';
import { EXTRACTION_TIME_LIMIT_MS } from '../../electron/services/import/extraction-worker.ts';
import { documentFromSource, type ImportSource } from '../../electron/services/import/import-article.ts';
import { nestedPage } from '../../electron/services/import/testing/hostile-fixtures.ts';
import { openScholia } from '../../electron/services/open-scholia.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';
import { generateArticle } from '../lib/generate.ts';
import { generatedDocument, writeLibraryFolder } from '../lib/library-folder.ts';
import { withBudget, type BenchRow } from '../lib/report.ts';
import { median, sampleTimes, timed } from '../lib/stats.ts';

const SCENARIO = 'import';

/**
 * A saved news page of about 1 MB: the harbour fixture with 6,000 generated words in its article body,
 * and the clutter real saved pages carry in bulk (an inline state script, inline styles, a long comment
 * thread, navigation). `variant` changes one word, so each stored import is a new article.
 */
async function savedNewsPage(variant: number): Promise<Uint8Array> {
  const fixture = await readFile(new URL('../../fixtures/import/harbour-news.html', import.meta.url), 'utf8');
  const body = generateArticle(6_000, 31)
    .raw.split('\n\n')
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
  const state = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 4_200 }, (_, index) => ({ id: index, title: `Story ${index}`, url: `/news/${index}`, teaser: 'x'.repeat(120) })) })}</script>`;
  const styles = `<style>${Array.from({ length: 1_500 }, (_, index) => `.c${index}{margin:${index % 9}px;color:#${(index * 4099).toString(16).slice(0, 6).padEnd(6, '0')}}`).join('')}</style>`;
  const comments = Array.from(
    { length: 400 },
    (_, index) =>
      `<div class="comment"><p class="comment-author">reader${index}</p><p>Comment number ${index}: ${'words of a comment thread '.repeat(6)}</p></div>`,
  ).join('');
  const page = fixture
    .replace('</head>', `${styles}${state}</head>`)
    .replace('<h2>What the audit found</h2>', `<p>Variant ${variant}.</p>${body}<h2>What the audit found</h2>`)
    .replace('<h2>Comments (212)</h2>', `<h2>Comments (212)</h2>${comments}`);
  return new TextEncoder().encode(page);
}

/** A 50-page PDF as Chromium prints an article: paragraphs and headings, a running header and page numbers. */
async function fiftyPagePdf(): Promise<Uint8Array> {
  const paragraphs = generateArticle(26_600, 41).raw.split('\n\n');
  const body = paragraphs
    .map((paragraph, index) => `${index % 12 === 0 ? `<h2>Section ${index / 12 + 1}</h2>` : ''}<p>${paragraph}</p>`)
    .join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated report</title><style>@page { size: A4; margin: 22mm 18mm; } body { font: 11pt/1.45 'Liberation Serif', serif; } p { margin: 0 0 8pt; text-align: justify; hyphens: auto; }</style></head><body><h1>Generated report</h1>${body}</body></html>`;
  return printHtmlToPdf(html, { headerText: 'Bench Gazette — Reports', footerTitle: 'Bench Gazette' });
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages = document.numPages;
  await document.destroy();
  return pages;
}

/** Extraction alone (detect, extract, sanitise, map, canonical text), then the same import stored in a library. */
async function measure(name: string, runs: number, source: (run: number) => Promise<ImportSource>, note: string): Promise<BenchRow[]> {
  let words = 0;
  const sources = await Promise.all(Array.from({ length: runs + 1 }, (_, run) => source(run)));
  // Each timed run gets its own variant (run -1 is the warm-up), so stored runs are new articles.
  const sourceOf = (run: number): ImportSource => sources[run + 1] ?? (sources[0] as ImportSource);
  const extract = await sampleTimes(runs, (run) =>
    timed(async () => {
      const { document } = await documentFromSource(sourceOf(run));
      words = document.text.split(/\s+/u).length;
    }),
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-import-'));
  const scholia = await openScholia({ libraryDir: dir });
  const stored = await sampleTimes(runs, (run) => timed(() => scholia.services.imports.importSource(sourceOf(run))));
  await scholia.close();
  await rm(dir, { recursive: true, force: true });
  return [
    {
      scenario: SCENARIO,
      case: `${name}: extract`,
      medianMs: median(extract),
      runs,
      note: `${note}, ${words.toLocaleString('en')} words out`,
    },
    { scenario: SCENARIO, case: `${name}: extract + store`, medianMs: median(stored), runs },
  ];
}

/** A call to the host's API, as the page makes it, over `agent`'s kept-alive connection. */
function call(host: Host, agent: http.Agent, channel: string, input: unknown): Promise<ApiResult<unknown>> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(`/api/${channel}`, host.url),
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${host.token}` },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown>));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Times `library.list` calls to the host one after another, at least `minimum` of them and until `done()`. */
async function listTimes(host: Host, agent: http.Agent, done: () => boolean, minimum: number): Promise<number[]> {
  const times: number[] = [];
  while (times.length < minimum || !done()) {
    times.push(
      await timed(async () => {
        if (!(await call(host, agent, 'library.list', {})).ok) throw new Error('library.list failed');
      }),
    );
  }
  return times;
}

/**
 * A hostile page nested 2,000 deep (which once froze the process for minutes), imported through the
 * browser host into a library of 300 articles: the time to its refusal against the import's time
 * limit (budget: within it), and `library.list` calls made to the host while that import runs against
 * as many calls to the idle host just before it (budget: ≤ 2× — the worker reads the page, the thread
 * answering calls stays free). Each kind of call keeps its own connection, so none waits for another's.
 */
async function hostileImportRows(runs: number): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-import-'));
  await writeLibraryFolder(
    dir,
    Array.from({ length: 300 }, (_, index) =>
      generatedDocument(`bench${String(index).padStart(4, '0')}`, { words: 300, annotations: 5 }, index + 1),
    ),
  );
  const scholia = await openScholia({ libraryDir: dir });
  const host = await startHost({ scholia, rendererDir: fileURLToPath(new URL('../../dist/renderer', import.meta.url)) });
  const importAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const listAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const page = Buffer.from(nestedPage(2_000)).toString('base64');
  const idle: number[] = [];
  const during: number[] = [];
  const refusals = await sampleTimes(runs, async (run) => {
    const idleTimes = await listTimes(host, listAgent, () => true, 5);
    let settled = false;
    const started = performance.now();
    const importing = call(host, importAgent, 'library.importFile', { filename: 'deep.html', base64: page }).then((result) => {
      settled = true;
      if (result.ok || !/nested too deeply/u.test(result.error.message))
        throw new Error(`the hostile page was not refused as nested too deeply: ${JSON.stringify(result).slice(0, 200)}`);
      return performance.now() - started;
    });
    const duringTimes = await listTimes(host, listAgent, () => settled, 1);
    // The warm-up run starts the worker: its calls are not counted.
    if (run >= 0) {
      idle.push(...idleTimes);
      during.push(...duringTimes);
    }
    return importing;
  });
  importAgent.destroy();
  listAgent.destroy();
  await host.close();
  await scholia.close();
  await rm(dir, { recursive: true, force: true });
  const limit: BenchRow = {
    scenario: SCENARIO,
    case: 'import time limit',
    medianMs: EXTRACTION_TIME_LIMIT_MS,
    runs: 0,
    note: 'the limit itself, not a measurement',
  };
  const refused: BenchRow = {
    scenario: SCENARIO,
    case: 'hostile 2,000-deep page: refused',
    medianMs: median(refusals),
    runs,
    note: `through the host; slowest ${Math.round(Math.max(...refusals))} ms`,
  };
  const idleRow: BenchRow = {
    scenario: SCENARIO,
    case: 'host library.list, idle (300 articles)',
    medianMs: median(idle),
    runs: idle.length,
  };
  const duringRow: BenchRow = {
    scenario: SCENARIO,
    case: 'host library.list during the hostile import',
    medianMs: median(during),
    runs: during.length,
  };
  return [limit, withBudget(refused, limit, 1), idleRow, withBudget(duringRow, idleRow, 2)];
}

/**
 * Importing a ~1 MB saved news page and a 50-page PDF: figures for the record (no budget); then a
 * hostile page's refusal and the calls answered meanwhile (see `hostileImportRows`).
 */
export async function importScenario(runs: number): Promise<BenchRow[]> {
  const page = await savedNewsPage(0);
  const pdf = await fiftyPagePdf();
  const pages = await pageCount(pdf);
  // Seconds a run and no budget: three runs give the figures, and keep the bench within ten minutes.
  const importRuns = Math.min(runs, 3);
  return [
    ...(await measure(
      'saved news page',
      importRuns,
      async (run) => ({ kind: 'file', name: 'news.html', bytes: await savedNewsPage(run) }),
      `${(page.length / 1_000_000).toFixed(2)} MB page`,
    )),
    // The PDF's text cannot vary by run, so each stored run goes to a fresh library (duplicates would open instead).
    ...(await measurePdf(pdf, pages, importRuns)),
    ...(await hostileImportRows(runs)),
  ];
}

async function measurePdf(pdf: Uint8Array, pages: number, runs: number): Promise<BenchRow[]> {
  let words = 0;
  const source: ImportSource = { kind: 'file', name: 'report.pdf', bytes: pdf };
  const extract = await sampleTimes(runs, () =>
    timed(async () => {
      words = (await documentFromSource(source)).document.text.split(/\s+/u).length;
    }),
  );
  const stored = await sampleTimes(runs, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-import-'));
    const scholia = await openScholia({ libraryDir: dir });
    const time = await timed(() => scholia.services.imports.importSource(source));
    await scholia.close();
    await rm(dir, { recursive: true, force: true });
    return time;
  });
  return [
    {
      scenario: SCENARIO,
      case: `${pages}-page PDF: extract`,
      medianMs: median(extract),
      runs,
      note: `${(pdf.length / 1_000_000).toFixed(2)} MB file, ${words.toLocaleString('en')} words out`,
    },
    { scenario: SCENARIO, case: `${pages}-page PDF: extract + store`, medianMs: median(stored), runs },
  ];
}
