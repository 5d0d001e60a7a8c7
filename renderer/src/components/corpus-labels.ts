import type { CorpusExportFormat } from '../../../shared/contract/corpus-channels.ts';
import type { CorpusHit, FacetName } from '../../../shared/corpus/corpus-query.ts';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { excerpt } from './ListParts.tsx';

/** What the facet column calls each facet. */
export const FACET_TITLES: Record<FacetName, string> = {
  kind: 'Kind',
  verdict: 'Verdict',
  stage: 'Claim stage',
  label: 'Claim type',
  checkworthy: 'Worth checking',
  checkedBy: 'Checked by',
  checked: 'Month checked',
  has: 'Record has',
  speaker: 'Speaker',
  claimant: 'Claimant',
  entity: 'Entity',
  annotator: 'Annotator',
  tag: 'Tag',
  source: 'Source',
  articleStage: 'Article stage',
  month: 'Month published',
};

export const KIND_NAMES: Record<AnnotationKind, string> = {
  claim: 'Claim',
  quote: 'Quote',
  entity: 'Entity mention',
  note: 'Note',
};

/** The Export menu's entries, data files first, then the reports. */
export const CORPUS_EXPORT_LABELS: Record<CorpusExportFormat, string> = {
  csv: 'CSV, one row per annotation',
  w3c: 'W3C annotation collection (JSON-LD)',
  'tags-zip': 'Tag files, one per article (zip)',
  qdpx: 'REFI-QDA project (.qdpx)',
  html: 'HTML report',
  pdf: 'PDF report',
  md: 'Markdown report',
  docx: 'Word report (DOCX)',
};

/** A month of the facet (`YYYY-MM`) as the analyst reads it: "March 2026". */
export function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The codebook's name of a claim's verdict, and its colour. */
export function verdictOf(tagset: Tagset, id: string | undefined): { label: string; colour?: string } | undefined {
  if (!id) return undefined;
  const verdict = tagset.verdicts.find((entry) => entry.id === id);
  return verdict ? { label: verdict.label, colour: verdict.colour } : { label: id };
}

/** What a screen reader says of a result row: "Claim, False, “text…”, by Roberta Metsola, in Article". */
export function hitDescription(hit: CorpusHit, tagset: Tagset, articleTitle: string): string {
  const parts: string[] = [KIND_NAMES[hit.kind]];
  const verdict = verdictOf(tagset, hit.status);
  if (hit.kind === 'claim' && verdict) parts.push(verdict.label);
  parts.push(`“${excerpt(hit.exact, 100)}”`);
  if (hit.entityName) parts.push(hit.kind === 'entity' ? `of ${hit.entityName}` : `by ${hit.entityName}`);
  parts.push(`in ${articleTitle}`);
  return parts.join(', ');
}
