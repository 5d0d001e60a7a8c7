import type { AgreementItem } from './agreement-items.ts';

export interface SpanMatching {
  pairs: [AgreementItem, AgreementItem][];
  onlyA: AgreementItem[];
  onlyB: AgreementItem[];
}

function overlap(a: AgreementItem, b: AgreementItem): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * Pairs the items of two annotators one to one: the same span first; then, with `overlap`,
 * spans sharing at least one character, the largest overlap first. Kinds are not looked at:
 * callers match within a kind, or across kinds when the kind is the label compared.
 */
export function matchSpans(a: readonly AgreementItem[], b: readonly AgreementItem[], mode: 'exact' | 'overlap'): SpanMatching {
  const pairs: [AgreementItem, AgreementItem][] = [];
  const freeB = new Map<string, AgreementItem[]>();
  for (const item of b) {
    const key = `${item.start}:${item.end}`;
    freeB.set(key, [...(freeB.get(key) ?? []), item]);
  }
  const unmatchedA: AgreementItem[] = [];
  const pairedB = new Set<AgreementItem>();
  for (const item of a) {
    const partner = freeB.get(`${item.start}:${item.end}`)?.shift();
    if (partner) {
      pairs.push([item, partner]);
      pairedB.add(partner);
    } else unmatchedA.push(item);
  }
  let unmatchedB = b.filter((item) => !pairedB.has(item));
  if (mode === 'overlap' && unmatchedA.length > 0 && unmatchedB.length > 0) {
    const sortedB = [...unmatchedB].sort((x, y) => x.start - y.start);
    const candidates: { a: AgreementItem; b: AgreementItem; size: number }[] = [];
    for (const itemA of unmatchedA) {
      for (const itemB of sortedB) {
        if (itemB.start >= itemA.end) break;
        const size = overlap(itemA, itemB);
        if (size > 0) candidates.push({ a: itemA, b: itemB, size });
      }
    }
    candidates.sort((x, y) => y.size - x.size || x.a.start - y.a.start || x.b.start - y.b.start);
    const usedA = new Set<AgreementItem>();
    const usedB = new Set<AgreementItem>();
    for (const candidate of candidates) {
      if (usedA.has(candidate.a) || usedB.has(candidate.b)) continue;
      usedA.add(candidate.a);
      usedB.add(candidate.b);
      pairs.push([candidate.a, candidate.b]);
    }
    unmatchedB = unmatchedB.filter((item) => !usedB.has(item));
    return { pairs, onlyA: unmatchedA.filter((item) => !usedA.has(item)), onlyB: unmatchedB };
  }
  return { pairs, onlyA: unmatchedA, onlyB: unmatchedB };
}
