import type { Annotation, AnnotationKind, ClaimAnnotation, Evidence, QuoteAnnotation, QuoteForm } from '../model/annotation.ts';
import type { ReaderNode } from '../model/content.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import type { Tagset, TagsetEntry } from '../model/tagset.ts';
import { textblocksOf } from '../text/canonical.ts';
import { segmentText, type TextBlock } from './article-segments.ts';
import { REPORT_SECTIONS, type ExportOptions, type ReportSection } from './options.ts';

/** A tagset entry as the report shows it: an id safe for class names, a label and a colour. */
export interface Style {
  id: string;
  label: string;
  colour: string;
}

/**
 * One highlighted annotation; its marker in the article links to its entry. Each kind is numbered
 * in its own sequence in text order (claim 1, 2, 3…; quote 1, 2…), so a reader counts claims as claims.
 */
export interface ReportMark {
  /** Its number among the marks of its kind, from 1. */
  number: number;
  /** How its marker reads: the kind's letter and its number, `C1`, `Q2`, `E3`, `N1`. */
  tag: string;
  /** Its place among all the report's marks in text order, from `numberFrom`: unique, so anchors (`m…`, `a…`) use it, and the article segmenter breaks ties by it. */
  order: number;
  kind: AnnotationKind;
  annotation: Annotation;
  start: number;
  end: number;
  exact: string;
  /** Verdict for claims, entity type for mentions, form for quotes, `note` for notes. */
  style: Style;
}

export interface ClaimEntry {
  mark: ReportMark;
  claim: ClaimAnnotation;
  verdict: Style;
  label?: Style;
  claimant?: Entity;
}

export interface QuoteEntry {
  mark: ReportMark;
  quote: QuoteAnnotation;
  form: Style;
}

export interface QuoteGroup {
  /** Absent for quotes nobody is named for. */
  speaker?: Entity;
  quotes: QuoteEntry[];
}

export interface EntityEntry {
  entity: Entity;
  type: Style;
  mentions: ReportMark[];
  claims: number;
  quotes: number;
}

export interface NoteEntry {
  mark: ReportMark;
  note: string;
}

export type ArticleBlockKind = 'paragraph' | 'heading' | 'caption' | 'blockquote' | 'list-item';

export interface ArticleBlock extends TextBlock<ReportMark> {
  kind: ArticleBlockKind;
}

export interface LegendGroup {
  kind: AnnotationKind;
  title: string;
  entries: Style[];
}

export interface ReportCounts {
  claims: number;
  claimsByVerdict: { verdict: Style; count: number }[];
  quotes: number;
  speakers: number;
  entities: number;
  mentions: number;
  notes: number;
  words: number;
}

/** Everything every report renderer (HTML, Markdown, DOCX, and PDF through HTML) shows, in order. */
export interface ReportModel {
  title: string;
  meta: ScholiaDocument['meta'];
  fingerprint: string;
  annotators: string[];
  /** Colleagues whose annotations the analyst accepted in Review, with how many (`acceptedFrom`). */
  acceptedFrom: { annotator: string; count: number }[];
  generatedAt: string;
  sections: ReportSection[];
  /** The verdict filter in force, as labels; empty when every claim is shown. */
  verdictFilter: Style[];
  legend: LegendGroup[];
  marks: ReportMark[];
  article?: ArticleBlock[];
  claims: ClaimEntry[];
  quoteGroups: QuoteGroup[];
  entities: EntityEntry[];
  notes: NoteEntry[];
  counts: ReportCounts;
}

export interface ReportOptions extends ExportOptions {
  /** When the report was made (ISO 8601); now when left out. */
  generatedAt?: string;
  /** The person exporting, listed among the annotators. */
  annotator?: string;
  /** The number of the first entry (default 1): a corpus report numbers on across its articles, so every entry's anchor is unique. */
  numberFrom?: number;
}

export const QUOTE_STYLES: Record<QuoteForm, Style> = {
  direct: { id: 'direct', label: 'Direct quote', colour: '#0e7490' },
  indirect: { id: 'indirect', label: 'Indirect quote', colour: '#0e7490' },
  mixed: { id: 'mixed', label: 'Mixed quote', colour: '#0e7490' },
};
export const NOTE_STYLE: Style = { id: 'note', label: 'Note', colour: '#b45309' };
const UNKNOWN_COLOUR = '#6b7280';

const KIND_ORDER: Record<AnnotationKind, number> = { claim: 0, quote: 1, entity: 2, note: 3 };
/** The letter before a marker's number, one per kind. */
export const KIND_LETTERS: Record<AnnotationKind, string> = { claim: 'C', quote: 'Q', entity: 'E', note: 'N' };

