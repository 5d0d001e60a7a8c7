// Dates in claims read to one form: `3 March 2026`, `March 3, 2026` and `2026-03-03` are `d:03-03` with the year 2026; `March 3` is `d:03-03`.

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export interface DateMatch {
  /** Tokens consumed. */
  length: number;
  month: number;
  day?: number;
  year?: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The date tokens of a match: `d:MM-DD` (or `m:MM` for a month with a year and no day) and the year as a number token. */
export function dateTokens(date: DateMatch): string[] {
  const tokens = date.day === undefined ? [`m:${pad(date.month)}`] : [`d:${pad(date.month)}-${pad(date.day)}`];
  if (date.year !== undefined) tokens.push(`#${date.year}`);
  return tokens;
}

function dayOf(token: string | undefined): number | undefined {
  const match = token === undefined ? null : /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token);
  const day = match ? Number(match[1]) : NaN;
  return day >= 1 && day <= 31 ? day : undefined;
}

function yearOf(token: string | undefined): number | undefined {
  return token !== undefined && /^(1[89]|20|21)\d\d$/.test(token) ? Number(token) : undefined;
}

/** Reads a date starting at `tokens[i]`, or returns undefined. Tokens are folded words and numbers (commas already dropped). */
export function readDate(tokens: readonly string[], i: number): DateMatch | undefined {
  const token = tokens[i] ?? '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
  if (iso) return { length: 1, year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const month = MONTHS[token];
  // "May" and "March" are also words: a month name alone is a date only with a day or a year beside it
  if (month !== undefined) {
    const day = dayOf(tokens[i + 1]);
    if (day !== undefined && tokens[i + 1] !== undefined && !/^\d{4}$/.test(tokens[i + 1] as string)) {
      const year = yearOf(tokens[i + 2]);
      return year === undefined ? { length: 2, month, day } : { length: 3, month, day, year };
    }
    const year = yearOf(tokens[i + 1]);
    if (year !== undefined) return { length: 2, month, year };
    return undefined;
  }
  const day = dayOf(token);
  const next = tokens[i + 1] === 'of' ? 2 : 1;
  const dayMonth = day === undefined ? undefined : MONTHS[tokens[i + next] ?? ''];
  if (day !== undefined && dayMonth !== undefined) {
    const year = yearOf(tokens[i + next + 1]);
    return year === undefined ? { length: next + 1, month: dayMonth, day } : { length: next + 2, month: dayMonth, day, year };
  }
  return undefined;
}
