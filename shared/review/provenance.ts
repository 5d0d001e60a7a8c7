import type { AcceptedFrom } from '../model/annotation.ts';

export interface ProvenanceFormat {
  /** Today, to leave the year off dates of this year (now when left out). */
  now?: Date;
  /** The time zone the day is told in (the system's when left out). */
  timeZone?: string;
}

/** The day an acceptance happened, as "3 Dec", or "3 Dec 2025" in another year. */
export function acceptedDay(at: string, format: ProvenanceFormat = {}): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const zone = format.timeZone ? { timeZone: format.timeZone } : {};
  const year = (d: Date) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', ...zone }).format(d);
  const sameYear = year(date) === year(format.now ?? new Date());
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), ...zone }).format(
    date,
  );
}

/** Where an accepted annotation came from, in words: "Accepted from Alice on 3 Dec". */
export function acceptedFromLine(acceptedFrom: AcceptedFrom, format: ProvenanceFormat = {}): string {
  return `Accepted from ${acceptedFrom.annotator} on ${acceptedDay(acceptedFrom.at, format)}`;
}
