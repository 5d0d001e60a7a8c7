// Character coverage between predicted spans and gold spans (gold may be discontinuous).
import type { Fragment } from '../corpora/brat.ts';

export function overlapOf(a: Fragment, b: Fragment): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** How many characters of `target` the union of `covering` spans covers. */
export function coveredChars(target: readonly Fragment[], covering: readonly Fragment[]): number {
  let covered = 0;
  for (const fragment of target) {
    const pieces = covering
      .map((span) => ({ start: Math.max(span.start, fragment.start), end: Math.min(span.end, fragment.end) }))
      .filter((piece) => piece.end > piece.start)
      .sort((a, b) => a.start - b.start);
    let reach = fragment.start;
    for (const piece of pieces) {
      if (piece.end <= reach) continue;
      covered += piece.end - Math.max(piece.start, reach);
      reach = piece.end;
    }
  }
  return covered;
}

export const lengthOf = (fragments: readonly Fragment[]) => fragments.reduce((sum, fragment) => sum + fragment.end - fragment.start, 0);
