import { describe, expect, it } from 'vitest';
import { ClaimMatcher } from './matcher.ts';

function matcherOf(...texts: string[]): ClaimMatcher {
  const matcher = new ClaimMatcher();
  texts.forEach((text, i) => matcher.add({ id: `c${i + 1}`, text }));
  return matcher;
}

const FILLER = [
  'The council approved a new cycle lane on the high street',
  'Hospital waiting lists grew in every region last winter',
  'The new bridge cost twice its original budget',
  'School meals will be free for all primary pupils from September',
  'Police recorded fewer burglaries in the city centre',
];

describe('ClaimMatcher', () => {
  it('groups claims with the same normalised text at once', () => {
    const matcher = matcherOf('Unemployment fell to 4% in March 2026', ...FILLER);
    expect(matcher.identicalTo('unemployment fell to 4 per cent in March 2026')).toEqual(['c1']);
    const [best] = matcher.match({ text: 'UNEMPLOYMENT FELL TO 4 PER CENT IN MARCH 2026.' });
    expect(best).toMatchObject({ id: 'c1', identical: true, score: 1, level: 'same' });
  });

  it('finds a paraphrase with the same figure and leaves unrelated claims below the threshold', () => {
    const matcher = matcherOf('The government spent £3bn on the new hospital programme', ...FILLER);
    const matches = matcher.match({ text: 'The government has spent 3 billion pounds on its hospital programme, officials say' });
    expect(matches[0]?.id).toBe('c1');
    expect(matches[0]?.level).not.toBe('none');
    expect(matches[0]?.numbers).toBe('agree');
    expect(matches.filter((match) => match.id !== 'c1').every((match) => match.level === 'none')).toBe(true);
  });

  it('keeps claims apart when their numbers differ', () => {
    const matcher = matcherOf('Unemployment is 4%', ...FILLER);
    const [match] = matcher.match({ text: 'Unemployment is 6%' });
    expect(match).toMatchObject({ id: 'c1', numbers: 'differ' });
    expect(match?.level).not.toBe('same');
    expect(match?.score).toBeLessThan(matcher.options.thresholds.same);
    const [same] = matcher.match({ text: 'Unemployment is 4 per cent' });
    expect(same?.level).toBe('same');
  });

  it('lowers a match whose dates differ', () => {
    const matcher = matcherOf('The minister resigned on 3 March 2026', ...FILLER);
    const [same] = matcher.match({ text: 'The minister resigned on March 3' });
    const [other] = matcher.match({ text: 'The minister resigned on March 9' });
    expect(same?.dates).toBe('agree');
    expect(other?.dates).toBe('differ');
    expect(other?.score ?? 1).toBeLessThan(same?.score ?? 0);
  });

  it('raises matches that name the same entities and lowers those that name others', () => {
    const matcher = new ClaimMatcher();
    matcher.add({ id: 'a', text: 'The mayor cut the transport budget', entities: ['Q1'] });
    matcher.add({ id: 'b', text: 'The mayor cut the transport budget for buses', entities: ['Q2'] });
    for (const [i, text] of FILLER.entries()) matcher.add({ id: `f${i}`, text });
    const matches = matcher.match({ text: 'The mayor has cut the transport budget', entities: ['Q1'] });
    const a = matches.find((match) => match.id === 'a');
    const b = matches.find((match) => match.id === 'b');
    expect(a?.entities).toBe('agree');
    expect(b?.entities).toBe('differ');
    expect(matches[0]?.id).toBe('a');
    expect(a?.score ?? 0).toBeGreaterThan(b?.score ?? 1);
    // entity names compare folded
    expect(new ClaimMatcher().options.agreement.entitiesAgree).toBeGreaterThan(1);
    const byName = new ClaimMatcher();
    byName.add({ id: 'x', text: 'The mayor cut the transport budget', entities: ['Zoë Martín'] });
    expect(byName.match({ text: 'The mayor cut the budget for transport', entities: ['zoe martin'] })[0]?.entities).toBe('agree');
  });

  it('adds and removes claims incrementally', () => {
    const matcher = matcherOf(...FILLER);
    expect(matcher.match({ text: 'Bus fares will double next year' })[0]?.level ?? 'none').toBe('none');
    matcher.add({ id: 'new', text: 'Bus fares will double next year' });
    expect(matcher.size).toBe(FILLER.length + 1);
    expect(matcher.match({ text: 'bus fares will double next year' })[0]).toMatchObject({ id: 'new', level: 'same' });
    expect(() => matcher.add({ id: 'new', text: 'again' })).toThrow();
    matcher.remove('new');
    expect(matcher.has('new')).toBe(false);
    expect(matcher.match({ text: 'bus fares will double next year' }).some((match) => match.id === 'new')).toBe(false);
  });

  it('leaves the query claim itself out when it is tracked', () => {
    const matcher = matcherOf('Bus fares will double next year', 'Bus fares will double next year');
    expect(matcher.match({ id: 'c1', text: 'Bus fares will double next year' }).map((match) => match.id)).toEqual(['c2']);
  });
});
