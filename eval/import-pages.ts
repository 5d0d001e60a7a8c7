// `npm run eval:import [-- DIR]` (or `npx tsx eval/import-pages.ts [DIR]`): imports every saved page
// of DIR (default fixtures/import/newsroom/, a development corpus) with the real pipeline
// (`articleFromHtml` + `documentOfArticle`) and scores it against its `<name>.gold.json`: words kept
// (F1 over word multisets of the body), title, authors (as a set), published and updated dates, the
// canonical address, captions kept apart from the body, and whether a byline was found on pages that
// have one. Prints a line per page and the averages; exits non-zero when any page fails to import.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFromHtml } from '../electron/services/import/html-article.ts';
import { documentOfArticle } from '../electron/services/import/import-article.ts';
import type { ReaderNode } from '../shared/model/content.ts';

export const NEWSROOM_DIR = fileURLToPath(new URL('../fixtures/import/newsroom/', import.meta.url));

/** What a page's sidecar says the import should find. */
export interface PageGold {
  title: string;
  authors: string[];
  published: string | null;
  updated: string | null;
  canonicalUrl: string | null;
  /** The body's paragraphs and headings, in order; captions are not body. */
  body: string[];
  captions: string[];
}

export interface PageScore {
  page: string;
  /** Why the page could not be imported, when it could not. */
  error?: string;
  textPrecision: number;
  textRecall: number;
  textF1: number;
  title: boolean;
  authors: boolean;
  /** Null when the gold names no author. */
  bylineFound: boolean | null;
  published: boolean;
  updated: boolean;
  canonicalUrl: boolean;
  /** Share of the gold captions found as caption blocks and not in the body (null: the page has none). */
  captionsApart: number | null;
}

export interface ImportReport {
  pages: PageScore[];
  failed: number;
  averages: {
    textF1: number;
    textPrecision: number;
    textRecall: number;
    title: number;
    authors: number;
    published: number;
    updated: number;
    canonicalUrl: number;
    captionsApart: number;
    bylineFound: number;
  };
  bylinePages: number;
}

function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Precision, recall and F1 of the predicted words against the gold words, as multisets. */
export function wordOverlap(predicted: readonly string[], gold: readonly string[]): { precision: number; recall: number; f1: number } {
  const counts = new Map<string, number>();
  for (const word of gold) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of predicted) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  const precision = predicted.length ? common / predicted.length : gold.length ? 0 : 1;
  const recall = gold.length ? common / gold.length : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function inlineText(node: ReaderNode): string {
  if (node.type === 'text') return node.text;
  return 'content' in node && node.content ? node.content.map(inlineText).join('') : '';
}

/** The body texts and the caption texts of a reader document. */
function blocksOf(
  node: ReaderNode,
  out: { body: string[]; captions: string[] } = { body: [], captions: [] },
): { body: string[]; captions: string[] } {
  if (node.type === 'caption') out.captions.push(inlineText(node));
  else if (node.type === 'paragraph' || node.type === 'heading') out.body.push(inlineText(node));
  else if ('content' in node && node.content) for (const child of node.content) blocksOf(child, out);
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name) => b.includes(name));

/** Scores one page against its gold. */
export function scorePage(page: string, html: Uint8Array, gold: PageGold): PageScore {
  let document;
  try {
    document = documentOfArticle(articleFromHtml(html), { filename: page });
  } catch (error) {
    return {
      page,
      error: error instanceof Error ? error.message : String(error),
      textPrecision: 0,
      textRecall: 0,
      textF1: 0,
      title: false,
      authors: false,
      bylineFound: gold.authors.length ? false : null,
      published: false,
      updated: false,
      canonicalUrl: false,
      captionsApart: gold.captions.length ? 0 : null,
    };
  }
  const { body, captions } = blocksOf(document.content);
  const overlap = wordOverlap(wordsOf(body.join(' ')), wordsOf(gold.body.join(' ')));
  const authors = document.meta.author ? document.meta.author.split(', ') : [];
  const bodyText = body.join('\n');
  const apart = gold.captions.filter((caption) => captions.some((found) => found.includes(caption)) && !bodyText.includes(caption)).length;
  return {
    page,
    textPrecision: overlap.precision,
    textRecall: overlap.recall,
    textF1: overlap.f1,
    title: document.meta.title === gold.title,
    authors: sameSet(authors, gold.authors),
    bylineFound: gold.authors.length ? authors.length > 0 : null,
    published: (document.meta.published ?? null) === gold.published,
    updated: (document.meta.updated ?? null) === gold.updated,
    canonicalUrl: (document.meta.canonicalUrl ?? null) === gold.canonicalUrl,
    captionsApart: gold.captions.length ? apart / gold.captions.length : null,
  };
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1);

