import type { CorpusQuery, FacetName, FacetValue } from '../../../shared/corpus/corpus-query.ts';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../../shared/model/annotation.ts';

/** The query's list filters, by the facet that offers their values (kinds have a facet of their own, documents none). */
const LIST_FILTERS = {
  verdict: 'verdicts',
  stage: 'stages',
  label: 'labels',
  checkedBy: 'checkedBy',
  has: 'has',
  speaker: 'speakers',
  claimant: 'claimants',
  entity: 'entities',
  annotator: 'annotators',
  tag: 'tags',
  source: 'sources',
  articleStage: 'articleStages',
} as const satisfies Partial<Record<FacetName, keyof CorpusQuery>>;

type ListFacet = keyof typeof LIST_FILTERS;

/** Facets of months (`YYYY-MM`) that tick as a date range: the article's day, the claim's checked day. */
const RANGE_FILTERS = {
  month: { from: 'from', to: 'to' },
  checked: { from: 'checkedFrom', to: 'checkedTo' },
} as const satisfies Partial<Record<FacetName, { from: keyof CorpusQuery; to: keyof CorpusQuery }>>;

type RangeFacet = keyof typeof RANGE_FILTERS;

function isRangeFacet(facet: FacetName): facet is RangeFacet {
  return facet in RANGE_FILTERS;
}

/** A list filter's values, read and written as strings (the facet's values are the query's own). */
function listOf(query: CorpusQuery, facet: ListFacet): string[] {
  return [...((query[LIST_FILTERS[facet]] as readonly string[] | undefined) ?? [])];
}

function setList(query: CorpusQuery, facet: ListFacet, values: string[]): void {
  (query as Record<string, unknown>)[LIST_FILTERS[facet]] = values;
}

/** Facets whose values are registry entities: the query takes an entity's name as well as its id. */
const ENTITY_FACETS: readonly FacetName[] = ['speaker', 'claimant', 'entity'];

function isListFacet(facet: FacetName): facet is ListFacet {
  return facet in LIST_FILTERS;
}

function isKind(value: string): value is AnnotationKind {
  return (ANNOTATION_KINDS as readonly string[]).includes(value);
}

/** The last day of a month (`YYYY-MM`), as `YYYY-MM-DD`. */
function lastDayOf(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function shiftMonth(month: string, step: 1 | -1): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months a date range covers whole (from a first of the month to a last day), as ticking months makes it. */
function monthsCovered(from: string | undefined, to: string | undefined): string[] {
  if (!from || !to || !from.endsWith('-01')) return [];
  const last = to.slice(0, 7);
  if (lastDayOf(last) !== to) return [];
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= last && months.length < 1200; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** The values of one facet the query asks for, as the facet names them (months: those its date range covers whole). */
export function queryValues(query: CorpusQuery, facet: FacetName): string[] {
  if (facet === 'kind') return [...(query.kinds ?? [])];
  if (facet === 'checkworthy') return query.checkworthy === undefined ? [] : [query.checkworthy ? 'yes' : 'no'];
  if (isRangeFacet(facet)) {
    const { from, to } = RANGE_FILTERS[facet];
    return monthsCovered(query[from], query[to]);
  }
  return isListFacet(facet) ? listOf(query, facet) : [];
}

/**
 * What the query names a facet value by: its own value, except an entity, which goes in by name
 * (readable in the search box) unless another entity of the facet has the same name.
 */
export function termOf(facet: FacetName, value: FacetValue, values: readonly FacetValue[]): string {
  if (!ENTITY_FACETS.includes(facet)) return value.value;
  const namesake = values.some((other) => other.value !== value.value && other.label.toLowerCase() === value.label.toLowerCase());
  return namesake ? value.value : value.label;
}

/** Whether the query asks for a facet value (by value, or an entity by its name). */
export function asksFor(query: CorpusQuery, facet: FacetName, value: FacetValue): boolean {
  const asked = queryValues(query, facet);
  if (asked.includes(value.value)) return true;
  return ENTITY_FACETS.includes(facet) && asked.some((term) => term.toLowerCase() === value.label.toLowerCase());
}

/**
 * The query with one more facet value: one more alternative of its filter (as a repeated key in the
 * box is). Check-worthy "yes" beside "no" drops the filter (both means either). A month (published or
 * checked) widens its date range to cover it.
 */
export function withValue(query: CorpusQuery, facet: FacetName, term: string): CorpusQuery {
  const next: CorpusQuery = { ...query };
  if (facet === 'kind') {
    if (isKind(term)) next.kinds = [...new Set([...(next.kinds ?? []), term])];
  } else if (facet === 'checkworthy') {
    const wanted = term === 'yes';
    if (next.checkworthy === !wanted) delete next.checkworthy;
    else next.checkworthy = wanted;
  } else if (isRangeFacet(facet)) {
    const { from, to } = RANGE_FILTERS[facet];
    const covered = monthsCovered(next[from], next[to]);
    const first = [term, ...covered].sort()[0] ?? term;
    const last = [term, ...covered].sort().at(-1) ?? term;
    next[from] = `${first}-01`;
    next[to] = lastDayOf(last);
  } else if (isListFacet(facet)) {
    setList(next, facet, [...new Set([...listOf(next, facet), term])]);
  }
  return dropEmpty(next);
}

/**
 * The query without a facet value (given by value or, for an entity, by name). A month at either
 * end of the date range narrows it by that month; one inside it ends the range before it.
 */
export function withoutValue(query: CorpusQuery, facet: FacetName, value: FacetValue): CorpusQuery {
  const next: CorpusQuery = { ...query };
  const same = (term: string) =>
    term === value.value || (ENTITY_FACETS.includes(facet) && term.toLowerCase() === value.label.toLowerCase());
  if (facet === 'kind') next.kinds = (next.kinds ?? []).filter((kind) => kind !== value.value);
  else if (facet === 'checkworthy') delete next.checkworthy;
  else if (isRangeFacet(facet)) {
    const { from, to } = RANGE_FILTERS[facet];
    const covered = monthsCovered(next[from], next[to]);
    const at = covered.indexOf(value.value);
    if (at < 0 || covered.length === 1) {
      next[from] = undefined;
      next[to] = undefined;
    } else if (at === 0) next[from] = `${shiftMonth(value.value, 1)}-01`;
    else next[to] = lastDayOf(shiftMonth(value.value, -1));
  } else if (isListFacet(facet)) {
    setList(
      next,
      facet,
      listOf(next, facet).filter((term) => !same(term)),
    );
  }
  return dropEmpty(next);
}

/** The query without its empty lists and text, so it formats and saves as the analyst wrote it. */
export function dropEmpty(query: CorpusQuery): CorpusQuery {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    next[key] = value;
  }
  return next as CorpusQuery;
}
