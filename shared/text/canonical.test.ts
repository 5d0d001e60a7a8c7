import { describe, expect, it } from 'vitest';
import { canonicalText, canonicalTextOf, isCanonicalContent, normalizeBlockText } from './canonical.ts';
import { paragraphsContent } from './content.ts';

describe('normalizeBlockText', () => {
  it('collapses whitespace runs, tabs, newlines and no-break spaces to one space', () => {
    expect(normalizeBlockText('  a \t b\n\nc\u00a0\u00a0d  ')).toBe('a b c d');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301';
    expect(normalizeBlockText(decomposed)).toBe('Caf\u00e9');
    expect(normalizeBlockText(decomposed).length).toBe(4);
  });
});

describe('canonicalText', () => {
  it('joins blocks with a blank line and drops empty blocks', () => {
    expect(canonicalText(['First  block.', '   ', 'Second\nblock.'])).toBe('First block.\n\nSecond block.');
  });

  it('is the same for the content built from its blocks', () => {
    const blocks = ['One.', 'Two, with "quotes".', 'Thr\u00e9e.'];
    const content = paragraphsContent(blocks);
    expect(canonicalTextOf(content)).toBe(blocks.join('\n\n'));
    expect(isCanonicalContent(content)).toBe(true);
  });

  it('reads nested blocks in document order and joins inline runs', () => {
    const text = canonicalTextOf({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] },
        {
          type: 'blockquote',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Quoted ' },
                { type: 'text', text: 'words', marks: [{ type: 'em' }] },
              ],
            },
          ],
        },
        {
          type: 'bullet_list',
          content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }] }] }],
        },
      ],
    });
    expect(text).toBe('Title\n\nQuoted words\n\nItem');
  });

  it('flags content whose blocks are not canonical', () => {
    expect(isCanonicalContent(paragraphsContent(['two  spaces']))).toBe(false);
    expect(isCanonicalContent({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(false);
  });
});