/** Imports and scores every `*.html` page of a folder that has a `*.gold.json` beside it. */
export function evaluatePages(dir: string = NEWSROOM_DIR): ImportReport {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort();
  if (names.length === 0) throw new Error(`${dir} holds no .html pages to evaluate.`);
  const pages = names.map((name) => {
    const goldPath = path.join(dir, name.replace(/\.html$/u, '.gold.json'));
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as PageGold;
    return scorePage(name, readFileSync(path.join(dir, name)), gold);
  });
  const share = (pick: (page: PageScore) => boolean) => mean(pages.map((page) => (pick(page) ? 1 : 0)));
  const bylinePages = pages.filter((page) => page.bylineFound !== null);
  return {
    pages,
    failed: pages.filter((page) => page.error !== undefined).length,
    averages: {
      textF1: mean(pages.map((page) => page.textF1)),
      textPrecision: mean(pages.map((page) => page.textPrecision)),
      textRecall: mean(pages.map((page) => page.textRecall)),
      title: share((page) => page.title),
      authors: share((page) => page.authors),
      published: share((page) => page.published),
      updated: share((page) => page.updated),
      canonicalUrl: share((page) => page.canonicalUrl),
      captionsApart: mean(pages.flatMap((page) => (page.captionsApart === null ? [] : [page.captionsApart]))),
      bylineFound: mean(bylinePages.map((page) => (page.bylineFound ? 1 : 0))),
    },
    bylinePages: bylinePages.length,
  };
}

function printReport(report: ImportReport): void {
  const mark = (ok: boolean | null) => (ok === null ? '·' : ok ? '✓' : '✗');
  console.log('page                                   F1     P      R     title author byline pub upd canon captions');
  for (const page of report.pages) {
    if (page.error) {
      console.log(`${page.page.padEnd(38)} FAILED: ${page.error}`);
      continue;
    }
    console.log(
      `${page.page.padEnd(38)} ${page.textF1.toFixed(3)}  ${page.textPrecision.toFixed(3)}  ${page.textRecall.toFixed(3)}  ${mark(page.title)}     ${mark(page.authors)}      ${mark(page.bylineFound)}      ${mark(page.published)}   ${mark(page.updated)}   ${mark(page.canonicalUrl)}     ${page.captionsApart === null ? '·' : page.captionsApart.toFixed(2)}`,
    );
  }
  const { averages: a } = report;
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(`\n${report.pages.length} pages, ${report.failed} failed to import`);
  console.log(`text F1 ${a.textF1.toFixed(3)} (precision ${a.textPrecision.toFixed(3)}, recall ${a.textRecall.toFixed(3)})`);
  console.log(
    `title ${pct(a.title)}, authors ${pct(a.authors)}, byline found ${pct(a.bylineFound)} of ${report.bylinePages} pages with one`,
  );
  console.log(
    `published ${pct(a.published)}, updated ${pct(a.updated)}, canonical URL ${pct(a.canonicalUrl)}, captions kept apart ${pct(a.captionsApart)}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = evaluatePages(process.argv[2] ? path.resolve(process.argv[2]) : NEWSROOM_DIR);
  printReport(report);
  if (report.failed > 0) process.exitCode = 1;
}
