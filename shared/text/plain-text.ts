import { normalizeBlockText } from './canonical.ts';

export interface PlainTextArticle {
  /** The article's blocks in canonical form, none empty. */
  blocks: string[];
  /** A `date YYYY-MM-DD` metadata line found at the very start. */
  published?: string;
}

const LEADING_DATE = /^date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*/iu;
const BLANK_LINE = /\r?\n[ \t\u00a0]*\r?\n/u;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Takes a leading `date YYYY-MM-DD` metadata line (on its own line or running into the first
 * sentence) off a text: the published date, and the rest of the text.
 */
export function splitLeadingDate(raw: string): { body: string; published?: string } {
  const body = raw.replace(/^\uFEFF/u, '').trimStart();
  const match = LEADING_DATE.exec(body);
  if (match?.[1] && isRealDate(match[1])) return { body: body.slice(match[0].length), published: match[1] };
  return { body };
}

/**
 * Splits plain text into paragraphs at blank lines. A leading `date YYYY-MM-DD` becomes the
 * published date rather than article text.
 */
export function parsePlainText(raw: string): PlainTextArticle {
  const { body, published } = splitLeadingDate(raw);
  const blocks = body
    .split(BLANK_LINE)
    .map(normalizeBlockText)
    .filter((block) => block.length > 0);
  return published ? { blocks, published } : { blocks };
}
