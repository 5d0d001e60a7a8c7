import { paragraphsOf, trimSpan } from './paragraphs.ts';
import type { Span } from './suggestion.ts';

/** Double quotation marks that open a quote, and the marks that may close each. */
const CLOSERS: Record<string, string> = { '"': '"”', '“': '”"', '„': '“”"', '«': '»' };

/** Quoted words in one paragraph: the words without their marks, a trailing comma or space. */
export interface QuotedSpan extends Span {
  paragraph: Span;
  /** Where the opening mark is (none for the words of a continuation paragraph that opens without one). */
  open: number;
  /** Where the closing mark is; null when the paragraph ends with the quote still open (it runs on). */
  close: number | null;
  /** Whether it continues a quote the previous paragraph left open. */
  continues: boolean;
}

/**
 * The quotations of a text, paragraph by paragraph: straight and curly double marks, paired in order.
 * A paragraph that ends with a quote open runs on: by the convention of news writing, the next
 * paragraph reopens it with a mark and carries on the same speaker's words.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const found: QuotedSpan[] = [];
  let runningOn = false;
  for (const paragraph of paragraphsOf(text)) {
    let openAt = -1;
    let closers = '';
    const firstChar = text.charAt(trimSpan(text, paragraph)?.start ?? paragraph.start);
    const continuesHere = runningOn && firstChar in CLOSERS;
    runningOn = false;
    const push = (open: number, close: number | null) => {
      const inner = trimSpan(text, { start: open + 1, end: close ?? paragraph.end }, ',');
      if (inner)
        found.push({ ...inner, paragraph, open, close, continues: continuesHere && open === (trimSpan(text, paragraph)?.start ?? -1) });
    };
    for (let index = paragraph.start; index < paragraph.end; index += 1) {
      const char = text.charAt(index);
      if (openAt >= 0 && closers.includes(char)) {
        push(openAt, index);
        openAt = -1;
      } else if (openAt < 0 && char in CLOSERS) {
        openAt = index;
        closers = CLOSERS[char] ?? '';
      }
    }
    if (openAt >= 0) {
      push(openAt, null);
      runningOn = true;
    }
  }
  return found;
}
