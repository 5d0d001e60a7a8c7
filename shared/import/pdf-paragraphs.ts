import type { LooseBlock } from './reader-content.ts';

/** One run of text on a PDF page: `x` from the left edge, `baseline` from the top, in points. */
export interface PdfTextRun {
  text: string;
  x: number;
  baseline: number;
  width: number;
  /** The font size (the run's height). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfTextRun[];
}

/** A piece of one visual line: runs on one baseline with no wide gap between them. */
interface Line {
  text: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
  page: number;
}

const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$|\bpage\s+\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/iu;
const SENTENCE_END = /[.!?:;"”’)\]]$/u;
const HYPHENATED_END = /\p{L}[-\u2010\u00ad]$/u;
/** Hyphens a typesetter adds at a break (U+2010, as Chromium prints a soft hyphen; U+00AD itself). */
const DISCRETIONARY_HYPHEN = /\p{L}[\u2010\u00ad]$/u;
const MARGIN = 0.1;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Splits a page's runs into line pieces: same baseline (within a third of the size), no gap wider than two ems. */
function linesOf(page: PdfPage, pageIndex: number): Line[] {
  const runs = page.runs.filter((run) => run.text.trim() !== '' || run.width > 0).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const rows: PdfTextRun[][] = [];
  for (const run of runs) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.baseline - run.baseline) <= Math.max(first.size, run.size) / 3) row.push(run);
    else rows.push([run]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line: Line | null = null;
    for (const run of row) {
      const gap = line ? run.x - line.right : 0;
      if (line && gap > Math.max(line.size, run.size) * 2) {
        lines.push(line);
        line = null;
      }
      if (!line) {
        line = { text: run.text, x: run.x, right: run.x + run.width, baseline: run.baseline, size: run.size, page: pageIndex };
        continue;
      }
      const space = gap > run.size * 0.15 && !line.text.endsWith(' ') && !run.text.startsWith(' ') ? ' ' : '';
      line.text += space + run.text;
      line.right = Math.max(line.right, run.x + run.width);
      line.size = Math.max(line.size, run.size);
    }
    if (line) lines.push(line);
  }
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/gu, ' ').trim() })).filter((line) => line.text !== '');
}

/**
 * Reading order on one page: lines above a two-column stretch, the left column, the right column, then
 * lines below. A page is two-column when at least three line pieces each sit wholly in either half.
 */
function inReadingOrder(lines: Line[], pageWidth: number): Line[] {
  const middle = pageWidth / 2;
  const left = lines.filter((line) => line.right <= middle + 2);
  const right = lines.filter((line) => line.x >= middle - 2);
  if (left.length < 3 || right.length < 3) return lines;
  const columnTop = Math.min(...[...left, ...right].map((line) => line.baseline));
  const columnBottom = Math.max(...[...left, ...right].map((line) => line.baseline));
  const inColumn = new Set([...left, ...right]);
  const spanning = lines.filter((line) => !inColumn.has(line));
  const above = spanning.filter((line) => line.baseline < columnTop);
  const below = spanning.filter((line) => line.baseline > columnBottom);
  const across = spanning.filter((line) => line.baseline >= columnTop && line.baseline <= columnBottom);
  return [...above, ...across, ...left, ...right, ...below];
}

/** A line's text (digits aside) and where it sits: a running header or footer repeats both. */
function shapeKey(line: Line): string {
  return `${Math.round(line.baseline / 4)}:${line.text.replace(/\d+/gu, '#').toLowerCase()}`;
}

/** Running headers and footers: lines in a page's top or bottom tenth that recur at the same height (digits aside) on half the pages or more, and bare page numbers there. */
function isPageFurniture(pages: PdfPage[], perPage: Line[][]): (line: Line) => boolean {
  const inMargin = (line: Line) => {
    const height = pages[line.page]?.height ?? 0;
    return line.baseline < height * MARGIN || line.baseline > height * (1 - MARGIN);
  };
  const seenOn = new Map<string, Set<number>>();
  for (const lines of perPage) {
    for (const line of lines.filter(inMargin)) {
      const key = shapeKey(line);
      seenOn.set(key, (seenOn.get(key) ?? new Set()).add(line.page));
    }
  }
  const recurring = pages.length >= 2 ? Math.max(2, Math.ceil(pages.length / 2)) : Infinity;
  return (line) => inMargin(line) && (PAGE_NUMBER.test(line.text) || (seenOn.get(shapeKey(line))?.size ?? 0) >= recurring);
}

