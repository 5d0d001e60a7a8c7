import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TextRun,
  UnderlineType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { textColourOnPage, textOn, tint } from '../../../shared/export/colours.ts';
import { rationaleText } from '../../../shared/export/rationale.ts';
import { WORKFLOW_STAGE_LABELS } from '../../../shared/model/annotation.ts';
import { safeHttpUrl } from '../../../shared/export/html-escape.ts';
import { xmlSafe } from '../../../shared/export/xml-safe.ts';
import {
  archiveCitation,
  type ArticleBlock,
  type ClaimEntry,
  type EntityEntry,
  type QuoteGroup,
  type ReportMark,
  type ReportModel,
  type Style,
} from '../../../shared/export/report-model.ts';
import {
  acceptedFromSummary,
  checkedLine,
  formatDate,
  formatDateTime,
  plural,
  quoted,
  SECTION_TITLES,
} from '../../../shared/export/report-text.ts';

const SERIF = 'Georgia';
const SANS = 'Arial';
const MUTED = '5B6270';
const QUOTE_COLOUR = '0E7490';
const NOTE_COLOUR = 'B45309';

function hex(colour: string): string {
  return colour.replace('#', '').toUpperCase();
}

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ ...options, text: xmlSafe(text) });
}

export function small(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return run(text, { font: SANS, size: 17, color: MUTED, ...options });
}

/** A run coloured like a verdict, type or label badge: white or ink on the colour, whichever reads better. */
export function badge(style: Style): TextRun {
  return run(` ${style.label} `, {
    font: SANS,
    size: 16,
    bold: true,
    color: hex(textOn(style.colour)),
    shading: { type: ShadingType.CLEAR, fill: hex(style.colour), color: 'auto' },
  });
}

export function externalLink(url: string, text: string): ParagraphChild {
  const safe = safeHttpUrl(url);
  return safe ? new ExternalHyperlink({ link: safe, children: [run(text, { style: 'Hyperlink', font: SANS, size: 17 })] }) : small(text);
}

/** The run formatting of a piece of article text under its active marks (innermost of each kind wins). */
function segmentFormat(active: readonly ReportMark[]): Omit<IRunOptions, 'text'> {
  const innermost = (kind: ReportMark['kind']) => [...active].reverse().find((mark) => mark.kind === kind);
  const claim = innermost('claim');
  const quote = innermost('quote');
  const note = innermost('note');
  const entity = innermost('entity');
  const format: { -readonly [K in keyof IRunOptions]?: IRunOptions[K] } = {};
  if (claim) format.shading = { type: ShadingType.CLEAR, fill: hex(tint(claim.style.colour, 0.22)), color: 'auto' };
  if (quote) {
    const type =
      quote.style.id === 'indirect' ? UnderlineType.DASH : quote.style.id === 'mixed' ? UnderlineType.DOUBLE : UnderlineType.SINGLE;
    format.underline = { type, color: QUOTE_COLOUR };
  } else if (note) {
    format.underline = { type: UnderlineType.DOTTED, color: NOTE_COLOUR };
  }
  if (entity) {
    format.color = hex(entity.style.colour);
    format.bold = true;
  }
  return format;
}

function markerColour(mark: ReportMark): string {
  return mark.kind === 'quote' ? QUOTE_COLOUR : mark.kind === 'note' ? NOTE_COLOUR : hex(textColourOnPage(mark.style.colour));
}

function marker(mark: ReportMark): ParagraphChild {
  return new Bookmark({
    id: `m${mark.order}`,
    children: [
      new InternalHyperlink({
        anchor: `a${mark.order}`,
        children: [run(mark.tag, { superScript: true, bold: true, font: SANS, color: markerColour(mark) })],
      }),
    ],
  });
}

function articleParagraph(block: ArticleBlock): Paragraph {
  const children: ParagraphChild[] = [];
  for (const segment of block.segments) {
    children.push(run(segment.text, segmentFormat(segment.active)));
    children.push(...segment.ending.map(marker));
  }
  switch (block.kind) {
    case 'heading':
      return new Paragraph({ heading: HeadingLevel.HEADING_3, children });
    case 'blockquote':
      return new Paragraph({
        children,
        indent: { left: 480 },
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D8DBE0', space: 8 } },
      });
    case 'list-item':
      return new Paragraph({ children, bullet: { level: 0 } });
    default:
      return new Paragraph({ children, spacing: { after: 160, line: 300 } });
  }
}

