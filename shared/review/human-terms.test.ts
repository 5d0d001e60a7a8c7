import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { countWords, differencesInWords, possessive, spanParts, spanSentence, wordChanges } from './human-terms.ts';

const text = 'The quick brown fox jumps over the lazy dog. It was not amused.';
const at = (exact: string) => {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`no "${exact}"`);
  return { start, end: start + exact.length };
};

describe('a span difference in words', () => {
  it('counts how many words each end moved, and which way', () => {
    expect(spanSentence(text, at('The quick brown fox jumps over'), at('brown fox jumps over the lazy dog'), 'Bob')).toBe(
      'Bob’s span starts 2 words later and ends 3 words later',
    );
    expect(spanSentence(text, at('fox jumps over the lazy dog'), at('The quick brown fox jumps'), 'Bob')).toBe(
      'Bob’s span starts 3 words earlier and ends 4 words earlier',
    );
    expect(spanSentence(text, at('the lazy dog'), at('the lazy dog.'), 'Alice')).toBe('Alice’s span ends 1 character later');
    expect(spanSentence(text, at('the lazy dog'), at('the lazy dog'), 'Alice')).toBe('Alice’s span is the same as yours');
  });

  it('marks what is in both spans, only in mine and only in theirs, over the text, with what lies between', () => {
    expect(spanParts(text, at('quick brown fox'), at('brown fox jumps'))).toEqual([
      { text: 'quick ', side: 'mine' },
      { text: 'brown fox', side: 'both' },
      { text: ' jumps', side: 'theirs' },
    ]);
    expect(spanParts(text, at('quick brown'), at('jumps over'))).toEqual([
      { text: 'quick brown', side: 'mine' },
      { text: ' fox ', side: 'neither' },
      { text: 'jumps over', side: 'theirs' },
    ]);
    expect(spanParts(text, at('The quick brown fox'), at('quick'))).toEqual([
      { text: 'The ', side: 'mine' },
      { text: 'quick', side: 'both' },
      { text: ' brown fox', side: 'mine' },
    ]);
  });

  it('counts words with inner apostrophes or hyphens once and punctuation not at all', () => {
    expect(countWords("it's the EU's 27 states — all of them.")).toBe(8);
    expect(countWords('A pro-Kremlin group has')).toBe(4);
    expect(countWords(' — , . ')).toBe(0);
  });

  it('says possessives of names ending in s as names do', () => {
    expect(possessive('Alex Jones')).toBe('Alex Jones’');
    expect(possessive('Bob')).toBe('Bob’s');
  });
});

describe('value differences in words', () => {
  it('names verdicts, claim types and entity types by their codebook labels and colours', () => {
    const words = differencesInWords(
      [
        { field: 'verdict', mine: 'mostly-true', theirs: 'mixed' },
        { field: 'claim type', theirs: 'statistic' },
        { field: 'entity type', mine: 'person', theirs: 'organization' },
      ],
      { tagset: DEFAULT_TAGSET, who: 'Bob' },
    );
    expect(words).toEqual([
      {
        field: 'verdict',
        name: 'Verdict',
        sentence: 'Bob rates it Mixed; you rate it Mostly true.',
        mine: { label: 'Mostly true', colour: '#117733' },
        theirs: { label: 'Mixed', colour: '#aa4499' },
      },
      {
        field: 'claim type',
        name: 'Claim type',
        sentence: 'Bob types the claim as Statistic; you as none.',
        theirs: { label: 'Statistic', colour: '#0f766e' },
      },
      {
        field: 'entity type',
        name: 'Entity type',
        sentence: 'Bob types the entity as Organisation; you as Person.',
        mine: { label: 'Person', colour: '#7c3aed' },
        theirs: { label: 'Organisation', colour: '#0369a1' },
      },
    ]);
  });

  it('names speakers and kinds in words, and keeps an id outside the codebook as it is', () => {
    const words = differencesInWords(
      [
        { field: 'speaker', mine: 'Roberta Metsola', theirs: 'Jaume Duch' },
        { field: 'kind', mine: 'claim', theirs: 'quote' },
        { field: 'verdict', mine: 'pants-on-fire', theirs: 'false' },
      ],
      { tagset: DEFAULT_TAGSET, who: 'Bob' },
    );
    expect(words.map((w) => w.sentence)).toEqual([
      'Bob attributes the quote to Jaume Duch; you to Roberta Metsola.',
      'Bob marks this passage as a quote; you as a claim.',
      'Bob rates it False; you rate it pants-on-fire.',
    ]);
    expect(words[2]?.mine).toEqual({ label: 'pants-on-fire' });
  });

  it('says a span difference with the text and both spans', () => {
    const [span] = differencesInWords([{ field: 'span', mine: '4–19', theirs: '10–25' }], {
      tagset: DEFAULT_TAGSET,
      who: 'Bob',
      text,
      mine: at('quick brown fox'),
      theirs: at('brown fox jumps'),
    });
    expect(span).toEqual({ field: 'span', name: 'Span', sentence: 'Bob’s span starts 1 word later and ends 1 word later.' });
  });
});

describe('word changes between their copy and this text', () => {
  it('marks the words removed and added, jsdiff’s word diff', () => {
    const changes = wordChanges('the site was hacked on Wednesday', 'the site was attacked on Wednesday');
    expect(changes.filter((c) => c.change !== 'same')).toEqual([
      { text: 'hacked', change: 'removed' },
      { text: 'attacked', change: 'added' },
    ]);
    expect(
      changes
        .filter((c) => c.change !== 'removed')
        .map((c) => c.text)
        .join(''),
    ).toBe('the site was attacked on Wednesday');
  });
});
