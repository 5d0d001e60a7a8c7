import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET, TRUTH_SCALE } from '../model/tagset.ts';
import { contrastRatio, MARK_CONTRAST, PAGE_COLOUR, TEXT_CONTRAST, textColourOnPage, textOn } from './colours.ts';

// The default verdict palette, checked as a reader sees it: each colour against the page (WCAG 2),
// the words set on it and drawn in it, and neighbours on the truth scale told apart by CIEDE2000
// colour difference in normal vision and under simulated deuteranopia and protanopia.

const deltaE = differenceCiede2000();
const deuteranopia = filterDeficiencyDeuter(1);
const protanopia = filterDeficiencyProt(1);
/** The smallest CIEDE2000 ΔE this palette keeps between neighbours on the scale, in any of the three visions. */
const MIN_NEIGHBOUR_DELTA_E = 30;

function colour(hex: string): Color {
  const parsed = parse(hex);
  if (!parsed) throw new Error(`not a colour: ${hex}`);
  return parsed;
}

function colourOf(id: string): string {
  const verdict = DEFAULT_TAGSET.verdicts.find((v) => v.id === id);
  if (!verdict) throw new Error(`no verdict ${id}`);
  return verdict.colour;
}

const visions = {
  normal: (c: Color) => c,
  deuteranopia: (c: Color) => deuteranopia(c),
  protanopia: (c: Color) => protanopia(c),
};

describe('the default verdict palette', () => {
  it.each(DEFAULT_TAGSET.verdicts.map((v) => [v.label, v.colour] as const))('%s (%s) reads against the page', (_label, hex) => {
    // A mark: a badge, a swatch, the line under a highlighted claim.
    expect(contrastRatio(hex, PAGE_COLOUR)).toBeGreaterThanOrEqual(MARK_CONTRAST);
    // Words set on it (the badge's label).
    expect(contrastRatio(textOn(hex), hex)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    // Words drawn in it (markers and entry numbers), in the colour itself or ink where it is too light.
    expect(contrastRatio(textColourOnPage(hex), PAGE_COLOUR)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it.each(Object.entries(visions))('tells neighbours on the truth scale apart in %s vision', (_vision, see) => {
    for (let i = 0; i + 1 < TRUTH_SCALE.length; i++) {
      const [a, b] = [TRUTH_SCALE[i] ?? '', TRUTH_SCALE[i + 1] ?? ''];
      const difference = deltaE(see(colour(colourOf(a))), see(colour(colourOf(b))));
      expect(difference, `${a} and ${b}`).toBeGreaterThanOrEqual(MIN_NEIGHBOUR_DELTA_E);
    }
  });

  it('no longer shows "True" and "Mostly true" as near the same green', () => {
    const before = deltaE(colour('#15803d'), colour('#4d7c0f'));
    const now = deltaE(colour(colourOf('true')), colour(colourOf('mostly-true')));
    expect(before).toBeLessThan(11);
    expect(now).toBeGreaterThan(4 * before);
  });

  it('puts every verdict of the scale in the codebook, each with its own colour', () => {
    const colours = TRUTH_SCALE.map(colourOf);
    expect(new Set(colours).size).toBe(TRUTH_SCALE.length);
  });

  it('computes WCAG contrast as the standard gives it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(textOn('#999933')).toBe('#1f2328');
    expect(textOn('#117733')).toBe('#ffffff');
    expect(textColourOnPage('#999933')).toBe('#1f2328');
    expect(textColourOnPage('#332288')).toBe('#332288');
  });
});
