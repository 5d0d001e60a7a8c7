import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { suggestDocument } from './suggest-document.ts';
import type { QuoteSuggestion, SuggestionSet } from './suggestion.ts';

function suggest(paragraphs: string[]): { text: string; set: SuggestionSet } {
  const text = paragraphs.join('\n\n');
  return { text, set: suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET) };
}

/** The quote suggestion whose words start with `words`, with its speaker's name and its cue's words. */
function quoteOf(text: string, set: SuggestionSet, words: string) {
  const quote = set.suggestions.find((s): s is QuoteSuggestion => s.kind === 'quote' && text.slice(s.start).startsWith(words));
  if (!quote) throw new Error(`no quote suggestion starting “${words}”`);
  return {
    words: text.slice(quote.start, quote.end),
    form: quote.form,
    speaker: set.entities.find((entity) => entity.key === quote.speakerKey)?.name,
    rule: quote.speakerRule,
    cue: quote.cue ? text.slice(quote.cue.start, quote.cue.end) : undefined,
    reasons: quote.reasons,
  };
}

describe('quote patterns', () => {
  it('finds a quote in straight marks without the marks or the trailing comma, with "said X"', () => {
    const { text, set } = suggest(['"We will not stop the inquiry," said Maria Lopez, the city’s mayor.']);
    expect(quoteOf(text, set, 'We will')).toMatchObject({
      words: 'We will not stop the inquiry',
      form: 'direct',
      speaker: 'Maria Lopez',
      rule: 'named',
      cue: 'said',
    });
  });

  it('finds a quote in curly marks with "X said"', () => {
    const { text, set } = suggest(['“The bridge is safe to use,” John Smith said on Tuesday.']);
    expect(quoteOf(text, set, 'The bridge')).toMatchObject({
      words: 'The bridge is safe to use',
      form: 'direct',
      speaker: 'John Smith',
      cue: 'said',
    });
  });

  it('finds "X added" and groups the surname with the full name', () => {
    const { text, set } = suggest(['John Smith opened the hearing.', '“We expect a ruling in March,” Smith added.']);
    expect(quoteOf(text, set, 'We expect')).toMatchObject({ speaker: 'John Smith', rule: 'named', cue: 'added' });
  });

  it('finds "according to X" after a quote', () => {
    const { text, set } = suggest(['“Prices will rise again,” according to Maria Lopez of the central bank.']);
    expect(quoteOf(text, set, 'Prices')).toMatchObject({ speaker: 'Maria Lopez', cue: 'according to' });
  });

  it('finds "X told …" before a quote', () => {
    const { text, set } = suggest(['John Smith told reporters: “We are ready for the vote.”']);
    expect(quoteOf(text, set, 'We are ready')).toMatchObject({
      words: 'We are ready for the vote.',
      form: 'direct',
      speaker: 'John Smith',
      cue: 'told',
    });
  });

  it('runs a quote over paragraphs: an opening mark with no closing mark, then a paragraph that reopens it', () => {
    const { text, set } = suggest(['Maria Lopez said: "We acted as fast as the law allowed.', '"And we will act again if we must."']);
    expect(quoteOf(text, set, 'We acted')).toMatchObject({
      words: 'We acted as fast as the law allowed.',
      speaker: 'Maria Lopez',
      form: 'direct',
    });
    const second = quoteOf(text, set, 'And we');
    expect(second).toMatchObject({ words: 'And we will act again if we must.', speaker: 'Maria Lopez', rule: 'continuation' });
    expect(quoteOf(text, set, 'We acted').reasons).toContain('runs on into the next paragraph');
  });

  it('finds a partial quote inside the reporter’s sentence as a mixed quote with the sentence’s speaker', () => {
    const { text, set } = suggest(['John Smith said the outage was due to "high levels of external traffic" on Monday.']);
    expect(quoteOf(text, set, 'high levels')).toMatchObject({
      words: 'high levels of external traffic',
      form: 'mixed',
      speaker: 'John Smith',
      cue: 'said',
    });
  });

  it('finds reported speech with "said that" as an indirect quote', () => {
    const { text, set } = suggest(['Maria Lopez said that the budget would rise by five percent next year.']);
    expect(quoteOf(text, set, 'the budget')).toMatchObject({
      words: 'the budget would rise by five percent next year',
      form: 'indirect',
      speaker: 'Maria Lopez',
      cue: 'said',
    });
  });

  it('leaves a short quotation without a cue (a scare quote) below the default confidence', () => {
    const { text, set } = suggest(['The council called the plan "dead on arrival" last week.']);
    const quote = set.suggestions.find((s) => s.kind === 'quote' && text.slice(s.start, s.end) === 'dead on arrival');
    expect(quote?.confidence).toBeLessThan(0.5);
  });
});

