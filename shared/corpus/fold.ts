/**
 * How corpus search compares names and words: Unicode compatibility forms, accents dropped,
 * lower case, runs of spaces as one (`"Gaël  LE Pen"` → `"gael le pen"`).
 */
export function foldKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text as the full-text index holds them: folded runs of letters and digits. */
export function foldedWords(value: string): string[] {
  return foldKey(value).match(/[\p{L}\p{N}]+/gu) ?? [];
}
