import { describe, expect, it } from 'vitest';
import { attributionsOf, parseBrat } from './brat.ts';

// A fixture written in brat's standoff format as PolNeAR uses it, for this text:
const TEXT = 'Officials said the bridge was safe. "We checked it twice," Maria Lopez told reporters.';
const ANN = [
  'T1\tSource 0 9\tOfficials',
  'T2\tCue 10 14\tsaid',
  'T3\tContent 15 34\tthe bridge was safe',
  'T4\tAttribution 10 14\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tContent 36 57;57 58\t"We checked it twice,"',
  'T6\tSource 59 70\tMaria Lopez',
  'T7\tCue 71 75\ttold',
  'T8\tAttribution 71 75\ttold',
  'E2\tAttribution:T8 Source:T6 Cue:T7 Content:T5',
  'T9\tContent 0 9\tOfficials',
  'T10\tAttribution-no-source 10 14\tsaid',
  'E3\tAttribution-no-source:T10 Content:T9',
  'T11\tDiscard 80 85\trters',
  '#1\tAnnotatorNotes T1\ta note',
  '',
].join('\n');

describe('brat standoff reader', () => {
  it('reads text-bound annotations, discontinuous spans and attribution events', () => {
    const doc = parseBrat(ANN);
    expect(doc.textBounds.get('T1')).toEqual({ id: 'T1', type: 'Source', fragments: [{ start: 0, end: 9 }], words: 'Officials' });
    expect(doc.textBounds.get('T5')?.fragments).toEqual([
      { start: 36, end: 57 },
      { start: 57, end: 58 },
    ]);
    const attributions = attributionsOf(doc);
    expect(attributions).toHaveLength(3);
    const [first, second, third] = attributions;
    expect(TEXT.slice(first?.content.fragments[0]?.start, first?.content.fragments[0]?.end)).toBe('the bridge was safe');
    expect(first?.source?.words).toBe('Officials');
    expect(TEXT.slice(second?.cue?.fragments[0]?.start, second?.cue?.fragments[0]?.end)).toBe('told');
    expect(second?.source?.words).toBe('Maria Lopez');
    expect(third?.source).toBeNull();
    expect(third?.cue).toBeNull();
  });

  it('refuses a span it cannot read, naming the line', () => {
    expect(() => parseBrat('T1\tSource 9 4\tbackwards')).toThrow(/line 1: bad span/u);
    expect(() => parseBrat('T1\tSource\tno span')).toThrow(/line 1: no span/u);
  });
});
