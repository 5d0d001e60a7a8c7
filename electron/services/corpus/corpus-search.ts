import {
  FACET_NAMES,
  type CorpusGroup,
  type CorpusHit,
  type CorpusQuery,
  type CorpusResult,
  type FacetName,
  type FacetValue,
} from '../../../shared/corpus/corpus-query.ts';
import { foldKey } from '../../../shared/corpus/fold.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { WORKFLOW_STAGE_LABELS, WORKFLOW_STAGES } from '../../../shared/model/annotation.ts';
import { RECORD_PARTS, type RecordPart } from '../../../shared/corpus/corpus-query.ts';
import { CHECKWORTHY_NO, CHECKWORTHY_YES, KIND_CODES, KIND_OF_CODE, RECORD_BITS, STAGE_OF_CODE, stageCode } from './annotation-rows.ts';
import type { CorpusIndex, IndexedDocument } from './corpus-index.ts';
import { compileGuardedRegex, regexMatches } from './corpus-regex.ts';
import type { Dictionary } from './dictionary.ts';

/** The most values a facet lists (most frequent first); values the query chose are always listed. */
export const FACET_VALUE_LIMIT = 100;
export const DEFAULT_GROUP_LIMIT = 50;

const CLAIM = KIND_CODES.claim;
const QUOTE = KIND_CODES.quote;

/** Filters by slot: the facets in `FACET_NAMES` order, then those without a facet. */
const SLOT_TEXT = FACET_NAMES.length;
const SLOT_REGEX = FACET_NAMES.length + 1;
const SLOT_DOCUMENTS = FACET_NAMES.length + 2;
const FACET_SLOT = Object.fromEntries(FACET_NAMES.map((name, slot) => [name, slot])) as Record<FacetName, number>;

/** A filter over dictionary codes: a flag per code (undefined: the filter is not in the query). */
type CodeFilter = Uint8Array | undefined;

function codeFlags(dictionary: Dictionary, values: readonly string[] | undefined, alias?: (value: string) => string[]): CodeFilter {
  if (!values?.length) return undefined;
  const wanted = new Set(values.flatMap((value) => [foldKey(value), ...(alias?.(value) ?? []).map(foldKey)]));
  const flags = new Uint8Array(dictionary.size);
  for (let code = 1; code < dictionary.size; code += 1) if (wanted.has(foldKey(dictionary.value(code)))) flags[code] = 1;
  return flags;
}

function entityFlags(index: CorpusIndex, values: readonly string[] | undefined): CodeFilter {
  if (!values?.length) return undefined;
  const flags = new Uint8Array(index.entityIds.size);
  for (const value of values) {
    for (const id of index.entities.resolve(value)) {
      const code = index.entityIds.find(id);
      if (code !== undefined) flags[code] = 1;
    }
  }
  return flags;
}

/** A codebook entry's id for a value given as its id or its label ("Mostly false"). */
function codebookAlias(entries: Tagset['verdicts']): (value: string) => string[] {
  return (value) => entries.filter((entry) => foldKey(entry.label) === foldKey(value)).map((entry) => entry.id);
}

/** What the scan needs of a query: flags per code for each filter, the text rows, the pattern. */
interface CompiledQuery {
  kinds: CodeFilter;
  verdicts: CodeFilter;
  labels: CodeFilter;
  checkworthy: number | undefined;
  speakers: CodeFilter;
  claimants: CodeFilter;
  entities: CodeFilter;
  authors: CodeFilter;
  tags: CodeFilter;
  stages: CodeFilter;
  checkers: CodeFilter;
  /** Flags by checked-day code: the day is within `checkedFrom`…`checkedTo`. */
  checkedDays: CodeFilter;
  /** `RECORD_BITS` a claim must all have (0: no `has:` filter). */
  record: number;
  text: Uint8Array | undefined;
  regex: RegExp | undefined;
  /** Per document ordinal: how many document-level filters (source, date, ids) it fails, and the last one. */
  documentFails: Uint8Array;
  documentFailed: Uint8Array;
  /** Per document ordinal: its source and month codes, so the scan reads no document object. */
  documentSource: Uint32Array;
  documentMonth: Uint32Array;
  documentStage: Uint8Array;
}

