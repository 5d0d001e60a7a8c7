import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import { KIND_LABELS } from '../reader/annotation-appearance.ts';

/** Something to tell the analyst that is not a save state: a hint or a failure outside saving. */
export type Report = (tone: 'info' | 'error', message: string) => void;

const lower = (kind: AnnotationKind) => KIND_LABELS[kind].toLowerCase();
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The history label of marking new text as an annotation of a kind. */
export const KIND_VERBS: Record<AnnotationKind, string> = {
  claim: 'Mark claim',
  quote: 'Mark quote',
  entity: 'Tag entity',
  note: 'Add note',
};

/** Every text a session shows the analyst in the status line: hints on what a key needs, outcomes and refusals. */
export const SESSION_MESSAGES = {
  notSaved: (error: string) => `Not saved: ${error} The change was taken back.`,
  caretOutsideQuotation: 'The caret is not inside quotation marks.',
  selectTextFirst: (kind: AnnotationKind) =>
    kind === 'quote'
      ? 'Select some text in the article first, or put the caret inside quotation marks.'
      : 'Select some text in the article first.',
  spanCannotMove: (edge: 'start' | 'end', direction: 1 | -1) =>
    direction === 1 && edge === 'start' ? 'The span cannot shrink any further.' : 'The span cannot move that way.',
  spanNeedsAnnotation: 'Select an annotation first, then the text it should cover, and press R.',
  spanNeedsText: 'Select the text the annotation should cover, then press R.',
  kindChanged: (from: AnnotationKind, to: AnnotationKind) => `Changed the ${lower(from)} to a ${lower(to)}.`,
  notAWebLink: (url: string) => `“${url.trim()}” is not a web link: sources must start with http:// or https://.`,
  notADay: (day: string) => `“${day.trim()}” is not a day: write it as YYYY-MM-DD, e.g. 2026-03-03.`,
  cueNeedsQuote: 'Select a quote first; U makes the selected text its cue.',
  cueNeedsText: 'Select the reporting verb (“said”) in the text, then press U.',
  attributed: (kind: 'quote' | 'claim', name: string) => `${kind === 'quote' ? 'Speaker' : 'Claimant'}: ${name}.`,
  lastSpeakerNeedsQuote: 'Select a quote first; A gives it the last speaker used.',
  noSpeakerYet: 'No speaker used yet: name one in the inspector (Enter), or select the name in the text and press S.',
  entityNeedsName: 'An entity needs a name.',
  notAWikidataItem: (input: string) => `“${input.trim()}” is not a Wikidata item: use an id like Q42 or a wikidata.org link.`,
  allMentionsTagged: (name: string) => `Every mention of “${name}” is already tagged.`,
  taggedMore: (n: number, name: string) => `Tagged ${count(n, 'more mention', 'more mentions')} of “${name}”.`,
  taggedWithMore: (n: number, name: string) => `Tagged “${name}” and ${n} more ${n === 1 ? 'mention' : 'mentions'}.`,
  tagAllNeedsSelection: 'Select a name in the article, or an entity mention, then press T to tag all its mentions.',
  merged: (from: string, into: string, moved: { mentions: number; quotes: number; claims: number }) => {
    const parts = [
      moved.mentions ? count(moved.mentions, 'mention', 'mentions') : '',
      moved.quotes ? count(moved.quotes, 'quote', 'quotes') : '',
      moved.claims ? count(moved.claims, 'claim', 'claims') : '',
    ].filter(Boolean);
    return `Merged “${from}” into “${into}”${parts.length ? ` (${parts.join(', ')})` : ''}.`;
  },
  entityDeleted: (name: string) => `Deleted “${name}” and its mentions.`,
} as const;
