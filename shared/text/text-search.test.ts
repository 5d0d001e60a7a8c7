import { describe, expect, it } from 'vitest';
import { findOccurrences, isWholeWord, matchesQuery, queryWords, searchText, searchTextCache } from './text-search.ts';

const text = 'Metsola said. metsola added; Roberta Metsola’s office, Metsolas and MetsolaX.';

describe('findOccurrences', () => {
  it('ignores case by default and keeps offsets of the text', () => {
    const found = findOccurrences(text, 'metsola');
    expect(found.map((span) => text.slice(span.start, span.end))).toEqual(['Metsola', 'metsola', 'Metsola', 'Metsola', 'Metsola']);
  });

  it('matches case exactly when asked', () => {
    expect(findOccurrences(text, 'metsola', { matchCase: true })).toEqual([{ start: 14, end: 21 }]);
  });

  it('finds whole words only when asked: an apostrophe ends a word, a letter does not', () => {
    const found = findOccurrences(text, 'Metsola', { matchCase: true, wholeWords: true });
    expect(found.map((span) => span.start)).toEqual([0, text.indexOf('Metsola’')]);
  });

  it('stops at the limit, never overlaps matches, and finds nothing for an empty query', () => {
    expect(findOccurrences('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findOccurrences(text, 'metsola', { limit: 2 })).toHaveLength(2);
    expect(findOccurrences(text, '')).toEqual([]);
  });

  it('treats letters of any script and combining marks as word characters', () => {
    expect(isWholeWord('Zelensky’s', 0, 8)).toBe(true);
    expect(isWholeWord('Kyivé', 0, 4)).toBe(false);
    expect(isWholeWord('Kyiv\u0301', 0, 4)).toBe(false);
  });
});

describe('list search', () => {
  it('needs every word of the query, in any order and case', () => {
    const words = queryWords('  Metsola  CYBER ');
    expect(words).toEqual(['metsola', 'cyber']);
    expect(matchesQuery(words, [searchText(['A cyberattack', undefined]), undefined, searchText(['Roberta Metsola'])])).toBe(true);
    expect(matchesQuery(words, [searchText(['A cyberattack'])])).toBe(false);
    expect(matchesQuery([], [])).toBe(true);
  });

  it('matches texts apart exactly as it matches them joined', () => {
    const texts = ['Σ ΟΔΟΣ', 'İstanbul', 'Roberta Metsola', undefined, 'Killnet'];
    for (const query of ['οδος', 'οδοσ', 'i̇stanbul metsola', 'killnet roberta', 'metsolakillnet', 'a\nk']) {
      const words = queryWords(query);
      const joined = matchesQuery(words, [searchText(texts)]);
      expect(
        matchesQuery(
          words,
          texts.map((text) => (text === undefined ? undefined : searchText([text]))),
        ),
      ).toBe(joined);
    }
  });

  it('lower-cases a record once, and a replaced record afresh', () => {
    let calls = 0;
    const textOf = searchTextCache((entity: { name: string }) => {
      calls += 1;
      return [entity.name];
    });
    const entity = { name: 'Roberta METSOLA' };
    expect(textOf(entity)).toBe('roberta metsola');
    expect(textOf(entity)).toBe('roberta metsola');
    expect(calls).toBe(1);
    const renamed = { ...entity, name: 'Roberta Metsola-Tedesco' };
    expect(textOf(renamed)).toBe('roberta metsola-tedesco');
    expect(calls).toBe(2);
  });
});
