/** One measured figure: a median time, and where a budget applies, its ratio to the baseline it is judged against. */
export interface BenchRow {
  scenario: string;
  case: string;
  /** The median, in milliseconds, or in megabytes for rows whose `unit` is MB. */
  medianMs: number;
  unit?: 'ms' | 'MB';
  runs: number;
  /** What this row is compared with (another row's case), if anything. */
  baseline?: string;
  ratio?: number;
  /** The largest ratio the issues allow. */
  budget?: number;
  pass?: boolean;
  note?: string;
}

/** The row compared with a baseline, for the record: its ratio, no budget. */
export function withRatio(row: BenchRow, baseline: BenchRow): BenchRow {
  return { ...row, baseline: baseline.case, ratio: row.medianMs / baseline.medianMs };
}

/** The row judged against a baseline: its ratio, and whether it keeps within `budget`. */
export function withBudget(row: BenchRow, baseline: BenchRow, budget: number): BenchRow {
  const compared = withRatio(row, baseline);
  return { ...compared, budget, pass: (compared.ratio ?? Number.POSITIVE_INFINITY) <= budget };
}

function formatValue(row: BenchRow): string {
  if (row.unit === 'MB') return `${row.medianMs.toFixed(1)} MB`;
  return row.medianMs >= 100 ? `${row.medianMs.toFixed(0)} ms` : `${row.medianMs.toFixed(2)} ms`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** A plain-text table of the rows, one line each. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['scenario', 'case', 'median', 'runs', 'vs', 'ratio', 'budget', 'result', 'note'];
  const lines = rows.map((row) => [
    row.scenario,
    row.case,
    formatValue(row),
    String(row.runs),
    row.baseline ?? '',
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
    row.budget === undefined ? '' : `≤ ${row.budget}x`,
    row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL',
    row.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const render = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column] ?? 0)).join('  ').trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}
