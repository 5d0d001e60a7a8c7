import search from 'approx-string-match';

/**
 * How well `actual` matches `expected`, from 0 (nothing alike) to 1 (equal): one minus the edit
 * distance of the best approximate occurrence of `expected` in `actual`, over its length.
 */
export function textMatchScore(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const [best] = search(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

/** The share of `prefix` that the text just before `position` repeats, compared back to front; cheap, for ranking. */
export function quickPrefixScore(text: string, position: number, prefix: string): number {
  if (prefix.length === 0) return 1;
  let same = 0;
  while (
    same < prefix.length &&
    position - same - 1 >= 0 &&
    text.charCodeAt(position - same - 1) === prefix.charCodeAt(prefix.length - same - 1)
  )
    same += 1;
  return same / prefix.length;
}

/** The share of `suffix` that the text from `position` repeats, compared front to back; cheap, for ranking. */
export function quickSuffixScore(text: string, position: number, suffix: string): number {
  if (suffix.length === 0) return 1;
  let same = 0;
  while (same < suffix.length && position + same < text.length && text.charCodeAt(position + same) === suffix.charCodeAt(same)) same += 1;
  return same / suffix.length;
}
