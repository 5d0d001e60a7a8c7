import nlp from 'compromise';
import type { Span } from './suggestion.ts';

/** One word as compromise tagged it: where it sits in the canonical text and its part-of-speech tags. */
export interface TaggedTerm extends Span {
  /** The term's own characters (compromise keeps surrounding punctuation apart, but not inner marks such as `’s`). */
  text: string;
  /** The punctuation and space right after it. */
  post: string;
  tags: ReadonlySet<string>;
}

/** A sentence as compromise split it, with its terms. */
export interface TaggedSentence extends Span {
  terms: TaggedTerm[];
}

interface JsonTerm {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface JsonSentence {
  offset: { start: number; length: number };
  terms: JsonTerm[];
}

/**
 * Tags the whole text once with compromise (its English lexicon and rules ship inside the npm
 * package; nothing is downloaded). Offsets are UTF-16 code units into `text`, as Scholia's are.
 */
export function tagText(text: string): TaggedSentence[] {
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  return sentences.map((sentence) => ({
    start: sentence.offset.start,
    end: sentence.offset.start + sentence.offset.length,
    terms: sentence.terms.map((term) => ({
      start: term.offset.start,
      end: term.offset.start + term.offset.length,
      text: text.slice(term.offset.start, term.offset.start + term.offset.length),
      post: term.post,
      tags: new Set(term.tags),
    })),
  }));
}
