import type { Node as PmNode } from 'prosemirror-model';
import { readerSchema } from './reader-schema.ts';

/** Blocks per section: a redraw compares the doc's sections, then the blocks of the ones that changed. */
export const SECTION_BLOCKS = 16;

/**
 * The same article with its top-level blocks grouped into sections of `size`. ProseMirror's
 * redraw walks the children of each node it updates; grouped, a change to one highlight walks a
 * few hundred sections and one section's blocks instead of every block of a long article. The
 * text and its blocks are unchanged (the text map reads the textblocks, wherever they sit).
 */
export function groupIntoSections(doc: PmNode, size = SECTION_BLOCKS): PmNode {
  const blocks: PmNode[] = [];
  doc.forEach((node) => blocks.push(node));
  const sections: PmNode[] = [];
  for (let i = 0; i < blocks.length; i += size) sections.push(readerSchema.node('section', null, blocks.slice(i, i + size)));
  return readerSchema.node('doc', null, sections);
}
