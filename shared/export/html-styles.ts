import type { ReportModel, Style } from './report-model.ts';
import { textColourOnPage, textOn, withAlpha } from './colours.ts';

/** Tagset ids are lower-case words joined by "-" (see Tagset), so they are safe in class names. */
export function classSafe(id: string): string {
  return id.replace(/[^a-z0-9-]/gu, '_');
}

const BASE_CSS = `
:root { --ink: #1f2328; --muted: #5b6270; --rule: #d8dbe0; --paper: #ffffff; --wash: #f5f6f8; --link: #1d4ed8;
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, P052, "URW Palladio L", Georgia, "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", "Helvetica Neue", "Liberation Sans", "Nimbus Sans", Arial, sans-serif; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.6 var(--serif); }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
a { color: var(--link); }
h1, h2, h3 { font-family: var(--sans); line-height: 1.25; break-after: avoid; }
h1 { font-size: 1.7rem; font-weight: 650; margin: 0.2rem 0 1rem; letter-spacing: -0.01em; }
h2 { font-size: 1.2rem; font-weight: 650; margin: 0 0 1rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; font-weight: 600; margin: 1.4rem 0 0.6rem; }
.kicker { font: 600 0.72rem/1.2 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); margin: 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; font: 0.85rem/1.45 var(--sans); }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.filter-note { font: 0.85rem/1.4 var(--sans); color: var(--muted); margin: 0.8rem 0 0; }
header.report { padding-bottom: 1.2rem; margin-bottom: 1.6rem; border-bottom: 2px solid var(--ink); }
section { margin: 0 0 2.4rem; }
.figures { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0 0 0.9rem; padding: 0; list-style: none; font-family: var(--sans); }
.figures li { flex: 1 1 7rem; background: var(--wash); border-radius: 6px; padding: 0.5rem 0.75rem; font-size: 0.85rem; line-height: 1.35; }
.figures b { font-size: 1.35rem; font-weight: 650; }
.figures span { display: block; font-size: 0.78rem; color: var(--muted); }
.verdicts { display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; margin: 0; padding: 0; list-style: none; font: 0.8rem/1.4 var(--sans); }
.badge { display: inline-block; font: 600 0.72rem/1.5 var(--sans); padding: 0 0.45rem; border-radius: 999px; color: #fff; white-space: nowrap; }
.badge.plain { color: var(--ink); background: var(--wash); border: 1px solid var(--rule); font-weight: 500; }
.legend { font: 0.8rem/1.5 var(--sans); background: var(--wash); border-radius: 6px; padding: 0.7rem 0.9rem; margin: 0 0 1.5rem; break-inside: avoid; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
.legend dt { color: var(--muted); }
.legend dd { margin: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; }
.legend .how { margin: 0.5rem 0 0; color: var(--muted); }
.article p { margin: 0 0 1em; }
.article h3 { font-size: 1.15rem; }
.article blockquote { margin: 0 0 1em; padding-left: 1em; border-left: 3px solid var(--rule); }
.article p.caption { font-size: 0.85em; font-style: italic; color: var(--muted); }
.article .item { margin: 0 0 0.5em 1.2em; }
.hl-quote { text-decoration-line: underline; text-decoration-color: #0e7490; text-decoration-thickness: 2px; text-underline-offset: 0.22em; text-decoration-skip-ink: none; }
.hl-quote.q-direct { text-decoration-style: solid; }
.hl-quote.q-indirect { text-decoration-style: dashed; }
.hl-quote.q-mixed { text-decoration-style: double; }
.hl-note { border-bottom: 2px dotted ${'#b45309'}; padding-bottom: 0.1em; }
.hl-entity { font-weight: 600; }
.marker { font: 700 0.62rem/0 var(--sans); vertical-align: 0.55em; padding: 0 0.1em 0 0.05em; }
.marker a { text-decoration: none; color: inherit; }
.k-quote { color: #0e7490; }
.k-note { color: #b45309; }
ol.entries { list-style: none; margin: 0; padding: 0; }
.entry { display: grid; grid-template-columns: 2.4rem 1fr; gap: 0 0.6rem; padding: 0.75rem 0; border-top: 1px solid var(--rule); break-inside: avoid; }
.entry:first-child { border-top: 0; }
.num { font: 700 0.78rem/1.9 var(--sans); text-align: right; }
.num a { text-decoration: none; color: inherit; }
.excerpt { margin: 0; }
.facts { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.6rem; margin: 0.35rem 0 0; font: 0.8rem/1.5 var(--sans); color: var(--muted); }
.facts b { color: var(--ink); font-weight: 600; }
.note { margin: 0.45rem 0 0; padding: 0.35rem 0.7rem; border-left: 3px solid #b45309; background: #fdf6ec; font: 0.85rem/1.5 var(--sans); white-space: pre-wrap; }
.evidence { margin: 0.4rem 0 0; padding-left: 1.1rem; font: 0.82rem/1.5 var(--sans); }
.evidence .url { color: var(--muted); overflow-wrap: anywhere; }
.evidence .evidence-facts, .evidence .archived { white-space: nowrap; }
.sub-label { margin: 0.35rem 0 0; font: 600 0.68rem/1.3 var(--sans); letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.sub-label + .evidence { margin-top: 0.1rem; }
.rationale { margin: 0.4rem 0 0; font: 0.88rem/1.5 var(--serif); }
.rationale p { margin: 0 0 0.35rem; }
.rationale ul, .rationale ol { margin: 0 0 0.35rem; padding-left: 1.2rem; }
.stage { font-weight: 600; color: var(--ink); }
.speaker { margin-top: 1.2rem; }
.speaker:first-of-type { margin-top: 0; }
.entity-head { margin: 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.6rem; }
.entity-head .name { font: 600 1rem/1.4 var(--sans); }
.mentions { margin: 0.35rem 0 0; font: 0.78rem/1.9 var(--sans); color: var(--muted); }
.mention { display: inline-block; margin: 0 0.3rem 0 0; padding: 0 0.35rem; border-radius: 4px; background: var(--wash); color: var(--ink); text-decoration: none; white-space: nowrap; }
.empty { font: 0.85rem/1.5 var(--sans); color: var(--muted); }
footer { margin-top: 3rem; padding-top: 0.8rem; border-top: 1px solid var(--rule); font: 0.75rem/1.5 var(--sans); color: var(--muted); }
@page { size: A4; margin: 14mm 15mm 16mm; }
@media print {
  /* Print sizes: rem-based type and spacing scale from a 12.5px root (labels about 7.5pt, the article 9pt). */
  html { font-size: 12.5px; }
  body { font-size: 9pt; line-height: 1.32; }
  main { max-width: none; padding: 0; }
  /* Compact: sections flow one after another, no page per section; a heading stays with what follows it. */
  section { margin: 0 0 0.9rem; }
  header.report { padding-bottom: 0.45rem; margin-bottom: 0.6rem; }
  h1 { font-size: 1.45rem; margin: 0.05rem 0 0.4rem; }
  h2 { font-size: 1.1rem; margin: 0 0 0.35rem; padding-bottom: 0.2rem; }
  h3 { margin: 0.5rem 0 0.25rem; }
  .article p, .article blockquote { margin-bottom: 0.35em; }
  .entry { padding: 0.2rem 0; grid-template-columns: 2rem 1fr; }
  .facts { margin-top: 0.05rem; }
  .speaker { margin-top: 0.35rem; }
  .speaker h3 { margin: 0 0 0.1rem; }
  /* Entities are short: three columns of them. */
  #entities ol.entries { columns: 3; column-gap: 1.2rem; }
  #entities .entry { border-top: 0; padding: 0.15rem 0; grid-template-columns: 1rem 1fr; }
  .entity-head .name { font-size: 0.95rem; }
  .mentions { line-height: 1.45; margin-top: 0.1rem; }
  footer { margin-top: 0.5rem; padding-top: 0.3rem; line-height: 1.35; }
  .meta { grid-template-columns: max-content 1fr max-content 1fr; gap: 0.05rem 0.8rem; font-size: 0.85rem; }
  .note { margin-top: 0.15rem; padding: 0.1rem 0.5rem; }
  .evidence, .rationale { margin-top: 0.15rem; }
  .sub-label { margin-top: 0.15rem; }
  .legend { font-size: 0.8rem; line-height: 1.35; padding: 0.35rem 0.6rem; margin-bottom: 0.6rem; }
  .legend dl { gap: 0.05rem 0.8rem; }
  .legend .how { margin-top: 0.2rem; }
  /* The figures as one row of counts, each with its detail beside it. */
  .figures { gap: 0.35rem; margin-bottom: 0.35rem; }
  .figures li { padding: 0.2rem 0.5rem; }
  .figures b { font-size: 1.1rem; }
  .figures span { display: inline; margin-left: 0.25rem; }
  /* A quote's form and cue follow its words on the same line. */
  #quotes .excerpt { display: inline; }
  #quotes .facts { display: inline-flex; margin: 0 0 0 0.6rem; vertical-align: baseline; }
  .entry, .legend, .figures li { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  .evidence a::after { content: none; }
  @page { margin: 12mm 14mm 13mm; }
}
`;

