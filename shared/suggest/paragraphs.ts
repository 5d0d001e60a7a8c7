import type { Span } from './suggestion.ts';

/** The paragraphs (blocks) of a canonical text, which joins them with a blank line. */
export function paragraphsOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    const next = text.indexOf('\n\n', start);
    const end = next < 0 ? text.length : next;
    if (end > start) spans.push({ start, end });
    if (next < 0) break;
    start = next + 2;
  }
  return spans;
}

/** The span without surrounding white space, or null when nothing is left. */
export function trimSpan(text: string, span: Span, extra = ''): Span | null {
  let { start, end } = span;
  const trims = (char: string) => /\s/u.test(char) || extra.includes(char);
  while (start < end && trims(text.charAt(start))) start += 1;
  while (end > start && trims(text.charAt(end - 1))) end -= 1;
  return end > start ? { start, end } : null;
}
