import type { Tagset } from '../model/tagset.ts';

/** The coarse types the entity suggester tells apart. */
export type CoarseType = 'person' | 'organization' | 'location' | 'group' | 'other';

/** Tagset ids that fit each coarse type, best first (common spellings of common tagsets). */
const FITTING_IDS: Record<CoarseType, readonly string[]> = {
  person: ['person', 'people', 'per', 'individual'],
  organization: ['organization', 'organisation', 'org', 'institution', 'company'],
  location: ['location', 'place', 'loc', 'gpe', 'country'],
  group: ['group', 'norp', 'collective'],
  other: ['other', 'misc', 'miscellaneous'],
};

/**
 * The tagset's entity type for a coarse type: the first fitting id the codebook has, else its
 * "other", else its first type (a codebook always has one).
 */
export function tagsetTypeFor(type: CoarseType, tagset: Tagset): string {
  const ids = new Set(tagset.entityTypes.map((entry) => entry.id));
  const fit = FITTING_IDS[type].find((id) => ids.has(id)) ?? FITTING_IDS.other.find((id) => ids.has(id));
  return fit ?? tagset.entityTypes[0]?.id ?? 'other';
}

/** The coarse type a tagset id stands for, for registry entries; `other` when none fits. */
export function coarseTypeOf(tagsetId: string): CoarseType {
  const found = (Object.keys(FITTING_IDS) as CoarseType[]).find((type) => FITTING_IDS[type].includes(tagsetId));
  return found ?? 'other';
}
