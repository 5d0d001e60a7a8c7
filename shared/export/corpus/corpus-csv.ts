import { CSV_COLUMNS, csvRecords, formatCsv, type CsvExportOptions, type CsvRecord } from '../csv.ts';
import { assertNotEmpty, selectedDocument, type CorpusSelection } from './corpus-selection.ts';

/**
 * The corpus CSV's columns: the single-document CSV's, then the article's source and published
 * date. With `document_id`, `document_title` and `document_url` they name the article on every row.
 */
export const CORPUS_CSV_COLUMNS = [...CSV_COLUMNS, 'document_source', 'document_published'] as const;

/**
 * One CSV of the selection: a row per chosen annotation, article after article in the selection's
 * order and in text order within each (`number` counts within the article), with the single-document
 * CSV's columns, quoting and formula protection.
 */
export function exportCorpusCsv(selection: CorpusSelection, options: CsvExportOptions = {}): string {
  assertNotEmpty(selection);
  const records: CsvRecord[] = [];
  for (const entry of selection.documents) {
    const { meta } = entry.document;
    for (const record of csvRecords(selectedDocument(entry), selection.tagset))
      records.push({ ...record, document_source: meta.source ?? '', document_published: meta.published ?? '' });
  }
  return formatCsv(CORPUS_CSV_COLUMNS, records, options);
}
