import type { AnnotationKind, ClaimAnnotation } from '../model/annotation.ts';
import type { ReportSection } from './options.ts';

/** What one mark of each kind is called in a marker's title: "claim 3", "mention 2". */
export const KIND_NAMES: Record<AnnotationKind, string> = { claim: 'claim', quote: 'quote', entity: 'mention', note: 'note' };

export const SECTION_TITLES: Record<ReportSection, string> = {
  summary: 'Summary',
  claims: 'Claims',
  quotes: 'Quotes, by speaker',
  entities: 'Entities',
  notes: 'Notes',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-11-23` as `23 November 2022`; anything else as it is. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : isoDate;
}

/** An ISO timestamp as `23 November 2022, 14:05 UTC`, independent of the machine's time zone. */
export function formatDateTime(iso: string): string {
  const match = /T(\d{2}):(\d{2})/u.exec(iso);
  const date = new Date(iso);
  if (!match || Number.isNaN(date.getTime())) return iso;
  const utc = date.toISOString();
  return `${formatDate(utc)}, ${utc.slice(11, 16)} UTC`;
}

/** `3 claims`, `1 claim`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${noun(count, singular, pluralForm)}`;
}

/** `claims` or `claim`, by count. */
export function noun(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

const OPENING_QUOTES = /^["\u201c\u201e\u00ab\u2018']/u;

/** An excerpt in curly quotes, unless it already opens with a quotation mark of its own. */
export function quoted(exact: string): string {
  return OPENING_QUOTES.test(exact) ? exact : `\u201c${exact}\u201d`;
}

/** Who checked a claim and when, as one line ("Checked by Ana Pires on 3 March 2026"); empty when neither is recorded. */
export function checkedLine(claim: ClaimAnnotation): string {
  const by = claim.checkedBy?.trim();
  const on = claim.checkedOn ? formatDate(claim.checkedOn) : '';
  return by || on ? `Checked${by ? ` by ${by}` : ''}${on ? ` on ${on}` : ''}` : '';
}

/** The colleagues whose annotations were accepted, in words: "Alice (3 annotations), Bob (1 annotation)". */
export function acceptedFromSummary(accepted: readonly { annotator: string; count: number }[]): string {
  return accepted.map(({ annotator, count }) => `${annotator} (${plural(count, 'annotation')})`).join(', ');
}
