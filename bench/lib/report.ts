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
  /** The work was stopped at `medianMs` before it finished: the true time is at least that. */
  atLeast?: boolean;
  /** Set when the baseline is only a lower bound: the true ratio is at most `ratio`. */
  ratioAtMost?: boolean;
}

/** The row compared with a baseline, for the record: its ratio, no budget. */
export function withRatio(row: BenchRow, baseline: BenchRow): BenchRow {
  const compared: BenchRow = { ...row, baseline: baseline.case, ratio: row.medianMs / baseline.medianMs };
  return baseline.atLeast ? { ...compared, ratioAtMost: true } : compared;
}

/**
 * The row judged against a baseline: its ratio, and whether it keeps within `budget`. Against a
 * baseline that is a lower bound, the ratio is an upper bound, which proves a pass when it is
 * within the budget.
 */
export function withBudget(row: BenchRow, baseline: BenchRow, budget: number): BenchRow {
  const compared = withRatio(row, baseline);
  return { ...compared, budget, pass: (compared.ratio ?? Number.POSITIVE_INFINITY) <= budget };
}

function formatValue(row: BenchRow): string {
  if (row.unit === 'MB') return `${row.medianMs.toFixed(1)} MB`;
  const value = row.medianMs >= 100 ? `${row.medianMs.toFixed(0)} ms` : `${row.medianMs.toFixed(2)} ms`;
  return row.atLeast ? `≥ ${value}` : value;
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
    row.ratio === undefined ? '' : `${row.ratioAtMost ? '≤ ' : ''}${row.ratio.toFixed(2)}x`,
    row.budget === undefined ? '' : `≤ ${row.budget}x`,
    row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL',
    row.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}
