import type { ReaderMark, ReaderNode } from '../model/content.ts';

/** One run of text with its marks, before whitespace is collapsed. */
export interface InlineRun {
  text: string;
  marks: ReaderMark[];
}

/** A block as an importer finds it: loose text, nested blocks, maybe empty. */
export type LooseBlock =
  | { type: 'paragraph'; inline: InlineRun[] }
  | { type: 'heading'; level: number; inline: InlineRun[] }
  | { type: 'caption'; inline: InlineRun[] }
  | { type: 'blockquote'; content: LooseBlock[] }
  | { type: 'bullet_list'; items: LooseBlock[][] }
  | { type: 'ordered_list'; order: number; items: LooseBlock[][] };

type TextNode = Extract<ReaderNode, { type: 'text' }>;

const WHITESPACE_RUN = /\s+/gu;

function sameMarks(a: readonly ReaderMark[], b: readonly ReaderMark[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Text nodes in canonical form: whitespace runs collapse to one space across run boundaries, the
 * block is trimmed, NFC, adjacent runs with the same marks merge. Where NFC would join characters
 * across two runs, the marks give way to one plain run, so display and canonical text always agree.
 */
export function canonicalInline(runs: readonly InlineRun[]): TextNode[] {
  const nodes: { text: string; marks: ReaderMark[] }[] = [];
  let spacePending = false;
  for (const run of runs) {
    const parts = run.text.normalize('NFC').split(WHITESPACE_RUN);
    parts.forEach((part, index) => {
      if (index > 0) spacePending = true;
      if (part === '') return;
      const last = nodes.at(-1);
      const space = spacePending && last ? ' ' : '';
      spacePending = false;
      if (last && sameMarks(last.marks, run.marks)) last.text += space + part;
      else if (last && space && last.marks.length < run.marks.length) {
        // A space between differently marked runs goes to the plainer one: a link ends at its last letter.
        last.text += space;
        nodes.push({ text: part, marks: run.marks });
      } else nodes.push({ text: space + part, marks: run.marks });
    });
  }
  const joined = nodes.map((node) => node.text).join('');
  if (joined !== joined.normalize('NFC')) return [{ type: 'text', text: joined.normalize('NFC') }];
  return nodes.map(({ text, marks }) => (marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text }));
}

function blockNodes(block: LooseBlock): ReaderNode[] {
  switch (block.type) {
    case 'paragraph': {
      const content = canonicalInline(block.inline);
      return content.length > 0 ? [{ type: 'paragraph', content }] : [];
    }
    case 'heading': {
      const content = canonicalInline(block.inline);
      const level = Math.min(6, Math.max(1, Math.round(block.level)));
      return content.length > 0 ? [{ type: 'heading', attrs: { level }, content }] : [];
    }
    case 'caption': {
      const content = canonicalInline(block.inline);
      return content.length > 0 ? [{ type: 'caption', content }] : [];
    }
    case 'blockquote': {
      const content = block.content.flatMap(blockNodes);
      return content.length > 0 ? [{ type: 'blockquote', content }] : [];
    }
    case 'bullet_list':
    case 'ordered_list': {
      const items = block.items.map((item) => item.flatMap(blockNodes)).filter((item) => item.length > 0);
      if (items.length === 0) return [];
      const content: ReaderNode[] = items.map((item) => ({ type: 'list_item', content: item }));
      return block.type === 'bullet_list'
        ? [{ type: 'bullet_list', content }]
        : [{ type: 'ordered_list', attrs: { order: Math.max(0, Math.round(block.order)) }, content }];
    }
  }
}

/** The reader document of loose blocks: empty blocks and containers dropped, every textblock canonical. */
export function readerContent(blocks: readonly LooseBlock[]): { type: 'doc'; content: ReaderNode[] } {
  return { type: 'doc', content: blocks.flatMap(blockNodes) };
}

/** A paragraph of one plain run. */
export function plainParagraph(text: string): LooseBlock {
  return { type: 'paragraph', inline: [{ text, marks: [] }] };
}
