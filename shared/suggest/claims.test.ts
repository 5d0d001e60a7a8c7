import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { CLAIM_THRESHOLD } from './claims.ts';
import { suggestDocument } from './suggest-document.ts';

function claimsOf(text: string) {
  const set = suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET);
  return set.suggestions
    .filter((s) => s.kind === 'claim')
    .map((s) => ({
      words: text.slice(s.start, s.end),
      score: s.confidence,
      reasons: s.reasons,
      label: s.kind === 'claim' ? s.label : undefined,
    }));
}

describe('claim suggestions', () => {
  it('scores a sentence with a figure, a date and an actor above the threshold, with its reasons', () => {
    const [claim] = claimsOf('Unemployment in Spain fell to 11.6 percent in March 2024, the lowest level since 2008.');
    expect(claim?.score).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
    expect(claim?.reasons).toEqual(expect.arrayContaining(['+0.30 a number or quantity', '+0.15 a date or time', '+0.15 a comparison']));
    expect(claim?.label).toBe('statistic');
  });

  it('scores a causal statement and labels it', () => {
    const [claim] = claimsOf(
      'The flooding in Valencia was caused by a blocked drainage channel, officials from the Ministry of Water said.',
    );
    expect(claim?.reasons).toContain('+0.20 a cause and effect');
    expect(claim?.label).toBe('causal');
  });

  it('does not suggest opinions, questions or short sentences', () => {
    expect(claimsOf('I think we should all be kinder. Why would anyone do that? It rained.')).toEqual([]);
  });
});

describe('claims in real articles', () => {
  it('finds a legal statement and a claim of responsibility inside a quote', () => {
    const claims = claimsOf(
      'Under current EU law, the bloc cannot officially designate an entire country as a terrorist state.\n\n“A pro-Kremlin group has claimed responsibility for the attack,” Metsola said.',
    );
    expect(claims.map((c) => c.words)).toEqual([
      'Under current EU law, the bloc cannot officially designate an entire country as a terrorist state.',
      'A pro-Kremlin group has claimed responsibility for the attack,” Metsola said.',
    ]);
    expect(claims[0]?.reasons).toContain('+0.15 what a law allows or forbids');
  });

  it('never suggests a photo caption or a list of links, however many figures they hold', () => {
    const claims = claimsOf(
      'Photograph: Hori Parata with 200 stranded whales on Farewell Spit in February 2017 (Getty Images).\n\nRead more: https://example.org/whales-2017 and https://example.org/spit-2017',
    );
    expect(claims).toEqual([]);
  });
});
