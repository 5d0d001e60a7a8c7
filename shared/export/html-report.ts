import { WORKFLOW_STAGE_LABELS } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { escapeHtml, safeHttpUrl } from './html-escape.ts';
import { standalonePage } from './html-page.ts';
import { rationaleHtml } from './rationale.ts';
import { classSafe, reportStylesheet } from './html-styles.ts';
import {
  archiveCitation,
  type ArticleBlock,
  type ClaimEntry,
  type EntityEntry,
  type NoteEntry,
  type QuoteGroup,
  type ReportMark,
  type ReportModel,
  type Style,
} from './report-model.ts';
import {
  acceptedFromSummary,
  checkedLine,
  formatDate,
  formatDateTime,
  KIND_NAMES,
  noun,
  plural,
  quoted,
  SECTION_TITLES,
} from './report-text.ts';

/** Class names that draw a mark's highlight: kind plus verdict, form or entity type. */
function highlightClass(mark: ReportMark): string {
  const id = classSafe(mark.style.id);
  switch (mark.kind) {
    case 'claim':
      return `hl-claim c-${id}`;
    case 'quote':
      return `hl-quote q-${id}`;
    case 'entity':
      return `hl-entity t-${id}`;
    case 'note':
      return 'hl-note';
  }
}

function markerClass(mark: ReportMark): string {
  const id = classSafe(mark.style.id);
  switch (mark.kind) {
    case 'claim':
      return `c-${id}`;
    case 'quote':
      return 'k-quote';
    case 'entity':
      return `t-${id}`;
    case 'note':
      return 'k-note';
  }
}

function marker(mark: ReportMark): string {
  return `<sup class="marker ${markerClass(mark)}" id="m${mark.order}"><a href="#a${mark.order}" title="${escapeHtml(`${mark.style.label}, ${KIND_NAMES[mark.kind]} ${mark.number}`)}">${mark.tag}</a></sup>`;
}

