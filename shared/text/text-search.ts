/** A span of the canonical text, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface SearchOptions {
  /** Match upper and lower case exactly (default: ignore case). */
  matchCase?: boolean;
  /** Only matches that are whole words: no letter or digit just before or just after. */
  wholeWords?: boolean;
  /** Stop after this many matches. */
  limit?: number;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Whether `text[index]` is a letter, digit or combining mark (part of a word). */
export function isWordCharacter(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.codePointAt(index) ?? 0;
  // A low surrogate belongs to the character starting one unit before.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(index - 1) ?? 0));
  return WORD_CHARACTER.test(String.fromCodePoint(code));
}

/** Whether `start`–`end` in `text` is bounded by non-word characters (or the ends of the text) on both sides. */
export function isWholeWord(text: string, start: number, end: number): boolean {
  const before = start > 0 && text.charCodeAt(start - 1) >= 0xdc00 && text.charCodeAt(start - 1) <= 0xdfff ? start - 2 : start - 1;
  return !isWordCharacter(text, before) && !isWordCharacter(text, end);
}

/**
 * Every occurrence of `query` in `text`, in order, not overlapping each other. Ignoring case
 * compares lower-cased text of the same length, so offsets stay offsets of `text`.
 */
export function findOccurrences(text: string, query: string, options: SearchOptions = {}): TextSpan[] {
  if (query.length === 0) return [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let haystack = text;
  let needle = query;
  if (!options.matchCase) {
    const lowered = text.toLowerCase();
    // Lower-casing can change a string's length (İ → i̇); then fall back to matching case exactly.
    if (lowered.length === text.length) {
      haystack = lowered;
      needle = query.toLowerCase();
    }
  }
  const found: TextSpan[] = [];
  let from = 0;
  while (found.length < limit) {
    const index = haystack.indexOf(needle, from);
    if (index < 0) break;
    const end = index + needle.length;
    if (!options.wholeWords || isWholeWord(text, index, end)) {
      found.push({ start: index, end });
      from = end;
    } else {
      from = index + 1;
    }
  }
  return found;
}

/** A search query as the lists use it: lower-cased words, every one of which must occur. */
export function queryWords(query: string): string[] {
  return query
    .toLocaleLowerCase()
    .split(/\s+/u)
    .filter((word) => word.length > 0);
}

/** The texts a record is searched by, joined and lower-cased as a query's words are. */
export function searchText(texts: readonly (string | undefined)[]): string {
  return texts
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .toLocaleLowerCase();
}

/**
 * A record's search text, lower-cased once per record object and then kept: records are replaced,
 * never changed in place, so a keystroke only scans cached strings.
 */
export function searchTextCache<T extends object>(texts: (record: T) => readonly (string | undefined)[]): (record: T) => string {
  const cache = new WeakMap<T, string>();
  return (record) => {
    let text = cache.get(record);
    if (text === undefined) {
      text = searchText(texts(record));
      cache.set(record, text);
    }
    return text;
  };
}

/**
 * Whether every word of the query occurs in one of the (lower-cased) search texts. A word holds no
 * white space, so it can never span two texts: matching each text apart equals matching them joined.
 */
export function matchesQuery(words: readonly string[], searchTexts: readonly (string | undefined)[]): boolean {
  return words.every((word) => searchTexts.some((text) => text !== undefined && text.includes(word)));
}
