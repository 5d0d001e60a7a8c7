import { claimEntry, entityEntry, escapeMarkdown, link, noteEntry, quoteGroup } from '../markdown-report.ts';
import { acceptedFromSummary, formatDate, formatDateTime, plural, SECTION_TITLES } from '../report-text.ts';
import type { CorpusReportArticle, CorpusReportModel } from './corpus-report-model.ts';

function header(model: CorpusReportModel): string {
  const rows = [
    `- **Selection:** ${escapeMarkdown(model.scope)}`,
    `- **Articles:** ${model.counts.articles.toLocaleString('en')}`,
    model.annotators.length > 0 &&
      `- **${model.annotators.length === 1 ? 'Annotator' : 'Annotators'}:** ${escapeMarkdown(model.annotators.join(', '))}`,
    model.acceptedFrom.length > 0 && `- **Accepted from:** ${escapeMarkdown(acceptedFromSummary(model.acceptedFrom))}`,
    `- **Generated:** ${formatDateTime(model.generatedAt)}`,
  ].filter(Boolean);
  return `# ${escapeMarkdown(model.title)}\n\n*Scholia · Corpus report*\n\n${rows.join('\n')}`;
}

function summary(model: CorpusReportModel): string {
  const { counts } = model;
  const verdicts = counts.claimsByVerdict.map(({ verdict, count }) => `${escapeMarkdown(verdict.label)} ${count}`).join(', ');
  const rows = [
    `- ${plural(counts.articles, 'article')}`,
    `- ${plural(counts.claims, 'claim')}${verdicts ? `: ${verdicts}` : ''}`,
    `- ${plural(counts.quotes, 'quote')}, ${plural(counts.speakers, 'speaker')}`,
    `- ${plural(counts.mentions, 'mention')} of ${plural(counts.entities, 'entity', 'entities')}`,
    `- ${plural(counts.notes, 'note')}`,
  ];
  const contents = model.articles.map((article) => {
    const byline = [article.meta.source, article.meta.published ? formatDate(article.meta.published) : undefined]
      .filter(Boolean)
      .join(', ');
    return `${article.number}. ${escapeMarkdown(article.meta.title)}${byline ? ` — ${escapeMarkdown(byline)}` : ''}`;
  });
  return `## ${SECTION_TITLES.summary}\n\n${rows.join('\n')}\n\n### Articles\n\n${contents.join('\n')}`;
}

function articleSection(article: CorpusReportArticle): string {
  const { meta, report } = article;
  const facts = [
    meta.source && `- **Source:** ${escapeMarkdown(meta.source)}`,
    meta.author && `- **Author:** ${escapeMarkdown(meta.author)}`,
    meta.published && `- **Published:** ${formatDate(meta.published)}`,
    meta.url && `- **URL:** ${link(meta.url, meta.url)}`,
  ].filter(Boolean);
  const parts = [`## ${article.number}. ${escapeMarkdown(meta.title)}`];
  if (facts.length > 0) parts.push(facts.join('\n'));
  if (report.claims.length > 0) parts.push(`### ${SECTION_TITLES.claims}`, ...report.claims.map(claimEntry));
  if (report.quoteGroups.length > 0) parts.push(`### ${SECTION_TITLES.quotes}`, ...report.quoteGroups.map((group) => quoteGroup(group, 4)));
  if (report.entities.length > 0) parts.push(`### ${SECTION_TITLES.entities}`, ...report.entities.map((entry) => entityEntry(entry, 4)));
  if (report.notes.length > 0) parts.push(`### ${SECTION_TITLES.notes}`, ...report.notes.map(noteEntry));
  return parts.join('\n\n');
}

/** The corpus report as Markdown (CommonMark), same content and order as the HTML corpus report, escaped as the single-document report is. */
export function renderCorpusMarkdownReport(model: CorpusReportModel): string {
  return `${[header(model), summary(model), ...model.articles.map(articleSection)].join('\n\n')}\n`;
}