export function link(url: string | undefined, text: string): string {
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${escapeHtml(safe)}" rel="noopener noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/**
 * One block of the article: each segment wrapped in one element per active mark, outermost first.
 * Markers stand outside every highlight, where their mark ends, so nothing underlines them and
 * they break with the text they follow.
 */
function renderBlock(block: ArticleBlock): string {
  let html = '';
  for (const segment of block.segments) {
    html += segment.active.map((mark) => `<span class="${highlightClass(mark)}">`).join('');
    html += escapeHtml(segment.text);
    html += '</span>'.repeat(segment.active.length);
    html += segment.ending.map(marker).join('');
  }
  switch (block.kind) {
    case 'heading':
      return `<h3>${html}</h3>`;
    case 'caption':
      return `<p class="caption">${html}</p>`;
    case 'blockquote':
      return `<blockquote><p>${html}</p></blockquote>`;
    case 'list-item':
      return `<p class="item">• ${html}</p>`;
    default:
      return `<p>${html}</p>`;
  }
}

function header(report: ReportModel): string {
  const { meta } = report;
  const rows: [string, string][] = [];
  if (meta.source) rows.push(['Source', escapeHtml(meta.source)]);
  if (meta.author) rows.push(['Author', escapeHtml(meta.author)]);
  if (meta.published) rows.push(['Published', escapeHtml(formatDate(meta.published))]);
  if (meta.url) rows.push(['URL', link(meta.url, meta.url)]);
  if (report.annotators.length > 0)
    rows.push([report.annotators.length === 1 ? 'Annotator' : 'Annotators', escapeHtml(report.annotators.join(', '))]);
  if (report.acceptedFrom.length > 0) rows.push(['Accepted from', escapeHtml(acceptedFromSummary(report.acceptedFrom))]);
  rows.push(['Generated', escapeHtml(formatDateTime(report.generatedAt))]);
  rows.push(['Fingerprint', `<code>${escapeHtml(report.fingerprint.slice(0, 23))}…</code>`]);
  const filter =
    report.verdictFilter.length > 0
      ? `<p class="filter-note">Claims shown: only those rated ${escapeHtml(report.verdictFilter.map((v) => v.label).join(', '))}.</p>`
      : '';
  return `<header class="report">
<p class="kicker">Scholia · Annotated report</p>
<h1>${escapeHtml(report.title)}</h1>
<dl class="meta">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>${filter}
</header>`;
}

function summary(report: ReportModel): string {
  const { counts, sections } = report;
  const figures: [number, string, string?][] = [];
  if (sections.includes('claims')) figures.push([counts.claims, noun(counts.claims, 'claim')]);
  if (sections.includes('quotes')) figures.push([counts.quotes, noun(counts.quotes, 'quote'), `by ${plural(counts.speakers, 'speaker')}`]);
  if (sections.includes('entities'))
    figures.push([counts.entities, noun(counts.entities, 'entity', 'entities'), plural(counts.mentions, 'mention')]);
  if (sections.includes('notes')) figures.push([counts.notes, noun(counts.notes, 'note')]);
  figures.push([counts.words, noun(counts.words, 'word'), 'in the article']);
  const verdicts = counts.claimsByVerdict
    .map(({ verdict, count }) => `<li><span class="badge c-${classSafe(verdict.id)}">${escapeHtml(verdict.label)}</span> ${count}</li>`)
    .join('');
  return `<section id="summary" aria-label="Summary">
<ul class="figures">${figures.map(([n, label, detail]) => `<li><b>${n.toLocaleString('en')}</b> ${escapeHtml(label)}${detail ? `<span>${escapeHtml(detail)}</span>` : ''}</li>`).join('')}</ul>
${verdicts ? `<ul class="verdicts" aria-label="Claims by verdict">${verdicts}</ul>` : ''}
</section>`;
}

function legendSample(kind: string, style: Style): string {
  const id = classSafe(style.id);
  const cls =
    kind === 'claim' ? `hl-claim c-${id}` : kind === 'quote' ? `hl-quote q-${id}` : kind === 'entity' ? `hl-entity t-${id}` : 'hl-note';
  return `<span class="${cls}">${escapeHtml(style.label)}</span>`;
}

function legend(report: ReportModel): string {
  if (report.legend.length === 0) return '';
  const rows = report.legend.map(
    (group) => `<dt>${escapeHtml(group.title)}</dt><dd>${group.entries.map((s) => legendSample(group.kind, s)).join('')}</dd>`,
  );
  return `<div class="legend" role="note"><dl>${rows.join('')}</dl>
<p class="how">Each highlight ends in a small mark, C for claims, Q quotes, E mentions, N notes, numbered by kind; it links to the entry of the same mark below.</p></div>`;
}

function article(report: ReportModel): string {
  if (!report.article) return '';
  return `<section id="article">
<h2>Article</h2>
${legend(report)}
<div class="article">
${report.article.map(renderBlock).join('\n')}
</div>
</section>`;
}

function number(mark: ReportMark, report: ReportModel): string {
  const label = report.article ? `<a href="#m${mark.order}" title="Back to the text">${mark.tag}</a>` : mark.tag;
  return `<div class="num ${markerClass(mark)}">${label}</div>`;
}

function noteBlock(text: string | undefined): string {
  return text && text.trim() ? `<p class="note">${escapeHtml(text)}</p>` : '';
}

function tags(tagsList: readonly string[] | undefined): string {
  return tagsList && tagsList.length > 0
    ? `<span>Tags: ${tagsList.map((t) => `<span class="badge plain">${escapeHtml(t)}</span>`).join(' ')}</span>`
    : '';
}

/** One source of a claim's evidence: its link, title, archived snapshot (cited beside the live link) and note. */
function evidenceItem(item: NonNullable<ClaimEntry['claim']['evidence']>[number]): string {
  const title = item.title?.trim() ? item.title : item.url;
  const url = item.title?.trim() ? ` <span class="url">${escapeHtml(item.url)}</span>` : '';
  const archived = archiveCitation(item);
  const archive = archived
    ? ` <span class="archived" title="SHA-256 ${escapeHtml(item.archive?.sha256 ?? '')}">(${escapeHtml(archived)})</span>`
    : '';
  return `<li>${link(item.url, title)}${url}${archive}${item.note ? ` — ${escapeHtml(item.note)}` : ''}</li>`;
}

/** One claim's entry: its text, verdict, stage, type, claimant, check-worthiness, tags, who checked it, rationale, evidence and note. */
export function claimEntry(entry: ClaimEntry, report: ReportModel): string {
  const { claim } = entry;
  const checked = checkedLine(claim);
  const facts = [
    `<span class="badge c-${classSafe(entry.verdict.id)}">${escapeHtml(entry.verdict.label)}</span>`,
    claim.stage ? `<span class="stage">${escapeHtml(WORKFLOW_STAGE_LABELS[claim.stage])}</span>` : '',
    entry.label ? `<span class="badge l-${classSafe(entry.label.id)}">${escapeHtml(entry.label.label)}</span>` : '',
    entry.claimant ? `<span>Claimant: <b>${escapeHtml(entry.claimant.name)}</b></span>` : '',
    claim.checkworthy === true ? '<span><b>Check-worthy</b></span>' : claim.checkworthy === false ? '<span>Not check-worthy</span>' : '',
    checked ? `<span>${escapeHtml(checked)}</span>` : '',
    tags(claim.tags),
  ].filter(Boolean);
  const evidence = (claim.evidence ?? []).map(evidenceItem);
  const rationale = claim.rationale?.trim()
    ? `\n<div class="rationale" aria-label="Rationale">${rationaleHtml(claim.rationale)}</div>`
    : '';
  return `<li class="entry" id="a${entry.mark.order}">${number(entry.mark, report)}<div>
<p class="excerpt">${escapeHtml(quoted(claim.target.exact))}</p>
<p class="facts">${facts.join('')}</p>${rationale}${evidence.length > 0 ? `\n<p class="sub-label">Evidence</p><ul class="evidence" aria-label="Evidence">${evidence.join('')}</ul>` : ''}${noteBlock(claim.note)}
</div></li>`;
}

function claimsSection(report: ReportModel): string {
  const entries = report.claims.map((entry) => claimEntry(entry, report));
  return `<section id="claims">
<h2>${SECTION_TITLES.claims}</h2>
${entries.length > 0 ? `<ol class="entries">\n${entries.join('\n')}\n</ol>` : '<p class="empty">No claims.</p>'}
</section>`;
}

/** A speaker's quotes under a heading of the given level (3 in the report). */
export function quoteGroup(group: QuoteGroup, report: ReportModel, level = 3): string {
  const title = group.speaker ? escapeHtml(group.speaker.name) : 'No speaker named';
  const entries = group.quotes.map(({ mark, quote, form }) => {
    const facts = [
      `<span>${escapeHtml(form.label)}</span>`,
      quote.cue ? `<span>Cue: <b>${escapeHtml(quote.cue.exact)}</b></span>` : '',
      tags(quote.tags),
    ].filter(Boolean);
    return `<li class="entry" id="a${mark.order}">${number(mark, report)}<div>
<p class="excerpt">${escapeHtml(quoted(quote.target.exact))}</p>
<p class="facts">${facts.join('')}</p>${noteBlock(quote.note)}
</div></li>`;
  });
  return `<div class="speaker"><h${level}>${title} <span class="badge plain">${plural(group.quotes.length, 'quote')}</span></h${level}>
<ol class="entries">
${entries.join('\n')}
</ol></div>`;
}

function quotesSection(report: ReportModel): string {
  const groups = report.quoteGroups.map((group) => quoteGroup(group, report));
  return `<section id="quotes">
<h2>${SECTION_TITLES.quotes}</h2>
${groups.length > 0 ? groups.join('\n') : '<p class="empty">No quotes.</p>'}
</section>`;
}

function wikidataLink(entity: Entity): string {
  return entity.wikidata ? `<span>Wikidata: ${link(`https://www.wikidata.org/wiki/${entity.wikidata}`, entity.wikidata)}</span>` : '';
}

function mentionChip(mark: ReportMark, entity: Entity, report: ReportModel): string {
  const text = mark.exact === entity.name ? '' : ` ${escapeHtml(mark.exact)}`;
  return report.article
    ? `<a class="mention" id="a${mark.order}" href="#m${mark.order}">${mark.tag}${text}</a>`
    : `<span class="mention" id="a${mark.order}">${mark.tag}${text}</span>`;
}

/** One entity's entry: name, type, aliases, Wikidata link, roles and its mentions. */
export function entityEntry(entry: EntityEntry, report: ReportModel): string {
  const { entity } = entry;
  const roles = [entry.claims > 0 ? plural(entry.claims, 'claim') : '', entry.quotes > 0 ? plural(entry.quotes, 'quote') : ''].filter(
    Boolean,
  );
  const facts = [
    entity.aliases.length > 0 ? `<span>Also: ${escapeHtml(entity.aliases.join(', '))}</span>` : '',
    wikidataLink(entity),
    roles.length > 0 ? `<span>Source of ${roles.join(' and ')}</span>` : '',
  ].filter(Boolean);
  const mentions =
    entry.mentions.length > 0
      ? `<p class="mentions">${plural(entry.mentions.length, 'mention')}: ${entry.mentions.map((m) => mentionChip(m, entity, report)).join('')}</p>`
      : '<p class="mentions">Not marked in the text.</p>';
  return `<li class="entry"><div class="num t-${classSafe(entry.type.id)}">●</div><div>
<p class="entity-head"><span class="name">${escapeHtml(entity.name)}</span><span class="badge t-${classSafe(entry.type.id)}">${escapeHtml(entry.type.label)}</span></p>
${facts.length > 0 ? `<p class="facts">${facts.join('')}</p>` : ''}${entity.description ? `<p class="facts">${escapeHtml(entity.description)}</p>` : ''}
${mentions}
</div></li>`;
}

function entitiesSection(report: ReportModel): string {
  const entries = report.entities.map((entry) => entityEntry(entry, report));
  return `<section id="entities">
<h2>${SECTION_TITLES.entities}</h2>
${entries.length > 0 ? `<ol class="entries">\n${entries.join('\n')}\n</ol>` : '<p class="empty">No entities.</p>'}
</section>`;
}

/** One note's entry: the text it is on, the note and its tags. */
export function noteEntry(entry: NoteEntry, report: ReportModel): string {
  return `<li class="entry" id="a${entry.mark.order}">${number(entry.mark, report)}<div>
<p class="excerpt">${escapeHtml(quoted(entry.mark.exact))}</p>${noteBlock(entry.note)}${entry.mark.annotation.tags?.length ? `<p class="facts">${tags(entry.mark.annotation.tags)}</p>` : ''}
</div></li>`;
}

function notesSection(report: ReportModel): string {
  const entries = report.notes.map((entry) => noteEntry(entry, report));
  return `<section id="notes">
<h2>${SECTION_TITLES.notes}</h2>
${entries.length > 0 ? `<ol class="entries">\n${entries.join('\n')}\n</ol>` : '<p class="empty">No notes.</p>'}
</section>`;
}

/**
 * The report as one self-contained HTML file: inline CSS allowed by hash, no script, every piece
 * of text escaped, links only to http(s) URLs. It prints with a page break before each section.
 */
export function renderHtmlReport(report: ReportModel): string {
  const stylesheet = reportStylesheet(report);
  const sections = report.sections.map((section) => {
    switch (section) {
      case 'summary':
        return summary(report);
      case 'claims':
        return claimsSection(report);
      case 'quotes':
        return quotesSection(report);
      case 'entities':
        return entitiesSection(report);
      case 'notes':
        return notesSection(report);
    }
  });
  const [first, ...rest] = sections;
  const body = report.sections[0] === 'summary' ? [first, article(report), ...rest] : [article(report), ...sections];
  return standalonePage({
    language: report.meta.language ?? 'en',
    title: `${report.title} — annotated report`,
    stylesheet,
    body: `${header(report)}
${body.filter(Boolean).join('\n')}
<footer>Made with Scholia from the article’s canonical text (${escapeHtml(report.fingerprint)}). Highlights: claims by verdict (background), quotes (underline), entity mentions (coloured text), notes (dotted underline).</footer>`,
  });
}
