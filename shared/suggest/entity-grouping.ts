import type { Entity } from '../model/entity.ts';
import type { NameMention } from './entity-mentions.ts';
import { coarseTypeOf, type CoarseType } from './entity-types.ts';

/** Mentions grouped as one entity, possibly an entry of the registry already. */
export interface EntityGroup {
  key: string;
  name: string;
  type: CoarseType;
  aliases: string[];
  registryId?: string;
  mentions: NameMention[];
}

/** A name compared: without a leading "the", case, or a plural "s" ("Social Democrat" leader, the "Social Democrats"). */
const normal = (name: string) =>
  name
    .replace(/^the\s+/iu, '')
    .toLowerCase()
    .replace(/(?<=\w\w)s$/u, '');
const words = (name: string) =>
  normal(name)
    .split(/[\s-]+/u)
    .filter(Boolean);
const initials = (name: string) =>
  words(name)
    .filter((word) => !['of', 'the', 'and', 'for'].includes(word))
    .map((word) => word.charAt(0))
    .join('');

/** Whether a short name is a part of a longer one that stands for the same entity: a surname, a first name, the last word, or initials. */
function isShortFormOf(short: string, full: string, fullType: CoarseType): boolean {
  const shortWords = words(short);
  const fullWords = words(full);
  if (fullWords.length < 2) return false;
  if (/^\p{Lu}{2,}s?$/u.test(short)) return initials(full) === short.replace(/s$/u, '').toLowerCase();
  if (shortWords.length !== 1) return false;
  const word = shortWords[0] ?? '';
  if (fullType === 'person') return word === fullWords.at(-1) || word === fullWords[0];
  return fullType === 'organization' && word === fullWords.at(-1);
}

function namesOf(entity: Entity): string[] {
  return [entity.name, ...entity.aliases];
}

/**
 * Groups name mentions into entities: the registry's entries first (by name or alias, or a short form
 * of one), then the same name again, then a short form of a longer name in the text ("Metsola" after
 * "Roberta Metsola", "EU" for "European Union"). The group's name is its longest mention.
 */
export function groupMentions(mentions: readonly NameMention[], registry: readonly Entity[]): EntityGroup[] {
  const groups: EntityGroup[] = [];
  const byRegistry = new Map<string, EntityGroup>();
  const registryGroup = (entity: Entity): EntityGroup => {
    let group = byRegistry.get(entity.id);
    if (!group) {
      group = {
        key: `registry-${entity.id}`,
        name: entity.name,
        type: coarseTypeOf(entity.type),
        aliases: [...entity.aliases],
        registryId: entity.id,
        mentions: [],
      };
      byRegistry.set(entity.id, group);
      groups.push(group);
    }
    return group;
  };
  const findRegistry = (name: string) =>
    registry.find((entity) => namesOf(entity).some((known) => normal(known) === normal(name))) ??
    registry.find((entity) => namesOf(entity).some((known) => isShortFormOf(name, known, coarseTypeOf(entity.type))));
  // Longer names first, so a short form finds its full name even when it comes earlier in the text.
  const ordered = [...mentions].sort((a, b) => words(b.name).length - words(a.name).length || a.start - b.start);
  for (const mention of ordered) {
    const known = findRegistry(mention.name);
    const group =
      (known ? registryGroup(known) : undefined) ??
      groups.find((candidate) => [candidate.name, ...candidate.aliases].some((name) => normal(name) === normal(mention.name))) ??
      groups.find((candidate) => isShortFormOf(mention.name, candidate.name, candidate.type === 'other' ? mention.type : candidate.type));
    if (group) {
      group.mentions.push(mention);
      if (group.type === 'other' && mention.type !== 'other') group.type = mention.type;
      const isNew = ![group.name, ...group.aliases].some((name) => normal(name) === normal(mention.name));
      if (isNew && group.registryId === undefined) group.aliases.push(mention.name);
      continue;
    }
    groups.push({ key: `new-${groups.length + 1}`, name: mention.name, type: mention.type, aliases: [], mentions: [mention] });
  }
  for (const group of groups) group.mentions.sort((a, b) => a.start - b.start);
  return groups.filter((group) => group.mentions.length > 0).sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}
