import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../shared/contract/api-client.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { FACET_NAMES, RECORD_PARTS, type CorpusHit, type CorpusQuery, type CorpusResult } from '../../shared/corpus/corpus-query.ts';
import { isCalendarDay, parseQueryString, recordPartNamed, stageNamed } from '../../shared/corpus/query-string.ts';
import { ANNOTATION_KINDS, WORKFLOW_STAGE_LABELS, WORKFLOW_STAGES, type AnnotationKind } from '../../shared/model/annotation.ts';
import { withLibrary } from './library-client.ts';
import { UsageError } from './usage-error.ts';

/** The flags of `scholia search`; the repeatable ones add alternatives, as a repeated key of the query string does. */
export interface SearchArgs {
  json?: boolean;
  kind?: string[];
  verdict?: string[];
  label?: string[];
  checkworthy?: boolean;
  notCheckworthy?: boolean;
  speaker?: string[];
  claimant?: string[];
  entity?: string[];
  annotator?: string[];
  tag?: string[];
  source?: string[];
  from?: string;
  to?: string;
  stage?: string[];
  articleStage?: string[];
  checkedBy?: string[];
  checkedFrom?: string;
  checkedTo?: string;
  has?: string[];
  regex?: string;
  query?: string;
  saved?: string;
  limit?: string;
}

const LIST_FLAGS = [
  ['verdict', 'verdicts'],
  ['label', 'labels'],
  ['speaker', 'speakers'],
  ['claimant', 'claimants'],
  ['entity', 'entities'],
  ['annotator', 'annotators'],
  ['tag', 'tags'],
  ['source', 'sources'],
  ['checkedBy', 'checkedBy'],
] as const;

/** The single-day flags, with the name the analyst types and the query field each fills. */
const DAY_FLAGS = [
  ['from', 'from', 'from'],
  ['to', 'to', 'to'],
  ['checkedFrom', 'checked-from', 'checkedFrom'],
  ['checkedTo', 'checked-to', 'checkedTo'],
] as const;

function checkedValues<T>(
  values: string[] | undefined,
  flag: string,
  named: (value: string) => T | undefined,
  known: readonly T[],
): T[] | undefined {
  if (!values?.length) return undefined;
  return [
    ...new Set(
      values.map((value) => {
        const found = named(value);
        if (found === undefined) throw new UsageError(`--${flag} takes ${known.join(', ')}, not "${value}"`);
        return found;
      }),
    ),
  ];
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${value}"`);
  return limit;
}

function kindsOf(values: string[] | undefined): AnnotationKind[] | undefined {
  if (!values?.length) return undefined;
  return values.map((value) => {
    const kind = ANNOTATION_KINDS.find((known) => known === value.toLowerCase());
    if (!kind) throw new UsageError(`--kind takes ${ANNOTATION_KINDS.join(', ')}, not "${value}"`);
    return kind;
  });
}

/** Puts two queries together: words add up, lists become alternatives, a single value of `over` replaces that of `base`. */
export function combineQueries(base: CorpusQuery, over: CorpusQuery): CorpusQuery {
  const combined: CorpusQuery = { ...base };
  const text = [base.text, over.text].filter(Boolean).join(' ');
  if (text) combined.text = text;
  for (const key of [
    'kinds',
    'verdicts',
    'labels',
    'speakers',
    'claimants',
    'entities',
    'annotators',
    'tags',
    'sources',
    'stages',
    'articleStages',
    'checkedBy',
    'has',
    'documentIds',
  ] as const) {
    const values = [...new Set([...(base[key] ?? []), ...(over[key] ?? [])])];
    if (values.length > 0) (combined as Record<string, unknown>)[key] = values;
  }
  if (over.checkworthy !== undefined) combined.checkworthy = over.checkworthy;
  if (over.from !== undefined) combined.from = over.from;
  if (over.to !== undefined) combined.to = over.to;
  if (over.checkedFrom !== undefined) combined.checkedFrom = over.checkedFrom;
  if (over.checkedTo !== undefined) combined.checkedTo = over.checkedTo;
  if (over.regex !== undefined) combined.regex = over.regex;
  return combined;
}

