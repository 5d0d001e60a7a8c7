import { describe, expect, it } from 'vitest';
import { parseIob, sentenceText } from './iob.ts';

// A fixture in WikiANN's IOB layout (language prefix, tab-separated) and one in CoNLL's (space-separated, extra columns).
const WIKIANN = [
  'en:The\tO',
  'en:Department\tB-ORG',
  'en:of\tI-ORG',
  'en:Conservation\tI-ORG',
  'en:said\tO',
  'en:.\tO',
  '',
  'en:Hori\tB-PER',
  'en:Parata\tI-PER',
  'en:(\tO',
  'en:75\tO',
  'en:)\tO',
  '',
].join('\n');
const CONLL = [
  '-DOCSTART- -X- O O',
  '',
  'EU NNP B-NP I-ORG',
  'rejects VBZ B-VP O',
  'German JJ B-NP I-MISC',
  'call NN I-NP O',
  'in IN B-PP O',
  'New NNP B-NP B-LOC',
  'Zealand NNP I-NP I-LOC',
  "'s POS B-NP O",
  '. . O O',
].join('\n');

describe('CoNLL/IOB reader', () => {
  it('reads sentences and drops the language prefix', () => {
    const sentences = parseIob(WIKIANN);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toEqual({
      tokens: ['The', 'Department', 'of', 'Conservation', 'said', '.'],
      tags: ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O'],
    });
  });

  it('makes text with mention spans, no space before closing punctuation', () => {
    const [first, second] = parseIob(WIKIANN).map(sentenceText);
    expect(first?.text).toBe('The Department of Conservation said.');
    expect(first?.mentions.map((m) => [first?.text.slice(m.start, m.end), m.type])).toEqual([['Department of Conservation', 'ORG']]);
    expect(second?.text).toBe('Hori Parata (75)');
    expect(second?.mentions.map((m) => second?.text.slice(m.start, m.end))).toEqual(['Hori Parata']);
  });

  it('starts a mention at an I- tag after O or another type, as conlleval does', () => {
    const [sentence] = parseIob(CONLL).map(sentenceText);
    expect(sentence?.text).toBe("EU rejects German call in New Zealand's.");
    expect(sentence?.mentions.map((m) => [sentence?.text.slice(m.start, m.end), m.type])).toEqual([
      ['EU', 'ORG'],
      ['German', 'MISC'],
      ['New Zealand', 'LOC'],
    ]);
  });

  it('refuses a line without a tag, naming the line', () => {
    expect(() => parseIob('Paris\tB-LOC\nLondon\n')).toThrow(/IOB line 2/u);
  });
});