/** The number that opens an entry: a bookmark the marker links to, itself linking back to the marker. */
function entryNumber(mark: ReportMark, report: ReportModel): ParagraphChild {
  const label = run(`${mark.tag}  `, { bold: true, font: SANS, size: 18, color: markerColour(mark) });
  return new Bookmark({
    id: `a${mark.order}`,
    children: [report.article ? new InternalHyperlink({ anchor: `m${mark.order}`, children: [label] }) : label],
  });
}

function facts(parts: (TextRun | TextRun[] | undefined | false)[]): Paragraph | undefined {
  const runs = parts
    .filter((part): part is TextRun | TextRun[] => Boolean(part))
    .flatMap((part, index) => (index > 0 ? [small('   '), part] : [part]))
    .flat();
  return runs.length > 0
    ? new Paragraph({ children: runs, spacing: { before: 40, after: 40 }, indent: { left: 400 }, keepLines: true, keepNext: true })
    : undefined;
}

export function noteParagraph(text: string | undefined): Paragraph[] {
  if (!text?.trim()) return [];
  const lines = text.trim().split(/\r?\n/u);
  return [
    new Paragraph({
      children: lines.flatMap((line, i) => [run(line, { font: SANS, size: 18, ...(i > 0 ? { break: 1 } : {}) })]),
      indent: { left: 400 },
      spacing: { before: 60, after: 60 },
      shading: { type: ShadingType.CLEAR, fill: 'FDF6EC', color: 'auto' },
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: NOTE_COLOUR, space: 6 } },
    }),
  ];
}

export function excerpt(mark: ReportMark, report: ReportModel, text: string): Paragraph {
  return new Paragraph({
    children: [entryNumber(mark, report), run(quoted(text))],
    spacing: { before: 200 },
    indent: { left: 400, hanging: 400 },
    keepNext: true,
    keepLines: true,
  });
}

function tagsRun(tags: readonly string[] | undefined): TextRun | undefined {
  return tags && tags.length > 0 ? small(`Tags: ${tags.join(', ')}`) : undefined;
}

/** One claim's entry: its text, verdict, type, claimant, check-worthiness, tags, evidence and note. */
export function claimParagraphs(entry: ClaimEntry, report: ReportModel): Paragraph[] {
  const { claim } = entry;
  const paragraphs = [excerpt(entry.mark, report, claim.target.exact)];
  const line = facts([
    badge(entry.verdict),
    entry.label && badge(entry.label),
    entry.claimant && [small('Claimant: '), small(entry.claimant.name, { bold: true, color: '1F2328' })],
    claim.checkworthy === true
      ? small('Check-worthy', { bold: true, color: '1F2328' })
      : claim.checkworthy === false && small('Not check-worthy'),
    claim.stage && small(WORKFLOW_STAGE_LABELS[claim.stage], { bold: true, color: '1F2328' }),
    checkedLine(claim) !== '' && small(checkedLine(claim)),
    tagsRun(claim.tags),
  ]);
  if (line) paragraphs.push(line);
  if (claim.rationale?.trim()) {
    for (const text of rationaleText(claim.rationale).split('\n')) {
      paragraphs.push(new Paragraph({ children: [run(text, { size: 19 })], indent: { left: 400 }, spacing: { after: 60 } }));
    }
  }
  for (const item of claim.evidence ?? []) {
    const title = item.title?.trim() ? item.title : item.url;
    paragraphs.push(
      new Paragraph({
        children: [
          small('Evidence: '),
          externalLink(item.url, title),
          ...(item.title?.trim() ? [small(`  ${item.url}`)] : []),
          ...(archiveCitation(item) ? [small(` (${archiveCitation(item)})`)] : []),
          ...(item.note ? [small(` — ${item.note}`)] : []),
        ],
        indent: { left: 400 },
      }),
    );
  }
  return [...paragraphs, ...noteParagraph(claim.note)];
}

/** A speaker's quotes under a heading (level 2 in the report). */
export function quoteParagraphs(
  group: QuoteGroup,
  report: ReportModel,
  heading: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2,
): Paragraph[] {
  const title = group.speaker ? group.speaker.name : 'No speaker named';
  return [
    new Paragraph({
      heading,
      children: [run(title), small(`   ${plural(group.quotes.length, 'quote')}`)],
      keepNext: true,
    }),
    ...group.quotes.flatMap(({ mark, quote, form }) => {
      const line = facts([
        small(form.label),
        quote.cue && [small('Cue: '), small(quote.cue.exact, { bold: true, color: '1F2328' })],
        tagsRun(quote.tags),
      ]);
      return [excerpt(mark, report, quote.target.exact), ...(line ? [line] : []), ...noteParagraph(quote.note)];
    }),
  ];
}