/** A tagset entry's style by id; an id the tagset does not know is shown as itself, in grey. */
export function styleOf(entries: readonly TagsetEntry[], id: string): Style {
  const entry = entries.find((candidate) => candidate.id === id);
  return entry ? { id: entry.id, label: entry.label, colour: entry.colour } : { id, label: id, colour: UNKNOWN_COLOUR };
}

/** Text order: by start, the longer span first, then by kind and id so the order is stable. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    a.target.start - b.target.start ||
    b.target.end - a.target.end ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function blockKinds(node: ReaderNode, inherited: ArticleBlockKind = 'paragraph'): ArticleBlockKind[] {
  switch (node.type) {
    case 'paragraph':
      return [inherited];
    case 'heading':
      return ['heading'];
    case 'caption':
      return ['caption'];
    case 'blockquote':
      return node.content.flatMap((child) => blockKinds(child, 'blockquote'));
    case 'list_item':
      return node.content.flatMap((child) => blockKinds(child, inherited === 'blockquote' ? 'blockquote' : 'list-item'));
    case 'text':
      return [];
    default:
      return node.content.flatMap((child) => blockKinds(child, inherited));
  }
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function isIncluded(annotation: Annotation, sections: readonly ReportSection[], verdicts: readonly string[] | undefined): boolean {
  switch (annotation.kind) {
    case 'claim':
      return sections.includes('claims') && (!verdicts || verdicts.includes(annotation.status));
    case 'quote':
      return sections.includes('quotes');
    case 'entity':
      return sections.includes('entities');
    case 'note':
      return sections.includes('notes');
  }
}

/**
 * Builds the report of a document: the annotations the options select, numbered in text order,
 * the article cut into highlighted segments, and the entries of each section.
 */
