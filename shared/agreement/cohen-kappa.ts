/** Cohen's κ with what it is made of. */
export interface Kappa {
  /** (po − pe) / (1 − pe); null when there are no units, or chance alone already agrees on everything (pe = 1). */
  value: number | null;
  /** The share of units both gave the same label. */
  observed: number | null;
  /** The agreement expected from each annotator's label frequencies alone. */
  expected: number | null;
  units: number;
}

/** Cohen's κ for two annotators over units each labelled by both (one pair of labels per unit). */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): Kappa {
  const units = pairs.length;
  if (units === 0) return { value: null, observed: null, expected: null, units };
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let same = 0;
  for (const [a, b] of pairs) {
    if (a === b) same += 1;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }
  const observed = same / units;
  let expected = 0;
  for (const [label, count] of countsA) expected += (count / units) * ((countsB.get(label) ?? 0) / units);
  const value = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { value, observed, expected, units };
}
