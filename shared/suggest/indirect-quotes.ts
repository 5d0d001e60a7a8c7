import type { QuotedSpan } from './quote-marks.ts';
import { cueBefore, REPORTING_VERBS } from './reporting-cues.ts';
import { resolveSubject, speakerAt, type EarlierSpeaker, type KeyedMention, type ResolvedSpeaker } from './speaker-resolution.ts';
import type { TaggedSentence } from './nlp-terms.ts';
import type { QuoteSuggestion, Span } from './suggestion.ts';
import { suggestionId } from './suggestion.ts';

/** Verbs of thought, finding and intent that attribute a clause as speech does ("the poll shows …", "she believes that …"). */
const ATTRIBUTING =
  'shows|show|showed|found|finds|find|believes|believe|believed|thinks|think|thought|expects|expect|expected|hopes|fears|estimates|estimated|predicts|indicated|indicates|indicate|suggests|suggest|alleged|alleges|insist|acknowledges|admits|concedes|contends|knows|learned|pledged|pledges|promised|promises|vowed|vows|argue|claim|note|warn|announce';
/** Verbs that report speech or attribute a clause, as a cue. */
const SAYING = new RegExp(`\\b(${REPORTING_VERBS}|${ATTRIBUTING})\\b`, 'giu');
/** Words that, right after the verb, start something other than the reported clause ("said on Monday", "said in a statement"). */
const NOT_A_CLAUSE =
  /^(?:on|in|at|after|before|during|last|this|yesterday|today|to|with|by|for|from|so|nothing|little|much|goodbye|hello|sorry|yes|no|as|about|up|out|off|over|into|him|her|them|me|us|you|reporters|that)\b/iu;
