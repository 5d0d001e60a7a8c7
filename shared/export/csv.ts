import { stringify } from 'csv-stringify/sync';
import type { ScholiaDocument } from '../model/document.ts';
import type { Tagset } from '../model/tagset.ts';
import { CodePointIndex } from '../text/code-points.ts';
import { compareAnnotations } from './report-model.ts';

/** The CSV columns, in order. Stable: new columns are only ever added at the end. */
export const CSV_COLUMNS = [
  'number',
  'id',
  'kind',
  'start',
  'end',
  'exact',
  'verdict',
  'verdict_label',
  'claim_type',
  'checkworthy',
  'claimant',
  'speaker',
  'quote_form',
  'cue',
  'entity_id',
  'entity_name',
  'entity_type',
  'wikidata',
  'evidence',
  'note',
  'tags',
  'author',
  'accepted_from',
  'created',
  'modified',
  'document_id',
  'document_title',
  'document_url',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What leads a cell a spreadsheet would run as a formula (OWASP's CSV-injection list, and the full-width forms Apple Numbers folds into them). */
const FORMULA_LEADERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** Whether a text cell starts like a formula, and so is written with a leading `'` unless raw formulas are asked for. */
export function looksLikeFormula(cell: string): boolean {
  return FORMULA_LEADERS.has(cell.charAt(0));
}

export interface CsvExportOptions {
  /**
   * Keeps cells that start like a formula (`=`, `+`, `-`, `@`, tab, CR) as they are, for data
   * tools. Off by default: such a cell gets a leading `'`, so a spreadsheet shows it as text
   * instead of running it.
   */
  rawFormulas?: boolean;
}

/** The byte-order mark: Excel on Windows reads the file as UTF-8 only when it starts with one. */
const UTF8_BOM = '\uFEFF';

/** One annotation's cells, by column; cells that do not apply are left out. */
export type CsvRecord = Partial<Record<string, string | number>>;

/**
 * The cells of every annotation of a document, in text order: `start`/`end` in Unicode code
 * points, as Python and R count; cells with several values (evidence URLs, tags) hold one value
 * per line; the last columns name the document.
 */
export function csvRecords(document: ScholiaDocument, tagset: Tagset): CsvRecord[] {
  const index = new CodePointIndex(document.text);
  const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
  return [...document.annotations].sort(compareAnnotations).map((annotation, position) => {
    const row: Partial<Record<CsvColumn, string | number>> = {
      number: position + 1,
      id: annotation.id,
      kind: annotation.kind,
      start: index.toCodePoint(annotation.target.start),
      end: index.toCodePoint(annotation.target.end),
      exact: annotation.target.exact,
      note: annotation.note ?? '',
      tags: (annotation.tags ?? []).join('\n'),
      author: annotation.author,
      accepted_from: annotation.acceptedFrom?.annotator ?? '',
      created: annotation.created,
      modified: annotation.modified,
      document_id: document.id,
      document_title: document.meta.title,
      document_url: document.meta.url ?? '',
    };
    switch (annotation.kind) {
      case 'claim':
        row.verdict = annotation.status;
        row.verdict_label = tagset.verdicts.find((v) => v.id === annotation.status)?.label ?? annotation.status;
        row.claim_type = annotation.label ?? '';
        row.checkworthy = annotation.checkworthy === undefined ? '' : String(annotation.checkworthy);
        row.claimant = annotation.claimantId ? (entities.get(annotation.claimantId)?.name ?? '') : '';
        row.evidence = (annotation.evidence ?? []).map((item) => item.url).join('\n');
        break;
      case 'quote':
        row.speaker = annotation.speakerId ? (entities.get(annotation.speakerId)?.name ?? '') : '';
        row.quote_form = annotation.form;
        row.cue = annotation.cue?.exact ?? '';
        break;
      case 'entity': {
        const entity = entities.get(annotation.entityId);
        row.entity_id = annotation.entityId;
        row.entity_name = entity?.name ?? '';
        row.entity_type = entity?.type ?? '';
        row.wikidata = entity?.wikidata ?? '';
        break;
      }
      case 'note':
        break;
    }
    return row;
  });
}

/**
 * Records as RFC 4180 CSV (comma-separated, CRLF between records, UTF-8 with a byte-order mark)
 * under a header of the given columns. Every cell holding a quote, a comma or any line break
 * (`\n` or `\r` alone too) is quoted, so a note cannot end its row. Text cells that start like a
 * formula get a leading `'` unless `rawFormulas` is set; numbers never do.
 */
export function formatCsv(columns: readonly string[], records: Iterable<CsvRecord>, options: CsvExportOptions = {}): string {
  const cell = (value: string | number | undefined): string | number => {
    if (value === undefined) return '';
    if (typeof value === 'number' || options.rawFormulas || !looksLikeFormula(value)) return value;
    return `'${value}`;
  };
  const rows: (string | number)[][] = [[...columns]];
  for (const record of records) rows.push(columns.map((column) => cell(record[column])));
  // csv-stringify stops quoting a bare `\n` or `\r` once a record delimiter is set, unless told to.
  return UTF8_BOM + stringify(rows, { record_delimiter: 'windows', quote_record_delimiter: true });
}

/**
 * One row per annotation in text order, the columns of `CSV_COLUMNS` (see `csvRecords` and
 * `formatCsv`). The last columns name the document, so the CSVs of several articles can be stacked.
 */
export function exportCsv(document: ScholiaDocument, tagset: Tagset, options: CsvExportOptions = {}): string {
  return formatCsv(CSV_COLUMNS, csvRecords(document, tagset), options);
}
