import type { ReaderDocNode } from '../model/content.ts';

/** A reader document of plain paragraphs, one per canonical block. */
export function paragraphsContent(blocks: readonly string[]): ReaderDocNode {
  return {
    type: 'doc',
    content: blocks.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}
