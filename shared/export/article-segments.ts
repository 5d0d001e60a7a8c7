import { BLOCK_SEPARATOR } from '../text/canonical.ts';

/** A span to highlight: its place in the text and a stable order among spans. */
export interface Span {
  start: number;
  end: number;
  /** Ties break by this (the report numbers marks in text order). */
  order: number;
}

/** A run of text over which the same spans are active. */
export interface Segment<S extends Span> {
  start: number;
  end: number;
  text: string;
  /** Active spans, outermost first: the one that ends last comes first, so spans ending here are innermost. */
  active: S[];
  /** Active spans that end exactly where this segment ends, in order: where their markers go. */
  ending: S[];
}

export interface TextBlock<S extends Span> {
  start: number;
  end: number;
  segments: Segment<S>[];
}

/** The blocks of a canonical text (separated by a blank line) with their offsets. */
export function blockRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const next = text.indexOf(BLOCK_SEPARATOR, start);
    const end = next === -1 ? text.length : next;
    ranges.push({ start, end });
    if (next === -1) return ranges;
    start = next + BLOCK_SEPARATOR.length;
  }
}

function outermostFirst(a: Span, b: Span): number {
  return b.end - a.end || a.start - b.start || a.order - b.order;
}

/**
 * Cuts each block of the text at every span boundary, so overlapping and nested spans can be
 * drawn as nested elements per segment. A span that crosses a block boundary is cut there too;
 * its marker goes where it ends. Runs in O((n + spans) · overlap depth).
 */
export function segmentText<S extends Span>(text: string, spans: readonly S[]): TextBlock<S>[] {
  const sorted = [...spans].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || a.order - b.order);
  const blocks: TextBlock<S>[] = [];
  let next = 0;
  let active: S[] = [];
  for (const range of blockRanges(text)) {
    const segments: Segment<S>[] = [];
    let position = range.start;
    // Spans that ended inside the separator before this block are dropped here.
    active = active.filter((span) => span.end > position);
    while (position < range.end) {
      while (next < sorted.length && (sorted[next] as S).start <= position) {
        const span = sorted[next] as S;
        if (span.end > position) active.push(span);
        next++;
      }
      let stop = range.end;
      const upcoming = sorted[next];
      if (upcoming && upcoming.start < stop) stop = upcoming.start;
      for (const span of active) if (span.end < stop) stop = span.end;
      const current = [...active].sort(outermostFirst);
      const ending = current.filter((span) => span.end === stop).sort((a, b) => a.order - b.order);
      segments.push({ start: position, end: stop, text: text.slice(position, stop), active: current, ending });
      position = stop;
      active = active.filter((span) => span.end > position);
    }
    // A span that runs on past this block gets its marker in the block where it ends.
    blocks.push({ ...range, segments });
  }
  return blocks;
}
