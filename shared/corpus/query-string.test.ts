import { describe, expect, it } from 'vitest';
import { ScholiaError } from '../contract/errors.ts';
import type { CorpusQuery } from './corpus-query.ts';
import { compileCorpusRegex, formatQueryString, parseQueryString, QUERY_KEYS } from './query-string.ts';

function refusal(text: string): ScholiaError {
  try {
    parseQueryString(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScholiaError);
    expect((error as ScholiaError).code).toBe('bad-request');
    return error as ScholiaError;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseQueryString', () => {
  it('reads free words as text and every key as its filter', () => {
    const query = parseQueryString(
      'cyber attack kind:claim verdict:false label:statistic checkworthy:yes speaker:Metsola claimant:Q8889 entity:EU ' +
        'annotator:ana tag:energy source:Politico from:2024-01-01 to:2024-12-31 document:doc-1 /Kill(net|web)/',
    );
    expect(query).toEqual({
      text: 'cyber attack',
      kinds: ['claim'],
      verdicts: ['false'],
      labels: ['statistic'],
      checkworthy: true,
      speakers: ['Metsola'],
      claimants: ['Q8889'],
      entities: ['EU'],
      annotators: ['ana'],
      tags: ['energy'],
      sources: ['Politico'],
      from: '2024-01-01',
      to: '2024-12-31',
      documentIds: ['doc-1'],
      regex: 'Kill(net|web)',
    });
  });

  it('takes values with spaces in double quotes, with escaped quotes inside', () => {
    expect(parseQueryString('speaker:"Roberta Metsola" source:"The \\"Daily\\" Post"')).toEqual({
      speakers: ['Roberta Metsola'],
      sources: ['The "Daily" Post'],
    });
  });

  it('adds an alternative for a repeated key, once per value', () => {
    expect(parseQueryString('verdict:false verdict:mostly-false verdict:false kind:Claim kind:quote')).toEqual({
      verdicts: ['false', 'mostly-false'],
      kinds: ['claim', 'quote'],
    });
  });

  it('reads keys in any case, quoted free words as words, and no words as an empty query', () => {
    expect(parseQueryString('Kind:note "from:here" 10:30')).toEqual({ kinds: ['note'], text: 'from:here 10:30' });
    expect(parseQueryString('   ')).toEqual({});
    expect(parseQueryString('checkworthy:no')).toEqual({ checkworthy: false });
  });

  it('keeps slashes inside brackets or escaped within a regex, and spaces too', () => {
    expect(parseQueryString('/a[/]b\\/c d/ words').regex).toBe('a[/]b\\/c d');
    expect(parseQueryString('and/or').text).toBe('and/or');
  });

  it('refuses an unknown key and lists the known ones', () => {
    const error = refusal('speaker:Metsola colour:red');
    expect(error.message).toContain('unknown key "colour:"');
    for (const key of QUERY_KEYS) expect(error.message).toContain(`${key}:`);
  });

  it('refuses a broken regex, naming it and the reason', () => {
    const error = refusal('kind:claim /(unclosed/');
    expect(error.message).toContain('/(unclosed/');
    expect(error.message).toMatch(/broken \(.+\)/);
    expect(refusal('/abc').message).toContain('no closing "/"');
    expect(refusal('/abc/i').message).toContain('flags are not supported');
    expect(refusal('/a/ /b/').message).toContain('only one');
    expect(refusal('//').message).toContain('empty');
  });

  it('refuses a bad date, a reversed range, a bad kind, checkworthy or an empty value', () => {
    expect(refusal('from:2024-02-30').message).toContain('from: takes a day as YYYY-MM-DD, not "2024-02-30"');
    expect(refusal('to:yesterday').message).toContain('to: takes a day');
    expect(refusal('from:2024-05-01 to:2024-04-01').message).toContain('is after');
    expect(refusal('from:2024-05-01 from:2024-06-01').message).toContain('only once');
    expect(refusal('kind:verdict').message).toContain('kind takes claim, quote, entity, note');
    expect(refusal('checkworthy:maybe').message).toContain('yes or no');
    expect(refusal('speaker:').message).toContain('speaker: needs a value');
    expect(refusal('speaker:"unclosed').message).toContain('never closed');
  });

  it('reads the verdict record keys: claim and article stages by id or label, checker, checked days, has:', () => {
    expect(
      parseQueryString(
        'stage:checked stage:"In progress" articlestage:Published checkedby:"Ana Lopes" checkedfrom:2026-03-01 checkedto:2026-03-31 has:rationale HAS:Archive',
      ),
    ).toEqual({
      stages: ['checked', 'in-progress'],
      articleStages: ['published'],
      checkedBy: ['Ana Lopes'],
      checkedFrom: '2026-03-01',
      checkedTo: '2026-03-31',
      has: ['rationale', 'archive'],
    });
    expect(parseQueryString('stage:to-check stage:"to check"')).toEqual({ stages: ['to-check'] });
  });

  it('refuses an unknown stage or record part, a bad checked day or a reversed checked range', () => {
    expect(refusal('stage:done').message).toContain('stage takes to-check, in-progress, checked, published, not "done"');
    expect(refusal('articlestage:false').message).toContain('articlestage takes');
    expect(refusal('has:verdict').message).toContain('has takes rationale, evidence, archive, not "verdict"');
    expect(refusal('checkedfrom:2026-02-30').message).toContain('checkedfrom: takes a day as YYYY-MM-DD');
    expect(refusal('checkedfrom:2026-04-01 checkedto:2026-03-01').message).toContain(
      'checkedfrom:2026-04-01 is after checkedto:2026-03-01',
    );
    expect(refusal('checkedto:2026-04-01 checkedto:2026-04-02').message).toContain('checkedto: can be given only once');
    expect(refusal('checkedby:').message).toContain('checkedby: needs a value');
  });

  it('refuses values the query schema does not take, naming the field', () => {
    expect(refusal('document:../etc').message).toContain('documentIds');
  });
});

