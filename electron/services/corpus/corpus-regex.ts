import safeRegex from 'safe-regex';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { compileCorpusRegex } from '../../../shared/corpus/query-string.ts';

/** How much of one annotation's text (and of its note) a pattern is run on. */
export const REGEX_TEXT_LIMIT = 10_000;

/**
 * Compiles a query's pattern for the corpus: a broken one, or one whose nested repetition can take
 * exponential time on some texts (`(a+)+`, star height above one, as `safe-regex` judges), is refused
 * with `bad-request`. The search then runs it only on rows the other filters leave (and rows one
 * filter away, for that filter's facet counts), on at most `REGEX_TEXT_LIMIT` characters of each.
 */
export function compileGuardedRegex(source: string): RegExp {
  const regex = compileCorpusRegex(source);
  if (!safeRegex(regex)) {
    throw new ScholiaError(
      'bad-request',
      `Search query: the regular expression /${source}/ nests one repetition inside another (like (a+)+), which can take exponential time; write it without the nesting`,
    );
  }
  return regex;
}

/** Whether the annotation's text or note matches, each cut to `REGEX_TEXT_LIMIT`. */
export function regexMatches(regex: RegExp, exact: string, note: string | undefined): boolean {
  regex.lastIndex = 0;
  if (regex.test(exact.length > REGEX_TEXT_LIMIT ? exact.slice(0, REGEX_TEXT_LIMIT) : exact)) return true;
  return note !== undefined && regex.test(note.length > REGEX_TEXT_LIMIT ? note.slice(0, REGEX_TEXT_LIMIT) : note);
}
