import type { CorpusQuery, FacetName } from '../../../shared/corpus/corpus-query.ts';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../../shared/model/annotation.ts';

/** The facet values ticked in the search view, by facet (values as the facets name them). */
export type FacetSelections = Partial<Record<FacetName, readonly string[]>>;

/** The query's list filters, by the facet that offers their values. */
const LIST_FILTERS = {
  verdict: 'verdicts',
  label: 'labels',
  speaker: 'speakers',
  claimant: 'claimants',
  entity: 'entities',
  annotator: 'annotators',
  tag: 'tags',
  source: 'sources',
} as const satisfies Partial<Record<FacetName, keyof CorpusQuery>>;

type ListFacet = keyof typeof LIST_FILTERS;

function isListFacet(facet: FacetName): facet is ListFacet {
  return facet in LIST_FILTERS;
}

function isKind(value: string): value is AnnotationKind {
  return (ANNOTATION_KINDS as readonly string[]).includes(value);
}

/** The values of one facet the query asks for, as the facet names them. */
export function queryValues(query: CorpusQuery, facet: FacetName): string[] {
  if (facet === 'kind') return [...(query.kinds ?? [])];
  if (facet === 'checkworthy') return query.checkworthy === undefined ? [] : [query.checkworthy ? 'yes' : 'no'];
  if (facet === 'month') return monthsCovered(query.from, query.to);
  return [...(query[LIST_FILTERS[facet]] ?? [])];
}

/** The last day of a month (`YYYY-MM`), as `YYYY-MM-DD`. */
function lastDayOf(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The whole months a date range covers, when it starts on a first and ends on a last day (as ticking months makes it). */
function monthsCovered(from: string | undefined, to: string | undefined): string[] {
  if (!from || !to || !from.endsWith('-01')) return [];
  const last = to.slice(0, 7);
  if (lastDayOf(last) !== to) return [];
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= last && months.length < 1200; month = nextMonth(month)) months.push(month);
  return months;
}

function nextMonth(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

function union(first: readonly string[] | undefined, second: readonly string[]): string[] {
  return [...new Set([...(first ?? []), ...second])];
}

/**
 * The query the search runs: the search box's query with the ticked facet values added. A ticked
 * value is one more alternative of its filter (as a repeated key in the box is). Ticked months make
 * one date range, from the first day of the earliest to the last day of the latest, within any
 * range the box gives. Ticking both "yes" and "no" of check-worthy does not narrow.
 */
export function mergeSelections(typed: CorpusQuery, selections: FacetSelections): CorpusQuery {
  const query: CorpusQuery = { ...typed };
  for (const [facet, values] of Object.entries(selections) as [FacetName, readonly string[]][]) {
    if (values.length === 0) continue;
    if (facet === 'kind') {
      query.kinds = union(query.kinds, values).filter(isKind);
    } else if (facet === 'checkworthy') {
      const wanted = new Set(values);
      if (wanted.size === 1) query.checkworthy = wanted.has('yes');
      else delete query.checkworthy;
    } else if (facet === 'month') {
      const months = [...values].sort();
      const from = `${months[0]}-01`;
      const to = lastDayOf(months.at(-1) ?? '');
      query.from = query.from && query.from > from ? query.from : from;
      query.to = query.to && query.to < to ? query.to : to;
    } else if (isListFacet(facet)) {
      query[LIST_FILTERS[facet]] = union(query[LIST_FILTERS[facet]], values);
    }
  }
  return query;
}

/** The query without one facet value (for unticking a value that came from the search box). */
export function withoutValue(query: CorpusQuery, facet: FacetName, value: string): CorpusQuery {
  const next: CorpusQuery = { ...query };
  if (facet === 'kind') next.kinds = (next.kinds ?? []).filter((kind) => kind !== value);
  else if (facet === 'checkworthy') delete next.checkworthy;
  else if (facet === 'month') {
    delete next.from;
    delete next.to;
  } else if (isListFacet(facet)) next[LIST_FILTERS[facet]] = (next[LIST_FILTERS[facet]] ?? []).filter((entry) => entry !== value);
  return dropEmpty(next);
}

/** The query without its empty lists, so it formats and saves as the analyst wrote it. */
export function dropEmpty(query: CorpusQuery): CorpusQuery {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    next[key] = value;
  }
  return next as CorpusQuery;
}

/** Toggles a value in a facet's selection. */
export function toggleSelection(selections: FacetSelections, facet: FacetName, value: string): FacetSelections {
  const current = selections[facet] ?? [];
  const values = current.includes(value) ? current.filter((entry) => entry !== value) : [...current, value];
  return Object.fromEntries([
    ...Object.entries(selections).filter(([name]) => name !== facet),
    ...(values.length > 0 ? [[facet, values]] : []),
  ]) as FacetSelections;
}
