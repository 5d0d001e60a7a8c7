import type { Entity } from '../model/entity.ts';

// The edits of one entity's fields, as pure functions: each returns the entity as the edit leaves
// it, or null when it changes nothing.

function collapseSpaces(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/**
 * Renames an entity; a former name that occurs in the article is kept as an alias, so later
 * mentions still match. Null for a blank name too (an entity needs one).
 */
export function renamedEntity(entity: Entity, name: string, text: string): Entity | null {
  const clean = collapseSpaces(name);
  if (!clean || entity.name === clean) return null;
  const keepOld = text.includes(entity.name) && !entity.aliases.includes(entity.name);
  const aliases = [...entity.aliases, ...(keepOld ? [entity.name] : [])].filter((alias) => alias !== clean);
  return { ...entity, name: clean, aliases };
}

/** Replaces an entity's aliases (blank and duplicate ones and the name itself dropped). */
export function withAliases(entity: Entity, aliases: readonly string[]): Entity | null {
  const clean: string[] = [];
  for (const alias of aliases.map(collapseSpaces)) {
    if (alias && alias !== entity.name && !clean.includes(alias)) clean.push(alias);
  }
  return clean.join('\n') === entity.aliases.join('\n') ? null : { ...entity, aliases: clean };
}

/** Sets (or with undefined, clears) an entity's Wikidata item id. */
export function withWikidata(entity: Entity, wikidata: string | undefined): Entity | null {
  if (entity.wikidata === wikidata) return null;
  const { wikidata: _previous, ...rest } = entity;
  return wikidata ? { ...rest, wikidata } : rest;
}

/** Sets an entity's description; a blank one removes it. */
export function withDescription(entity: Entity, description: string): Entity | null {
  const value = description.trim() ? description.trim() : undefined;
  if (entity.description === value) return null;
  const { description: _previous, ...rest } = entity;
  return value ? { ...rest, description: value } : rest;
}

export function withEntityType(entity: Entity, type: string): Entity | null {
  return entity.type !== type ? { ...entity, type } : null;
}
