// Reads CLEF CheckThat! 2019 Task 1 (check-worthiness of debate and speech sentences) as the
// ClaimBuster repository republishes it: a CSV with `line_number,speaker,text,label,file_name`.
import { parse } from 'csv-parse/sync';

export interface CheckworthyLine {
  line: number;
  speaker: string;
  text: string;
  checkworthy: boolean;
}

/** One debate or speech: its lines in order. */
export interface CheckworthyDocument {
  file: string;
  lines: CheckworthyLine[];
}

export function parseCheckworthyCsv(csv: string): CheckworthyDocument[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const documents = new Map<string, CheckworthyLine[]>();
  for (const [index, row] of rows.entries()) {
    const { line_number: line, speaker, text, label, file_name: file } = row;
    if (line === undefined || text === undefined || file === undefined || (label !== '0' && label !== '1'))
      throw new Error(`check-worthiness row ${index + 2}: expected line_number, speaker, text, label (0 or 1) and file_name`);
    let lines = documents.get(file);
    if (!lines) documents.set(file, (lines = []));
    lines.push({ line: Number(line), speaker: speaker ?? '', text, checkworthy: label === '1' });
  }
  return [...documents].map(([file, lines]) => ({ file, lines: lines.sort((a, b) => a.line - b.line) }));
}