describe('formatQueryString', () => {
  const queries: CorpusQuery[] = [
    {},
    { text: 'cyber attack' },
    { text: 'kind:claim /path "quoted" back\\slash', kinds: ['claim'] },
    {
      text: 'gas',
      kinds: ['claim', 'quote'],
      verdicts: ['false'],
      labels: ['statistic'],
      checkworthy: false,
      speakers: ['Roberta Metsola', 'Q8889'],
      claimants: ['Said "X"'],
      entities: ['EU'],
      annotators: ['ana'],
      tags: ['energy'],
      sources: ['Le Monde'],
      from: '2024-01-01',
      to: '2024-02-01',
      documentIds: ['doc-1'],
      regex: 'a[/]b\\/c d',
    },
    {
      stages: ['to-check', 'published'],
      articleStages: ['in-progress'],
      checkedBy: ['Ana Lopes', 'ben'],
      checkedFrom: '2026-03-01',
      checkedTo: '2026-03-31',
      has: ['evidence', 'archive'],
    },
  ];

  it('writes a query that parses back to the same query', () => {
    for (const query of queries) expect(parseQueryString(formatQueryString(query))).toEqual(query);
  });

  it('writes keys in a fixed order, quoting only where needed', () => {
    expect(formatQueryString({ speakers: ['Roberta Metsola'], kinds: ['quote'], text: 'gas' })).toBe(
      'gas kind:quote speaker:"Roberta Metsola"',
    );
    expect(formatQueryString({ has: ['rationale'], checkedTo: '2026-03-31', stages: ['checked'], articleStages: ['published'] })).toBe(
      'stage:checked checkedto:2026-03-31 has:rationale articlestage:published',
    );
  });

  it('escapes a bare slash of a regex made elsewhere, so it reads back as the same pattern', () => {
    const text = formatQueryString({ regex: 'and/or' });
    expect(text).toBe('/and\\/or/');
    expect(compileCorpusRegex(parseQueryString(text).regex ?? '').test('this and/or that')).toBe(true);
  });
});

describe('compileCorpusRegex', () => {
  it('compiles with the Unicode flag and refuses a broken pattern with bad-request', () => {
    expect(compileCorpusRegex('\\p{Lu}').test('É')).toBe(true);
    expect(() => compileCorpusRegex('[z-a]')).toThrow(/regular expression \/\[z-a\]\/ is broken/);
  });
});
