import { printHtmlToPdf } from '../../export/chromium-pdf.ts';

const STYLE = `@page { size: A4; margin: 22mm 18mm; } body { font: 11pt/1.45 'Liberation Serif', serif; } h1 { font-size: 22pt; } h2 { font-size: 15pt; } p { margin: 0 0 8pt; text-align: justify; }`;

/** A word that breaks only at its soft hyphens, so a narrow column hyphenates it across lines. */
export const HYPHENATED_WORD = 'intergovernmental';
const SOFT = 'inter&shy;govern&shy;mental';

export const SAMPLE_PARAGRAPHS = [
  `The regional assembly approved the coastal flood plan on Tuesday after a debate that ran past midnight, with members from every party agreeing that the defences built in the 1970s were no longer enough.`,
  `Under the plan, the ${SOFT} board will spend £120m over ten years on new barriers, pumping stations and the restoration of salt marshes, which absorb the force of storm surges before they reach the sea walls.`,
  `Critics said the ${SOFT} process had been slow and that the money would not reach the most exposed villages until the next decade. The board's chair replied that work on the first three sites would start this summer.`,
  `Residents of the harbour district, where 400 homes flooded in 2021, will be consulted on the route of the new wall in a series of public meetings in May and June.`,
];

/** An article page: a title, headings and paragraphs in a narrow column, so soft hyphens break words across lines. */
export function articleHtml(
  paragraphs: string[] = SAMPLE_PARAGRAPHS,
  options: { columns?: number; repeat?: number; title?: string } = {},
): string {
  const title = options.title ?? 'Assembly approves coastal flood plan';
  const body: string[] = [];
  for (let round = 0; round < (options.repeat ?? 1); round += 1) {
    body.push(`<h2>${round === 0 ? 'What the plan pays for' : `Part ${round + 1} of the debate`}</h2>`);
    for (const paragraph of paragraphs) body.push(`<p>${paragraph}</p>`);
  }
  const columns = options.columns
    ? `main { column-count: ${options.columns}; column-gap: 12mm; } main h2 { break-after: avoid; }`
    : 'main { width: 38mm; } main p { text-align: left; }';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE} ${columns}</style></head><body><h1>${title}</h1><main>${body.join('')}</main></body></html>`;
}

/** A PDF printed by Chromium from an article page, with a running header and a page-number footer on every page. */
export function articlePdf(options: { columns?: number; repeat?: number; title?: string } = {}): Promise<Uint8Array> {
  return printHtmlToPdf(articleHtml(SAMPLE_PARAGRAPHS, options), {
    headerText: 'The Estuary Gazette — Regional news',
    footerTitle: 'The Estuary Gazette',
  });
}

/** A PDF of one drawn shape and no text at all, as a scan without OCR is to a reader. */
export function imageOnlyPdf(): Promise<Uint8Array> {
  return printHtmlToPdf(
    '<!doctype html><html><head><style>@page { size: A4; margin: 20mm; }</style></head><body><div style="width:160mm;height:220mm;background:#777;border-radius:8mm"></div></body></html>',
  );
}
