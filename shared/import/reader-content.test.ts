import { describe, expect, it } from 'vitest';
import { canonicalTextOf, isCanonicalContent } from '../text/canonical.ts';
import { canonicalInline, readerContent } from './reader-content.ts';
import { safeLinkHref } from './link-href.ts';

const link = { type: 'link', attrs: { href: 'https://example.org/' } } as const;

describe('canonicalInline', () => {
  it('collapses whitespace across runs, trims the block and gives a space between marked runs to the plainer one', () => {
    expect(
      canonicalInline([
        { text: '  Read ', marks: [] },
        { text: ' the\nreport ', marks: [link] },
        { text: '\tnow. ', marks: [] },
      ]),
    ).toEqual([
      { type: 'text', text: 'Read ' },
      { type: 'text', text: 'the report', marks: [link] },
      { type: 'text', text: ' now.' },
    ]);
  });

  it('merges neighbouring runs with the same marks and drops empty ones', () => {
    expect(
      canonicalInline([
        { text: 'One', marks: [] },
        { text: '', marks: [{ type: 'em' }] },
        { text: ' two', marks: [] },
      ]),
    ).toEqual([{ type: 'text', text: 'One two' }]);
  });

  it('falls back to one plain run where NFC joins characters across two runs', () => {
    expect(
      canonicalInline([
        { text: 'Cafe', marks: [{ type: 'strong' }] },
        { text: '\u0301 open', marks: [] },
      ]),
    ).toEqual([{ type: 'text', text: 'Café open' }]);
  });
});

describe('readerContent', () => {
  it('drops empty blocks, items and containers, and yields canonical content whose text is the canonical text', () => {
    const content = readerContent([
      { type: 'heading', level: 9, inline: [{ text: ' Title ', marks: [] }] },
      { type: 'paragraph', inline: [{ text: '   ', marks: [] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', inline: [] }] },
      { type: 'bullet_list', items: [[], [{ type: 'paragraph', inline: [{ text: 'item', marks: [] }] }]] },
      { type: 'ordered_list', order: 3, items: [[{ type: 'paragraph', inline: [{ text: 'third', marks: [] }] }]] },
    ]);
    expect(content).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 6 }, content: [{ type: 'text', text: 'Title' }] },
        {
          type: 'bullet_list',
          content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] }],
        },
        {
          type: 'ordered_list',
          attrs: { order: 3 },
          content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'third' }] }] }],
        },
      ],
    });
    expect(isCanonicalContent(content)).toBe(true);
    expect(canonicalTextOf(content)).toBe('Title\n\nitem\n\nthird');
  });
});

describe('safeLinkHref', () => {
  it('keeps http(s) and mailto, resolves relative links against the page, and refuses everything else', () => {
    expect(safeLinkHref('/news/a', 'https://site.example/x/y')).toBe('https://site.example/news/a');
    expect(safeLinkHref('mailto:desk@site.example')).toBe('mailto:desk@site.example');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '#top',
      '',
      'relative/without/base',
    ]) {
      expect(safeLinkHref(bad)).toBeNull();
    }
  });
});
