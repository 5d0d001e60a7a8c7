import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { EntityProfile, LibraryEntitySummary } from '../../../shared/corpus/corpus-query.ts';
import { foldKey } from '../../../shared/corpus/fold.ts';
import { KIND_CODES } from './annotation-rows.ts';
import type { CorpusIndex } from './corpus-index.ts';
import { documentsInOrder, groupOf } from './corpus-search.ts';

export const DEFAULT_ENTITY_LIMIT = 100;

/** Per entity code, how many mentions, quotes (as speaker) and claims (as claimant) it has: one pass over the rows. */
function roleCounts(index: CorpusIndex): { mentions: Uint32Array; quotes: Uint32Array; claims: Uint32Array } {
  const size = index.entityIds.size;
  const counts = { mentions: new Uint32Array(size), quotes: new Uint32Array(size), claims: new Uint32Array(size) };
  const { doc, kind, entity } = index.rows;
  for (let row = 0; row < index.rows.size; row += 1) {
    const code = entity[row] ?? 0;
    if (code === 0 || (doc[row] ?? -1) < 0) continue;
    const column = kind[row] === KIND_CODES.entity ? counts.mentions : kind[row] === KIND_CODES.quote ? counts.quotes : counts.claims;
    column[code] = (column[code] ?? 0) + 1;
  }
  return counts;
}

/** The library's entities whose id, name, alias or Wikidata id holds `filter` (folded), most used first. */
export function listEntities(
  index: CorpusIndex,
  filter: string | undefined,
  limit = DEFAULT_ENTITY_LIMIT,
): { entities: LibraryEntitySummary[]; total: number } {
  const folded = filter === undefined ? '' : foldKey(filter);
  const counts = roleCounts(index);
  const found: LibraryEntitySummary[] = [];
  for (const id of index.entities.ids()) {
    const entity = index.entities.entity(id);
    if (!entity || (folded && !index.entities.matches(id, folded))) continue;
    const code = index.entityIds.find(id) ?? 0;
    found.push({
      entity,
      mentions: counts.mentions[code] ?? 0,
      quotes: counts.quotes[code] ?? 0,
      claims: counts.claims[code] ?? 0,
      documents: index.entities.documentCount(id),
    });
  }
  const used = (summary: LibraryEntitySummary) => summary.mentions + summary.quotes + summary.claims;
  found.sort((a, b) => used(b) - used(a) || a.entity.name.localeCompare(b.entity.name));
  return { entities: found.slice(0, limit), total: found.length };
}

/** Every mention of an entity, quote it is the speaker of and claim it is the claimant of, grouped by article, newest first. */
export function entityProfile(index: CorpusIndex, entityId: string): EntityProfile {
  const entity = index.entities.entity(entityId);
  if (!entity) throw new ScholiaError('not-found', `There is no entity ${entityId} in the library.`);
  const code = index.entityIds.find(entityId) ?? -1;
  const { doc, kind, entity: entityColumn } = index.rows;
  // The rows of each document are gathered during the one pass, so no document's rows are walked again.
  const rowsByDocument = new Map<number, number[]>();
  const perDocument = new Uint32Array(index.documents.length);
  const totals = { mentions: 0, quotes: 0, claims: 0 };
  for (let row = 0; row < index.rows.size; row += 1) {
    if (entityColumn[row] !== code) continue;
    const ordinal = doc[row] ?? -1;
    if (ordinal < 0) continue;
    const found = rowsByDocument.get(ordinal);
    if (found) found.push(row);
    else rowsByDocument.set(ordinal, [row]);
    perDocument[ordinal] = (perDocument[ordinal] ?? 0) + 1;
    if (kind[row] === KIND_CODES.entity) totals.mentions += 1;
    else if (kind[row] === KIND_CODES.quote) totals.quotes += 1;
    else totals.claims += 1;
  }
  const groups = documentsInOrder(index, perDocument).map((entry) => groupOf(index, entry, rowsByDocument.get(entry.ordinal) ?? []));
  return { entity, ...totals, groups };
}
