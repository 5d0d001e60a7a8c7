/** One measured figure: a median time, and where a budget applies, its ratio to the baseline it is judged against. */
export interface BenchRow {
  scenario: string;
  case: string;
  medianMs: number;
  runs: number;
  /** What this row is compared with (another row's case), if anything. */
  baseline?: string;
  ratio?: number;
  /** The largest ratio the issues allow. */
  budget?: number;
  pass?: boolean;
  note?: string;
}

export function withBudget(row: BenchRow, baseline: BenchRow, budget: number): BenchRow {
  const ratio = row.medianMs / baseline.medianMs;
  return { ...row, baseline: baseline.case, ratio, budget, pass: ratio <= budget };
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
    row.medianMs >= 100 ? `${row.medianMs.toFixed(0)} ms` : `${row.medianMs.toFixed(2)} ms`,
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
