import type { TextSpan } from './selection-span.ts';

/** An annotation's id and span, which is all hit-testing needs. */
export interface AnnotationSpan extends TextSpan {
  id: string;
}

/** Annotations covering one spot, innermost (shortest) first; ties go to the one starting later, then by id. */
export function innermostFirst(spans: readonly AnnotationSpan[]): AnnotationSpan[] {
  return [...spans].sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Which annotation a click picks among `candidates` (innermost first): the innermost, unless the
 * selected annotation is one of them, in which case the next one outwards (wrapping round), so
 * clicking again at the same spot cycles through overlapping annotations.
 */
export function pickAnnotation(candidates: readonly AnnotationSpan[], selectedId: string | null): string | null {
  if (candidates.length === 0) return null;
  const index = selectedId === null ? -1 : candidates.findIndex((span) => span.id === selectedId);
  return candidates[(index + 1) % candidates.length]?.id ?? null;
}

/** The annotation after (or before) the selected one in reading order, for keyboard navigation. */
export function neighbourInReadingOrder(spans: readonly AnnotationSpan[], selectedId: string | null, step: 1 | -1): string | null {
  if (spans.length === 0) return null;
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const index = selectedId === null ? -1 : ordered.findIndex((span) => span.id === selectedId);
  if (index < 0) return (step === 1 ? ordered[0] : ordered.at(-1))?.id ?? null;
  return ordered[(index + step + ordered.length) % ordered.length]?.id ?? null;
}
