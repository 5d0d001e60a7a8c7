import type { Entity } from '../model/entity.ts';
import type { Tagset } from '../model/tagset.ts';
import { groupMentions, type EntityGroup } from './entity-grouping.ts';
import { nameMentions, type NameMention } from './entity-mentions.ts';
import { tagsetTypeFor, type CoarseType } from './entity-types.ts';
import type { TaggedSentence } from './nlp-terms.ts';
import type { KeyedMention } from './speaker-resolution.ts';
import { suggestionId, type EntitySuggestion, type SuggestedEntity } from './suggestion.ts';

/** How sure a mention is, by what its type rests on. */
function mentionConfidence(mention: NameMention, group: EntityGroup): number {
  if (group.registryId !== undefined) return 0.9;
  if (mention.type !== 'other') return 0.85;
  if (group.type !== 'other') return 0.75;
  // An untyped name: likely one inside a sentence or when repeated; a lone capital opening a sentence may be any word.
  if (group.mentions.length > 1) return 0.6;
  return mention.sentenceInitial ? 0.4 : 0.55;
}

export interface EntityAnalysis {
  groups: EntityGroup[];
  /** Every name with its group, for the speaker rules. */
  mentions: KeyedMention[];
}

/** Finds the names of a tagged text and groups them into entities, reusing the registry's entries. */
export function analyseEntities(text: string, sentences: readonly TaggedSentence[], registry: readonly Entity[]): EntityAnalysis {
  const groups = groupMentions(
    nameMentions(
      text,
      sentences,
      registry.flatMap((entity) => [entity.name, ...entity.aliases]),
    ),
    registry,
  );
  const mentions = groups.flatMap((group) => {
    const gender = group.mentions.find((mention) => mention.gender)?.gender;
    return group.mentions.map((mention) => ({
      start: mention.start,
      end: mention.end,
      key: group.key,
      type: group.type,
      ...(gender ? { gender } : {}),
    }));
  });
  return { groups, mentions: mentions.sort((a, b) => a.start - b.start) };
}

/**
 * The entity suggestions: one per mention, pointing to its group, and the groups as entities with
 * their type mapped to the tagset. `speakerTypes` gives the type of groups found speaking.
 */
export function entitySuggestions(
  analysis: EntityAnalysis,
  tagset: Tagset,
  speakerTypes: ReadonlyMap<string, CoarseType>,
): { entities: SuggestedEntity[]; suggestions: EntitySuggestion[] } {
  const entities: SuggestedEntity[] = [];
  const suggestions: EntitySuggestion[] = [];
  for (const group of analysis.groups) {
    const type = group.type === 'other' ? (speakerTypes.get(group.key) ?? 'other') : group.type;
    entities.push({
      key: group.key,
      name: group.name,
      type: tagsetTypeFor(type, tagset),
      aliases: group.aliases,
      ...(group.registryId ? { registryId: group.registryId } : {}),
    });
    for (const mention of group.mentions) {
      const spoke = speakerTypes.has(group.key) && group.type === 'other';
      const reasons = [
        mention.evidence,
        ...(group.registryId
          ? [`in the registry as ${group.name}`]
          : group.mentions.length > 1
            ? [`one of ${group.mentions.length} mentions of ${group.name}`]
            : []),
        ...(spoke ? ['speaks in a quote'] : []),
      ];
      suggestions.push({
        id: suggestionId('entity', mention),
        kind: 'entity',
        start: mention.start,
        end: mention.end,
        confidence: spoke ? 0.75 : mentionConfidence(mention, group),
        reasons,
        entityKey: group.key,
      });
    }
  }
  return { entities, suggestions };
}
