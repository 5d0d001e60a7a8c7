import { WORKFLOW_STAGE_LABELS } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { safeHttpUrl } from './html-escape.ts';
import {
  archiveCitation,
  type ArticleBlock,
  type ClaimEntry,
  type EntityEntry,
  type NoteEntry,
  type QuoteGroup,
  type ReportMark,
  type ReportModel,
} from './report-model.ts';
import { rationaleText } from './rationale.ts';
import { acceptedFromSummary, checkedLine, formatDate, formatDateTime, plural, quoted, SECTION_TITLES } from './report-text.ts';

/** Line breaks, whichever convention (CommonMark ends a line at CR or LF; the others are folded too), with the spaces around them. */
const LINE_BREAKS = /\s*[\r\n\v\f\u0085\u2028\u2029]\s*/gu;

/** Every line of a multi-line text, whatever its line breaks (a lone CR ends a line in CommonMark too). */
function textLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/u);
}

/**
 * Text for one line of the report, however it is placed: line breaks (with the spaces around
 * them) become one space, so a name, tag or title cannot start a line of its own (a heading, a
 * list, a setext underline, a code block); then every character that could start Markdown syntax
 * or raw HTML is escaped, and a leading `-`, `+`, `=` or `1.` as well.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(/[\\`*_[\]<>#|~&]/gu, (char) => `\\${char}`)
    .replace(/^(\s*)([-+=])/u, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/u, '$1\\$2');
}

export function link(url: string, text: string): string {
  const safe = safeHttpUrl(url);
  return safe ? `[${escapeMarkdown(text)}](<${safe.replace(/[<>]/gu, encodeURIComponent)}>)` : escapeMarkdown(text);
}

/** Lines of one entry joined with hard line breaks, so they stay one paragraph. */
function lines(parts: (string | false | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\\\n');
}

function noteQuote(note: string | undefined): string {
  if (!note?.trim()) return '';
  return `\n\n${textLines(note.trim())
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n')}`;
}

function marker(mark: ReportMark): string {
  return `\\[${mark.tag}\\]`;
}

function renderBlock(block: ArticleBlock): string {
  let out = '';
  let open = new Set<ReportMark>();
  for (const segment of block.segments) {
    for (const mark of segment.active) if (!open.has(mark)) out += '⟦';
    out += escapeMarkdown(segment.text);
    for (const mark of segment.ending) out += `⟧${marker(mark)}`;
    open = new Set(segment.active.filter((mark) => !segment.ending.includes(mark)));
  }
  // A span that runs on into the next block closes here and reopens there.
  out += '⟧'.repeat(open.size);
  switch (block.kind) {
    case 'heading':
      return `### ${out}`;
    case 'blockquote':
      return `> ${out}`;
    case 'list-item':
      return `- ${out}`;
    default:
      return out;
  }
}

function header(report: ReportModel): string {
  const { meta } = report;
  const rows = [
    meta.source && `- **Source:** ${escapeMarkdown(meta.source)}`,
    meta.author && `- **Author:** ${escapeMarkdown(meta.author)}`,
    meta.published && `- **Published:** ${formatDate(meta.published)}`,
    meta.url && `- **URL:** ${link(meta.url, meta.url)}`,
    report.annotators.length > 0 &&
      `- **${report.annotators.length === 1 ? 'Annotator' : 'Annotators'}:** ${escapeMarkdown(report.annotators.join(', '))}`,
    report.acceptedFrom.length > 0 && `- **Accepted from:** ${escapeMarkdown(acceptedFromSummary(report.acceptedFrom))}`,
    `- **Generated:** ${formatDateTime(report.generatedAt)}`,
    `- **Fingerprint:** \`${report.fingerprint}\``,
  ].filter(Boolean);
  const filter =
    report.verdictFilter.length > 0
      ? `\n\nClaims shown: only those rated ${escapeMarkdown(report.verdictFilter.map((v) => v.label).join(', '))}.`
      : '';
  return `# ${escapeMarkdown(report.title)}\n\n*Scholia · Annotated report*\n\n${rows.join('\n')}${filter}`;
}

function summary(report: ReportModel): string {
  const { counts, sections } = report;
  const verdicts = counts.claimsByVerdict.map(({ verdict, count }) => `${escapeMarkdown(verdict.label)} ${count}`).join(', ');
  const rows = [
    sections.includes('claims') && `- ${plural(counts.claims, 'claim')}${verdicts ? `: ${verdicts}` : ''}`,
    sections.includes('quotes') && `- ${plural(counts.quotes, 'quote')}, ${plural(counts.speakers, 'speaker')}`,
    sections.includes('entities') && `- ${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.mentions, 'mention')}`,
    sections.includes('notes') && `- ${plural(counts.notes, 'note')}`,
    `- ${plural(counts.words, 'word')} in the article`,
  ].filter(Boolean);
  return `## ${SECTION_TITLES.summary}\n\n${rows.join('\n')}`;
}

function article(report: ReportModel): string {
  if (!report.article) return '';
  const legend = report.legend.map(
    (group) => `- ${escapeMarkdown(group.title)}: ${group.entries.map((e) => escapeMarkdown(e.label)).join(', ')}`,
  );
  return `## Article\n\nEach annotated span is set in ⟦ ⟧, followed by the number of its entry below.\n\n${legend.join('\n')}\n\n${report.article.map(renderBlock).join('\n\n')}`;
}

function tagsLine(tags: readonly string[] | undefined): string | undefined {
  return tags && tags.length > 0 ? `Tags: ${tags.map(escapeMarkdown).join(', ')}` : undefined;
}

/** One claim's entry: its text, verdict, type, claimant, evidence, tags and note. */
export function claimEntry(entry: ClaimEntry): string {
  const { claim } = entry;
  const facts = [
    `Verdict: **${escapeMarkdown(entry.verdict.label)}**`,
    entry.label && `Type: ${escapeMarkdown(entry.label.label)}`,
    claim.stage && WORKFLOW_STAGE_LABELS[claim.stage],
    claim.checkworthy === true ? 'Check-worthy' : claim.checkworthy === false ? 'Not check-worthy' : undefined,
    checkedLine(claim) || undefined,
  ].filter(Boolean);
  // The rationale as plain text, escaped: Markdown viewers would otherwise run any HTML or odd link typed into it.
  const rationale = claim.rationale?.trim()
    ? rationaleText(claim.rationale)
        .split('\n')
        .map((line, index) => `${index === 0 ? 'Rationale: ' : ''}${escapeMarkdown(line)}`)
    : [];
  const evidence = (claim.evidence ?? []).map(
    (item) =>
      `Evidence: ${link(item.url, item.title?.trim() ? item.title : item.url)}${archiveCitation(item) ? ` (${archiveCitation(item)})` : ''}${item.note ? ` — ${escapeMarkdown(item.note)}` : ''}`,
  );
  return (
    lines([
      `**${entry.mark.tag}.** ${escapeMarkdown(quoted(claim.target.exact))}`,
      facts.join(' · '),
      entry.claimant && `Claimant: ${escapeMarkdown(entry.claimant.name)}`,
      ...rationale,
      ...evidence,
      tagsLine(claim.tags),
    ]) + noteQuote(claim.note)
  );
}

/** A speaker's quotes under a heading of the given level (3 in the report). */
export function quoteGroup(group: QuoteGroup, level = 3): string {
  const title = group.speaker ? escapeMarkdown(group.speaker.name) : 'No speaker named';
  const entries = group.quotes.map(
    ({ mark, quote, form }) =>
      lines([
        `**${mark.tag}.** ${escapeMarkdown(quoted(quote.target.exact))}`,
        [escapeMarkdown(form.label), quote.cue && `cue: ${escapeMarkdown(quote.cue.exact)}`].filter(Boolean).join(' · '),
        tagsLine(quote.tags),
      ]) + noteQuote(quote.note),
  );
  return `${'#'.repeat(level)} ${title} (${plural(group.quotes.length, 'quote')})\n\n${entries.join('\n\n')}`;
}

function mention(mark: ReportMark, entity: Entity): string {
  return mark.exact === entity.name ? marker(mark) : `${marker(mark)} ${escapeMarkdown(quoted(mark.exact))}`;
}

/** One entity's entry under a heading of the given level (3 in the report): type, Wikidata, aliases, roles, mentions. */
export function entityEntry(entry: EntityEntry, level = 3): string {
  const { entity } = entry;
  const roles = [entry.claims > 0 ? plural(entry.claims, 'claim') : '', entry.quotes > 0 ? plural(entry.quotes, 'quote') : ''].filter(
    Boolean,
  );
  return `${'#'.repeat(level)} ${escapeMarkdown(entity.name)}\n\n${lines([
    [
      escapeMarkdown(entry.type.label),
      entity.wikidata && `Wikidata: ${link(`https://www.wikidata.org/wiki/${entity.wikidata}`, entity.wikidata)}`,
      entity.aliases.length > 0 && `Also: ${escapeMarkdown(entity.aliases.join(', '))}`,
      roles.length > 0 && `Source of ${roles.join(' and ')}`,
    ]
      .filter(Boolean)
      .join(' · '),
    entity.description && escapeMarkdown(entity.description),
    entry.mentions.length > 0
      ? `${plural(entry.mentions.length, 'mention')}: ${entry.mentions.map((m) => mention(m, entity)).join(', ')}`
      : 'Not marked in the text.',
  ])}`;
}

/** One note's entry: the text it is on, its tags and the note. */
export function noteEntry(entry: NoteEntry): string {
  return (
    lines([`**${entry.mark.tag}.** ${escapeMarkdown(quoted(entry.mark.exact))}`, tagsLine(entry.mark.annotation.tags)]) +
    noteQuote(entry.note)
  );
}

function section(title: string, entries: string[], empty: string): string {
  return `## ${title}\n\n${entries.length > 0 ? entries.join('\n\n') : empty}`;
}

/** The report as Markdown (CommonMark), with the same content and order as the HTML report. */
export function renderMarkdownReport(report: ReportModel): string {
  const parts = [header(report)];
  for (const name of report.sections) {
    switch (name) {
      case 'summary':
        parts.push(summary(report));
        break;
      case 'claims':
        parts.push(section(SECTION_TITLES.claims, report.claims.map(claimEntry), 'No claims.'));
        break;
      case 'quotes':
        parts.push(
          section(
            SECTION_TITLES.quotes,
            report.quoteGroups.map((group) => quoteGroup(group)),
            'No quotes.',
          ),
        );
        break;
      case 'entities':
        parts.push(
          section(
            SECTION_TITLES.entities,
            report.entities.map((entry) => entityEntry(entry)),
            'No entities.',
          ),
        );
        break;
      case 'notes':
        parts.push(
          section(
            SECTION_TITLES.notes,
            report.notes.map((entry) => noteEntry(entry)),
            'No notes.',
          ),
        );
        break;
    }
  }
  const articleText = article(report);
  if (articleText) parts.splice(report.sections[0] === 'summary' ? 2 : 1, 0, articleText);
  return `${parts.join('\n\n')}\n`;
}
