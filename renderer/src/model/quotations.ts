import { trimmedSpan, type TextSpan } from '../reader/selection-span.ts';

/** Opening quotation marks and the marks that close each. */
const CLOSERS: Record<string, string> = {
  '"': '"',
  '“': '”',
  '«': '»',
  '„': '“”',
  '»': '«',
};

/** The quotation marks of one block (paragraph), paired in order. */
function quotationPairs(text: string, from: number, to: number): [number, number][] {
  const pairs: [number, number][] = [];
  let openAt = -1;
  let closers = '';
  for (let index = from; index < to; index += 1) {
    const char = text.charAt(index);
    if (openAt >= 0 && closers.includes(char)) {
      pairs.push([openAt, index]);
      openAt = -1;
    } else if (openAt < 0 && char in CLOSERS) {
      openAt = index;
      closers = CLOSERS[char] ?? '';
    }
  }
  return pairs;
}

/**
 * The words inside the quotation marks around a text offset, within its paragraph: without the
 * marks, the spaces next to them, or a trailing comma (which belongs to the attribution: `"…," she
 * said`). Null when the offset is not inside a quotation.
 */
export function quotationAround(text: string, offset: number): TextSpan | null {
  const blockStart = offset > 0 ? text.lastIndexOf('\n\n', offset - 1) : -1;
  const from = blockStart < 0 ? 0 : blockStart + 2;
  const blockEnd = text.indexOf('\n\n', offset);
  const to = blockEnd < 0 ? text.length : blockEnd;
  const pair = quotationPairs(text, from, to).find(([open, close]) => open <= offset && offset <= close + 1);
  if (!pair) return null;
  let end = pair[1];
  while (end > pair[0] + 1 && /[\s,]/u.test(text.charAt(end - 1))) end -= 1;
  return trimmedSpan(text, pair[0] + 1, end);
}