/** One entity's entry: name, type, aliases, Wikidata link, roles and its mentions. */
export function entityParagraphs(entry: EntityEntry, report: ReportModel): Paragraph[] {
  const { entity } = entry;
  const roles = [entry.claims > 0 ? plural(entry.claims, 'claim') : '', entry.quotes > 0 ? plural(entry.quotes, 'quote') : ''].filter(
    Boolean,
  );
  const head = new Paragraph({
    children: [run(entity.name, { bold: true, font: SANS }), run('  '), badge(entry.type)],
    spacing: { before: 200 },
    keepNext: true,
  });
  const details: ParagraphChild[] = [];
  if (entity.aliases.length > 0) details.push(small(`Also: ${entity.aliases.join(', ')}   `));
  if (entity.wikidata)
    details.push(small('Wikidata: '), externalLink(`https://www.wikidata.org/wiki/${entity.wikidata}`, entity.wikidata), small('   '));
  if (roles.length > 0) details.push(small(`Source of ${roles.join(' and ')}`));
  const mentions: ParagraphChild[] = [
    small(entry.mentions.length > 0 ? `${plural(entry.mentions.length, 'mention')}: ` : 'Not marked in the text.'),
  ];
  entry.mentions.forEach((mark, index) => {
    const label = small(`${index > 0 ? ', ' : ''}${mark.tag}${mark.exact === entity.name ? '' : ` ${quoted(mark.exact)}`}`, {
      color: '1F2328',
    });
    mentions.push(
      new Bookmark({
        id: `a${mark.order}`,
        children: [report.article ? new InternalHyperlink({ anchor: `m${mark.order}`, children: [label] }) : label],
      }),
    );
  });
  return [
    head,
    ...(details.length > 0 ? [new Paragraph({ children: details, keepNext: true })] : []),
    ...(entity.description ? [new Paragraph({ children: [small(entity.description)], keepNext: true })] : []),
    new Paragraph({ children: mentions }),
  ];
}

function sectionHeading(title: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(title)], keepNext: true });
}

function headerParagraphs(report: ReportModel): Paragraph[] {
  const { meta } = report;
  const rows: [string, ParagraphChild][] = [];
  if (meta.source) rows.push(['Source', small(meta.source, { color: '1F2328' })]);
  if (meta.author) rows.push(['Author', small(meta.author, { color: '1F2328' })]);
  if (meta.published) rows.push(['Published', small(formatDate(meta.published), { color: '1F2328' })]);
  if (meta.url) rows.push(['URL', externalLink(meta.url, meta.url)]);
  if (report.annotators.length > 0)
    rows.push([report.annotators.length === 1 ? 'Annotator' : 'Annotators', small(report.annotators.join(', '), { color: '1F2328' })]);
  if (report.acceptedFrom.length > 0) rows.push(['Accepted from', small(acceptedFromSummary(report.acceptedFrom), { color: '1F2328' })]);
  rows.push(['Generated', small(formatDateTime(report.generatedAt), { color: '1F2328' })]);
  rows.push(['Fingerprint', small(report.fingerprint, { color: '1F2328', font: 'Courier New' })]);
  return [
    new Paragraph({ children: [small('SCHOLIA · ANNOTATED REPORT', { bold: true, size: 15 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(report.title)] }),
    ...rows.map(([label, value]) => new Paragraph({ children: [small(`${label}:  `), value], spacing: { after: 20 } })),
    ...(report.verdictFilter.length > 0
      ? [
          new Paragraph({
            children: [small(`Claims shown: only those rated ${report.verdictFilter.map((v) => v.label).join(', ')}.`)],
            spacing: { before: 120 },
          }),
        ]
      : []),
    new Paragraph({
      children: [],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '1F2328', space: 4 } },
      spacing: { after: 240 },
    }),
  ];
}

function summaryParagraphs(report: ReportModel): Paragraph[] {
  const { counts, sections } = report;
  const lines = [
    sections.includes('claims') && plural(counts.claims, 'claim'),
    sections.includes('quotes') && `${plural(counts.quotes, 'quote')}, ${plural(counts.speakers, 'speaker')}`,
    sections.includes('entities') && `${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.mentions, 'mention')}`,
    sections.includes('notes') && plural(counts.notes, 'note'),
    `${plural(counts.words, 'word')} in the article`,
  ].filter((line): line is string => typeof line === 'string');
  const verdicts = counts.claimsByVerdict.flatMap(({ verdict, count }) => [badge(verdict), small(` ${count}    `)]);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(SECTION_TITLES.summary)] }),
    new Paragraph({ children: [run(lines.join('  ·  '), { font: SANS, size: 20 })], spacing: { after: 120 } }),
    ...(verdicts.length > 0 ? [new Paragraph({ children: verdicts, spacing: { after: 240 } })] : []),
  ];
}