export function buildReport(document: ScholiaDocument, tagset: Tagset, options: ReportOptions = {}): ReportModel {
  const sections = REPORT_SECTIONS.filter((section) => !options.sections || options.sections.includes(section));
  const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
  const included = document.annotations.filter((a) => isIncluded(a, sections, options.verdicts)).sort(compareAnnotations);

  const counters: Record<AnnotationKind, number> = { claim: 0, quote: 0, entity: 0, note: 0 };
  const marks: ReportMark[] = included.map((annotation, index) => {
    let style: Style;
    switch (annotation.kind) {
      case 'claim':
        style = styleOf(tagset.verdicts, annotation.status);
        break;
      case 'quote':
        style = QUOTE_STYLES[annotation.form];
        break;
      case 'entity':
        style = styleOf(tagset.entityTypes, entities.get(annotation.entityId)?.type ?? 'other');
        break;
      case 'note':
        style = NOTE_STYLE;
        break;
    }
    const { start, end, exact } = annotation.target;
    const number = ++counters[annotation.kind];
    const order = index + (options.numberFrom ?? 1);
    return { number, tag: `${KIND_LETTERS[annotation.kind]}${number}`, order, kind: annotation.kind, annotation, start, end, exact, style };
  });

  const claims: ClaimEntry[] = [];
  const quoteGroups = new Map<string, QuoteGroup>();
  const mentions = new Map<string, ReportMark[]>();
  const notes: NoteEntry[] = [];
  for (const mark of marks) {
    const annotation = mark.annotation;
    switch (annotation.kind) {
      case 'claim': {
        const claimant = annotation.claimantId ? entities.get(annotation.claimantId) : undefined;
        claims.push({
          mark,
          claim: annotation,
          verdict: mark.style,
          ...(annotation.label ? { label: styleOf(tagset.claimLabels, annotation.label) } : {}),
          ...(claimant ? { claimant } : {}),
        });
        break;
      }
      case 'quote': {
        const speaker = annotation.speakerId ? entities.get(annotation.speakerId) : undefined;
        const key = speaker ? `e:${speaker.id}` : 'none';
        const group = quoteGroups.get(key) ?? { ...(speaker ? { speaker } : {}), quotes: [] };
        group.quotes.push({ mark, quote: annotation, form: mark.style });
        quoteGroups.set(key, group);
        break;
      }
      case 'entity': {
        const list = mentions.get(annotation.entityId) ?? [];
        list.push(mark);
        mentions.set(annotation.entityId, list);
        break;
      }
      case 'note':
        notes.push({ mark, note: annotation.note ?? '' });
        break;
    }
  }
  // Unattributed quotes come last.
  const groups = [...quoteGroups.values()].sort((a, b) => Number(!a.speaker) - Number(!b.speaker));

  const roleCounts = new Map<string, { claims: number; quotes: number }>();
  for (const annotation of document.annotations) {
    const id = annotation.kind === 'claim' ? annotation.claimantId : annotation.kind === 'quote' ? annotation.speakerId : undefined;
    if (!id) continue;
    const counts = roleCounts.get(id) ?? { claims: 0, quotes: 0 };
    if (annotation.kind === 'claim') counts.claims += 1;
    else counts.quotes += 1;
    roleCounts.set(id, counts);
  }
  const entityEntries: EntityEntry[] = sections.includes('entities')
    ? document.entities
        .map((entity) => ({
          entity,
          type: styleOf(tagset.entityTypes, entity.type),
          mentions: mentions.get(entity.id) ?? [],
          ...(roleCounts.get(entity.id) ?? { claims: 0, quotes: 0 }),
        }))
        .sort(
          (a, b) => (a.mentions[0]?.order ?? Infinity) - (b.mentions[0]?.order ?? Infinity) || a.entity.name.localeCompare(b.entity.name),
        )
    : [];

  let article: ArticleBlock[] | undefined;
  if (options.includeArticle !== false) {
    const kinds = blockKinds(document.content);
    const aligned = textblocksOf(document.content).filter((block) => block.length > 0).length === kinds.length;
    article = segmentText(document.text, marks).map((block, index) => ({
      ...block,
      kind: aligned ? (kinds[index] ?? 'paragraph') : 'paragraph',
    }));
  }

  const legend: LegendGroup[] = [];
  const used = (kind: AnnotationKind) => new Set(marks.filter((m) => m.kind === kind).map((m) => m.style.id));
  const claimStyles = used('claim');
  if (claimStyles.size > 0) {
    const known = tagset.verdicts.filter((v) => claimStyles.has(v.id)).map((v) => styleOf(tagset.verdicts, v.id));
    const unknown = [...claimStyles].filter((id) => !tagset.verdicts.some((v) => v.id === id)).map((id) => styleOf([], id));
    legend.push({ kind: 'claim', title: 'Claims, by verdict', entries: [...known, ...unknown] });
  }
  const quoteStyles = used('quote');
  if (quoteStyles.size > 0) {
    legend.push({ kind: 'quote', title: 'Quotes', entries: Object.values(QUOTE_STYLES).filter((s) => quoteStyles.has(s.id)) });
  }
  const entityStyles = used('entity');
  if (entityStyles.size > 0) {
    const known = tagset.entityTypes.filter((t) => entityStyles.has(t.id)).map((t) => styleOf(tagset.entityTypes, t.id));
    const unknown = [...entityStyles].filter((id) => !tagset.entityTypes.some((t) => t.id === id)).map((id) => styleOf([], id));
    legend.push({ kind: 'entity', title: 'Entity mentions, by type', entries: [...known, ...unknown] });
  }
  if (used('note').size > 0) legend.push({ kind: 'note', title: 'Notes', entries: [NOTE_STYLE] });

  const verdictCounts = new Map<string, number>();
  for (const entry of claims) verdictCounts.set(entry.verdict.id, (verdictCounts.get(entry.verdict.id) ?? 0) + 1);
  const claimsByVerdict = [...verdictCounts].map(([id, count]) => ({ verdict: styleOf(tagset.verdicts, id), count }));
  claimsByVerdict.sort(
    (a, b) => tagset.verdicts.findIndex((v) => v.id === a.verdict.id) - tagset.verdicts.findIndex((v) => v.id === b.verdict.id),
  );

  const annotators = [...new Set([...(options.annotator ? [options.annotator] : []), ...document.annotations.map((a) => a.author)])].filter(
    (name) => name.trim().length > 0,
  );

  const accepted = new Map<string, number>();
  for (const annotation of document.annotations) {
    const from = annotation.acceptedFrom?.annotator;
    if (from) accepted.set(from, (accepted.get(from) ?? 0) + 1);
  }

  return {
    title: document.meta.title,
    meta: document.meta,
    fingerprint: document.fingerprint,
    annotators,
    acceptedFrom: [...accepted].map(([annotator, count]) => ({ annotator, count })),
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    sections,
    verdictFilter: options.verdicts ? options.verdicts.map((id) => styleOf(tagset.verdicts, id)) : [],
    legend,
    marks,
    ...(article ? { article } : {}),
    claims,
    quoteGroups: groups,
    entities: entityEntries,
    notes,
    counts: {
      claims: claims.length,
      claimsByVerdict,
      quotes: groups.reduce((sum, group) => sum + group.quotes.length, 0),
      speakers: groups.filter((group) => group.speaker).length,
      entities: entityEntries.length,
      mentions: [...mentions.values()].reduce((sum, list) => sum + list.length, 0),
      notes: notes.length,
      words: countWords(document.text),
    },
  };
}

/** How a report cites a source's archived snapshot beside its live link: "archived 2026-03-04, SHA-256 3f2a9c1b". */
export function archiveCitation(evidence: Evidence): string | undefined {
  return evidence.archive ? `archived ${evidence.archive.fetched.slice(0, 10)}, SHA-256 ${evidence.archive.sha256.slice(0, 8)}` : undefined;
}
