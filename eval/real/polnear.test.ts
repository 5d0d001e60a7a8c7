import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { suggestDocument } from '../../shared/suggest/suggest-document.ts';
import { attributionsOf, parseBrat } from '../corpora/brat.ts';
import { emptyPolnearCounts, goldForm, nameWords, scoreArticle, withBlankLines } from './polnear.ts';

describe('reading PolNeAR', () => {
  it('makes paragraphs of line breaks and quotation marks of two apostrophes, moving offsets with them', () => {
    const raw = "First line.\nSecond line: ''Yes,'' he said.";
    const { text, offset } = withBlankLines(raw);
    expect(text).toBe('First line.\n\nSecond line: "Yes," he said.');
    const yes = raw.indexOf('Yes');
    expect(text.slice(offset(yes), offset(yes + 3))).toBe('Yes');
    expect(offset(raw.length)).toBe(text.length);
  });

  it('tells direct, mixed and indirect content apart, and the name words of a source', () => {
    const text = '“We are ready,” she said. He said the plan was “a mistake” then. They said it failed.';
    const span = (words: string) => [{ start: text.indexOf(words), end: text.indexOf(words) + words.length }];
    expect(goldForm(text, span('“We are ready,”'))).toBe('direct');
    expect(goldForm(text, span('the plan was “a mistake” then'))).toBe('mixed');
    expect(goldForm(text, span('it failed'))).toBe('indirect');
    expect(nameWords('Republican presidential nominee Donald Trump')).toEqual(['Donald', 'Trump']);
    expect(nameWords('Trump’s campaign manager')).toEqual([]);
    expect(nameWords('the spokesman')).toEqual([]);
  });
});

describe('scoring an article against its attributions', () => {
  it('counts a found direct quote with its right speaker, and an indirect one', () => {
    const text = '“We will not stop the inquiry,” said Maria Lopez.\n\nOfficials said that the bridge had passed its inspection in May.';
    const at = (words: string) => `${text.indexOf(words)} ${text.indexOf(words) + words.length}\t${words}`;
    const ann = [
      `T1\tContent ${at('“We will not stop the inquiry,”')}`,
      `T2\tCue ${at('said')}`,
      `T3\tSource ${at('Maria Lopez')}`,
      'E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3',
      `T4\tContent ${at('the bridge had passed its inspection in May')}`,
      `T5\tSource ${at('Officials')}`,
      'E2\tAttribution:T2 Content:T4 Source:T5',
    ].join('\n');
    const article = { name: 'fixture', text, attributions: attributionsOf(parseBrat(ann)) };
    const counts = emptyPolnearCounts();
    const set = suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET);
    const judged = scoreArticle(article, set, 0.5, counts);
    expect(counts.byForm.direct).toMatchObject({ gold: 1, found: 1, cueFound: 1 });
    expect(counts.byForm.indirect).toMatchObject({ gold: 1, found: 1 });
    expect(counts.directSpeakers).toEqual({ right: 1, wrong: 0, none: 0 });
    expect(judged.every((item) => item.right)).toBe(true);
    expect(judged.map((item) => item.key).sort()).toEqual(['quote:direct:speaker', 'quote:indirect:none']);
  });
});
