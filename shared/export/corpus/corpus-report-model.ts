import type { AnnotationKind } from '../../model/annotation.ts';
import type { DocumentMeta } from '../../model/document.ts';
import type { ReportSection } from '../options.ts';
import { buildReport, styleOf, type ReportModel, type Style } from '../report-model.ts';
import { annotatedEntries, assertNotEmpty, selectedDocument, type CorpusSelection } from './corpus-selection.ts';

/** One article of a corpus report: its header, and its chosen annotations as the single-document report's entries. */
export interface CorpusReportArticle {
  /** 1-based; the article's anchor is `d<number>`. */
  number: number;
  documentId: string;
  meta: DocumentMeta;
  /** The entries (no article text, no summary); only the sections that have any, numbered on from the previous article. */
  report: ReportModel;
}

export interface CorpusReportCounts {
  articles: number;
  annotations: number;
  claims: number;
  claimsByVerdict: { verdict: Style; count: number }[];
  quotes: number;
  /** Distinct speakers (library entity ids) across the articles. */
  speakers: number;
  mentions: number;
  /** Distinct entities mentioned. */
  entities: number;
  notes: number;
}

/** Everything the corpus report renderers (HTML, PDF through HTML, Markdown, DOCX) show, in order. */
export interface CorpusReportModel {
  title: string;
  /** What was selected, in words (the search, or the whole library). */
  scope: string;
  generatedAt: string;
  annotators: string[];
  /** Colleagues whose annotations were accepted in Review, with how many, across the articles. */
  acceptedFrom: { annotator: string; count: number }[];
  counts: CorpusReportCounts;
  articles: CorpusReportArticle[];
}

export interface CorpusReportOptions {
  title?: string;
  scope?: string;
}

const ENTRY_SECTIONS: { section: ReportSection; kind: AnnotationKind }[] = [
  { section: 'claims', kind: 'claim' },
  { section: 'quotes', kind: 'quote' },
  { section: 'entities', kind: 'entity' },
  { section: 'notes', kind: 'note' },
];

/**
 * The corpus report of a selection: a summary (articles, counts by kind and by verdict), then
 * every article that holds a chosen annotation, in the selection's order, with the single-document
 * report's entries for its claims (verdict, claimant, evidence, note), quotes by speaker, entity
 * mentions and notes. Entries are numbered on across articles.
 */
export function buildCorpusReport(selection: CorpusSelection, options: CorpusReportOptions = {}): CorpusReportModel {
  assertNotEmpty(selection);
  const { tagset } = selection;
  const articles: CorpusReportArticle[] = [];
  let numberFrom = 1;
  for (const entry of annotatedEntries(selection)) {
    const kinds = new Set(entry.annotations.map((annotation) => annotation.kind));
    const sections = ENTRY_SECTIONS.filter(({ kind }) => kinds.has(kind)).map(({ section }) => section);
    const report = buildReport(selectedDocument(entry, 'referenced'), tagset, {
      sections,
      includeArticle: false,
      generatedAt: selection.exportedAt,
      numberFrom,
    });
    // Speakers and claimants are named in their entries; the entity list keeps the entities mentioned.
    const entities = report.entities.filter((item) => item.mentions.length > 0);
    articles.push({
      number: articles.length + 1,
      documentId: entry.document.id,
      meta: entry.document.meta,
      report: { ...report, entities, counts: { ...report.counts, entities: entities.length } },
    });
    numberFrom += report.marks.length;
  }

  const verdictCounts = new Map<string, number>();
  const speakers = new Set<string>();
  const entities = new Set<string>();
  let quotes = 0;
  let mentions = 0;
  let notes = 0;
  let claims = 0;
  const authors = new Set<string>();
  const accepted = new Map<string, number>();
  for (const { annotations } of selection.documents) {
    for (const annotation of annotations) {
      if (annotation.author.trim()) authors.add(annotation.author);
      const from = annotation.acceptedFrom?.annotator;
      if (from) accepted.set(from, (accepted.get(from) ?? 0) + 1);
      switch (annotation.kind) {
        case 'claim':
          claims += 1;
          verdictCounts.set(annotation.status, (verdictCounts.get(annotation.status) ?? 0) + 1);
          break;
        case 'quote':
          quotes += 1;
          if (annotation.speakerId) speakers.add(annotation.speakerId);
          break;
        case 'entity':
          mentions += 1;
          entities.add(annotation.entityId);
          break;
        case 'note':
          notes += 1;
          break;
      }
    }
  }
  const order = (id: string) => {
    const index = tagset.verdicts.findIndex((verdict) => verdict.id === id);
    return index === -1 ? Infinity : index;
  };
  const claimsByVerdict = [...verdictCounts]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([id, count]) => ({ verdict: styleOf(tagset.verdicts, id), count }));

  return {
    title: options.title ?? 'Corpus report',
    scope: options.scope ?? 'Every annotation of the library',
    generatedAt: selection.exportedAt,
    annotators: [...authors].sort((a, b) => a.localeCompare(b)),
    acceptedFrom: [...accepted].map(([annotator, count]) => ({ annotator, count })).sort((a, b) => a.annotator.localeCompare(b.annotator)),
    counts: {
      articles: articles.length,
      annotations: claims + quotes + mentions + notes,
      claims,
      claimsByVerdict,
      quotes,
      speakers: speakers.size,
      mentions,
      entities: entities.size,
      notes,
    },
    articles,
  };
}