/** The query the flags and words give, before any saved search. */
export function queryOfFlags(words: string[], args: SearchArgs): CorpusQuery {
  if (args.checkworthy && args.notCheckworthy) throw new UsageError('give --checkworthy or --not-checkworthy, not both');
  const flags: CorpusQuery = {};
  const text = words.join(' ').trim();
  if (text) flags.text = text;
  const kinds = kindsOf(args.kind);
  if (kinds) flags.kinds = kinds;
  for (const [flag, key] of LIST_FLAGS) {
    const values = args[flag]?.map((value) => value.trim()).filter(Boolean);
    if (values?.length) flags[key] = values;
  }
  if (args.checkworthy) flags.checkworthy = true;
  if (args.notCheckworthy) flags.checkworthy = false;
  const stages = checkedValues(args.stage, 'stage', stageNamed, WORKFLOW_STAGES);
  if (stages) flags.stages = stages;
  const articleStages = checkedValues(args.articleStage, 'article-stage', stageNamed, WORKFLOW_STAGES);
  if (articleStages) flags.articleStages = articleStages;
  const has = checkedValues(args.has, 'has', recordPartNamed, RECORD_PARTS);
  if (has) flags.has = has;
  for (const [arg, flag, key] of DAY_FLAGS) {
    const day = args[arg];
    if (day === undefined) continue;
    if (!isCalendarDay(day)) throw new UsageError(`--${flag} takes a day as YYYY-MM-DD, not "${day}"`);
    flags[key] = day;
  }
  for (const [from, to] of [
    ['from', 'to'],
    ['checkedFrom', 'checkedTo'],
  ] as const) {
    const first = flags[from];
    const last = flags[to];
    if (first !== undefined && last !== undefined && first > last) throw new UsageError(`the day range ${first} to ${last} is reversed`);
  }
  if (args.regex !== undefined) flags.regex = args.regex;
  return combineQueries(args.query === undefined ? {} : parseQueryString(args.query), flags);
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function facetLabel(result: CorpusResult, facet: 'verdict' | 'label', value: string | undefined): string | undefined {
  return value === undefined ? undefined : (result.facets[facet]?.find((entry) => entry.value === value)?.label ?? value);
}

function hitLine(result: CorpusResult, hit: CorpusHit): string {
  const details = [
    hit.kind === 'claim' ? facetLabel(result, 'verdict', hit.status) : undefined,
    facetLabel(result, 'label', hit.label),
    hit.checkworthy === undefined ? undefined : hit.checkworthy ? 'check-worthy' : 'not check-worthy',
    hit.stage && hit.stage !== 'to-check' ? WORKFLOW_STAGE_LABELS[hit.stage].toLowerCase() : undefined,
    hit.checkedBy || hit.checkedOn
      ? ['checked', hit.checkedBy ? `by ${hit.checkedBy}` : '', hit.checkedOn ? `on ${hit.checkedOn}` : ''].filter(Boolean).join(' ')
      : undefined,
    hit.entityName ? `${hit.kind === 'quote' ? 'speaker' : hit.kind === 'claim' ? 'claimant' : 'entity'} ${hit.entityName}` : undefined,
    hit.tags?.length ? `#${hit.tags.join(' #')}` : undefined,
    hit.author || undefined,
  ].filter((detail): detail is string => detail !== undefined);
  const span = `${hit.start}–${hit.end}`.padEnd(12);
  const note = hit.note ? `\n${' '.repeat(22)}note: ${shorten(hit.note, 100)}` : '';
  return `  ${hit.kind.padEnd(6)} ${span} “${shorten(hit.exact, 80)}”  ${details.join(' · ')}${note}`;
}

/** The result as text: the totals, each article with its hits in text order, then the facet counts. */
export function formatResult(result: CorpusResult, offset = 0): string {
  const lines: string[] = [];
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  lines.push(`${plural(result.total, 'annotation', 'annotations')} in ${plural(result.documents, 'article', 'articles')}.`);
  for (const group of result.groups) {
    lines.push('');
    lines.push(`${group.published ?? '          '}  ${group.title}${group.source ? ` (${group.source})` : ''}  [${group.documentId}]`);
    for (const hit of group.hits) lines.push(hitLine(result, hit));
  }
  const shown = result.groups.length;
  if (offset + shown < result.documents)
    lines.push('', `Showing articles ${offset + 1}–${offset + shown} of ${result.documents}; --limit shows more.`);
  const facets = FACET_NAMES.map((name) => {
    const values = result.facets[name] ?? [];
    return values.length === 0 ? undefined : `  ${name}: ${values.map((value) => `${value.label} ${value.count}`).join(', ')}`;
  }).filter((line): line is string => line !== undefined);
  if (facets.length > 0) lines.push('', 'Facets:', ...facets);
  return lines.join('\n');
}

async function savedQuery(api: ApiClient, name: string): Promise<CorpusQuery> {
  const { searches, problems } = await api.call('corpus.savedList', {});
  for (const problem of problems) console.error(`scholia: ${problem}`);
  const key = name.trim().toLocaleLowerCase();
  const found = searches.find((search) => search.name.toLocaleLowerCase() === key);
  if (!found) {
    const known = searches.map((search) => `"${search.name}"`).join(', ');
    throw new ScholiaError('not-found', `There is no saved search "${name}"${known ? `; the saved ones are ${known}` : ''}.`);
  }
  return found.query;
}

/**
 * `scholia search [WORDS...] [filters] [--query Q] [--saved NAME] [--limit N] [--json]`: one
 * corpus search over every annotation of the library, printed grouped by article with facet
 * counts, or as the `CorpusResult` JSON. A saved search, the query string and the flags add up.
 */
export async function searchCommand(libraryDir: string, words: string[], args: SearchArgs): Promise<void> {
  const limit = parseLimit(args.limit);
  const fromFlags = queryOfFlags(words, args);
  if (!existsSync(path.join(libraryDir, 'library.json'))) throw new ScholiaError('not-found', `There is no library at ${libraryDir}.`);
  await withLibrary({ libraryDir, access: 'read' }, async (api) => {
    const query = args.saved === undefined ? fromFlags : combineQueries(await savedQuery(api, args.saved), fromFlags);
    const result = await api.call('corpus.search', { query, ...(limit === undefined ? {} : { limit }) });
    console.log(args.json ? JSON.stringify(result, null, 2) : formatResult(result));
  });
}
