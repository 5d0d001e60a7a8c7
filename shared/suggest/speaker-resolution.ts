import type { CoarseType } from './entity-types.ts';
import type { Span } from './suggestion.ts';

/** A name in the text with the entity group it belongs to. */
export interface KeyedMention extends Span {
  key: string;
  type: CoarseType;
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
}

/** Which entity types each pronoun may stand for. */
const PRONOUN_TYPES: Record<string, readonly CoarseType[]> = {
  he: ['person'],
  she: ['person'],
  they: ['group', 'organization'],
  it: ['organization'],
};

/** Role nouns that stand for one person, and for a group. */
const PERSON_ROLES = /\b(spokes(?:person|man|woman)|minister|president|chancellor|secretary|director|chief|official|mayor|governor|senator|ceo|chair(?:man|woman)?|commissioner|ambassador|leader|head|premier|prosecutor|judge|lawyer|researcher|scientist|analyst|economist|expert|professor|doctor|witness|resident|manager|founder|author|coach|captain|officer)$/iu;
const GROUP_ROLES = /\b(officials|lawmakers|legislators|ministers|authorities|police|officers|residents|protesters|researchers|scientists|experts|analysts|critics|activists|organisers|organizers|campaigners|doctors|workers|unions|members|mps|meps)$/iu;

/** How far from a name a role may be written to be its apposition ("spokesperson Jaume Duch", "Duch, the spokesperson"). */
const APPOSITION_REACH = 40;

function roleOf(phrase: string): { word: string; plural: boolean } | null {
  const words = phrase.trim().split(/\s+/u);
  const last = (words.at(-1) ?? '').replace(/['’]s$/u, '');
  if (GROUP_ROLES.test(last)) return { word: last.toLowerCase(), plural: true };
  if (PERSON_ROLES.test(last)) return { word: last.toLowerCase(), plural: false };
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
    const before = text.slice(Math.max(0, mention.start - APPOSITION_REACH), mention.start).split('\n\n').at(-1) ?? '';
    const after = text.slice(mention.end, Math.min(text.length, mention.end + APPOSITION_REACH)).split('\n\n')[0] ?? '';
    return rolePattern.test(before) || rolePattern.test(after);
  });
  return withRole.sort((a, b) => Math.abs(a.start - quoteAt) - Math.abs(b.start - quoteAt))[0];
}

/**
 * Who a cue's subject phrase names, by these rules, in order:
 * 1. a person's name in the phrase ("said European Parliament President Roberta Metsola");
 * 2. a role as the phrase's head ("the chief spokesperson", "lawmakers"): the person written next
 *    to that role anywhere in the text, else the nearest earlier speaker who fits (a person for a
 *    singular role, a group or organisation for a plural one), else the nearest earlier name that fits;
 * 3. a pronoun ("he", "she", "they", "it"): the nearest earlier speaker who fits, else the nearest earlier name that fits;
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
  const person = inside.filter((mention) => mention.type === 'person').at(-1);
  if (person) return { key: person.key, type: person.type, rule: 'named' };
  const earlierMentions = mentions.map((mention) => ({ ...mention, at: mention.start }));
  /** The nearest earlier speaker of the first type that has one, else the nearest earlier name of that type. */
  const fitting = (types: readonly CoarseType[], rule: SpeakerRule): ResolvedSpeaker | null => {
    for (const type of types) {
      const found = nearestBefore(earlier, quoteAt, (item) => item.type === type) ?? nearestBefore(earlierMentions, Math.min(quoteAt, subject.start), (item) => item.type === type);
      if (found) return { key: found.key, type: found.type, rule };
    }
    return null;
  };
  const role = roleOf(phrase);
  if (role) {
    const apposed = role.plural ? undefined : appositionOf(text, mentions, role.word, quoteAt);
    if (apposed) return { key: apposed.key, type: apposed.type, rule: 'role' };
    return fitting(role.plural ? ['group', 'organization'] : ['person'], 'role');
  }
  const pronoun = PRONOUN_TYPES[phrase.trim().toLowerCase()];
  if (pronoun) return fitting(pronoun, 'pronoun');
  const named = inside.filter((mention) => mention.end === subject.end).at(-1) ?? inside.at(-1);
  return named ? { key: named.key, type: named.type === 'other' ? 'person' : named.type, rule: 'named' } : null;
}
