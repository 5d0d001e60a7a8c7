import { escapeHtml } from '../export/html-escape.ts';
import { standalonePage } from '../export/html-page.ts';
import { formatDateTime } from '../export/report-text.ts';
import { AGREEMENT_SCOPES, type AgreementReport, type AgreementScope, type PairAgreement } from './agreement-report.ts';
import { AGREEMENT_FIGURES, FIGURE_EXPLANATIONS, type AgreementFigure } from './figure-explanations.ts';

/** What an agreement report says about where it comes from. */
export interface AgreementReportMeta {
  title: string;
  fingerprint: string;
  generatedAt: string;
  /** Per colleague's file: how many of its annotations were placed, and how. */
  placement?: { annotator: string; exact: number; moved: number; fuzzy: number; orphaned: number }[];
}

export const AGREEMENT_FORMAT = 'scholia-agreement';

/** The report as JSON: the figures, their explanations and where they come from. */
export function agreementJson(report: AgreementReport, meta: AgreementReportMeta): string {
  return `${JSON.stringify({ format: AGREEMENT_FORMAT, version: 1, generatedAt: meta.generatedAt, document: { title: meta.title, fingerprint: meta.fingerprint, textLength: report.textLength }, placement: meta.placement ?? [], ...report }, null, 2)}\n`;
}

const SCOPE_NAMES: Record<AgreementScope, string> = {
  all: 'All kinds',
  claim: 'Claims',
  quote: 'Quotes',
  entity: 'Entity mentions',
  note: 'Notes',
};
const FIGURE_NAMES: Record<AgreementFigure, string> = {
  exactF1: 'Exact-span F1',
  overlapF1: 'Overlap-span F1',
  precision: 'Precision',
  recall: 'Recall',
  kappa: 'Cohen’s κ',
  alphaU: 'Krippendorff’s αu',
  speaker: 'Speaker agreement',
  verdict: 'Verdict agreement',
  majority: 'Majority view',
};

/** A figure to three decimals, or a dash where it does not apply. */
export function formatFigure(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}

const STYLESHEET = `body { margin: 0; font: 15px/1.5 system-ui, "Segoe UI", "Liberation Sans", Arial, sans-serif; color: #1f2328; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.4rem; } h2 { font-size: 1.15rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #d8dbe0; padding-bottom: 0.3rem; }
.meta { color: #5b6270; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { text-align: right; padding: 0.3rem 0.6rem; border-bottom: 1px solid #eceef1; }
th:first-child, td:first-child { text-align: left; }
thead th { font-weight: 600; border-bottom: 2px solid #d8dbe0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
`;

function row(cells: readonly string[], header = false): string {
  const tag = header ? 'th' : 'td';
  return `<tr>${cells.map((cell, i) => (i === 0 && !header ? `<th scope="row">${cell}</th>` : `<${tag}>${cell}</${tag}>`)).join('')}</tr>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table>\n<thead>${row(head.map(escapeHtml), true)}</thead>\n<tbody>\n${rows.map((cells) => row(cells.map(escapeHtml))).join('\n')}\n</tbody>\n</table>`;
}

function pairSection(pair: PairAgreement): string {
  const rows = AGREEMENT_SCOPES.map((scope) => {
    const s = pair.scopes[scope];
    return [
      SCOPE_NAMES[scope],
      `${s.exact.a} / ${s.exact.b}`,
      formatFigure(s.exact.precision),
      formatFigure(s.exact.recall),
      formatFigure(s.exact.f1),
      formatFigure(s.overlap.f1),
      formatFigure(s.kappa.value),
    ];
  });
  const values = `Speaker agreement ${formatFigure(pair.speaker.value)} (${pair.speaker.agreed} of ${pair.speaker.pairs} quotes); verdict agreement ${formatFigure(pair.verdict.value)} (${pair.verdict.agreed} of ${pair.verdict.pairs} claims).`;
  return `<h3>${escapeHtml(`${pair.a} and ${pair.b}`)}</h3>
${table(['', `annotations (${pair.a} / ${pair.b})`, 'precision', 'recall', 'exact F1', 'overlap F1', 'κ'], rows)}
<p>${escapeHtml(values)}</p>`;
}

/**
 * The agreement report as one self-contained HTML file, like the annotated report: its own
 * stylesheet admitted by hash, no script, every text escaped.
 */
export function renderAgreementHtml(report: AgreementReport, meta: AgreementReportMeta): string {
  const overallRows = AGREEMENT_SCOPES.map((scope) => {
    const s = report.overall.scopes[scope];
    return [SCOPE_NAMES[scope], formatFigure(s.exactF1), formatFigure(s.overlapF1), formatFigure(s.kappa), formatFigure(s.alphaU.value)];
  });
  const placement = meta.placement?.length
    ? `<h2>Placement of their annotations</h2>\n${table(
        ['file of', 'exact', 'moved', 'fuzzy', 'orphaned'],
        meta.placement.map((p) => [p.annotator, String(p.exact), String(p.moved), String(p.fuzzy), String(p.orphaned)]),
      )}`
    : '';
  const counts = Object.entries(report.majority.byCount).sort(([a], [b]) => Number(b) - Number(a));
  const majority =
    report.annotators.length >= 3
      ? `<h2>Majority view</h2>\n${table(
          ['marked by', 'stretches of text'],
          counts.map(([count, stretches]) => [`${count} of ${report.annotators.length} annotators`, String(stretches)]),
        )}`
      : '';
  const explanations = AGREEMENT_FIGURES.map(
    (figure) => `<dt>${escapeHtml(FIGURE_NAMES[figure])}</dt><dd>${escapeHtml(FIGURE_EXPLANATIONS[figure])}</dd>`,
  ).join('\n');
  const annotators = report.annotators.map((a) => `${a.name} (${a.annotations})`).join(', ');
  return standalonePage({
    language: 'en',
    title: `${meta.title} — agreement`,
    stylesheet: STYLESHEET,
    body: `<h1>Agreement: ${escapeHtml(meta.title)}</h1>
<p class="meta">${escapeHtml(`Annotators: ${annotators}. Generated ${formatDateTime(meta.generatedAt)} from the article's canonical text (${meta.fingerprint}, ${report.textLength.toLocaleString('en')} characters).`)}</p>
${placement}
<h2>Overall</h2>
${table(['', 'exact F1', 'overlap F1', 'κ', 'αu'], overallRows)}
<p>${escapeHtml(`Speaker agreement ${formatFigure(report.overall.speaker)}; verdict agreement ${formatFigure(report.overall.verdict)}. F1, κ, speaker and verdict agreement are means over the ${report.pairs.length} ${report.pairs.length === 1 ? 'pair' : 'pairs'}; αu is computed over all annotators at once.`)}</p>
${majority}
<h2>Pairs</h2>
${report.pairs.map(pairSection).join('\n')}
<h2>What the figures mean</h2>
<dl>
${explanations}
</dl>`,
  });
}
