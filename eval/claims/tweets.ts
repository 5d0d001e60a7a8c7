// Tweets as claims: the embedded tweet's closing "— Name (@handle) Month D, YYYY" gives the date it was posted, which is
// metadata, not part of what it claims. URLs, hashtags and handles are the matcher's own normalisation (shared/claims/text.ts).
import type { ClaimInput } from '../../shared/claims/matcher.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SIGNATURE_DATE = /(\(@\w+\)\s*)([A-Z][a-z]+) (\d{1,2}), (\d{4})\s*$/;

/** The tweet's text without its posting date, and that date (ISO) when the signature gives it. */
export function tweetAsClaim(text: string): Omit<ClaimInput, 'id'> {
  const match = SIGNATURE_DATE.exec(text);
  const month = match ? MONTHS.indexOf((match[2] as string).toLowerCase()) : -1;
  if (!match || month < 0) return { text };
  const date = `${match[4]}-${String(month + 1).padStart(2, '0')}-${(match[3] as string).padStart(2, '0')}`;
  return { text: text.slice(0, match.index) + (match[1] as string), date };
}