function stageFlags(stages: readonly string[] | undefined): CodeFilter {
  if (!stages?.length) return undefined;
  const flags = new Uint8Array(STAGE_OF_CODE.length);
  for (const stage of WORKFLOW_STAGES) if (stages.includes(stage)) flags[stageCode(stage)] = 1;
  return flags;
}

function dayRangeFlags(days: Dictionary, from: string | undefined, to: string | undefined): CodeFilter {
  if (from === undefined && to === undefined) return undefined;
  const flags = new Uint8Array(days.size);
  for (let code = 1; code < days.size; code += 1) {
    const day = days.value(code);
    if ((from === undefined || day >= from) && (to === undefined || day <= to)) flags[code] = 1;
  }
  return flags;
}

function compileQuery(index: CorpusIndex, query: CorpusQuery, tagset: Tagset): CompiledQuery {
  const regex = query.regex === undefined ? undefined : compileGuardedRegex(query.regex);
  const sources = codeFlags(index.sources, query.sources);
  const documentIds = query.documentIds?.length ? new Set(query.documentIds) : undefined;
  const documentFails = new Uint8Array(index.documents.length);
  const documentFailed = new Uint8Array(index.documents.length);
  const documentSource = new Uint32Array(index.documents.length);
  const documentMonth = new Uint32Array(index.documents.length);
  const documentStage = new Uint8Array(index.documents.length);
  const articleStages = stageFlags(query.articleStages);
  index.documents.forEach((entry, ordinal) => {
    if (!entry) return;
    documentSource[ordinal] = entry.source;
    documentMonth[ordinal] = entry.month;
    documentStage[ordinal] = entry.stage;
    const fail = (slot: number) => {
      documentFails[ordinal] = (documentFails[ordinal] ?? 0) + 1;
      documentFailed[ordinal] = slot;
    };
    if (sources && !sources[entry.source]) fail(FACET_SLOT.source);
    if (articleStages && !articleStages[entry.stage]) fail(FACET_SLOT.articleStage);
    if ((query.from && entry.day < query.from) || (query.to && entry.day > query.to)) fail(FACET_SLOT.month);
    if (documentIds && !documentIds.has(entry.id)) fail(SLOT_DOCUMENTS);
  });
  let kinds: CodeFilter;
  if (query.kinds?.length) {
    kinds = new Uint8Array(KIND_OF_CODE.length);
    for (const kind of query.kinds) kinds[KIND_CODES[kind]] = 1;
  }
  return {
    kinds,
    verdicts: codeFlags(index.statuses, query.verdicts, codebookAlias(tagset.verdicts)),
    labels: codeFlags(index.labels, query.labels, codebookAlias(tagset.claimLabels)),
    checkworthy: query.checkworthy === undefined ? undefined : query.checkworthy ? CHECKWORTHY_YES : CHECKWORTHY_NO,
    speakers: entityFlags(index, query.speakers),
    claimants: entityFlags(index, query.claimants),
    entities: entityFlags(index, query.entities),
    authors: codeFlags(index.authors, query.annotators),
    tags: codeFlags(index.tags, query.tags),
    stages: stageFlags(query.stages),
    checkers: codeFlags(index.checkers, query.checkedBy),
    checkedDays: dayRangeFlags(index.checkedDays, query.checkedFrom, query.checkedTo),
    record: (query.has ?? []).reduce((bits, part) => bits | RECORD_BITS[part], 0),
    text: query.text === undefined ? undefined : index.textMatches(query.text),
    regex,
    documentFails,
    documentFailed,
    documentSource,
    documentMonth,
    documentStage,
  };
}

/** Counts per facet, by code, as the scan fills them. */
class FacetCounts {
  readonly counts: Record<FacetName, Uint32Array>;

