import { TEXTBLOCK_TYPES, type ReaderNode } from '../model/content.ts';

/** The separator between blocks of the canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

const WHITESPACE_RUN = /\s+/gu;

/** Collapses every whitespace run to one space, trims, and normalises to NFC. */
export function normalizeBlockText(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim().normalize('NFC');
}

/** The canonical text of a list of block texts: each normalised, empty ones dropped, joined by a blank line. */
export function canonicalText(blocks: readonly string[]): string {
  return blocks
    .map(normalizeBlockText)
    .filter((block) => block.length > 0)
    .join(BLOCK_SEPARATOR);
}

function isTextblock(node: ReaderNode): boolean {
  return (TEXTBLOCK_TYPES as readonly string[]).includes(node.type);
}

function inlineText(node: ReaderNode): string {
  if (node.type === 'text') return node.text;
  return 'content' in node && node.content ? node.content.map(inlineText).join('') : '';
}

/** The texts of a reader document's textblocks, in document order. */
export function textblocksOf(node: ReaderNode): string[] {
  if (isTextblock(node)) return [inlineText(node)];
  if (!('content' in node) || !node.content) return [];
  return node.content.flatMap(textblocksOf);
}

/** The canonical text of a reader document: what every offset in Scholia indexes. */
export function canonicalTextOf(doc: ReaderNode): string {
  return canonicalText(textblocksOf(doc));
}

/** True when every textblock of the document is already in canonical form and none is empty, so display and text offsets agree. */
export function isCanonicalContent(doc: ReaderNode): boolean {
  return textblocksOf(doc).every((block) => block.length > 0 && normalizeBlockText(block) === block);
}