describe('speaker resolution', () => {
  it('resolves a pronoun to the nearest earlier speaker who fits', () => {
    const { text, set } = suggest(['“The audit is finished,” said Maria Lopez.', '“It found no fraud,” she said.']);
    expect(quoteOf(text, set, 'It found')).toMatchObject({ speaker: 'Maria Lopez', rule: 'pronoun' });
  });

  it('resolves "they" to a group or organisation, not to a person', () => {
    const { text, set } = suggest([
      '“We back the strike,” said John Smith.',
      'The Transport Workers Union met on Friday.',
      '“We will not return to work,” they said.',
    ]);
    expect(quoteOf(text, set, 'We will not')).toMatchObject({ speaker: 'Transport Workers Union', rule: 'pronoun' });
  });

  it('resolves a role to the name written next to it (its apposition)', () => {
    const { text, set } = suggest([
      'The ministry’s spokesperson, Ana Ruiz, spoke after the meeting.',
      '“Nothing has been decided,” said John Smith.',
      '“The talks go on,” the spokesperson said.',
    ]);
    expect(quoteOf(text, set, 'The talks')).toMatchObject({ speaker: 'Ana Ruiz', rule: 'role' });
  });

  it('resolves a role with no name beside it to the nearest earlier speaker who fits', () => {
    const { text, set } = suggest(['“The vote is lawful,” said Maria Lopez.', '“We will publish the count,” the official said.']);
    expect(quoteOf(text, set, 'We will publish')).toMatchObject({ speaker: 'Maria Lopez', rule: 'role' });
  });

  it('gives a whole-paragraph quote with no cue the speaker of the quote just before (continuation)', () => {
    const { text, set } = suggest(['“Our systems are safe,” said John Smith.', '“No data was lost during the attack.”']);
    expect(quoteOf(text, set, 'No data')).toMatchObject({ speaker: 'John Smith', rule: 'continuation' });
  });

  it('lets "X added" name the speaker of the quote before when that one was a role’s guess', () => {
    const { text, set } = suggest([
      '“The vote is lawful,” said Maria Lopez.',
      'The chief spokesperson said the delay was "purely technical".',
      '“We will publish the count tonight,” John Smith added.',
    ]);
    expect(quoteOf(text, set, 'purely')).toMatchObject({ speaker: 'John Smith' });
  });
});

describe('speakers in real news layouts', () => {
  it('reads "Mr. X said" and "said Rep. G.K. X" past the abbreviations’ full stops', () => {
    const { text, set } = suggest([
      'Mrs. Clinton will propose it.',
      '"It will be first-order business," Mr. Podesta said.',
      '"This is a disgusting day," said Rep. G.K. Butterfield (D-N.C.), head of the caucus.',
    ]);
    expect(quoteOf(text, set, 'It will')).toMatchObject({ speaker: 'Podesta', cue: 'said' });
    expect(quoteOf(text, set, 'This is')).toMatchObject({ speaker: 'G.K. Butterfield', cue: 'said' });
  });

  it('skips an apposition between the name and the verb, before or after the quote', () => {
    const { text, set } = suggest([
      '“It’s an invasion of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, said.',
      'Douglas Brinkley, a historian who attended the session, recalled, “Out of nowhere, he raised it.”',
      '“He’s absolutely right,” Flynn, a top Trump surrogate, said Thursday.',
    ]);
    expect(quoteOf(text, set, 'It’s an')).toMatchObject({ speaker: 'Scott Pruitt', cue: 'said' });
    expect(quoteOf(text, set, 'Out of')).toMatchObject({ speaker: 'Douglas Brinkley', cue: 'recalled' });
    expect(quoteOf(text, set, 'He’s absolutely')).toMatchObject({ cue: 'said' });
    expect(quoteOf(text, set, 'He’s absolutely').speaker).not.toBe('Trump');
  });

  it('takes the author after a closing dash, and "X continued:" ending the paragraph before', () => {
    const { text, set } = suggest([
      '“Maybe we can build a wall around him.” ― Steve Quinlan',
      'Pat Caddell spoke to the station on Monday. Caddell continued:',
      '“The health issue is very much a partisan issue.”',
    ]);
    expect(quoteOf(text, set, 'Maybe')).toMatchObject({ speaker: 'Steve Quinlan', cue: '―' });
    expect(quoteOf(text, set, 'The health')).toMatchObject({ speaker: 'Pat Caddell', cue: 'continued' });
  });
});

describe('speakers by age', () => {
  it('gives "the 75-year-old" to the person written with that age, not to the last person named', () => {
    const { text, set } = suggest([
      'Hori Parata, 75, has cared for stranded whales for decades. His son Jeremy Parata, 22, now helps him.',
      '“They are our ancestors,” the 75-year-old said.',
      '“We will be back tomorrow,” the 40-year-old said.',
    ]);
    expect(quoteOf(text, set, 'They are')).toMatchObject({ speaker: 'Hori Parata', rule: 'role' });
    expect(quoteOf(text, set, 'We will').speaker).toBeUndefined();
  });
});

describe('speakers named around the quote', () => {
  it('finds the cue after words that follow the closing mark, and a participle before the quote', () => {
    const { text, set } = suggest([
      '"I have admiration for the mechanics" of the Clinton proposals, Douglas Holtz-Eakin said.',
      'During a speech earlier in the day, Donald Trump attacked Clinton for her vote on Iraq, saying, "She is trigger-happy."',
    ]);
    expect(quoteOf(text, set, 'I have')).toMatchObject({ speaker: 'Douglas Holtz-Eakin', cue: 'said' });
    expect(quoteOf(text, set, 'She is')).toMatchObject({ speaker: 'Donald Trump', cue: 'saying' });
  });
});

describe('names and cues of American political news', () => {
  it('keeps a middle initial and an unknown surname in the name, and reads past "R-Ky." and "as X put it"', () => {
    const { text, set } = suggest([
      '“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.',
      'As Steven M. Rosenthal, a tax lawyer, recently put it, "Did he lower his taxes through legal avoidance?"',
    ]);
    expect(quoteOf(text, set, 'Our assumption')).toMatchObject({ speaker: 'Mitch McConnell', cue: 'said' });
    expect(quoteOf(text, set, 'Did he')).toMatchObject({ speaker: 'Steven M. Rosenthal', cue: 'put it' });
  });
});
