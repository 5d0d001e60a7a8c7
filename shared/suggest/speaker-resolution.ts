import type { CoarseType } from './entity-types.ts';
import type { Span } from './suggestion.ts';

/** A name in the text with the entity group it belongs to. */
export interface KeyedMention extends Span {
  key: string;
  type: CoarseType;
  gender?: 'female' | 'male';
}

export type SpeakerRule = 'named' | 'pronoun' | 'role' | 'continuation';

export interface ResolvedSpeaker {
  key: string;
  type: CoarseType;
  rule: SpeakerRule;
}

/** A speaker found earlier in the text: the quote's position and who spoke. */
export interface EarlierSpeaker {
  at: number;
  key: string;
  type: CoarseType;
  gender?: 'female' | 'male';
}

/** Which entity types each pronoun may stand for, best first ("other": a name the lexicon could not type, mostly people's), and the gender it rules out. */
const PRONOUNS: Record<string, { types: readonly CoarseType[]; not?: 'female' | 'male' }> = {
  he: { types: ['person', 'other'], not: 'female' },
  she: { types: ['person', 'other'], not: 'male' },
  they: { types: ['group', 'organization'] },
  it: { types: ['organization'] },
};

/** Roles that speak for an organisation, roles of one person, and roles of a group. */
const SPOKES_ROLES = /^(?:spokes(?:person|man|woman)|representative|statement)$/iu;
const PERSON_ROLES =
  /\b(spokes(?:person|man|woman)|representative|minister|president|chancellor|secretary|director|chief|official|mayor|governor|senator|ceo|chair(?:man|woman)?|commissioner|ambassador|leader|head|premier|prosecutor|judge|lawyer|researcher|scientist|analyst|economist|expert|professor|doctor|witness|resident|manager|founder|author|coach|captain|officer)$/iu;
const GROUP_ROLES =
  /\b(officials|lawmakers|legislators|ministers|authorities|police|officers|residents|protesters|researchers|scientists|experts|analysts|critics|activists|organisers|organizers|campaigners|doctors|workers|unions|members|mps|meps)$/iu;

/** How far from a name a role may be written to be its apposition ("spokesperson Jaume Duch", "Duch, the spokesperson"). */
const APPOSITION_REACH = 40;

