import type { Span } from './suggestion.ts';

/** Verbs that report speech, in the forms news writing uses. */
export const REPORTING_VERBS =
  'said|says|say|added|adds|told|tells|stated|states|argued|argues|claimed|claims|warned|warns|explained|explains|insisted|insists|noted|notes|wrote|writes|announced|announces|asked|asks|replied|replies|continued|continues|declared|stressed|acknowledged|admitted|conceded|confirmed|denied|recalled|remarked|urged|tweeted|posted|described|reported|reports|demanded|concluded|shouted|responded|suggested|predicted|joked|quipped|countered|testified|cautioned|observed|promised|vowed|complained|maintained|contended|charged|agreed|boasted|chanted|snapped|mused|wondered|emphasized|emphasised|pleaded|yelled|whispered|screamed|cried|sang';

const VERB = `(?:${REPORTING_VERBS})`;

/** A reporting cue near a quote: the verb (or "according to") and the phrase that names who spoke. */
export interface ReportingCue {
  cue: Span;
  /** The words naming the speaker: a name, a pronoun or a role, with their span. */
  subject: Span;
  pattern: 'said X' | 'X said' | 'according to X' | 'X told' | 'dash';
}

/** Where a subject phrase ends: punctuation, a quotation mark, or a word that starts a new clause. */
const PHRASE_END = /[,.;:!?"“”()]|\s(?:on|in|at|after|before|when|while|who|which|that|as|during|to|and|but|referring|adding|saying)\s/u;

function phraseAfter(text: string, from: number, limit: number): Span | null {
  const rest = text.slice(from, limit);
  const lead = rest.length - rest.trimStart().length;
  const stop = PHRASE_END.exec(rest.slice(lead));
  const end = from + lead + (stop ? stop.index : rest.length - lead);
  const trimmed = text.slice(from + lead, end).trimEnd();
  return trimmed ? { start: from + lead, end: from + lead + trimmed.length } : null;
}

/** The clause right before `to` (back to a comma or stronger mark), skipping the commas that close an apposition. */
function clauseBefore(text: string, to: number, limit: number): Span | null {
  const before = text.slice(limit, to).replace(/[\s,]+$/u, '');
  let cut = -1;
  const clauseBreak = /[,.;:!?"“”()]/gu;
  for (let match = clauseBreak.exec(before); match; match = clauseBreak.exec(before)) cut = match.index + 1;
  const phrase = before.slice(cut < 0 ? 0 : cut);
  const start = limit + (cut < 0 ? 0 : cut) + (phrase.length - phrase.trimStart().length);
  const end = limit + before.length;
  return end > start ? { start, end } : null;
}

/** The words naming who spoke, before a verb: the clause before it, or the one before a relative clause ("X, which inspected it in 2022, said"). */
function phraseBefore(text: string, to: number, limit: number): Span | null {
  const phrase = clauseBefore(text, to, limit);
  if (!phrase) return null;
  const words = text.slice(phrase.start, phrase.end);
  if (/^(?:which|who|whose|whom)\b/iu.test(words)) return clauseBefore(text, phrase.start, limit) ?? phrase;
  // "Douglas Brinkley, a historian who attended the session, recalled": an apposition or an aside
  // ("at a later press gaggle") between the name and the verb; the phrase runs back to the name.
  if (/^(?:a|an|the|at|in|on|during|after|\d+)\b/iu.test(words) && /,\s*$/u.test(text.slice(limit, phrase.start))) {
    const name = clauseBefore(text, phrase.start, limit);
    if (
      name &&
      /^\p{Lu}/u.test(text.slice(name.start, name.end)) &&
      !/^(?:The|A|An|But|And|So|In|On|At)\b/u.test(text.slice(name.start, name.end))
    )
      return { start: name.start, end: phrase.end };
  }
  return phrase;
}

/**
 * The cue right after a quote's closing mark, within its sentence: `"…," said X` or `"…," X said`
 * (also "added", "told …" and the other reporting verbs), or `"…", according to X`.
 */
export function cueAfter(text: string, from: number, limit: number): ReportingCue | null {
  const window = text.slice(from, limit);
  const according = /^[\s,]*according to\s/iu.exec(window);
  if (according) {
    const subject = phraseAfter(text, from + according[0].length, limit);
    const cueStart = from + according[0].search(/according/iu);
    return subject ? { cue: { start: cueStart, end: cueStart + 'according to'.length }, subject, pattern: 'according to X' } : null;
  }
  const verbFirst = new RegExp(`^[\\s,]*(${VERB})\\b`, 'iu').exec(window);
  if (verbFirst?.[1]) {
    const cueStart = from + verbFirst[0].length - verbFirst[1].length;
    const subject = phraseAfter(text, from + verbFirst[0].length, limit);
    return subject ? { cue: { start: cueStart, end: cueStart + verbFirst[1].length }, subject, pattern: 'said X' } : null;
  }
  // "— Carla Sanchez" closing a paragraph: the quote's author, with no verb.
  const dash = /^\s*([―—–])\s*(\p{Lu}[^,.;:!?"“”\n]{0,60}?)[\s.]*$/u.exec(window);
  if (dash?.[1] && dash[2]) {
    const cueStart = from + dash[0].indexOf(dash[1]);
    const subjectStart = from + dash[0].indexOf(dash[2], dash[0].indexOf(dash[1]) + 1);
    return {
      cue: { start: cueStart, end: cueStart + 1 },
      subject: { start: subjectStart, end: subjectStart + dash[2].length },
      pattern: 'dash',
    };
  }
  // "…," X said, or "…," X, an apposition ("the Republican attorney general of Oklahoma", "25"), said.
  const subjectFirst = new RegExp(`^[\\s,]*([^,.;:!?"“”]{1,80}?)(?:,[^.;:!?"“”]{1,160}?,)?\\s+(${VERB})\\b`, 'iu').exec(window);
  if (subjectFirst?.[1] && subjectFirst[2]) {
    const subjectStart = from + subjectFirst[0].indexOf(subjectFirst[1]);
    const cueStart = from + subjectFirst[0].length - subjectFirst[2].length;
    const pattern = /^tell|^told/iu.test(subjectFirst[2]) ? 'X told' : 'X said';
    return {
      cue: { start: cueStart, end: cueStart + subjectFirst[2].length },
      subject: { start: subjectStart, end: subjectStart + subjectFirst[1].length },
      pattern,
    };
  }
  // "“I have admiration for the mechanics” of the Clinton proposals, Mr. Holtz-Eakin said": words after the mark, then the cue.
  const later = new RegExp(`,\\s+(\\p{Lu}[^,.;:!?"“”]{0,60}?)\\s+(${VERB})\\b`, 'u').exec(window);
  if (later?.[1] && later[2]) {
    const subjectStart = from + later.index + later[0].indexOf(later[1]);
    const cueStart = from + later.index + later[0].length - later[2].length;
    return {
      cue: { start: cueStart, end: cueStart + later[2].length },
      subject: { start: subjectStart, end: subjectStart + later[1].length },
      pattern: 'X said',
    };
  }
  return null;
}

/**
 * The cue before a quote's opening mark, within its sentence: `X said: "…"`, `X told reporters "…"`,
 * `X said the outage was due to "…"` (a partial quote), or `according to X, "…"`. The last cue wins.
 */
export function cueBefore(text: string, limit: number, to: number): ReportingCue | null {
  const window = text.slice(limit, to);
  let found: ReportingCue | null = null;
  const according = /according to\s/giu;
  for (let match = according.exec(window); match; match = according.exec(window)) {
    const subject = phraseAfter(text, limit + match.index + match[0].length, to);
    if (subject)
      found = { cue: { start: limit + match.index, end: limit + match.index + 'according to'.length }, subject, pattern: 'according to X' };
  }
  const verbs = new RegExp(`\\b(${VERB})\\b`, 'giu');
  for (let match = verbs.exec(window); match; match = verbs.exec(window)) {
    const cue = { start: limit + match.index, end: limit + match.index + match[0].length };
    const subject = phraseBefore(text, cue.start, limit);
    const pattern = /^tell|^told/iu.test(match[0]) ? 'X told' : 'X said';
    if (subject && (!found || cue.start > found.cue.start)) found = { cue, subject, pattern };
    else if (!subject) {
      // "said X: '…'": the speaker follows the verb.
      const after = phraseAfter(text, cue.end, to);
      if (after && (!found || cue.start > found.cue.start)) found = { cue, subject: after, pattern: 'said X' };
    }
  }
  // "Trump attacked Clinton for her vote, saying, “…”": a participle closes the words before the quote; the sentence names the speaker.
  const participle =
    /,\s*(saying|adding|asking|writing|tweeting|declaring|noting|arguing|insisting|warning|explaining|telling \p{L}+)[,:]?\s*$/iu.exec(
      window,
    );
  if (participle?.[1] && (!found || limit + participle.index > found.cue.start)) {
    const cueStart = limit + participle.index + participle[0].indexOf(participle[1]);
    const subject = { start: limit + (window.length - window.trimStart().length), end: limit + participle.index };
    if (subject.end > subject.start) found = { cue: { start: cueStart, end: cueStart + participle[1].length }, subject, pattern: 'X said' };
  }
  // "As Steven M. Rosenthal, a tax lawyer, recently put it, “…”".
  const putIt = /\bas\s+([^"“”]{2,160}?)\s+(?:\p{L}+ly\s+)?(put it)[,:]?\s*$/iu.exec(window);
  if (putIt?.[1] && putIt[2] && (!found || limit + putIt.index > found.cue.start)) {
    const subjectStart = limit + putIt.index + putIt[0].indexOf(putIt[1]);
    const cueStart = limit + putIt.index + putIt[0].lastIndexOf(putIt[2]);
    found = {
      cue: { start: cueStart, end: cueStart + putIt[2].length },
      subject: { start: subjectStart, end: subjectStart + putIt[1].length },
      pattern: 'X said',
    };
  }
  return found;
}
