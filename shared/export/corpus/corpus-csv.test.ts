import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScholiaError } from '../../contract/errors.ts';
import { corpusSampleDocuments, corpusSampleSelection } from '../../testing/corpus-sample.ts';
import { sliceCodePoints } from '../../text/code-points.ts';
import { compareAnnotations } from '../report-model.ts';
import { CORPUS_CSV_COLUMNS, exportCorpusCsv } from './corpus-csv.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'scholia-corpus-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file as Python's `csv` module reads it (`utf-8-sig` drops the byte-order mark): a list of rows. */
function readWithPython(csv: string): string[][] {
  const file = path.join(dir, 'corpus.csv');
  writeFileSync(file, csv, 'utf8');
  const script = `import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    print(json.dumps(list(csv.reader(f))))`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as string[][];
}

describe('exportCorpusCsv', () => {
  const documents = corpusSampleDocuments();
  const selection = corpusSampleSelection(documents);
  const [header, ...rows] = readWithPython(exportCorpusCsv(selection));
  const column = (name: (typeof CORPUS_CSV_COLUMNS)[number]) => (header ?? []).indexOf(name);
  const cell = (row: string[], name: (typeof CORPUS_CSV_COLUMNS)[number]) => row[column(name)] as string;

  it('has one row per annotation under the single-document columns and the article columns', () => {
    expect(header).toEqual([...CORPUS_CSV_COLUMNS]);
    const expected = documents.flatMap((document) => [...document.annotations].sort(compareAnnotations).map((a) => [document.id, a.id]));
    expect(rows.map((row) => [cell(row, 'document_id'), cell(row, 'id')])).toEqual(expected);
    expect(rows.every((row) => row.length === CORPUS_CSV_COLUMNS.length)).toBe(true);
  });

  it('names the article on every row: id, title, source, published date and URL', () => {
    for (const row of rows) {
      const document = documents.find((d) => d.id === cell(row, 'document_id'));
      expect(document).toBeDefined();
      expect(cell(row, 'document_title')).toBe(document?.meta.title);
      expect(cell(row, 'document_source')).toBe(document?.meta.source ?? '');
      expect(cell(row, 'document_published')).toBe(document?.meta.published ?? '');
      expect(cell(row, 'document_url')).toBe(document?.meta.url ?? '');
    }
  });

  it('round-trips quotes, commas, line breaks, non-ASCII and emoji, with code-point offsets', () => {
    for (const row of rows) {
      const document = documents.find((d) => d.id === cell(row, 'document_id'));
      const annotation = document?.annotations.find((a) => a.id === cell(row, 'id'));
      expect(annotation).toBeDefined();
      if (!document || !annotation) continue;
      expect(cell(row, 'exact')).toBe(annotation.target.exact);
      // Python slices by code points: the offsets re-select the exact text.
      expect(sliceCodePoints(document.text, Number(cell(row, 'start')), Number(cell(row, 'end')))).toBe(annotation.target.exact);
      const note = annotation.note ?? '';
      expect(cell(row, 'note')).toBe(note.startsWith('=') ? `'${note}` : note);
      expect(cell(row, 'tags')).toBe((annotation.tags ?? []).join('\n'));
    }
    const falseClaim = rows.find((row) => cell(row, 'document_id') === 'doc-summit' && cell(row, 'id') === 'c1');
    expect(falseClaim && cell(falseClaim, 'note')).toBe('No poll says 90 %;\nthe latest has 61 %, "support" as asked.');
    expect(falseClaim && cell(falseClaim, 'claimant')).toBe('Roberta Metsola');
    expect(falseClaim && cell(falseClaim, 'verdict_label')).toBe('False');
  });

  it('writes a cell that starts like a formula with a leading quote', () => {
    const flag = rows.find((row) => cell(row, 'document_id') === 'doc-summit' && cell(row, 'id') === 'n1');
    expect(flag && cell(flag, 'note')).toBe(`'=HYPERLINK("http://evil.example") flag emoji, two code points`);
    expect(flag && cell(flag, 'exact')).toBe('🇪🇺');
  });

  it('writes only the chosen annotations', () => {
    const chosen = corpusSampleSelection(documents);
    chosen.documents = chosen.documents.map((entry) => ({ ...entry, annotations: entry.annotations.filter((a) => a.kind === 'claim') }));
    const [, ...claimRows] = readWithPython(exportCorpusCsv(chosen));
    expect(claimRows.map((row) => row[2])).toEqual(['claim', 'claim', 'claim']);
  });

  it('refuses a selection with no annotation instead of writing an empty file', () => {
    const empty = corpusSampleSelection(documents);
    empty.documents = empty.documents.map((entry) => ({ ...entry, annotations: [] }));
    expect(() => exportCorpusCsv(empty)).toThrow(ScholiaError);
    expect(() => exportCorpusCsv({ ...empty, documents: [] })).toThrow(/nothing to export/u);
  });
});