function legendSample(kind: ReportMark['kind'], style: Style): TextRun {
  const fake = { kind, style } as ReportMark;
  return run(style.label, { ...segmentFormat([fake]), font: SANS, size: 17 });
}

function articleParagraphs(report: ReportModel): Paragraph[] {
  if (!report.article) return [];
  const legend = report.legend.map(
    (group) =>
      new Paragraph({
        children: [small(`${group.title}:  `), ...group.entries.flatMap((style) => [legendSample(group.kind, style), small('   ')])],
        shading: { type: ShadingType.CLEAR, fill: 'F5F6F8', color: 'auto' },
        spacing: { after: 0 },
        keepNext: true,
      }),
  );
  const how = new Paragraph({
    children: [
      small(
        'Each highlight ends in a small mark, C for claims, Q quotes, E mentions, N notes, numbered by kind; it links to the entry of the same mark below.',
      ),
    ],
    shading: { type: ShadingType.CLEAR, fill: 'F5F6F8', color: 'auto' },
    spacing: { after: 240 },
  });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run('Article')], keepNext: true }),
    ...legend,
    how,
    ...report.article.map(articleParagraph),
  ];
}

function emptyNote(text: string): Paragraph {
  return new Paragraph({ children: [small(text)] });
}

/**
 * The report as a Word document (DOCX), same content and order as the HTML report: highlights
 * as shading (claims, by verdict), underlines (quotes solid, dashed or double by form; notes
 * dotted) and coloured bold text (entity mentions), numbered markers linked to their entries by
 * bookmarks, and a page break before each section.
 */
export function renderDocxReport(report: ReportModel): Promise<Uint8Array> {
  const body: Paragraph[] = [...headerParagraphs(report)];
  const sections = [...report.sections];
  // The summary opens the report; the article follows it.
  if (sections[0] === 'summary') {
    sections.shift();
    body.push(...summaryParagraphs(report));
  }
  body.push(...articleParagraphs(report));
  for (const section of sections) {
    switch (section) {
      case 'summary':
        body.push(...summaryParagraphs(report));
        break;
      case 'claims':
        body.push(
          sectionHeading(SECTION_TITLES.claims),
          ...(report.claims.length > 0 ? report.claims.flatMap((entry) => claimParagraphs(entry, report)) : [emptyNote('No claims.')]),
        );
        break;
      case 'quotes':
        body.push(
          sectionHeading(SECTION_TITLES.quotes),
          ...(report.quoteGroups.length > 0
            ? report.quoteGroups.flatMap((group) => quoteParagraphs(group, report))
            : [emptyNote('No quotes.')]),
        );
        break;
      case 'entities':
        body.push(
          sectionHeading(SECTION_TITLES.entities),
          ...(report.entities.length > 0
            ? report.entities.flatMap((entry) => entityParagraphs(entry, report))
            : [emptyNote('No entities.')]),
        );
        break;
      case 'notes':
        body.push(
          sectionHeading(SECTION_TITLES.notes),
          ...(report.notes.length > 0
            ? report.notes.flatMap((entry) => [excerpt(entry.mark, report, entry.mark.exact), ...noteParagraph(entry.note)])
            : [emptyNote('No notes.')]),
        );
        break;
    }
  }

  return packDocx(report.title, 'Annotated report', body);
}

/** A report's paragraphs as a DOCX file: A4, the report's fonts and heading styles, a footer with the title and page numbers. */
export async function packDocx(title: string, description: string, body: Paragraph[]): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Scholia',
    title: xmlSafe(title),
    description,
    styles: {
      default: {
        document: { run: { font: SERIF, size: 21 }, paragraph: { spacing: { after: 80, line: 288 } } },
        title: { run: { font: SANS, size: 40, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 60, after: 200 } } },
        heading1: { run: { font: SANS, size: 28, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font: SANS, size: 23, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading3: { run: { font: SANS, size: 22, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 200, after: 80 } } },
        hyperlink: { run: { color: '1D4ED8', underline: { type: UnderlineType.SINGLE, color: '1D4ED8' } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1020, bottom: 1134, left: 964, right: 964 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  small(`${title} — page `, { size: 15 }),
                  new TextRun({ children: [PageNumber.CURRENT], font: SANS, size: 15, color: MUTED }),
                  small(' of ', { size: 15 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font: SANS, size: 15, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
