/** A unit of one category marked by one annotator on the continuum: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Krippendorff's αu for one category, with its observed and expected disagreement. */
export interface UnitizingAlpha {
  /** 1 − Do/De; null when nobody marked anything of the category (De = 0). */
  value: number | null;
  observed: number;
  expected: number;
}

interface Section {
  start: number;
  length: number;
  unit: boolean;
}

/**
 * One annotator's units of the category, overlapping ones merged (αu requires that an
 * annotator's units of one category do not overlap), sorted.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The continuum `[0, length)` cut into one annotator's units and the gaps between them. */
function sections(units: readonly Span[], length: number): Section[] {
  const out: Section[] = [];
  let at = 0;
  for (const unit of units) {
    if (unit.start > at) out.push({ start: at, length: unit.start - at, unit: false });
    out.push({ start: unit.start, length: unit.end - unit.start, unit: true });
    at = unit.end;
  }
  if (at < length) out.push({ start: at, length: length - at, unit: false });
  return out;
}

/**
 * Krippendorff's δ² between two overlapping sections g and h (2004, p. 253): for two units, the
 * squared differences of their beginnings and of their ends; for a unit lying wholly inside a gap
 * of the other annotator, the unit's length squared; otherwise 0.
 */
export function sectionDistance(g: Section, h: Section): number {
  const beginDiff = g.start - h.start;
  const endDiff = g.start + g.length - (h.start + h.length);
  if (g.unit && h.unit) return -g.length < beginDiff && beginDiff < h.length ? beginDiff ** 2 + endDiff ** 2 : 0;
  if (g.unit && !h.unit) return beginDiff >= 0 && endDiff <= 0 ? g.length ** 2 : 0;
  if (!g.unit && h.unit) return beginDiff <= 0 && endDiff >= 0 ? h.length ** 2 : 0;
  return 0;
}

/** Σ δ² over every pair of overlapping sections of two annotators, by one sweep along the continuum. */
function pairDisagreement(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const g = a[i] as Section;
    const h = b[j] as Section;
    sum += sectionDistance(g, h);
    const gEnd = g.start + g.length;
    const hEnd = h.start + h.length;
    if (gEnd <= hEnd) i += 1;
    if (hEnd <= gEnd) j += 1;
  }
  return sum;
}

/**
 * Krippendorff's unitizing alpha αu for one category over a continuum of `length` characters, for
 * two or more annotators (Krippendorff 2004, Content Analysis 2nd ed., §11.6; as DKPro Statistics
 * implements it):
 *
 *   Do = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m(m−1)L²)
 *   De = (2/L) Σ_units [ (N−1)(2l³ − 3l² + l)/3 + l² Σ_{gaps ≥ l} (gap − l + 1) ]
 *        / (mL(mL−1) − Σ_units l(l−1))
 *
 * with m annotators, L the length, N the number of units all annotators marked, and the gaps those
 * of every annotator.
 */
export function unitizingAlpha(annotators: readonly (readonly Span[])[], length: number): UnitizingAlpha {
  const m = annotators.length;
  const units = annotators.map(mergeSpans);
  const perAnnotator = units.map((list) => sections(list, length));
  let observedSum = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) observedSum += 2 * pairDisagreement(perAnnotator[i] ?? [], perAnnotator[j] ?? []);
  const observed = m < 2 || length === 0 ? 0 : observedSum / (m * (m - 1) * length * length);

  const lengths = units.flat().map((unit) => unit.end - unit.start);
  const count = lengths.length;
  if (count === 0 || m < 2) return { value: null, observed, expected: 0 };
  // Gaps longest first, with running sums, so Σ_{gap ≥ l} (gap − l + 1) is a binary search away.
  const gaps = perAnnotator
    .flat()
    .filter((section) => !section.unit)
    .map((section) => section.length)
    .sort((a, b) => b - a);
  const runningSums = [0];
  for (const gap of gaps) runningSums.push((runningSums.at(-1) as number) + gap);
  const gapsAtLeast = (l: number): number => {
    let low = 0;
    let high = gaps.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((gaps[middle] as number) >= l) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let numerator = 0;
  let squaredLengths = 0;
  for (const l of lengths) {
    const within = gapsAtLeast(l);
    const placements = (runningSums[within] as number) - within * (l - 1);
    numerator += ((count - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * placements;
    squaredLengths += l * (l - 1);
  }
  const expected = ((2 / length) * numerator) / (m * length * (m * length - 1) - squaredLengths);
  return { value: expected === 0 ? null : 1 - observed / expected, observed, expected };
}