  constructor(index: CorpusIndex) {
    const entitySize = index.entityIds.size;
    this.counts = {
      kind: new Uint32Array(KIND_OF_CODE.length),
      verdict: new Uint32Array(index.statuses.size),
      stage: new Uint32Array(STAGE_OF_CODE.length),
      label: new Uint32Array(index.labels.size),
      checkworthy: new Uint32Array(3),
      checkedBy: new Uint32Array(index.checkers.size),
      checked: new Uint32Array(index.checkedDays.size),
      has: new Uint32Array(RECORD_PARTS.length),
      speaker: new Uint32Array(entitySize),
      claimant: new Uint32Array(entitySize),
      entity: new Uint32Array(entitySize),
      annotator: new Uint32Array(index.authors.size),
      tag: new Uint32Array(index.tags.size),
      source: new Uint32Array(index.sources.size),
      articleStage: new Uint32Array(STAGE_OF_CODE.length),
      month: new Uint32Array(index.months.size),
    };
  }
}

function bump(counts: Uint32Array, code: number): void {
  counts[code] = (counts[code] ?? 0) + 1;
}

interface Scan {
  matched: Uint8Array;
  /** Matching rows per document ordinal. */
  perDocument: Uint32Array;
  total: number;
  facets: FacetCounts;
}

/**
 * One pass over every row: a row that passes every filter counts in every facet; a row that fails
 * exactly one filter with a facet counts in that facet only, so each facet's counts follow all
 * the other filters but not its own. The pattern runs last, and only on rows still in play.
 */
