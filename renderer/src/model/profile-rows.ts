import type { CorpusGroup, CorpusHit } from '../../../shared/corpus/corpus-query.ts';

/** One line of a profile: an article's heading, or one of its mentions, quotes or claims. */
export type ProfileRow = { type: 'article'; group: CorpusGroup } | { type: 'hit'; group: CorpusGroup; hit: CorpusHit };

/** The rows of a profile, article by article (in the order the profile gives), each heading followed by its hits. */
export function profileRows(groups: readonly CorpusGroup[]): ProfileRow[] {
  const rows: ProfileRow[] = [];
  for (const group of groups) {
    rows.push({ type: 'article', group });
    for (const hit of group.hits) rows.push({ type: 'hit', group, hit });
  }
  return rows;
}

/** A row's key: stable across reloads, so measured heights and focus follow the rows. */
export function profileRowKey(row: ProfileRow): string {
  return row.type === 'article' ? `article:${row.group.documentId}` : `hit:${row.hit.documentId}/${row.hit.annotationId}`;
}

/** The index of the heading of the article a row belongs to (the row itself for a heading). */
export function headingIndexOf(rows: readonly ProfileRow[], index: number): number {
  for (let at = index; at >= 0; at -= 1) if (rows[at]?.type === 'article') return at;
  return -1;
}

/** How a profile names a kind of annotation in its rows. */
export const HIT_KIND_LABELS: Record<CorpusHit['kind'], string> = {
  entity: 'Mention',
  quote: 'Quote',
  claim: 'Claim',
  note: 'Note',
};

/** "3 mentions, 1 quote" for an article's heading. */
export function hitSummary(hits: readonly CorpusHit[]): string {
  const counts = new Map<CorpusHit['kind'], number>();
  for (const hit of hits) counts.set(hit.kind, (counts.get(hit.kind) ?? 0) + 1);
  const parts: string[] = [];
  for (const kind of ['entity', 'quote', 'claim', 'note'] as const) {
    const count = counts.get(kind) ?? 0;
    if (count > 0) parts.push(`${count} ${HIT_KIND_LABELS[kind].toLowerCase()}${count === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}
