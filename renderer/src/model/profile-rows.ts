import type { CorpusGroup, CorpusHit } from '../../../shared/corpus/corpus-query.ts';

/**
 * One line of a profile: an article's heading, or one of its mentions, quotes or claims, with the
 * index of its article's heading row and its place among all the profile's hits.
 */
export type ProfileRow =
  | { type: 'article'; group: CorpusGroup; heading: number }
  | { type: 'hit'; group: CorpusGroup; hit: CorpusHit; heading: number; position: number };

/** The rows of a profile, article by article (in the order the profile gives), each heading followed by its hits. */
export function profileRows(groups: readonly CorpusGroup[]): ProfileRow[] {
  const rows: ProfileRow[] = [];
  let position = 0;
  for (const group of groups) {
    const heading = rows.length;
    rows.push({ type: 'article', group, heading });
    for (const hit of group.hits) rows.push({ type: 'hit', group, hit, heading, position: position++ });
  }
  return rows;
}

/** A row's key: stable across reloads, so measured heights and focus follow the rows. */
export function profileRowKey(row: ProfileRow): string {
  return row.type === 'article' ? `article:${row.group.documentId}` : `hit:${row.hit.documentId}/${row.hit.annotationId}`;
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
