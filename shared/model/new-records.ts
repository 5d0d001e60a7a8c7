import type { Entity } from './entity.ts';
import { DEFAULT_VERDICT, type Tagset, type TagsetEntry } from './tagset.ts';

/** Who and when a new record is made, and where its ids come from. */
export interface Authoring {
  author: string;
  now: string;
  newId(): string;
}

/** `preferred` when the tagset list has it, else the list's first id (a tagset list is never empty). */
export function tagOrFirst(entries: readonly TagsetEntry[], preferred: string): string {
  return entries.some((entry) => entry.id === preferred) ? preferred : (entries[0]?.id ?? preferred);
}

/** The verdict a new claim gets: `unverified` when the tagset has it. */
export function defaultVerdict(tagset: Tagset): string {
  return tagOrFirst(tagset.verdicts, DEFAULT_VERDICT);
}

function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
}

/** The registered entity whose name or an alias equals `text` (ignoring case and spacing). */
export function findEntityNamed(entities: Iterable<Entity>, text: string): Entity | undefined {
  const key = nameKey(text);
  for (const entity of entities) {
    if (nameKey(entity.name) === key || entity.aliases.some((alias) => nameKey(alias) === key)) return entity;
  }
  return undefined;
}