/** Words that open a clause: a pronoun, a determiner, or a name. */
const OPENS_A_CLAUSE =
  /^(?:he|she|they|it|we|i|you|there|the|a|an|his|her|their|its|our|this|these|those|some|many|most|no|\p{Lu}[\p{L}’'-]*)\b/u;

/**
 * The reported clause after a cue: after "that" (a few words may come between: "said on Monday
 * that"); else right after the verb when a speaker resolved or the clause opens with a pronoun,
 * a determiner or a name.
 */
function reportedClause(
  text: string,
  verbEnd: number,
  sentenceEnd: number,
  hasSpeaker: boolean,
): { start: number; viaThat: boolean } | null {
  const rest = text.slice(verbEnd, sentenceEnd);
  const viaThat = /^\s+(?:[^\s,;:()]+\s+){0,5}?that\s+/u.exec(rest);
  if (viaThat) return { start: verbEnd + viaThat[0].length, viaThat: true };
  const plain = /^\s+(?=\p{L})/u.exec(rest);
  const after = rest.slice(plain?.[0].length ?? 0);
  if (!plain || NOT_A_CLAUSE.test(after) || !(hasSpeaker || OPENS_A_CLAUSE.test(after))) return null;
  return { start: verbEnd + plain[0].length, viaThat: false };
}

interface Context {
  text: string;
  mentions: readonly KeyedMention[];
  earlier: EarlierSpeaker[];
}

function suggestion(
  context: Context,
  content: Span,
  cue: Span,
  speaker: ResolvedSpeaker | null,
  confidence: number,
  reason: string,
): QuoteSuggestion {
  if (speaker) context.earlier.push(speakerAt(content.start, speaker, context.mentions));
  return {
    id: suggestionId('quote', content),
    kind: 'quote',
    start: content.start,
    end: content.end,
    confidence,
    reasons: [reason, ...(speaker ? [`speaker by ${speaker.rule === 'named' ? 'name' : speaker.rule}`] : [])],
    form: 'indirect',
    cue,
    ...(speaker ? { speakerKey: speaker.key, speakerRule: speaker.rule } : {}),
  };
}

/** "…, according to X." or "According to X, …": the rest of the sentence is the content. */
function accordingTo(context: Context, sentence: Span, end: number): QuoteSuggestion | null {
  const { text } = context;
  const words = text.slice(sentence.start, end);
  const match = /(^|,\s*)according to\s+([^,]{2,100})(,\s*|$)/iu.exec(words);
  if (!match) return null;
  const cueStart = sentence.start + match.index + (match[1]?.length ?? 0);
  const subjectStart = cueStart + 'according to '.length;
  const subject = { start: subjectStart, end: subjectStart + (match[2]?.trimEnd().length ?? 0) };
  const content =
    match.index === 0
      ? { start: sentence.start + match[0].length, end }
      : match.index + match[0].length >= words.length
        ? { start: sentence.start, end: sentence.start + match.index }
        : null;
  if (!content || content.end - content.start < 10) return null;
  const speaker = resolveSubject(text, subject, cueStart, context.mentions, context.earlier);
  return suggestion(
    context,
    content,
    { start: cueStart, end: cueStart + 'according to'.length },
    speaker,
    speaker ? 0.6 : 0.5,
    'reported: “according to”',
  );
}

/** "…, X said." or "…, said X." closing the sentence: the content comes first. */
function cueAtEnd(context: Context, sentence: Span, end: number): QuoteSuggestion | null {
  const { text } = context;
  const words = text.slice(sentence.start, end);
  const verbs = `(?:${REPORTING_VERBS})`;
  const subjectFirst = new RegExp(`,\\s+((?:[^,]{1,80}?))\\s+(?:has\\s+|have\\s+|had\\s+)?(${verbs})((?:\\s+[^\\s,]+){0,4})$`, 'iu').exec(
    words,
  );
  const verbFirst = new RegExp(`,\\s+(${verbs})\\s+([^,]{1,80})$`, 'iu').exec(words);
  const match = subjectFirst ?? verbFirst;
  if (!match || match.index < 10) return null;
  const verb = (subjectFirst ? subjectFirst[2] : verbFirst?.[1]) ?? '';
  const verbAt = sentence.start + match.index + match[0].search(new RegExp(`\\b${verb}\\b`, 'u'));
  const subjectWords = (subjectFirst ? subjectFirst[1] : verbFirst?.[2]) ?? '';
  const subjectStart = sentence.start + match.index + match[0].indexOf(subjectWords);
  const speaker = resolveSubject(
    text,
    { start: subjectStart, end: subjectStart + subjectWords.length },
    verbAt,
    context.mentions,
    context.earlier,
  );
  if (!speaker) return null;
  const content = { start: sentence.start, end: sentence.start + match.index };
  return suggestion(context, content, { start: verbAt, end: verbAt + verb.length }, speaker, 0.6, `reported speech: “…, ${verb}”`);
}

/**
 * Indirect quotes, in sentences without quotation marks: "X said (that) …" and other verbs that
 * attribute a clause ("the poll shows …"), "according to X", and "…, X said." at the sentence's end.
 * `text` has abbreviations' full stops masked.
 */
export function indirectQuotes(
  text: string,
  sentences: readonly TaggedSentence[],
  mentions: readonly KeyedMention[],
  earlier: EarlierSpeaker[],
  quotes: readonly QuotedSpan[],
): QuoteSuggestion[] {
  const context: Context = { text, mentions, earlier };
  const found: QuoteSuggestion[] = [];
  for (const sentence of sentences) {
    const words = text.slice(sentence.start, sentence.end);
    if (/["“”„«»]/u.test(words) || quotes.some((quote) => quote.start < sentence.end && quote.end > sentence.start)) continue;
    let end = sentence.end;
    while (end > sentence.start && /[\s.!?]/u.test(text.charAt(end - 1))) end -= 1;
    const special = accordingTo(context, sentence, end) ?? cueAtEnd(context, sentence, end);
    if (special) {
      found.push(special);
      continue;
    }
    SAYING.lastIndex = 0;
    // The first cue whose clause can be told apart: "X said he respected the vote but warned that …" is one clause.
    for (let match = SAYING.exec(words); match; match = SAYING.exec(words)) {
      const cue = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length };
      const cueFound = cueBefore(text, sentence.start, cue.end);
      const speaker =
        cueFound && cueFound.cue.start === cue.start ? resolveSubject(text, cueFound.subject, cue.start, mentions, earlier) : null;
      const clause = reportedClause(text, cue.end, end, speaker !== null);
      if (!clause || end - clause.start < 10) continue;
      const speech = new RegExp(`^(?:${REPORTING_VERBS})$`, 'iu').test(match[0]);
      const confidence = (speaker ? (clause.viaThat ? 0.6 : 0.55) : clause.viaThat ? 0.5 : 0.45) - (speech ? 0 : 0.05);
      found.push(
        suggestion(
          context,
          { start: clause.start, end },
          cue,
          speaker,
          confidence,
          `reported speech: “${match[0]}${clause.viaThat ? ' … that' : ''}”`,
        ),
      );
      break;
    }
  }
  return found;
}
