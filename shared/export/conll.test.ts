import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { unicodeDocument } from '../testing/sample-text.ts';
import { exportConll } from './conll.ts';
import { tokenizeSentences } from './tokenize.ts';

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));

/** The entity spans an IOB2 file encodes, as (type, tokens joined by a space). */
function spansOf(conll: string): { type: string; text: string }[] {
  const spans: { type: string; tokens: string[] }[] = [];
  for (const line of conll.split('\n')) {
    if (!line) continue;
    const [token, tag] = line.split(' ') as [string, string];
    if (tag.startsWith('B-')) spans.push({ type: tag.slice(2), tokens: [token] });
    else if (tag.startsWith('I-')) {
      const last = spans[spans.length - 1];
      expect(last?.type).toBe(tag.slice(2));
      last?.tokens.push(token);
    }
  }
  return spans.map((s) => ({ type: s.type, text: s.tokens.join(' ') }));
}

describe('tokenizeSentences', () => {
  it('splits words, numbers and each punctuation mark, and sentences at their ends', () => {
    const sentences = tokenizeSentences('Metsola said: "It\'s a 12.5% rise." Then she left.');
    expect(sentences.map((s) => s.map((t) => t.text))).toEqual([
      ['Metsola', 'said', ':', '"', "It's", 'a', '12.5', '%', 'rise', '.', '"'],
      ['Then', 'she', 'left', '.'],
    ]);
  });

  it('cuts tokens at the given offsets and keeps sentences whole around kept spans', () => {
    const text = 'The pro-Kremlin group struck. It was Mr. Smith.';
    const start = text.indexOf('Kremlin');
    const tokens = tokenizeSentences(text, { cuts: [start, start + 7] }).flat();
    expect(tokens.map((t) => t.text)).toContain('Kremlin');
    const keep = [{ start: text.indexOf('It was'), end: text.length }];
    expect(tokenizeSentences(text, { keep }).map((s) => s.map((t) => t.text).join(' '))).toEqual([
      'The pro-Kremlin group struck .',
      'It was Mr . Smith .',
    ]);
  });
});

describe('exportConll', () => {
  it('tags every entity mention of the sample with B-/I- of its type, and everything else O', () => {
    const conll = exportConll(sample);
    const spans = spansOf(conll);
    const types = new Map(sample.entities.map((e) => [e.id, e.type]));
    const mentions = sample.annotations.filter((a) => a.kind === 'entity').sort((a, b) => a.target.start - b.target.start);
    expect(spans).toEqual(
      mentions.map((m) => ({
        type: m.kind === 'entity' ? types.get(m.entityId) : '',
        text: tokenizeSentences(m.target.exact)
          .flat()
          .map((t) => t.text)
          .join(' '),
      })),
    );
    expect(conll).toMatch(/^Roberta B-person\nMetsola I-person$/mu);
    expect(conll).toMatch(/^pro-Kremlin B-group\ngroup I-group$/mu);
    expect(conll.split('\n\n').length).toBeGreaterThan(10);
  });

  it('keeps the whole text, token by token, with accents and emoji', () => {
    const document = unicodeDocument();
    const tokens = exportConll(document)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(0, line.lastIndexOf(' ')));
    expect(tokens.join('')).toBe(document.text.replace(/\s+/gu, ''));
    expect(exportConll(document)).toMatch(/^Zürich B-location$/mu);
    expect(exportConll(document)).toMatch(/^Ms B-person\nÑúñez I-person$/mu);
  });
});
