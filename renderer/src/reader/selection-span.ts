/** A span of the canonical text, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

const WHITESPACE = /\s/u;

/**
 * The span an analyst meant by selecting `start`–`end`: whitespace (including block separators)
 * trimmed off both ends. Null for a span that is empty after trimming or reaches outside the text.
 */
export function trimmedSpan(text: string, start: number, end: number): TextSpan | null {
  let from = Math.min(start, end);
  let to = Math.max(start, end);
  if (from < 0 || to > text.length) return null;
  while (from < to && WHITESPACE.test(text.charAt(from))) from += 1;
  while (to > from && WHITESPACE.test(text.charAt(to - 1))) to -= 1;
  return to > from ? { start: from, end: to } : null;
}
