import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalText } from './canonical.ts';
import { parsePlainText } from './plain-text.ts';

describe('parsePlainText', () => {
  it('splits paragraphs at blank lines and joins wrapped lines', () => {
    const article = parsePlainText('First line\nwraps here.\n\n\nSecond paragraph.\r\n\r\nThird.');
    expect(article.blocks).toEqual(['First line wraps here.', 'Second paragraph.', 'Third.']);
    expect(article.published).toBeUndefined();
  });

  it('takes a leading date line as the published date, also when the first sentence follows on the same line', () => {
    expect(parsePlainText('date 2022-11-23\n\nBody.')).toEqual({ blocks: ['Body.'], published: '2022-11-23' });
    expect(parsePlainText(' date 2022-11-23 The website went down.')).toEqual({
      blocks: ['The website went down.'],
      published: '2022-11-23',
    });
  });

  it('leaves an impossible date in the text', () => {
    expect(parsePlainText('date 2022-02-31 Body.').published).toBeUndefined();
  });

  it('reads the sample article with its date and without it in the text', () => {
    const raw = readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8');
    const article = parsePlainText(raw);
    expect(article.published).toBe('2022-11-23');
    expect(article.blocks[0]?.startsWith('The official website of the European Parliament')).toBe(true);
    expect(article.blocks).toHaveLength(14);
    expect(canonicalText(article.blocks)).not.toContain('date 2022');
  });
});
