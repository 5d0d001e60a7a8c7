import { Node as PmNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { readerContent, type LooseBlock } from '../../../shared/import/reader-content.ts';
import { canonicalTextOf } from '../../../shared/text/canonical.ts';
import { readerSchema } from './reader-schema.ts';
import { TextMap } from './text-map.ts';

const link = { type: 'link', attrs: { href: 'https://example.org/report' } } as const;

/** Imported structure at its richest: a heading, marks and a link, a quote holding a list, a nested list. */
const blocks: LooseBlock[] = [
  {
    type: 'heading',
    level: 2,
    inline: [
      { text: 'What  the audit ', marks: [] },
      { text: 'found', marks: [{ type: 'em' }] },
    ],
  },
  {
    type: 'paragraph',
    inline: [
      { text: 'Read the ', marks: [] },
      { text: 'full report', marks: [link] },
      { text: ' online.', marks: [] },
    ],
  },
  {
    type: 'blockquote',
    content: [
      { type: 'paragraph', inline: [{ text: 'We accept', marks: [] }] },
      { type: 'bullet_list', items: [[{ type: 'paragraph', inline: [{ text: 'in full', marks: [{ type: 'strong' }] }] }]] },
    ],
  },
  {
    type: 'ordered_list',
    order: 1,
    items: [
      [
        { type: 'paragraph', inline: [{ text: 'First', marks: [] }] },
        { type: 'bullet_list', items: [[{ type: 'paragraph', inline: [{ text: 'nested', marks: [] }] }]] },
      ],
      [{ type: 'paragraph', inline: [{ text: 'Second', marks: [] }] }],
    ],
  },
];

describe('imported content in the reader', () => {
  const content = readerContent(blocks);
  const text = canonicalTextOf(content);
  const doc = PmNode.fromJSON(readerSchema, content);
  const map = TextMap.build(doc, text);

  it('is valid in the reader schema and its textblocks are exactly the canonical text', () => {
    expect(() => doc.check()).not.toThrow();
    expect(text).toBe('What the audit found\n\nRead the full report online.\n\nWe accept\n\nin full\n\nFirst\n\nnested\n\nSecond');
  });

  it('maps every word, in headings, quotes, links and nested lists, to the position that shows it and back', () => {
    for (const word of ['audit found', 'full report', 'We accept', 'in full', 'nested', 'Second']) {
      const start = text.indexOf(word);
      const from = map.toPos(start, 1);
      const to = map.toPos(start + word.length, -1);
      expect(doc.textBetween(from, to)).toBe(word);
      expect([map.toOffset(from, 1), map.toOffset(to, -1)]).toEqual([start, start + word.length]);
    }
  });

  it('draws links as links only for http(s) and mailto', () => {
    const drawn = (href: string) => {
      const spec = readerSchema.marks.link.spec.toDOM?.(readerSchema.marks.link.create({ href }), true);
      return Array.isArray(spec) ? spec[0] : null;
    };
    expect(drawn('https://example.org/')).toBe('a');
    expect(drawn('mailto:desk@example.org')).toBe('a');
    expect(drawn('javascript:alert(1)')).toBe('span');
  });
});
