import type { Entity } from '../model/entity.ts';

/** Whether two records of one entity say the same: name, type, aliases (in order), Wikidata id, description. */
export function sameEntityRecord(a: Entity, b: Entity): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.type === b.type &&
    a.wikidata === b.wikidata &&
    a.description === b.description &&
    a.aliases.length === b.aliases.length &&
    a.aliases.every((alias, index) => alias === b.aliases[index])
  );
}

/** `record` with `other`'s names that it lacks added as aliases (never its own name twice). */
export function withAliasesOf(record: Entity, other: Entity): Entity {
  const aliases = [...record.aliases];
  for (const name of [other.name, ...other.aliases]) if (name !== record.name && !aliases.includes(name)) aliases.push(name);
  return aliases.length === record.aliases.length ? record : { ...record, aliases };
}

/**
 * The registry record `kept` becomes when `merged` is merged into it: `merged`'s names join its
 * aliases, and it takes `merged`'s Wikidata id and description where it has none.
 */
export function absorbedEntity(kept: Entity, merged: Entity): Entity {
  const record = { ...withAliasesOf(kept, merged) };
  if (record.wikidata === undefined && merged.wikidata !== undefined) record.wikidata = merged.wikidata;
  if (!record.description?.trim() && merged.description?.trim()) record.description = merged.description;
  return record;
}

/** A document's entities and when it was last changed: what the registry is built from. */
export interface EntitySource {
  modified: string;
  entities: readonly Entity[];
}

/**
 * The library-wide registry made from the documents' own copies: one record per id. Where copies
 * differ, the copy of the most recently modified document wins, with every copy's aliases united.
 */
export function registryFromDocuments(sources: Iterable<EntitySource>): Map<string, Entity> {
  const newestFirst = [...sources].sort((a, b) => b.modified.localeCompare(a.modified));
  const records = new Map<string, Entity>();
  for (const source of newestFirst) {
    for (const entity of source.entities) {
      const known = records.get(entity.id);
      records.set(entity.id, known ? withAliasesOf(known, entity) : entity);
    }
  }
  return records;
}