function scan(index: CorpusIndex, compiled: CompiledQuery): Scan {
  const { rows } = index;
  const { kinds, verdicts, labels, checkworthy, speakers, claimants, entities, authors, tags, text, regex } = compiled;
  const { stages, checkers, checkedDays, record } = compiled;
  const facets = new FacetCounts(index);
  const {
    kind: kindCounts,
    verdict: verdictCounts,
    stage: stageCounts,
    label: labelCounts,
    checkworthy: checkCounts,
    checkedBy: checkerCounts,
    checked: checkedCounts,
    has: hasCounts,
    speaker: speakerCounts,
    claimant: claimantCounts,
    entity: entityCounts,
    annotator: authorCounts,
    tag: tagCounts,
    source: sourceCounts,
    articleStage: articleStageCounts,
    month: monthCounts,
  } = facets.counts;
  const matched = new Uint8Array(rows.size);
  const perDocument = new Uint32Array(index.documents.length);
  let total = 0;
  const { doc: docColumn, kind: kindColumn, status, label, checkworthy: checkColumn, entity, author } = rows;
  const { stage: stageColumn, checkedBy: checkerColumn, checkedOn: checkedColumn, record: recordColumn } = rows;
  const { tags: tagColumn, exact: exactColumn, note: noteColumn } = rows;
  const { documentFails, documentFailed, documentSource, documentMonth, documentStage } = compiled;
  for (let row = 0; row < rows.size; row += 1) {
    const doc = docColumn[row] ?? -1;
    if (doc < 0) continue;
    let fails = documentFails[doc] ?? 0;
    if (fails > 1) continue;
    let failed = documentFailed[doc] ?? 0;
    const kind = kindColumn[row] ?? 0;
    const entityCode = entity[row] ?? 0;
    if (kinds && !kinds[kind]) {
      fails += 1;
      failed = FACET_SLOT.kind;
    }
    if (verdicts && !(kind === CLAIM && verdicts[status[row] ?? 0])) {
      fails += 1;
      failed = FACET_SLOT.verdict;
    }
    if (labels && !(kind === CLAIM && labels[label[row] ?? 0])) {
      fails += 1;
      failed = FACET_SLOT.label;
    }
    if (checkworthy !== undefined && !(kind === CLAIM && checkColumn[row] === checkworthy)) {
      fails += 1;
      failed = FACET_SLOT.checkworthy;
    }
    // The record's columns are empty but on claims (80 % of rows are not): read them only there.
    let stage = 0;
    let checker = 0;
    let checkedDay = 0;
    let parts = 0;
    if (kind === CLAIM) {
      stage = stageColumn[row] ?? 0;
      checker = checkerColumn[row] ?? 0;
      checkedDay = checkedColumn[row] ?? 0;
      parts = recordColumn[row] ?? 0;
    }
    if (stages && !stages[stage]) {
      fails += 1;
      failed = FACET_SLOT.stage;
    }
    if (checkers && !checkers[checker]) {
      fails += 1;
      failed = FACET_SLOT.checkedBy;
    }
    if (checkedDays && !checkedDays[checkedDay]) {
      fails += 1;
      failed = FACET_SLOT.checked;
    }
    if (record && (parts & record) !== record) {
      fails += 1;
      failed = FACET_SLOT.has;
    }
    if (speakers && !(kind === QUOTE && speakers[entityCode])) {
      fails += 1;
      failed = FACET_SLOT.speaker;
    }
    if (claimants && !(kind === CLAIM && claimants[entityCode])) {
      fails += 1;
      failed = FACET_SLOT.claimant;
    }
    if (entities && !entities[entityCode]) {
      fails += 1;
      failed = FACET_SLOT.entity;
    }
    if (authors && !authors[author[row] ?? 0]) {
      fails += 1;
      failed = FACET_SLOT.annotator;
    }
    const rowTags = tagColumn[row];
    if (tags && !rowTags?.some((tag) => tags[tag] === 1)) {
      fails += 1;
      failed = FACET_SLOT.tag;
    }
    if (text && !text[row]) {
      fails += 1;
      failed = SLOT_TEXT;
    }
    if (fails > 1) continue;
    if (regex && !regexMatches(regex, exactColumn[row] ?? '', noteColumn[row])) {
      fails += 1;
      failed = SLOT_REGEX;
      if (fails > 1) continue;
    }
    const all = fails === 0;
    if (all) {
      matched[row] = 1;
      perDocument[doc] = (perDocument[doc] ?? 0) + 1;
      total += 1;
    }
    const source = documentSource[doc] ?? 0;
    if (all || failed === FACET_SLOT.kind) bump(kindCounts, kind);
    if (kind === CLAIM) {
      if ((all || failed === FACET_SLOT.verdict) && status[row]) bump(verdictCounts, status[row] ?? 0);
      if ((all || failed === FACET_SLOT.label) && label[row]) bump(labelCounts, label[row] ?? 0);
      if ((all || failed === FACET_SLOT.checkworthy) && checkColumn[row]) bump(checkCounts, checkColumn[row] ?? 0);
      if ((all || failed === FACET_SLOT.claimant) && entityCode) bump(claimantCounts, entityCode);
      if (all || failed === FACET_SLOT.stage) bump(stageCounts, stage);
      if ((all || failed === FACET_SLOT.checkedBy) && checker) bump(checkerCounts, checker);
      if ((all || failed === FACET_SLOT.checked) && checkedDay) bump(checkedCounts, checkedDay);
      if ((all || failed === FACET_SLOT.has) && parts) {
        // Slots in RECORD_PARTS order: rationale, evidence, archive.
        if (parts & RECORD_BITS.rationale) bump(hasCounts, 0);
        if (parts & RECORD_BITS.evidence) bump(hasCounts, 1);
        if (parts & RECORD_BITS.archive) bump(hasCounts, 2);
      }
    } else if (kind === QUOTE && (all || failed === FACET_SLOT.speaker) && entityCode) bump(speakerCounts, entityCode);
    if ((all || failed === FACET_SLOT.entity) && entityCode) bump(entityCounts, entityCode);
    if (all || failed === FACET_SLOT.annotator) bump(authorCounts, author[row] ?? 0);
    if ((all || failed === FACET_SLOT.tag) && rowTags) for (const tag of rowTags) bump(tagCounts, tag);
    if ((all || failed === FACET_SLOT.source) && source) bump(sourceCounts, source);
    if (all || failed === FACET_SLOT.articleStage) bump(articleStageCounts, documentStage[doc] ?? 0);
    if (all || failed === FACET_SLOT.month) bump(monthCounts, documentMonth[doc] ?? 0);
  }
  return { matched, perDocument, total, facets };
}

function facetValues(
  counts: Uint32Array,
  valueOf: (code: number) => string,
  labelOf: (code: number) => string,
  chosen: readonly string[],
): FacetValue[] {
  const values: FacetValue[] = [];
  for (let code = 0; code < counts.length; code += 1) {
    const count = counts[code] ?? 0;
    if (count > 0) values.push({ value: valueOf(code), label: labelOf(code), count });
  }
  values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const kept = values.slice(0, FACET_VALUE_LIMIT);
  const chosenFolded = new Set(chosen.map(foldKey));
  for (const value of values.slice(FACET_VALUE_LIMIT)) if (chosenFolded.has(foldKey(value.value))) kept.push(value);
  return kept;
}

