import type { Tagset } from '../model/tagset.ts';
import type { NameMention } from './entity-mentions.ts';
import type { TaggedSentence } from './nlp-terms.ts';
import { trimSpan } from './paragraphs.ts';
import { REPORTING_VERBS } from './reporting-cues.ts';
import { suggestionId, type ClaimSuggestion } from './suggestion.ts';

/** One transparent feature of a check-worthy sentence: its weight, and the claim label it points to. */
interface Feature {
  reason: string;
  weight: number;
  label?: string;
  test: (sentence: SentenceFacts) => boolean;
}

interface SentenceFacts {
  words: string;
  tags: ReadonlySet<string>;
  wordCount: number;
  names: number;
}

const has =
  (...tags: string[]) =>
  (facts: SentenceFacts) =>
    tags.some((tag) => facts.tags.has(tag));
const says = (pattern: RegExp) => (facts: SentenceFacts) => pattern.test(facts.words);

/** The features and their weights (docs/SUGGESTIONS.md lists them); a sentence starts at BASE_SCORE. */
export const CLAIM_FEATURES: readonly Feature[] = [
  {
    reason: 'a number or quantity',
    weight: 0.3,
    label: 'statistic',
    test: (facts) => has('Value', 'Cardinal', 'Percent', 'Money', 'Fraction')(facts) || /\d/u.test(facts.words),
  },
  {
    reason: 'a date or time',
    weight: 0.15,
    label: 'event',
    test: (facts) => has('Date', 'Month', 'WeekDay', 'Time', 'Year')(facts) || /\b(?:1[89]|20)\d\d\b/u.test(facts.words),
  },
  {
    reason: 'a comparison',
    weight: 0.15,
    test: (facts) =>
      has('Comparative', 'Superlative')(facts) ||
      says(/\b(?:more|less|fewer) than\b|\b(?:highest|lowest|largest|biggest|smallest|first|record)\b/iu)(facts),
  },
  {
    reason: 'a cause and effect',
    weight: 0.2,
    label: 'causal',
    test: says(
      /\b(?:because|due to|caused|causing|led to|leads to|as a result|resulting in|result of|blamed|linked to|responsible for)\b/iu,
    ),
  },
  {
    reason: 'a law, rule or official act',
    weight: 0.2,
    label: 'legal',
    test: says(
      /\b(?:law|laws|illegal|unlawful|legally|banned|prohibit(?:s|ed)?|legislation|treaty|constitution(?:al)?|regulations?|resolution|adopted|passed|voted|approved|designate[sd]?|sanction(?:s|ed)?|ruled|court)\b/iu,
    ),
  },
  {
    reason: 'what a law allows or forbids',
    weight: 0.15,
    label: 'legal',
    test: (facts) =>
      /\b(?:law|laws|legislation|treaty|constitution|regulations?|rules?)\b/iu.test(facts.words) &&
      /\b(?:cannot|can't|can|must|may not|may|allowed|forbidden|required|entitled)\b/iu.test(facts.words),
  },
  {
    reason: 'an act someone could confirm (an attack, an arrest, a claim of responsibility)',
    weight: 0.2,
    label: 'event',
    test: says(
      /\b(?:attack(?:ed|s)?|cyberattacks?|hacked|hackers?|killed|arrested|charged|accused|claimed responsibility|invaded|bombed|shot|resigned|elected|died|injured|seized|destroyed|stranded)\b/iu,
    ),
  },
  { reason: 'an attribution', weight: 0.1, test: says(new RegExp(`\\b(?:${REPORTING_VERBS}|according to)\\b`, 'iu')) },
  { reason: 'a named actor', weight: 0.15, test: (facts) => facts.names > 0 },
  {
    reason: 'an opinion or hedge',
    weight: -0.2,
    test: says(/\b(?:I think|I believe|we believe|should|hope|perhaps|maybe|might|wish)\b/iu),
  },
  { reason: 'a question', weight: -0.3, test: says(/\?["”]?$/u) },
  { reason: 'too short to check', weight: -0.25, test: (facts) => facts.wordCount < 6 },
  {
    reason: 'a photo caption or credit',
    weight: -0.6,
    test: says(
      /^(?:photo(?:graph)?|image|picture|caption|pictured)\b|\b(?:photograph|photo|image|picture|illustration)\s*(?::|by\b)|\((?:photo|image|picture)\b|getty images|\bAP Photo\b|\bshutterstock\b|\/\s*(?:Reuters|AFP|AP|EPA|PA)\b/iu,
    ),
  },
  {
    reason: 'a link or a list of links',
    weight: -0.6,
    test: says(/https?:\/\/|\bwww\.|^(?:read more|related|see also|click here|sign up|follow us)\b/iu),
  },
];

export const BASE_SCORE = 0.1;
/** Sentences scoring below this are not suggested. */
export const CLAIM_THRESHOLD = 0.5;

/** A sentence's check-worthiness: the base score plus the weights of its features, 0–1, with the features as reasons. */
export function scoreSentence(facts: SentenceFacts): { score: number; reasons: string[]; label?: string } {
  const matched = CLAIM_FEATURES.filter((feature) => feature.test(facts));
  const score = Math.min(1, Math.max(0, BASE_SCORE + matched.reduce((sum, feature) => sum + feature.weight, 0)));
  const label = matched.find((feature) => feature.label)?.label;
  const reasons = matched.map((feature) => `${feature.weight > 0 ? '+' : '−'}${Math.abs(feature.weight).toFixed(2)} ${feature.reason}`);
  return { score: Math.round(score * 100) / 100, reasons, ...(label ? { label } : {}) };
}

/** Check-worthy sentences: each sentence scored by transparent features; those at or above the threshold suggested, the features shown as reasons. */
export function suggestClaims(
  text: string,
  sentences: readonly TaggedSentence[],
  names: readonly NameMention[],
  tagset: Tagset,
): ClaimSuggestion[] {
  const labels = new Set(tagset.claimLabels.map((entry) => entry.id));
  const suggestions: ClaimSuggestion[] = [];
  for (const sentence of sentences) {
    const span = trimSpan(text, sentence, '"“”');
    if (!span) continue;
    const words = text.slice(span.start, span.end);
    const tags = new Set(sentence.terms.flatMap((term) => [...term.tags]));
    const facts = {
      words,
      tags,
      wordCount: sentence.terms.length,
      names: names.filter((name) => name.start >= span.start && name.end <= span.end).length,
    };
    const { score, reasons, label } = scoreSentence(facts);
    if (score < CLAIM_THRESHOLD) continue;
    suggestions.push({
      id: suggestionId('claim', span),
      kind: 'claim',
      start: span.start,
      end: span.end,
      confidence: score,
      reasons,
      ...(label && labels.has(label) ? { label } : {}),
    });
  }
  return suggestions;
}
