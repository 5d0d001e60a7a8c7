import { Node as PmNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { readerSchema } from './reader-schema.ts';
import { TextMap, TextMapError } from './text-map.ts';

const content = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'One ' },
        { type: 'text', text: 'two', marks: [{ type: 'em' }] },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted' }] }] },
    {
      type: 'bullet_list',
      content: [
        { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }] },
        { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'B' }] }] },
      ],
    },
  ],
};
const text = 'Title\n\nOne two\n\nQuoted\n\nA\n\nB';
const doc = PmNode.fromJSON(readerSchema, content);

function textAt(map: TextMap, start: number, end: number): string {
  return doc.textBetween(map.toPos(start, 1), map.toPos(end, -1), '\n\n');
}

describe('TextMap', () => {
  const map = TextMap.build(doc, text);

  it('maps every offset inside a block to the position showing the same character', () => {
    for (const word of ['Title', 'One two', 'two', 'Quoted', 'A', 'B']) {
      const start = text.indexOf(word);
      expect(textAt(map, start, start + word.length)).toBe(word);
    }
  });

  it('maps positions back to the offsets they came from', () => {
    for (let offset = 0; offset <= text.length; offset += 1) {
      if (text.slice(offset - 1, offset + 1).includes('\n')) continue;
      expect(map.toOffset(map.toPos(offset))).toBe(offset);
    }
  });

  it('sends offsets inside a block separator to the next block start or the previous block end', () => {
    const separator = text.indexOf('\n\n') + 1;
    expect(map.toPos(separator, 1)).toBe(map.toPos(text.indexOf('One')));
    expect(map.toPos(separator, -1)).toBe(map.toPos('Title'.length));
  });

  it('keeps a span across blocks covering the text of each block', () => {
    const start = text.indexOf('two');
    const end = text.indexOf('Quoted') + 'Quoted'.length;
    expect(textAt(map, start, end)).toBe('two\n\nQuoted');
  });

  it('sends positions between blocks to the next block start or the previous block end', () => {
    const endOfTitle = map.toPos(5);
    expect(map.toOffset(endOfTitle + 1, 1)).toBe(text.indexOf('One'));
    expect(map.toOffset(endOfTitle + 1, -1)).toBe(5);
  });

  it('refuses a text that does not match the displayed blocks', () => {
    expect(() => TextMap.build(doc, text.replace('Quoted', 'Quotes'))).toThrow(TextMapError);
    expect(() => TextMap.build(doc, `${text}\n\nC`)).toThrow(TextMapError);
    expect(() => TextMap.build(doc, text.replace('\n\nQuoted', '\nQuoted'))).toThrow(TextMapError);
  });
});