function codebookLabel(entries: Tagset['verdicts'], id: string): string {
  return entries.find((entry) => entry.id === id)?.label ?? id;
}

/** A facet of a few fixed values, listed in their own order (workflow stages, record parts) rather than by count. */
function fixedFacet(counts: Uint32Array, values: readonly { code: number; value: string; label: string }[]): FacetValue[] {
  return values.flatMap(({ code, value, label }) => {
    const count = counts[code] ?? 0;
    return count > 0 ? [{ value, label, count }] : [];
  });
}

const STAGE_VALUES = WORKFLOW_STAGES.map((stage) => ({ code: stageCode(stage), value: stage, label: WORKFLOW_STAGE_LABELS[stage] }));
const RECORD_LABELS: Readonly<Record<RecordPart, string>> = { rationale: 'Rationale', evidence: 'Evidence', archive: 'Archived evidence' };
const RECORD_VALUES = RECORD_PARTS.map((part, code) => ({ code, value: part, label: RECORD_LABELS[part] }));

/** Counts by checked day folded into counts by month (`YYYY-MM`). */
function checkedMonths(index: CorpusIndex, byDay: Uint32Array): FacetValue[] {
  const months = new Map<string, number>();
  for (let code = 1; code < byDay.length; code += 1) {
    const count = byDay[code] ?? 0;
    if (count === 0) continue;
    const month = index.checkedDays.value(code).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + count);
  }
  return [...months]
    .map(([month, count]) => ({ value: month, label: month, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, FACET_VALUE_LIMIT);
}

function facetsOf(index: CorpusIndex, facetCounts: FacetCounts, query: CorpusQuery, tagset: Tagset): CorpusResult['facets'] {
  const { counts } = facetCounts;
  const dictionaryFacet = (facet: FacetName, dictionary: Dictionary, chosen: readonly string[] = [], label = (value: string) => value) =>
    facetValues(
      counts[facet],
      (code) => dictionary.value(code),
      (code) => label(dictionary.value(code)),
      chosen,
    );
  const entityName = (id: string) => index.entities.entity(id)?.name ?? id;
  const chosenEntities = [...(query.speakers ?? []), ...(query.claimants ?? []), ...(query.entities ?? [])].flatMap((value) => [
    ...index.entities.resolve(value),
  ]);
  return {
    kind: facetValues(
      counts.kind,
      (code) => KIND_OF_CODE[code] ?? '',
      (code) => KIND_OF_CODE[code] ?? '',
      [],
    ),
    verdict: dictionaryFacet('verdict', index.statuses, query.verdicts, (id) => codebookLabel(tagset.verdicts, id)),
    stage: fixedFacet(counts.stage, STAGE_VALUES),
    label: dictionaryFacet('label', index.labels, query.labels, (id) => codebookLabel(tagset.claimLabels, id)),
    checkworthy: facetValues(
      counts.checkworthy,
      (code) => (code === CHECKWORTHY_YES ? 'yes' : 'no'),
      (code) => (code === CHECKWORTHY_YES ? 'Check-worthy' : 'Not check-worthy'),
      [],
    ),
    checkedBy: dictionaryFacet('checkedBy', index.checkers, query.checkedBy),
    checked: checkedMonths(index, counts.checked),
    has: fixedFacet(counts.has, RECORD_VALUES),
    speaker: dictionaryFacet('speaker', index.entityIds, chosenEntities, entityName),
    claimant: dictionaryFacet('claimant', index.entityIds, chosenEntities, entityName),
    entity: dictionaryFacet('entity', index.entityIds, chosenEntities, entityName),
    annotator: dictionaryFacet('annotator', index.authors, query.annotators),
    tag: dictionaryFacet('tag', index.tags, query.tags),
    source: dictionaryFacet('source', index.sources, query.sources),
    articleStage: fixedFacet(counts.articleStage, STAGE_VALUES),
    month: dictionaryFacet('month', index.months),
  };
}

/** One row as a result shows it. */
export function hitOf(index: CorpusIndex, entry: IndexedDocument, row: number): CorpusHit {
  const { rows } = index;
  const kind = KIND_OF_CODE[rows.kind[row] ?? 0] ?? 'note';
  const entityId = index.entityIds.value(rows.entity[row] ?? 0);
  const tags = rows.tags[row];
  const note = rows.note[row];
  const status = index.statuses.value(rows.status[row] ?? 0);
  const label = index.labels.value(rows.label[row] ?? 0);
  const checkworthy = rows.checkworthy[row];
  const stage = STAGE_OF_CODE[rows.stage[row] ?? 0];
  const checkedBy = index.checkers.value(rows.checkedBy[row] ?? 0);
  const checkedOn = index.checkedDays.value(rows.checkedOn[row] ?? 0);
  return {
    documentId: entry.id,
    annotationId: rows.annotationId[row] ?? '',
    kind,
    start: rows.start[row] ?? 0,
    end: rows.end[row] ?? 0,
    exact: rows.exact[row] ?? '',
    ...(status ? { status } : {}),
    ...(label ? { label } : {}),
    ...(checkworthy ? { checkworthy: checkworthy === CHECKWORTHY_YES } : {}),
    ...(stage ? { stage } : {}),
    ...(checkedBy ? { checkedBy } : {}),
    ...(checkedOn ? { checkedOn } : {}),
    ...(entityId ? { entityId, entityName: index.entities.entity(entityId)?.name ?? entityId } : {}),
    author: index.authors.value(rows.author[row] ?? 0),
    ...(tags ? { tags: [...tags].map((tag) => index.tags.value(tag)) } : {}),
    ...(note ? { note: note.slice(0, 200) } : {}),
    modified: rows.modified[row] ?? '',
  };
}

/** A document's group of the given rows, in text order. */
export function groupOf(index: CorpusIndex, entry: IndexedDocument, rowsOfDocument: number[]): CorpusGroup {
  const { start, end } = index.rows;
  rowsOfDocument.sort((a, b) => (start[a] ?? 0) - (start[b] ?? 0) || (end[a] ?? 0) - (end[b] ?? 0));
  const source = index.sources.value(entry.source);
  return {
    documentId: entry.id,
    title: entry.title,
    ...(source ? { source } : {}),
    ...(entry.published ? { published: entry.published } : {}),
    hits: rowsOfDocument.map((row) => hitOf(index, entry, row)),
  };
}

/** The documents holding a match, in result order (newest first). */
export function documentsInOrder(index: CorpusIndex, perDocument: Uint32Array): IndexedDocument[] {
  const order = index.documentOrder();
  const entries: IndexedDocument[] = [];
  perDocument.forEach((count, ordinal) => {
    const entry = index.documents[ordinal];
    if (count > 0 && entry) entries.push(entry);
  });
  return entries.sort((a, b) => (order[a.ordinal] ?? 0) - (order[b.ordinal] ?? 0));
}

/** The matching rows of one document. */
export function matchedRows(entry: IndexedDocument, matched: Uint8Array): number[] {
  const found: number[] = [];
  for (const row of entry.rows.values()) if (matched[row]) found.push(row);
  return found;
}

/** The rows a query matches and the documents holding them, newest first. */
export function runQuery(index: CorpusIndex, query: CorpusQuery, tagset: Tagset): { scan: Scan; documents: IndexedDocument[] } {
  const result = scan(index, compileQuery(index, query, tagset));
  return { scan: result, documents: documentsInOrder(index, result.perDocument) };
}

/** Runs a query: the matches' totals, facet counts, and a page of article groups. */
export function searchIndex(
  index: CorpusIndex,
  query: CorpusQuery,
  tagset: Tagset,
  page: { limit?: number; offset?: number } = {},
): CorpusResult {
  const { scan: result, documents } = runQuery(index, query, tagset);
  const offset = page.offset ?? 0;
  const groups = documents
    .slice(offset, offset + (page.limit ?? DEFAULT_GROUP_LIMIT))
    .map((entry) => groupOf(index, entry, matchedRows(entry, result.matched)));
  return { total: result.total, documents: documents.length, facets: facetsOf(index, result.facets, query, tagset), groups };
}
