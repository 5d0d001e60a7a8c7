import type { ReaderMark } from '../../../shared/model/content.ts';
import { safeLinkHref } from '../../../shared/import/link-href.ts';
import type { InlineRun, LooseBlock } from '../../../shared/import/reader-content.ts';

const HEADING = /^H([1-6])$/u;
/** Elements that hold blocks: their children are read as blocks of their own. */
const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'BODY',
  'DL',
  'DD',
  'DETAILS',
  'CENTER',
  'ASIDE',
  'NAV',
  'FORM',
  'FIELDSET',
  'ADDRESS',
  'HGROUP',
  'TBODY',
  'THEAD',
  'TFOOT',
]);
/** Elements that are one paragraph of inline content. */
const PARAGRAPHS = new Set(['P', 'PRE', 'DT', 'CAPTION', 'SUMMARY', 'LEGEND']);
const EMPHASIS = new Set(['EM', 'I', 'CITE', 'DFN', 'VAR']);
const STRONG = new Set(['STRONG', 'B']);
/** Never text of the article, whatever a sanitiser let through. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'IMG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function isBlockElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return (
    CONTAINERS.has(tag) ||
    PARAGRAPHS.has(tag) ||
    tag === 'FIGCAPTION' ||
    HEADING.test(tag) ||
    ['BLOCKQUOTE', 'UL', 'OL', 'LI', 'TABLE', 'TR', 'HR'].includes(tag)
  );
}

function withMark(marks: ReaderMark[], mark: ReaderMark): ReaderMark[] {
  return marks.some((existing) => existing.type === mark.type) ? marks : [...marks, mark];
}

/** The inline runs of a node: text with em, strong and safe links; anything nested is read as text. */
function inlineRuns(node: Node, marks: ReaderMark[], base: string | undefined, runs: InlineRun[]): InlineRun[] {
  if (node.nodeType === TEXT_NODE) {
    runs.push({ text: node.textContent ?? '', marks });
    return runs;
  }
  if (node.nodeType !== ELEMENT_NODE) return runs;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag)) return runs;
  if (tag === 'BR') {
    runs.push({ text: ' ', marks });
    return runs;
  }
  let inner = marks;
  if (EMPHASIS.has(tag)) inner = withMark(marks, { type: 'em' });
  else if (STRONG.has(tag)) inner = withMark(marks, { type: 'strong' });
  else if (tag === 'A') {
    const href = safeLinkHref(element.getAttribute('href') ?? '', base);
    if (href && !marks.some((mark) => mark.type === 'link')) inner = [...marks, { type: 'link', attrs: { href } }];
  }
  for (const child of Array.from(element.childNodes)) inlineRuns(child, inner, base, runs);
  if (isBlockElement(element)) runs.push({ text: ' ', marks });
  return runs;
}

function tableRows(table: Element, base: string | undefined): LooseBlock[] {
  return Array.from(table.querySelectorAll('tr')).map((row) => ({
    type: 'paragraph',
    inline: Array.from(row.children).flatMap((cell, index) => [
      ...(index > 0 ? [{ text: ' · ', marks: [] }] : []),
      ...inlineRuns(cell, [], base, []),
    ]),
  }));
}

/**
 * The reader blocks of a sanitised DOM subtree: headings, paragraphs, block quotes and lists as they
 * are; a figure's caption (`figcaption`, and a credit line loose in the figure) a `caption` block, apart from the body's paragraphs; containers (div, section, figure…) read through; loose inline content between blocks made a
 * paragraph; table rows one paragraph each; images, media and forms left out.
 */
export function blocksOfDom(container: Node, base?: string): LooseBlock[] {
  const blocks: LooseBlock[] = [];
  let pending: InlineRun[] = [];
  const flush = () => {
    if (pending.some((run) => run.text.trim() !== '')) blocks.push({ type: 'paragraph', inline: pending });
    pending = [];
  };
  for (const child of Array.from(container.childNodes)) {
    if (child.nodeType !== ELEMENT_NODE || !isBlockElement(child as Element)) {
      inlineRuns(child, [], base, pending);
      continue;
    }
    flush();
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    const heading = HEADING.exec(tag);
    if (heading) blocks.push({ type: 'heading', level: Number(heading[1]), inline: inlineRuns(element, [], base, []) });
    else if (PARAGRAPHS.has(tag)) blocks.push({ type: 'paragraph', inline: inlineRuns(element, [], base, []) });
    else if (tag === 'FIGCAPTION') blocks.push({ type: 'caption', inline: inlineRuns(element, [], base, []) });
    else if (tag === 'BLOCKQUOTE') blocks.push({ type: 'blockquote', content: blocksOfDom(element, base) });
    else if (tag === 'UL' || tag === 'OL') {
      const items = Array.from(element.children).map((item) => blocksOfDom(item, base));
      const start = Number(element.getAttribute('start') ?? '1');
      blocks.push(
        tag === 'UL' ? { type: 'bullet_list', items } : { type: 'ordered_list', order: Number.isFinite(start) ? start : 1, items },
      );
    } else if (tag === 'TABLE') blocks.push(...tableRows(element, base));
    else if (tag === 'FIGURE')
      blocks.push(
        ...blocksOfDom(element, base).map((block) =>
          block.type === 'paragraph' ? { type: 'caption' as const, inline: block.inline } : block,
        ),
      );
    else if (tag !== 'HR') blocks.push(...blocksOfDom(element, base));
  }
  flush();
  return blocks;
}
