import type { Annotation } from './annotation.ts';
import type { Entity } from './entity.ts';
import type { Tagset, TagsetEntry } from './tagset.ts';

/**
 * Keys the reader keeps for its own commands (marking, tag all, speaker, cue, span, merge…), so a
 * codebook may not give them to a verdict or an entity type. Letters count in either case. They are
 * the single keys of the renderer's key map (renderer/src/app/key-map.ts); its test keeps the two equal.
 */
export const RESERVED_TAGSET_KEYS: readonly string[] = [
  'c',
  'q',
  'e',
  'n',
  't',
  's',
  'a',
  'u',
  'r',
  'w',
  'm',
  '[',
  ']',
  '{',
  '}',
  '"',
  '?',
  '/',
];

const LIST_NAMES: Record<keyof Tagset, string> = { entityTypes: 'entity type', verdicts: 'verdict', claimLabels: 'claim label' };

function listProblems(entries: readonly TagsetEntry[], what: string): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`Two ${what}s have the id “${entry.id}”.`);
    ids.add(entry.id);
    if (entry.key === undefined) continue;
    const key = entry.key.toLowerCase();
    if (/\s/u.test(key)) problems.push(`The ${what} “${entry.label}” has a blank key.`);
    else if (RESERVED_TAGSET_KEYS.includes(key))
      problems.push(`The key “${entry.key}” of the ${what} “${entry.label}” is taken by a reader command.`);
    else if (keys.has(key)) problems.push(`The ${what}s “${keys.get(key)}” and “${entry.label}” share the key “${entry.key}”.`);
    keys.set(key, entry.label);
  }
  return problems;
}

/** What is wrong with a codebook beyond its shape: duplicate ids, duplicate or reserved keys. Empty when it is fine. */
export function tagsetProblems(tagset: Tagset): string[] {
  return (Object.keys(LIST_NAMES) as (keyof Tagset)[]).flatMap((list) => listProblems(tagset[list], LIST_NAMES[list]));
}

/** The tagset ids a document's records use: verdicts and claim labels of its claims, types of its entities. */
export function usedTagIds(layer: { annotations: readonly Annotation[]; entities: readonly Entity[] }): {
  verdicts: Set<string>;
  claimLabels: Set<string>;
  entityTypes: Set<string>;
} {
  const used = { verdicts: new Set<string>(), claimLabels: new Set<string>(), entityTypes: new Set<string>() };
  for (const annotation of layer.annotations) {
    if (annotation.kind !== 'claim') continue;
    used.verdicts.add(annotation.status);
    if (annotation.label) used.claimLabels.add(annotation.label);
  }
  for (const entity of layer.entities) used.entityTypes.add(entity.type);
  return used;
}

/**
 * Ids a new codebook would drop while a document still uses them, as messages ("the verdict
 * “mixed” is used in “Title”"). A codebook may relabel, recolour and rekey, but not remove what is in use.
 */
export function removedTagsInUse(next: Tagset, used: ReturnType<typeof usedTagIds>, documentTitle: string): string[] {
  const problems: string[] = [];
  for (const list of Object.keys(LIST_NAMES) as (keyof Tagset)[]) {
    const kept = new Set(next[list].map((entry) => entry.id));
    for (const id of used[list]) {
      if (!kept.has(id)) problems.push(`the ${LIST_NAMES[list]} “${id}” is used in “${documentTitle}”`);
    }
  }
  return problems;
}
