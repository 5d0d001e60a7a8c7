import { describe, expect, it } from 'vitest';
import { normaliseClaim } from './normalise.ts';
import { cleanSocial, splitCamelCase } from './text.ts';

const key = (text: string) => normaliseClaim(text).key;

describe('normaliseClaim', () => {
  it('reads numbers written in digits, with separators, in words and with a scale suffix as one number', () => {
    const forms = ['1,000 nurses left', '1000 nurses left', 'one thousand nurses left', '1k nurses left', 'A thousand nurses left'];
    for (const form of forms) expect(key(form)).toBe('#1000 nurs left');
    expect(normaliseClaim('three hundred and six jobs').numbers).toEqual(['#306']);
    expect(normaliseClaim('2.5 million people').numbers).toEqual(['#2500000']);
  });

  it('reads percentages and currencies to one form', () => {
    expect(key('Unemployment is 4%')).toBe(key('unemployment is 4 per cent'));
    expect(key('Unemployment is 4 percent')).toBe('unemploy #4%');
    expect(key('The deficit was £3bn')).toBe(key('The deficit was 3 billion pounds'));
    expect(normaliseClaim('The deficit was £3bn').numbers).toEqual(['#3000000000gbp']);
    expect(normaliseClaim('a $5m grant').numbers).toEqual(['#5000000usd']);
    expect(normaliseClaim('€2.5 million').numbers).toEqual(['#2500000eur']);
    expect(key('£3bn')).not.toBe(key('$3bn'));
  });

  it('reads dates to one form, with or without the year', () => {
    const dated = [
      'On 3 March 2026 the minister resigned',
      'On March 3, 2026, the minister resigned',
      'On 2026-03-03 the minister resigned',
    ];
    for (const form of dated) expect(key(form)).toBe('d:03-03 #2026 minist resign');
    expect(normaliseClaim('on March 3 the minister resigned').dates).toEqual(['d:03-03']);
    expect(normaliseClaim('the 3rd of March').dates).toEqual(['d:03-03']);
    expect(normaliseClaim('in May 2019').dates).toEqual(['m:05']);
    expect(normaliseClaim('You may go').dates).toEqual([]);
  });

  it('folds case, accents, quotes and punctuation, drops function words and stems', () => {
    expect(key('The Café’s “résumé” WAS released!')).toBe(key('the cafe resume was released'));
    expect(key('Ministers are resigning')).toBe(key('minister resigned'));
    expect(key('The minister lied.')).toBe(key('A minister lies'));
  });

  it('keeps negations', () => {
    expect(key('The vaccine is safe')).not.toBe(key("The vaccine isn't safe"));
    expect(key("The vaccine isn't safe")).toBe(key('The vaccine is not safe'));
  });

  it('drops URLs and reads hashtags and handles as words', () => {
    expect(splitCamelCase('AustralianFires')).toBe('Australian Fires');
    expect(splitCamelCase('realDonaldTrump')).toBe('real Donald Trump');
    expect(cleanSocial('see https://t.co/abc and pic.twitter.com/xyz')).not.toContain('t.co');
    expect(key('#AustralianFires spread, says @CenterForBioDiv https://t.co/CsHG8R9cHp')).toBe(
      key('Australian fires spread, says center for bio div'),
    );
  });
});
