import type { Entity } from '../model/entity.ts';

export const ENTITY_MATCH_KINDS = ['wikidata', 'name', 'alias'] as const;
/** How a colleague's entity was recognised as one of ours: the same Wikidata id, the same name, or a shared name or alias. */
export type EntityMatchKind = (typeof ENTITY_MATCH_KINDS)[number];

export interface EntityMatch {
  theirId: string;
  myId: string;
  by: EntityMatchKind;
}

/** A name as compared across files: compatibility-normalised, lower case, single spaces. */
export function comparableName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function namesOf(entity: Entity): Set<string> {
  return new Set([entity.name, ...entity.aliases].map(comparableName));
}

/** Entities with different Wikidata ids are different, whatever their names. */
function compatible(a: Entity, b: Entity): boolean {
  return a.wikidata === undefined || b.wikidata === undefined || a.wikidata === b.wikidata;
}

/**
 * Finds, for each of their entities, the entity of ours it stands for: the same Wikidata id
 * first, then the same name, then any name or alias in common; among equals, one of the same type
 * wins. Their entities left out of the answer have no counterpart.
 */
export function matchEntities(theirs: readonly Entity[], mine: readonly Entity[]): Map<string, EntityMatch> {
  const matches = new Map<string, EntityMatch>();
  for (const entity of theirs) {
    const candidates = mine.filter((other) => compatible(entity, other));
    const preferType = (list: Entity[]) => list.find((other) => other.type === entity.type) ?? list[0];
    const byWikidata =
      entity.wikidata === undefined ? undefined : preferType(candidates.filter((other) => other.wikidata === entity.wikidata));
    if (byWikidata) {
      matches.set(entity.id, { theirId: entity.id, myId: byWikidata.id, by: 'wikidata' });
      continue;
    }
    const name = comparableName(entity.name);
    const byName = preferType(candidates.filter((other) => comparableName(other.name) === name));
    if (byName) {
      matches.set(entity.id, { theirId: entity.id, myId: byName.id, by: 'name' });
      continue;
    }
    const names = namesOf(entity);
    const byAlias = preferType(candidates.filter((other) => [...namesOf(other)].some((alias) => names.has(alias))));
    if (byAlias) matches.set(entity.id, { theirId: entity.id, myId: byAlias.id, by: 'alias' });
  }
  return matches;
}