/**
 * Joins a line to the text before it, rejoining a word hyphenated across the break: always at a
 * typesetter's hyphen, at a plain hyphen when the next line goes on in lower case (so a compound
 * such as "cost-cutting" broken at its own hyphen loses it: a known limit).
 */
export function joinLines(before: string, next: string): string {
  if (DISCRETIONARY_HYPHEN.test(before)) return before.slice(0, -1) + next;
  if (HYPHENATED_END.test(before) && /^\p{Ll}/u.test(next)) return before.slice(0, -1) + next;
  return `${before} ${next}`;
}

interface Paragraph {
  text: string;
  size: number;
  lastLine: Line;
}

/**
 * Rebuilds the article's blocks from the text of a PDF's pages: line pieces in reading order, page
 * furniture dropped, lines joined into paragraphs where the spacing, indent, size or a short last line
 * says one ends, hyphenated words rejoined, and lines set clearly larger than the body kept as headings.
 */
export function pdfBlocks(pages: PdfPage[]): LooseBlock[] {
  const perPage = pages.map((page, index) => inReadingOrder(linesOf(page, index), page.width));
  const furniture = isPageFurniture(pages, perPage);
  const lines = perPage.flat().filter((line) => !furniture(line));
  const body = median(lines.map((line) => line.size));
  const gaps: number[] = [];
  const widths: number[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index];
    const previous = lines[index - 1];
    if (line && previous && line.page === previous.page && Math.abs(line.x - previous.x) < 2 && line.baseline > previous.baseline)
      gaps.push(line.baseline - previous.baseline);
  }
  for (const line of lines) widths.push(line.right - line.x);
  // The line spacing within a paragraph: the lower quartile of the gaps (paragraph breaks are the wider ones), ignoring overlaps.
  const spacings = gaps.filter((gap) => gap >= body * 0.9).sort((a, b) => a - b);
  const lineGap = spacings[Math.floor(spacings.length / 4)] ?? body * 1.2;
  const typicalWidth = median(widths);
  const fullWidth = median(widths.filter((width) => width > typicalWidth * 0.5)) || typicalWidth;

  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const current = paragraphs.at(-1);
    if (current && continuesParagraph(current, line, body, lineGap, fullWidth)) {
      current.text = joinLines(current.text, line.text);
      current.lastLine = line;
    } else paragraphs.push({ text: line.text, size: line.size, lastLine: line });
  }
  return paragraphs.map((paragraph): LooseBlock => {
    const inline = [{ text: paragraph.text, marks: [] }];
    if (paragraph.size >= body * 1.15 && paragraph.text.length <= 200)
      return { type: 'heading', level: paragraph.size >= body * 1.6 ? 1 : 2, inline };
    return { type: 'paragraph', inline };
  });
}

function continuesParagraph(paragraph: Paragraph, line: Line, body: number, lineGap: number, fullWidth: number): boolean {
  const previous = paragraph.lastLine;
  if (Math.abs(line.size - paragraph.size) > body * 0.1) return false;
  const previousWasShort = previous.right - previous.x < fullWidth * 0.85 && SENTENCE_END.test(previous.text);
  if (line.page !== previous.page || line.baseline <= previous.baseline) {
    // A new page or column: the paragraph runs on unless its last line ended one.
    return HYPHENATED_END.test(previous.text) || (!previousWasShort && !SENTENCE_END.test(previous.text));
  }
  if (line.baseline - previous.baseline > lineGap * 1.4) return false;
  if (line.x - previous.x > body * 1.2) return false;
  return !previousWasShort;
}
