import { Schema, type DOMOutputSpec } from 'prosemirror-model';
import { safeLinkHref } from '../../../shared/import/link-href.ts';

const block = (tag: string): DOMOutputSpec => [tag, 0];

/**
 * The reader schema (docs/ARCHITECTURE.md, “The data model”): headings, paragraphs, figure captions, block quotes, lists, emphasis and links.
 * Node and mark names match the `content` JSON the store keeps.
 */
export const readerSchema = new Schema({
  nodes: {
    doc: { content: '(block | section)+' },
    /** A run of blocks of a long article, grouped so a redraw walks a few groups, not thousands of blocks (see `sections.ts`). */
    section: { content: 'block+', toDOM: () => ['div', { class: 'reader-section' }, 0] },
    paragraph: { group: 'block', content: 'inline*', toDOM: () => block('p') },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 2 } },
      toDOM: (node) => block(`h${Math.min(6, Math.max(1, Number(node.attrs['level']) || 2))}`),
    },
    /** The caption of a figure the page showed: read apart from the body's paragraphs. */
    caption: { group: 'block', content: 'inline*', toDOM: () => ['p', { class: 'reader-caption' }, 0] },
    blockquote: { group: 'block', content: 'block+', toDOM: () => block('blockquote') },
    bullet_list: { group: 'block', content: 'list_item+', toDOM: () => block('ul') },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1 } },
      toDOM: (node) => ['ol', { start: String(node.attrs['order'] ?? 1) }, 0],
    },
    list_item: { content: 'block+', toDOM: () => block('li') },
    text: { group: 'inline' },
  },
  marks: {
    em: { toDOM: () => ['em', 0] },
    strong: { toDOM: () => ['strong', 0] },
    link: {
      attrs: { href: {}, title: { default: null } },
      inclusive: false,
      toDOM: (mark) => {
        // Only http(s) and mailto links are ever drawn as links, whatever a stored document holds.
        const href = safeLinkHref(String(mark.attrs['href']));
        if (href === null) return ['span', { class: 'link-refused' }, 0];
        const title = mark.attrs['title'] ? String(mark.attrs['title']) : `${href} — Ctrl+click to open in your browser`;
        return ['a', { href, title, rel: 'noopener noreferrer' }, 0];
      },
    },
  },
});
