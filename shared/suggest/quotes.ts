import type { QuoteForm } from '../model/annotation.ts';
import { maskAbbreviations } from './abbreviations.ts';
import { quotedSpans, type QuotedSpan } from './quote-marks.ts';
import { indirectQuotes } from './indirect-quotes.ts';
import { cueAfter, cueBefore, type ReportingCue } from './reporting-cues.ts';
import { resolveSubject, speakerAt, type EarlierSpeaker, type KeyedMention, type ResolvedSpeaker } from './speaker-resolution.ts';
import type { TaggedSentence } from './nlp-terms.ts';
import { suggestionId, type QuoteSuggestion, type Span } from './suggestion.ts';

/** Where the sentence around `at` starts, within its paragraph. */
function sentenceStart(text: string, paragraph: Span, at: number): number {
  const before = text.slice(paragraph.start, at);
  let start = 0;
  const boundary = /[.!?]["”]?\s+/gu;
  for (let match = boundary.exec(before); match; match = boundary.exec(before)) start = match.index + match[0].length;
  return paragraph.start + start;
}

/** Where the sentence that goes on after `from` ends: its full stop, the next opening mark, or the paragraph's end. */
function sentenceEnd(text: string, paragraph: Span, from: number): number {
  const rest = text.slice(from, paragraph.end);
  const stop = /[.!?](?=\s|$)|["“„«]/u.exec(rest);
  return stop ? from + stop.index : paragraph.end;
}

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/u).filter(Boolean).length;
}

/** Direct when the quote opens its sentence (or follows "X said:"); mixed when it sits inside the reporter's sentence. */
function formOf(text: string, quote: QuotedSpan, limit: number): QuoteForm {
  if (quote.continues || quote.open < limit) return 'direct';
  const before = text.slice(limit, quote.open).trimEnd();
  return before === '' || /[:,]$/u.test(before) ? 'direct' : 'mixed';
}

interface Found {
  cue: ReportingCue | null;
  speaker: ResolvedSpeaker | null;
}

export interface QuoteAnalysis {
  suggestions: QuoteSuggestion[];
  /** Names that turned out to speak: their groups are people (or the type the rules gave) when their own words did not say. */
  speakerTypes: Map<string, ResolvedSpeaker['type']>;
}

/**
 * Quote suggestions: every quotation (straight or curly marks, running over paragraphs, or partial
 * inside a sentence) with its reporting cue, speaker and form, and indirect quotes ("X said that …").
 * `mentions` are the text's names with their entity groups.
 */
export function suggestQuotes(original: string, sentences: readonly TaggedSentence[], mentions: readonly KeyedMention[]): QuoteAnalysis {
  // Boundaries are looked for with abbreviations' full stops masked ("Mr. Podesta said" is one sentence); offsets are the same.
  const text = maskAbbreviations(original);
  const suggestions: QuoteSuggestion[] = [];
  const earlier: EarlierSpeaker[] = [];
  const speakerTypes = new Map<string, ResolvedSpeaker['type']>();
  let previous = null as { paragraph: Span; speaker: ResolvedSpeaker | null } | null;
  const quotes = quotedSpans(text);
  for (const quote of quotes) {
    const limit = sentenceStart(text, quote.paragraph, quote.open);
    const form = formOf(text, quote, limit);
    const reasons: string[] = [];
    const found: Found = { cue: null, speaker: null };
    const look = (cue: ReportingCue | null) => {
      if (!cue || found.speaker) return;
      const speaker = resolveSubject(text, cue.subject, quote.start, mentions, earlier);
      if (!found.cue || speaker) Object.assign(found, { cue, speaker });
    };
    if (quote.close !== null) look(cueAfter(text, quote.close + 1, sentenceEnd(text, quote.paragraph, quote.close + 1)));
    look(cueBefore(text, limit, quote.open));
    const paragraphBefore = text.slice(Math.max(0, quote.paragraph.start - 400), Math.max(0, quote.paragraph.start - 2));
    if (!found.cue && quote.open <= quote.paragraph.start + 1 && /:\s*$/u.test(paragraphBefore)) {
      // "Caddell continued:" or "The New York Times reports:" closing the paragraph before the quote.
      const end = quote.paragraph.start - 2 - (paragraphBefore.length - paragraphBefore.trimEnd().length) - 1;
      const cut = text.lastIndexOf('\n\n', end);
      const start = cut < 0 ? 0 : cut + 2;
      look(cueBefore(text, sentenceStart(text, { start, end }, end), end));
    }
    const wholeParagraph = quote.open <= quote.paragraph.start + 1 && (quote.close === null || quote.close >= quote.paragraph.end - 2);
    const isNextParagraph = previous !== null && previous.paragraph.end + 2 === quote.paragraph.start;
    const sameParagraph = previous !== null && previous.paragraph === quote.paragraph;
    if (!found.speaker && previous?.speaker && (quote.continues || sameParagraph || (wholeParagraph && isNextParagraph))) {
      found.speaker = { ...previous.speaker, rule: 'continuation' };
    }
    reasons.push(
      quote.continues
        ? 'continues the previous paragraph’s quote'
        : text.charAt(quote.open) === '"'
          ? 'straight quotation marks'
          : 'curly quotation marks',
    );
    if (quote.close === null) reasons.push('runs on into the next paragraph');
    if (found.cue) reasons.push(`cue “${text.slice(found.cue.cue.start, found.cue.cue.end)}” (${found.cue.pattern})`);
    if (found.speaker) reasons.push(`speaker by ${found.speaker.rule === 'named' ? 'name' : found.speaker.rule}`);
    if (form === 'mixed') reasons.push('partial quote inside the reporter’s sentence');
    const words = wordCount(text, quote);
    const confidence = form === 'direct' ? (found.speaker ? 0.9 : found.cue ? 0.8 : 0.7) : found.speaker ? 0.75 : words <= 4 ? 0.3 : 0.5;
    const before = suggestions.at(-1);
    suggestions.push({
      id: suggestionId('quote', quote),
      kind: 'quote',
      start: quote.start,
      end: quote.end,
      confidence,
      reasons,
      form,
      ...(found.cue ? { cue: found.cue.cue } : {}),
      ...(found.speaker ? { speakerKey: found.speaker.key, speakerRule: found.speaker.rule } : {}),
    });
    if (
      found.speaker?.rule === 'named' &&
      found.cue &&
      /^add/iu.test(text.slice(found.cue.cue.start, found.cue.cue.end)) &&
      before &&
      isNextParagraph
    ) {
      // "…," X added: X also spoke the quote before, when that one's speaker was only a role's or a pronoun's best guess.
      if (before.speakerRule === 'role' || before.speakerRule === 'pronoun') {
        before.speakerKey = found.speaker.key;
        before.reasons.push('speaker named by the next quote’s “added”');
        const entry = earlier.find((item) => item.at === before.start);
        if (entry) Object.assign(entry, { key: found.speaker.key, type: found.speaker.type });
      }
    }
    if (found.speaker) {
      earlier.push(speakerAt(quote.start, found.speaker, mentions));
      if (found.speaker.rule === 'named') speakerTypes.set(found.speaker.key, found.speaker.type);
    }
    previous = {
      paragraph: quote.paragraph,
      speaker: found.speaker ?? (quote.paragraph === previous?.paragraph ? previous.speaker : null),
    };
  }
  suggestions.push(...indirectQuotes(text, sentences, mentions, earlier, quotes));
  suggestions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { suggestions, speakerTypes };
}
