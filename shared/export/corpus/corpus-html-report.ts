import { escapeHtml } from '../html-escape.ts';
import { claimEntry, entityEntry, link, noteEntry, quoteGroup } from '../html-report.ts';
import { standalonePage } from '../html-page.ts';
import { classSafe, reportStylesheet } from '../html-styles.ts';
import { acceptedFromSummary, formatDate, formatDateTime, noun, plural, SECTION_TITLES } from '../report-text.ts';
import type { CorpusReportArticle, CorpusReportModel } from './corpus-report-model.ts';

/** What the corpus report adds to the single-document report's stylesheet: the contents and the article headers. */
const CORPUS_CSS = `
.contents { margin: 1rem 0 0; padding-left: 1.4rem; font: 0.85rem/1.5 var(--sans); }
.contents li { margin: 0 0 0.3rem; }
.contents .counts { color: var(--muted); }
section.corpus-article { margin-top: 2.6rem; padding-top: 1rem; border-top: 2px solid var(--ink); }
section.corpus-article h2 { border-bottom: 0; padding-bottom: 0; margin-bottom: 0.4rem; }
section.corpus-article h3 { font-size: 0.95rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin-top: 1.4rem; }
section.corpus-article h4 { font: 600 1rem/1.3 var(--sans); margin: 1rem 0 0.4rem; }
`;

/** `3 claims, 2 quotes` for an article's contents line. */
function articleCounts(article: CorpusReportArticle): string {
  const { counts } = article.report;
  return [
    counts.claims > 0 ? plural(counts.claims, 'claim') : '',
    counts.quotes > 0 ? plural(counts.quotes, 'quote') : '',
    counts.mentions > 0 ? plural(counts.mentions, 'mention') : '',
    counts.notes > 0 ? plural(counts.notes, 'note') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function byline(article: CorpusReportArticle): string {
  return [article.meta.source, article.meta.published ? formatDate(article.meta.published) : undefined].filter(Boolean).join(', ');
}

function header(model: CorpusReportModel): string {
  const rows: [string, string][] = [
    ['Selection', escapeHtml(model.scope)],
    ['Articles', model.counts.articles.toLocaleString('en')],
  ];
  if (model.annotators.length > 0)
    rows.push([model.annotators.length === 1 ? 'Annotator' : 'Annotators', escapeHtml(model.annotators.join(', '))]);
  if (model.acceptedFrom.length > 0) rows.push(['Accepted from', escapeHtml(acceptedFromSummary(model.acceptedFrom))]);
  rows.push(['Generated', escapeHtml(formatDateTime(model.generatedAt))]);
  return `<header class="report">
<p class="kicker">Scholia · Corpus report</p>
<h1>${escapeHtml(model.title)}</h1>
<dl class="meta">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>
</header>`;
}

function summary(model: CorpusReportModel): string {
  const { counts } = model;
  const figures: [number, string, string?][] = [
    [counts.articles, noun(counts.articles, 'article')],
    [counts.claims, noun(counts.claims, 'claim')],
    [counts.quotes, noun(counts.quotes, 'quote'), `by ${plural(counts.speakers, 'speaker')}`],
    [counts.mentions, noun(counts.mentions, 'mention'), `of ${plural(counts.entities, 'entity', 'entities')}`],
    [counts.notes, noun(counts.notes, 'note')],
  ];
  const verdicts = counts.claimsByVerdict
    .map(({ verdict, count }) => `<li><span class="badge c-${classSafe(verdict.id)}">${escapeHtml(verdict.label)}</span> ${count}</li>`)
    .join('');
  const contents = model.articles
    .map(
      (article) =>
        `<li><a href="#d${article.number}">${escapeHtml(article.meta.title)}</a>${byline(article) ? ` — ${escapeHtml(byline(article))}` : ''} <span class="counts">(${escapeHtml(articleCounts(article))})</span></li>`,
    )
    .join('\n');
  return `<section id="summary" aria-label="Summary">
<h2>${SECTION_TITLES.summary}</h2>
<ul class="figures">${figures.map(([n, label, detail]) => `<li><b>${n.toLocaleString('en')}</b> ${escapeHtml(label)}${detail ? `<span>${escapeHtml(detail)}</span>` : ''}</li>`).join('')}</ul>
${verdicts ? `<ul class="verdicts" aria-label="Claims by verdict">${verdicts}</ul>` : ''}
<ol class="contents" aria-label="Articles">
${contents}
</ol>
</section>`;
}

function articleSection(article: CorpusReportArticle): string {
  const { meta, report } = article;
  const rows: [string, string][] = [];
  if (meta.source) rows.push(['Source', escapeHtml(meta.source)]);
  if (meta.author) rows.push(['Author', escapeHtml(meta.author)]);
  if (meta.published) rows.push(['Published', escapeHtml(formatDate(meta.published))]);
  if (meta.url) rows.push(['URL', link(meta.url, meta.url)]);
  const parts = [
    `<h2>${escapeHtml(meta.title)}</h2>`,
    rows.length > 0 ? `<dl class="meta">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>` : '',
  ];
  if (report.claims.length > 0)
    parts.push(
      `<h3>${SECTION_TITLES.claims}</h3>\n<ol class="entries">\n${report.claims.map((e) => claimEntry(e, report)).join('\n')}\n</ol>`,
    );
  if (report.quoteGroups.length > 0)
    parts.push(`<h3>${SECTION_TITLES.quotes}</h3>\n${report.quoteGroups.map((group) => quoteGroup(group, report, 4)).join('\n')}`);
  if (report.entities.length > 0)
    parts.push(
      `<h3>${SECTION_TITLES.entities}</h3>\n<ol class="entries">\n${report.entities.map((e) => entityEntry(e, report)).join('\n')}\n</ol>`,
    );
  if (report.notes.length > 0)
    parts.push(
      `<h3>${SECTION_TITLES.notes}</h3>\n<ol class="entries">\n${report.notes.map((e) => noteEntry(e, report)).join('\n')}\n</ol>`,
    );
  return `<section class="corpus-article" id="d${article.number}">\n${parts.filter(Boolean).join('\n')}\n</section>`;
}

/**
 * The corpus report as one self-contained HTML file, with the single-document report's styles,
 * CSP and escaping: header, summary with a linked list of articles, then each article's entries.
 */
export function renderCorpusHtmlReport(model: CorpusReportModel): string {
  const stylesheet = `${reportStylesheet(...model.articles.map((article) => article.report))}${CORPUS_CSS.trim()}\n`;
  return standalonePage({
    language: 'en',
    title: model.title,
    stylesheet,
    body: `${header(model)}
${summary(model)}
${model.articles.map(articleSection).join('\n')}
<footer>Made with Scholia from ${plural(model.counts.articles, 'article')} of the library. Entry numbers run on across the articles.</footer>`,
  });
}