function styleRules(reports: readonly ReportModel[]): string {
  const rules: string[] = [];
  const seen = new Set<string>();
  const add = (key: string, rule: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      rules.push(rule);
    }
  };
  for (const report of reports) addStyleRules(report, add);
  return rules.join('\n');
}

function addStyleRules(report: ReportModel, add: (key: string, rule: string) => void): void {
  const verdicts: Style[] = [
    ...report.claims.map((c) => c.verdict),
    ...report.counts.claimsByVerdict.map((v) => v.verdict),
    ...report.verdictFilter,
  ];
  for (const verdict of verdicts) {
    const id = classSafe(verdict.id);
    add(
      `c-${id}`,
      `.hl-claim.c-${id} { background-color: ${withAlpha(verdict.colour, 0.2)}; box-shadow: inset 0 -2px ${verdict.colour}; }\n.badge.c-${id}, .swatch.c-${id} { background-color: ${verdict.colour}; color: ${textOn(verdict.colour)}; }\n.marker.c-${id}, .num.c-${id} { color: ${textColourOnPage(verdict.colour)}; }`,
    );
  }
  for (const mark of report.marks) {
    if (mark.kind !== 'entity') continue;
    const id = classSafe(mark.style.id);
    add(`t-${id}`, `.hl-entity.t-${id}, .marker.t-${id}, .num.t-${id} { color: ${mark.style.colour}; }`);
  }
  for (const entry of report.entities) {
    const id = classSafe(entry.type.id);
    add(`t-${id}`, `.hl-entity.t-${id}, .marker.t-${id}, .num.t-${id} { color: ${entry.type.colour}; }`);
    add(`tb-${id}`, `.badge.t-${id} { background-color: ${entry.type.colour}; }`);
  }
  for (const entry of report.claims) {
    if (!entry.label) continue;
    const id = classSafe(entry.label.id);
    add(`l-${id}`, `.badge.l-${id} { background-color: ${entry.label.colour}; }`);
  }
}

/** The stylesheet of one or more reports (a corpus report's articles): the base layout plus one rule per verdict, entity type and label in use. */
export function reportStylesheet(...reports: ReportModel[]): string {
  return `${BASE_CSS.trim()}\n${styleRules(reports)}\n`;
}
