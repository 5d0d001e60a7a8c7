// Numbers in claims read to one form: `1,000`, `1000`, `one thousand` and `1k` are `#1000`; `4%`, `4 per cent` are `#4%`;
// `£3bn` and `3 billion pounds` are `#3000000000gbp`.

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};
const CURRENCY_SYMBOLS: Record<string, string> = { '£': 'gbp', $: 'usd', '€': 'eur' };
const CURRENCY_WORDS: Record<string, string> = {
  pound: 'gbp',
  pounds: 'gbp',
  sterling: 'gbp',
  gbp: 'gbp',
  dollar: 'usd',
  dollars: 'usd',
  usd: 'usd',
  euro: 'eur',
  euros: 'eur',
  eur: 'eur',
};
const PERCENT_WORDS = new Set(['%', 'percent', 'pct']);

export interface NumberMatch {
  /** Tokens consumed. */
  length: number;
  value: number;
  /** `%`, a currency code (`gbp`, `usd`, `eur`), or '' for a bare number. */
  unit: string;
}

/** The token of a number: `#` + its value (six significant digits at most) + its unit. */
export function numberToken(match: Pick<NumberMatch, 'value' | 'unit'>): string {
  return `#${Number(match.value.toPrecision(6))}${match.unit}`;
}

/** A numeral with an optional attached scale or ordinal suffix: `1,000`, `4.5`, `3bn`, `1k`, `10th`. */
function readNumeral(token: string | undefined): number | undefined {
  const match = token === undefined ? null : /^(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)([a-z]*)$/.exec(token);
  if (!match) return undefined;
  const value = Number((match[1] as string).replace(/,/g, ''));
  const suffix = match[2] as string;
  if (suffix === '' || /^(st|nd|rd|th)$/.test(suffix)) return value;
  const scale = SCALES[suffix];
  return scale !== undefined && scale >= 1e3 ? value * scale : undefined;
}

/** Number words: `one thousand`, `twenty five`, `three hundred and six`, `a million`. */
function readWords(tokens: readonly string[], start: number): { value: number; length: number } | undefined {
  let total = 0;
  let current = 0;
  let i = start;
  let read = false;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (UNITS[token] !== undefined) current += UNITS[token];
    else if (TENS[token] !== undefined) current += TENS[token];
    else if (token === 'a' && !read && SCALES[tokens[i + 1] ?? ''] !== undefined && (tokens[i + 1] as string).length > 2) current = 1;
    else if (read && SCALES[token] !== undefined && token.length > 2) {
      const scale = SCALES[token];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (read && token === 'and' && (UNITS[tokens[i + 1] ?? ''] !== undefined || TENS[tokens[i + 1] ?? ''] !== undefined)) continue;
    else break;
    read = true;
  }
  return read ? { value: total + current, length: i - start } : undefined;
}

/** Reads a number with its currency or percent unit starting at `tokens[i]`, or returns undefined. */
export function readNumber(tokens: readonly string[], i: number): NumberMatch | undefined {
  let at = i;
  let unit = '';
  const symbol = CURRENCY_SYMBOLS[tokens[at] ?? ''];
  if (symbol !== undefined) {
    unit = symbol;
    at++;
  }
  let value = readNumeral(tokens[at]);
  if (value !== undefined) at++;
  else {
    const words = readWords(tokens, at);
    if (!words) return undefined;
    value = words.value;
    at += words.length;
  }
  const scale = SCALES[tokens[at] ?? ''];
  if (scale !== undefined && scale >= 1e3 && (tokens[at] as string).length > 1) {
    value *= scale;
    at++;
  }
  const next = tokens[at] ?? '';
  if (unit === '' && PERCENT_WORDS.has(next)) {
    unit = '%';
    at++;
  } else if (unit === '' && next === 'per' && tokens[at + 1] === 'cent') {
    unit = '%';
    at += 2;
  } else if (unit === '' && CURRENCY_WORDS[next] !== undefined) {
    unit = CURRENCY_WORDS[next];
    at++;
  }
  return { length: at - i, value, unit };
}
