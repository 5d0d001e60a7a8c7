import type { TextSpan } from '../reader/selection-span.ts';
import { isWordCharacter } from '../../../shared/text/text-search.ts';

const SPACE = /\s/u;

function isSpace(text: string, index: number): boolean {
  return index >= 0 && index < text.length && SPACE.test(text.charAt(index));
}

/** The width of the character at `index` (2 for a surrogate pair). */
function charWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

/** The width of the character ending just before `index`. */
function charWidthBefore(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? 2 : 1;
}

/** The offset after the token starting at `index`: a run of word characters, or one other character. */
function tokenEnd(text: string, index: number): number {
  if (!isWordCharacter(text, index)) return index + charWidth(text, index);
  let end = index;
  while (end < text.length && isWordCharacter(text, end)) end += charWidth(text, end);
  return end;
}

/** The offset where the token ending at `index` starts. */
function tokenStart(text: string, index: number): number {
  if (!isWordCharacter(text, index - 1)) return index - charWidthBefore(text, index);
  let start = index;
  while (start > 0 && isWordCharacter(text, start - 1)) start -= charWidthBefore(text, start);
  return start;
}

/**
 * A span with one edge moved by one token (a word, or a single punctuation mark), skipping the
 * spaces between: `end` forward extends, `end` backward shrinks, `start` backward extends, `start`
 * forward shrinks. Null when the move would leave the text or empty the span.
 */
export function moveSpanEdge(text: string, span: TextSpan, edge: 'start' | 'end', direction: 1 | -1): TextSpan | null {
  let { start, end } = span;
  if (edge === 'end' && direction === 1) {
    let at = end;
    while (isSpace(text, at)) at += 1;
    if (at >= text.length) return null;
    end = tokenEnd(text, at);
  } else if (edge === 'end') {
    end = tokenStart(text, end);
    while (end > start && isSpace(text, end - 1)) end -= 1;
  } else if (direction === -1) {
    let at = start;
    while (isSpace(text, at - 1)) at -= 1;
    if (at <= 0) return null;
    start = tokenStart(text, at);
  } else {
    start = tokenEnd(text, start);
    while (start < end && isSpace(text, start)) start += 1;
  }
  return start < end && start >= 0 && end <= text.length ? { start, end } : null;
}
