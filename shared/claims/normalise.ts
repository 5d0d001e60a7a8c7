// A claim's text read to comparable tokens (docs/CLAIMS.md, "Normalisation"): social debris off, folded, dates and numbers
// in one form, function words dropped, words stemmed.
import { stemmer } from 'stemmer';
import { dateTokens, readDate } from './dates.ts';
import { numberToken, readNumber } from './numbers.ts';
import { NEGATIONS, STOPWORDS } from './stopwords.ts';
import { cleanSocial, foldText } from './text.ts';

export interface NormalisedClaim {
  /** Content tokens in order: stems, `#` numbers (`#4%`, `#3000000000gbp`), `d:MM-DD` and `m:MM` dates. */
  tokens: string[];
  /** The tokens joined: claims with the same key are the same claim. */
  key: string;
  /** The number tokens, dates' years included. */
  numbers: string[];
  /** The `d:`/`m:` date tokens. */
  dates: string[];
}

const RAW_TOKEN = /[£$€%]|\d{4}-\d{2}-\d{2}|\d+(?:,\d{3})+(?:\.\d+)?[a-z]*|\d*\.?\d+[a-z]*|[a-z]+(?:'[a-z]+)*/g;

/** Folded words, numerals and currency/percent signs, in order; contractions opened (`isn't` → `is not`, `trump's` → `trump`). */
export function rawTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [token] of foldText(cleanSocial(text)).matchAll(RAW_TOKEN)) {
    if (token.endsWith("n't")) tokens.push(token === "can't" ? 'can' : token === "won't" ? 'will' : token.slice(0, -3), 'not');
    else tokens.push(token.replace(/'(s|re|ve|ll|d|m)$/, '').replace(/'/g, ''));
  }
  return tokens;
}

function stem(word: string): string {
  return word.length <= 3 ? word : stemmer(word);
}

/** Normalises one claim's text. */
export function normaliseClaim(text: string): NormalisedClaim {
  const raw = rawTokens(text);
  const tokens: string[] = [];
  const numbers: string[] = [];
  const dates: string[] = [];
  for (let i = 0; i < raw.length;) {
    const date = readDate(raw, i);
    if (date) {
      for (const token of dateTokens(date)) {
        tokens.push(token);
        (token.startsWith('#') ? numbers : dates).push(token);
      }
      i += date.length;
      continue;
    }
    const number = readNumber(raw, i);
    if (number) {
      const token = numberToken(number);
      tokens.push(token);
      numbers.push(token);
      i += number.length;
      continue;
    }
    const word = raw[i] as string;
    i++;
    if (NEGATIONS.has(word)) tokens.push('not');
    else if (!STOPWORDS.has(word) && /[a-z]/.test(word)) tokens.push(stem(word));
  }
  return { tokens, key: tokens.join(' '), numbers, dates };
}
