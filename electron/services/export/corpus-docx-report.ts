import { BorderStyle, HeadingLevel, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { CorpusReportArticle, CorpusReportModel } from '../../../shared/export/corpus/corpus-report-model.ts';
import { acceptedFromSummary, formatDate, formatDateTime, plural, SECTION_TITLES } from '../../../shared/export/report-text.ts';
import { xmlSafe } from '../../../shared/export/xml-safe.ts';
import {
  badge,
  claimParagraphs,
  entityParagraphs,
  excerpt,
  externalLink,
  noteParagraph,
  packDocx,
  quoteParagraphs,
  small,
} from './docx-report.ts';

const INK = '1F2328';

function headerParagraphs(model: CorpusReportModel): Paragraph[] {
  const rows: [string, string][] = [
    ['Selection', model.scope],
    ['Articles', model.counts.articles.toLocaleString('en')],
  ];
  if (model.annotators.length > 0) rows.push([model.annotators.length === 1 ? 'Annotator' : 'Annotators', model.annotators.join(', ')]);
  if (model.acceptedFrom.length > 0) rows.push(['Accepted from', acceptedFromSummary(model.acceptedFrom)]);
  rows.push(['Generated', formatDateTime(model.generatedAt)]);
  return [
    new Paragraph({ children: [small('SCHOLIA · CORPUS REPORT', { bold: true, size: 15 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: xmlSafe(model.title) })] }),
    ...rows.map(
      ([label, value]) => new Paragraph({ children: [small(`${label}:  `), small(value, { color: INK })], spacing: { after: 20 } }),
    ),
    new Paragraph({
      children: [],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: INK, space: 4 } },
      spacing: { after: 240 },
    }),
  ];
}

function summaryParagraphs(model: CorpusReportModel): Paragraph[] {
  const { counts } = model;
  const line = [
    plural(counts.articles, 'article'),
    plural(counts.claims, 'claim'),
    `${plural(counts.quotes, 'quote')} by ${plural(counts.speakers, 'speaker')}`,
    `${plural(counts.mentions, 'mention')} of ${plural(counts.entities, 'entity', 'entities')}`,
    plural(counts.notes, 'note'),
  ].join('  ·  ');
  const verdicts = counts.claimsByVerdict.flatMap(({ verdict, count }) => [badge(verdict), small(` ${count}    `)]);
  const contents = model.articles.map((article) => {
    const byline = [article.meta.source, article.meta.published ? formatDate(article.meta.published) : undefined]
      .filter(Boolean)
      .join(', ');
    return new Paragraph({
      children: [
        small(`${article.number}.  `, { bold: true }),
        small(article.meta.title, { color: INK }),
        ...(byline ? [small(` — ${byline}`)] : []),
      ],
      indent: { left: 300 },
    });
  });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: SECTION_TITLES.summary })] }),
    new Paragraph({ children: [small(line, { color: INK, size: 20 })], spacing: { after: 120 } }),
    ...(verdicts.length > 0 ? [new Paragraph({ children: verdicts, spacing: { after: 200 } })] : []),
    ...contents,
  ];
}

function sectionHeading(title: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: title })], keepNext: true });
}

function articleParagraphs(article: CorpusReportArticle): Paragraph[] {
  const { meta, report } = article;
  const facts: [string, ParagraphChild][] = [];
  if (meta.source) facts.push(['Source', small(meta.source, { color: INK })]);
  if (meta.author) facts.push(['Author', small(meta.author, { color: INK })]);
  if (meta.published) facts.push(['Published', small(formatDate(meta.published), { color: INK })]);
  if (meta.url) facts.push(['URL', externalLink(meta.url, meta.url)]);
  const paragraphs = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun({ text: xmlSafe(`${article.number}. ${meta.title}`) })],
      pageBreakBefore: true,
      keepNext: true,
    }),
    ...facts.map(([label, value]) => new Paragraph({ children: [small(`${label}:  `), value], spacing: { after: 20 }, keepNext: true })),
  ];
  if (report.claims.length > 0)
    paragraphs.push(sectionHeading(SECTION_TITLES.claims), ...report.claims.flatMap((entry) => claimParagraphs(entry, report)));
  if (report.quoteGroups.length > 0)
    paragraphs.push(
      sectionHeading(SECTION_TITLES.quotes),
      ...report.quoteGroups.flatMap((group) => quoteParagraphs(group, report, HeadingLevel.HEADING_3)),
    );
  if (report.entities.length > 0)
    paragraphs.push(sectionHeading(SECTION_TITLES.entities), ...report.entities.flatMap((entry) => entityParagraphs(entry, report)));
  if (report.notes.length > 0)
    paragraphs.push(
      sectionHeading(SECTION_TITLES.notes),
      ...report.notes.flatMap((entry) => [excerpt(entry.mark, report, entry.mark.exact), ...noteParagraph(entry.note)]),
    );
  return paragraphs;
}

/** The corpus report as a Word document: the same content and order as the HTML corpus report, each article from a new page. */
export function renderCorpusDocxReport(model: CorpusReportModel): Promise<Uint8Array> {
  return packDocx(model.title, 'Corpus report', [
    ...headerParagraphs(model),
    ...summaryParagraphs(model),
    ...model.articles.flatMap(articleParagraphs),
  ]);
}