/** The role a subject phrase is headed by ("A spokesperson for the agency", "the chief executive"). */
function roleOf(phrase: string): { word: string; plural: boolean; speaksFor: boolean } | null {
  const words = phrase.trim().split(/\s+/u);
  for (const [index, raw] of words.entries()) {
    const word = raw.replace(/['’]s$/u, '').replace(/[^\p{L}]/gu, '');
    // A role heads the phrase when it ends it or comes with "for", "of" or "at" ("a spokesperson for the agency"), not in a name ("Information Commissioner's Office").
    const next = words[index + 1];
    if (next !== undefined && !/^(?:for|of|at)$/iu.test(next)) continue;
    if (GROUP_ROLES.test(word)) return { word: word.toLowerCase(), plural: true, speaksFor: false };
    if (PERSON_ROLES.test(word)) return { word: word.toLowerCase(), plural: false, speaksFor: SPOKES_ROLES.test(word) };
  }
  return null;
}

function nearestBefore<T extends { at: number }>(items: readonly T[], at: number, fits: (item: T) => boolean): T | undefined {
  return items.filter((item) => item.at < at && fits(item)).sort((a, b) => b.at - a.at)[0];
}

/** The name mention a role is written next to, nearest to the quote: the role's apposition. */
function appositionOf(text: string, mentions: readonly KeyedMention[], role: string, quoteAt: number): KeyedMention | undefined {
  const rolePattern = new RegExp(`\\b${role}\\b`, 'iu');
  const withRole = mentions.filter((mention) => {
    if (mention.type !== 'person' && mention.type !== 'other') return false;
    const before =
      text
        .slice(Math.max(0, mention.start - APPOSITION_REACH), mention.start)
        .split('\n\n')
        .at(-1) ?? '';
    const after = text.slice(mention.end, Math.min(text.length, mention.end + APPOSITION_REACH)).split('\n\n')[0] ?? '';
    return rolePattern.test(before) || rolePattern.test(after);
  });
  return withRole.sort((a, b) => Math.abs(a.start - quoteAt) - Math.abs(b.start - quoteAt))[0];
}

/**
 * "The 75-year-old said": the person written with that age ("Hori Parata, 75,", "Parata (75)",
 * "the 75-year-old Hori Parata"), nearest to the quote; none when no name carries the age, rather than a guess.
 */
function agedPerson(text: string, age: string, mentions: readonly KeyedMention[], quoteAt: number): ResolvedSpeaker | null {
  const after = new RegExp(`^\\s*(?:,\\s*|\\(\\s*)(?:aged\\s+)?${age}\\b`, 'u');
  const before = new RegExp(`\\b${age}-year-old\\s+$`, 'u');
  const aged = mentions.filter(
    (mention) =>
      (mention.type === 'person' || mention.type === 'other') &&
      (after.test(text.slice(mention.end, mention.end + 12)) || before.test(text.slice(Math.max(0, mention.start - 16), mention.start))),
  );
  const nearest = aged.sort((a, b) => Math.abs(a.start - quoteAt) - Math.abs(b.start - quoteAt))[0];
  return nearest ? { key: nearest.key, type: 'person', rule: 'role' } : null;
}

/**
 * Who a cue's subject phrase names, by these rules, in order:
 * 1. a person's name in the phrase ("said European Parliament President Roberta Metsola");
 * 2. an age ("the 75-year-old"): the person written with that age, or none;
 *    a role heading the phrase ("the chief spokesperson", "a company spokeswoman", "lawmakers"):
 *    the name written next to that role (its apposition); for a spokesperson, the organisation
 *    named in the phrase; else the nearest fitting name or speaker (see 3), an organisation first
 *    for a spokesperson, a person for another singular role, a group for a plural one;
 * 3. a pronoun ("he", "she", "they", "it"): the nearest fitting name earlier in the same paragraph,
 *    else the nearest earlier speaker who fits, else the nearest earlier name that fits — "he" and
 *    "she" fit people (and untyped names) whose first name is not known to be of the other gender,
 *    "they" groups and organisations, "it" organisations;
 * 4. any other name that ends the phrase ("the ministry said").
 */
export function resolveSubject(
  text: string,
  subject: Span,
  quoteAt: number,
  mentions: readonly KeyedMention[],
  earlier: readonly EarlierSpeaker[],
): ResolvedSpeaker | null {
  const phrase = text.slice(subject.start, subject.end);
  const inside = mentions.filter((mention) => mention.start >= subject.start && mention.end <= subject.end);
  // The first person named who is not a possessive ("Trump's campaign manager Kellyanne Conway"; "Flynn, a top Trump surrogate").
  const owners = inside.filter((mention) => /^['’]s?\b/u.test(text.slice(mention.end, mention.end + 2)));
  const person = inside.find((mention) => mention.type === 'person' && !owners.includes(mention));
  if (person) return { key: person.key, type: person.type, rule: 'named' };
  const paragraphStart = text.lastIndexOf('\n\n', quoteAt) + 1;
  const before = Math.min(quoteAt, subject.start);
  const earlierMentions = mentions.map((mention) => ({ ...mention, at: mention.start }));
  /**
   * The nearest fitting name earlier in the paragraph (the first one of its sentence: the subject),
   * else the nearest earlier speaker who fits, else the nearest earlier name; each group of types
   * in turn, by distance within a group.
   */
  const fitting = (typeGroups: readonly (readonly CoarseType[])[], rule: SpeakerRule, not?: 'female' | 'male'): ResolvedSpeaker | null => {
    for (const types of typeGroups) {
      const fits = (item: { type: CoarseType; gender?: string }) => types.includes(item.type) && (not === undefined || item.gender !== not);
      const inParagraph = earlierMentions.filter((item) => item.at >= paragraphStart && item.at < before && fits(item));
      const last = inParagraph.at(-1);
      const sentenceStart = last ? Math.max(paragraphStart, text.lastIndexOf('. ', last.at) + 2) : 0;
      const subjects = inParagraph.filter((item) => item.at >= sentenceStart);
      const found =
        subjects.find((item) => item.type === 'person') ??
        subjects[0] ??
        nearestBefore(earlier, quoteAt, fits) ??
        nearestBefore(earlierMentions, before, fits);
      if (found) return { key: found.key, type: found.type === 'other' ? 'person' : found.type, rule };
    }
    return null;
  };
  const age = /\b(\d{1,3})-year-old\b/u.exec(phrase)?.[1];
  if (age) return agedPerson(text, age, mentions, quoteAt);
  const role = roleOf(phrase);
  if (role) {
    const apposed = role.plural ? undefined : appositionOf(text, mentions, role.word, quoteAt);
    if (apposed) return { key: apposed.key, type: apposed.type === 'other' ? 'person' : apposed.type, rule: 'role' };
    const organisation = inside.filter((mention) => mention.type === 'organization').at(-1);
    if (role.speaksFor && organisation) return { key: organisation.key, type: organisation.type, rule: 'role' };
    return fitting(
      role.plural ? [['group', 'organization']] : role.speaksFor ? [['organization', 'other'], ['person']] : [['person', 'other']],
      'role',
    );
  }
  const pronoun = PRONOUNS[phrase.trim().toLowerCase()];
  if (pronoun) return fitting([pronoun.types], 'pronoun', pronoun.not);
  const named = inside.filter((mention) => mention.end === subject.end).at(-1) ?? inside.at(-1);
  return named ? { key: named.key, type: named.type === 'other' ? 'person' : named.type, rule: 'named' } : null;
}

/** A speaker to remember at a quote, with the gender its name's mentions carry. */
export function speakerAt(at: number, speaker: ResolvedSpeaker, mentions: readonly KeyedMention[]): EarlierSpeaker {
  const gender = mentions.find((mention) => mention.key === speaker.key)?.gender;
  return { at, key: speaker.key, type: speaker.type, ...(gender ? { gender } : {}) };
}
