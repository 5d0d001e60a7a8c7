import { diffWords } from 'diff';
import type { AnnotationKind } from '../model/annotation.ts';
import type { Tagset, TagsetEntry } from '../model/tagset.ts';
import type { DifferenceField, ReviewDifference } from './classify-review.ts';

/** A stretch of the article around two spans: in both, only in mine, only in theirs, or between them (in neither). */
export type SpanSide = 'both' | 'mine' | 'theirs' | 'neither';
export interface SpanPart {
  text: string;
  side: SpanSide;
}

interface Span {
  start: number;
  end: number;
}

/** The text from the first start to the last end of two spans on one text, cut where either starts or ends. */
export function spanParts(text: string, mine: Span, theirs: Span): SpanPart[] {
  const from = Math.min(mine.start, theirs.start);
  const to = Math.max(mine.end, theirs.end);
  const cuts = [...new Set([from, to, mine.start, mine.end, theirs.start, theirs.end])].sort((a, b) => a - b);
  const parts: SpanPart[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const inMine = a >= mine.start && b <= mine.end;
    const inTheirs = a >= theirs.start && b <= theirs.end;
    const side: SpanSide = inMine && inTheirs ? 'both' : inMine ? 'mine' : inTheirs ? 'theirs' : 'neither';
    const last = parts.at(-1);
    if (last && last.side === side) last.text += text.slice(a, b);
    else parts.push({ text: text.slice(a, b), side });
  }
  return parts;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;

/** How many words a stretch of text holds (letters and digits, with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** How far one end moved, in words where it crossed any, else in characters: "4 words later". */
function shift(text: string, mine: number, theirs: number): string {
  const between = text.slice(Math.min(mine, theirs), Math.max(mine, theirs));
  const words = countWords(between);
  const distance = words > 0 ? count(words, 'word') : count(between.length, 'character');
  return `${distance} ${theirs > mine ? 'later' : 'earlier'}`;
}

/** Their span against mine in words: "Bob's span starts 4 words later and ends 1 word later". */
export function spanSentence(text: string, mine: Span, theirs: Span, who: string): string {
  const moves: string[] = [];
  if (theirs.start !== mine.start) moves.push(`starts ${shift(text, mine.start, theirs.start)}`);
  if (theirs.end !== mine.end) moves.push(`ends ${shift(text, mine.end, theirs.end)}`);
  if (moves.length === 0) return `${possessive(who)} span is the same as yours`;
  return `${possessive(who)} span ${moves.join(' and ')}`;
}

/** "Bob's", "Alex Jones'". */
export function possessive(name: string): string {
  return /s$/u.test(name) ? `${name}’` : `${name}’s`;
}

/** A value as the analyst knows it: the codebook's label and colour where the codebook has one. */
export interface ShownValue {
  label: string;
  colour?: string;
}

/** One difference, said in words, with both values as shown. */
export interface DifferenceInWords {
  field: DifferenceField;
  /** The field's name, capitalised: "Verdict". */
  name: string;
  /** "Bob rates it False; you rate it Mixed." */
  sentence: string;
  mine?: ShownValue;
  theirs?: ShownValue;
}

const FIELD_NAMES: Record<DifferenceField, string> = {
  span: 'Span',
  kind: 'Kind',
  verdict: 'Verdict',
  'claim type': 'Claim type',
  claimant: 'Claimant',
  speaker: 'Speaker',
  form: 'Quote form',
  entity: 'Entity',
  'entity type': 'Entity type',
};

const KIND_WORDS: Record<AnnotationKind, string> = { claim: 'a claim', quote: 'a quote', entity: 'an entity mention', note: 'a note' };

function fromCodebook(entries: readonly TagsetEntry[], id: string | undefined): ShownValue | undefined {
  if (id === undefined) return undefined;
  const entry = entries.find((e) => e.id === id);
  return entry ? { label: entry.label, colour: entry.colour } : { label: id };
}

function shown(difference: ReviewDifference, side: 'mine' | 'theirs', tagset: Tagset): ShownValue | undefined {
  const value = difference[side];
  switch (difference.field) {
    case 'verdict':
      return fromCodebook(tagset.verdicts, value);
    case 'claim type':
      return fromCodebook(tagset.claimLabels, value);
    case 'entity type':
      return fromCodebook(tagset.entityTypes, value);
    case 'kind':
      return value === undefined ? undefined : { label: KIND_WORDS[value as AnnotationKind] ?? value };
    default:
      return value === undefined ? undefined : { label: value };
  }
}

/** The sentence for a difference of values, given both as shown (a missing value reads "none" or "no one"). */
function valueSentence(field: DifferenceField, who: string, mine: ShownValue | undefined, theirs: ShownValue | undefined): string {
  const person = (v: ShownValue | undefined) => v?.label ?? 'no one';
  const thing = (v: ShownValue | undefined) => v?.label ?? 'none';
  switch (field) {
    case 'verdict':
      return `${who} rates it ${thing(theirs)}; you rate it ${thing(mine)}.`;
    case 'claim type':
      return `${who} types the claim as ${thing(theirs)}; you as ${thing(mine)}.`;
    case 'claimant':
      return `${who} attributes the claim to ${person(theirs)}; you to ${person(mine)}.`;
    case 'speaker':
      return `${who} attributes the quote to ${person(theirs)}; you to ${person(mine)}.`;
    case 'form':
      return `${who} marks it a ${thing(theirs)} quote; you a ${thing(mine)} one.`;
    case 'entity':
      return `${who} links the mention to ${person(theirs)}; you to ${person(mine)}.`;
    case 'entity type':
      return `${who} types the entity as ${thing(theirs)}; you as ${thing(mine)}.`;
    case 'kind':
      return `${who} marks this passage as ${thing(theirs)}; you as ${thing(mine)}.`;
    case 'span':
      return `${who}’s span differs from yours.`;
  }
}

/**
 * Every difference of a conflict in words: a span by how far each end moved (needs the text and
 * both spans), values by their codebook labels and colours, entities by name.
 */
export function differencesInWords(
  differences: readonly ReviewDifference[],
  context: { tagset: Tagset; who: string; text?: string; mine?: Span; theirs?: Span },
): DifferenceInWords[] {
  return differences.map((difference) => {
    const name = FIELD_NAMES[difference.field];
    if (difference.field === 'span') {
      const { text, mine, theirs } = context;
      const sentence =
        text !== undefined && mine && theirs
          ? `${spanSentence(text, mine, theirs, context.who)}.`
          : valueSentence('span', context.who, undefined, undefined);
      return { field: 'span', name, sentence };
    }
    const mine = shown(difference, 'mine', context.tagset);
    const theirs = shown(difference, 'theirs', context.tagset);
    return {
      field: difference.field,
      name,
      sentence: valueSentence(difference.field, context.who, mine, theirs),
      ...(mine ? { mine } : {}),
      ...(theirs ? { theirs } : {}),
    };
  });
}

/** A word's fate between two versions of a passage. */
export interface WordChange {
  text: string;
  change: 'same' | 'removed' | 'added';
}

/** What changed, word by word, from `before` to `after` (jsdiff's word diff): how their quote reads against where it was placed. */
export function wordChanges(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}
