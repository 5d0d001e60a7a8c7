/** Precision, recall and F1 of annotator B's spans against annotator A's; null where nothing was marked to divide by. */
export interface SpanScores {
  /** Spans the two share (one to one). */
  matched: number;
  /** Spans A marked. */
  a: number;
  /** Spans B marked. */
  b: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** F1 = 2·matched / (a + b) is symmetric; precision and recall read B against A. */
export function spanScores(matched: number, a: number, b: number): SpanScores {
  return { matched, a, b, precision: ratio(matched, b), recall: ratio(matched, a), f1: ratio(2 * matched, a + b) };
}
