// `npm run eval [-- --polnear DIR] [--ner DIR] [--checkworthy DIR] [--held-out]`: scores the suggesters
// against the hand-annotated gold texts in eval/gold/ (precision, recall and F1 for entity mentions,
// quote spans and claims, and speaker accuracy, for the development texts, the held-out texts and
// all of them), then on the public corpora whose folders are given (eval/real/), with a reliability
// table per kind. Writes eval/results.json.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_TAGSET } from '../shared/model/tagset.ts';
import { annotatedSampleDocument } from '../shared/testing/annotated-sample.ts';
import { suggestDocument } from '../shared/suggest/suggest-document.ts';
import type { SuggestionSet } from '../shared/suggest/suggestion.ts';
import { readGoldSet, type GoldText } from './gold-set.ts';
import { fitTable, writeTable } from './real/fit-calibration.ts';
import { printReal, runReal } from './real/run-real.ts';
import { coveredChars } from './real/spans.ts';
import { addCounts, exactMatch, halfOverlap, pairSpans, scoresOf, type Counts, type Scores } from './scores.ts';

/** The confidence the reader shows suggestions from by default. */
const SHOWN = 0.5;

interface TextCounts {
  mentions: Counts;
  mentionTypes: { right: number; of: number };
  quotesExact: Counts;
  quotesOverlap: Counts;
  directRecall: { found: number; of: number };
  speakers: { right: number; of: number };
  directSpeakers: { right: number; of: number };
  claims: Counts;
}

const ratio = (part: { right?: number; found?: number; of: number }) => (part.of ? (part.right ?? part.found ?? 0) / part.of : null);

function countText(gold: GoldText, set: SuggestionSet): TextCounts {
  const shown = set.suggestions.filter((s) => s.confidence >= SHOWN);
  const entityOf = (key: string | undefined) => set.entities.find((entity) => entity.key === key);
  const mentions = shown.filter((s) => s.kind === 'entity');
  const mentionPairs = pairSpans(mentions, gold.mentions, exactMatch);
  const typeRight = mentionPairs.filter(([p, g]) => p.kind === 'entity' && entityOf(p.entityKey)?.type === g.type).length;
  const quotes = shown.filter((s) => s.kind === 'quote');
  const exactPairs = pairSpans(quotes, gold.quotes, exactMatch);
  const overlapPairs = pairSpans(quotes, gold.quotes, halfOverlap);
  const direct = gold.quotes.filter((quote) => quote.form === 'direct');
  const speakerJudged = overlapPairs.filter(([, g]) => g.speaker !== null);
  const speakerRight = ([p, g]: (typeof speakerJudged)[number]) => {
    const name = p.kind === 'quote' ? entityOf(p.speakerKey)?.name.toLowerCase() : undefined;
    return name !== undefined && g.speaker !== null && (gold.names.get(g.speaker) ?? []).includes(name);
  };
  const claims = shown.filter((s) => s.kind === 'claim');
  return {
    mentions: { matched: mentionPairs.length, predicted: mentions.length, gold: gold.mentions.length },
    mentionTypes: { right: typeRight, of: mentionPairs.length },
    quotesExact: { matched: exactPairs.length, predicted: quotes.length, gold: gold.quotes.length },
    quotesOverlap: { matched: overlapPairs.length, predicted: quotes.length, gold: gold.quotes.length },
    directRecall: { found: direct.filter((g) => quotes.some((p) => exactMatch(p, g))).length, of: direct.length },
    speakers: { right: speakerJudged.filter(speakerRight).length, of: speakerJudged.length },
    directSpeakers: {
      right: speakerJudged.filter((pair) => pair[1].form === 'direct').filter(speakerRight).length,
      of: speakerJudged.filter((pair) => pair[1].form === 'direct').length,
    },
    claims: { matched: pairSpans(claims, gold.claims, halfOverlap).length, predicted: claims.length, gold: gold.claims.length },
  };
}

function sum(all: readonly TextCounts[]): TextCounts {
  const zero: TextCounts = {
    mentions: { matched: 0, predicted: 0, gold: 0 },
    mentionTypes: { right: 0, of: 0 },
    quotesExact: { matched: 0, predicted: 0, gold: 0 },
    quotesOverlap: { matched: 0, predicted: 0, gold: 0 },
    directRecall: { found: 0, of: 0 },
    speakers: { right: 0, of: 0 },
    directSpeakers: { right: 0, of: 0 },
    claims: { matched: 0, predicted: 0, gold: 0 },
  };
  return all.reduce(
    (a, b) => ({
      mentions: addCounts(a.mentions, b.mentions),
      mentionTypes: { right: a.mentionTypes.right + b.mentionTypes.right, of: a.mentionTypes.of + b.mentionTypes.of },
      quotesExact: addCounts(a.quotesExact, b.quotesExact),
      quotesOverlap: addCounts(a.quotesOverlap, b.quotesOverlap),
      directRecall: { found: a.directRecall.found + b.directRecall.found, of: a.directRecall.of + b.directRecall.of },
      speakers: { right: a.speakers.right + b.speakers.right, of: a.speakers.of + b.speakers.of },
      directSpeakers: { right: a.directSpeakers.right + b.directSpeakers.right, of: a.directSpeakers.of + b.directSpeakers.of },
      claims: addCounts(a.claims, b.claims),
    }),
    zero,
  );
}

interface Report {
  texts: number;
  entityMentions: Scores;
  entityTypeAccuracy: number | null;
  quoteSpansExact: Scores;
  quoteSpansOverlap: Scores;
  directQuoteRecall: number | null;
  speakerAccuracy: number | null;
  directSpeakerAccuracy: number | null;
  claims: Scores;
}

function reportOf(counts: readonly TextCounts[]): Report {
  const total = sum(counts);
  return {
    texts: counts.length,
    entityMentions: scoresOf(total.mentions),
    entityTypeAccuracy: ratio(total.mentionTypes),
    quoteSpansExact: scoresOf(total.quotesExact),
    quoteSpansOverlap: scoresOf(total.quotesOverlap),
    directQuoteRecall: ratio(total.directRecall),
    speakerAccuracy: ratio(total.speakers),
    directSpeakerAccuracy: ratio(total.directSpeakers),
    claims: scoresOf(total.claims),
  };
}

const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const prf = (scores: Scores) => `${fixed(scores.precision)} / ${fixed(scores.recall)} / ${fixed(scores.f1)}`;

const { values: args } = parseArgs({
  options: {
    polnear: { type: 'string' },
    ner: { type: 'string' },
    checkworthy: { type: 'string' },
    'held-out': { type: 'boolean', default: false },
    'fit-calibration': { type: 'boolean', default: false },
  },
});
/** Fitting scores raw confidences on the development data and writes the calibration table. */
const fitting = args['fit-calibration'];
const here = path.dirname(fileURLToPath(import.meta.url));
const gold = readGoldSet(path.join(here, 'gold'));
const counted = gold
  .map((text) => ({
    text,
    set: suggestDocument({ text: text.text, entities: [], annotations: [] }, DEFAULT_TAGSET, { calibrate: !fitting }),
  }))
  .map(({ text, set }) => ({ text, set, counts: countText(text, set) }));
/** The hand-made development texts' claims, judged (overlap ≥ ½ with a gold claim): PolNeAR and the NER corpus have none. */
const claimJudgements = counted
  .filter((item) => !item.text.heldOut)
  .flatMap(({ text, set }) =>
    set.suggestions
      .filter((s) => s.kind === 'claim')
      .map((s) => ({ confidence: s.confidence, right: text.claims.some((g) => halfOverlap(s, g)), key: 'claim' })),
  );
const splits = {
  development: counted.filter((item) => !item.text.heldOut),
  'held out': counted.filter((item) => item.text.heldOut),
  all: counted,
};
const reports = Object.fromEntries(Object.entries(splits).map(([name, items]) => [name, reportOf(items.map((item) => item.counts))]));

console.log(
  `Suggestions at or above ${SHOWN} against ${gold.length} gold texts (${splits.development.length} development, ${splits['held out'].length} held out).\n`,
);
console.log(
  '| split | texts | entity mentions P / R / F1 | entity types | quote spans P / R / F1 (exact) | quote spans (overlap ≥ ½) | direct-quote recall | speaker accuracy (direct) | claims P / R / F1 |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, report] of Object.entries(reports)) {
  console.log(
    `| ${name} | ${report.texts} | ${prf(report.entityMentions)} | ${fixed(report.entityTypeAccuracy)} | ${prf(report.quoteSpansExact)} | ${prf(report.quoteSpansOverlap)} | ${fixed(report.directQuoteRecall)} | ${fixed(report.speakerAccuracy)} (${fixed(report.directSpeakerAccuracy)}) | ${prf(report.claims)} |`,
  );
}
console.log('\nPer text (mentions matched/predicted/gold · quotes exact · claims):');
for (const { text, counts } of counted) {
  const c = (x: Counts) => `${x.matched}/${x.predicted}/${x.gold}`;
  console.log(
    `  ${text.file}${text.heldOut ? ' (held out)' : ''}: mentions ${c(counts.mentions)} · quotes ${c(counts.quotesExact)} · speakers ${counts.speakers.right}/${counts.speakers.of} · claims ${c(counts.claims)}`,
  );
}
// The sample article shipped with the app (assets/sample-article.txt) and the claims annotated on it
// (shared/testing/annotated-sample.ts): development data, read while writing the claim features.
const sample = annotatedSampleDocument(readFileSync(path.join(here, '..', 'assets', 'sample-article.txt'), 'utf8'));
const sampleClaims = suggestDocument({ text: sample.text, entities: [], annotations: [] }, DEFAULT_TAGSET, {
  calibrate: !fitting,
}).suggestions.filter((s) => s.kind === 'claim' && s.confidence >= SHOWN);
const sampleGold = sample.annotations.filter((a) => a.kind === 'claim');
/** A gold claim is found when a suggested claim (a sentence) holds half of its words or more. */
const sampleFound = sampleGold.filter((g) => sampleClaims.some((s) => coveredChars([g.target], [s]) * 2 >= g.target.end - g.target.start));
console.log(
  `\nThe sample article's annotated claims (development): ${sampleFound.length} of ${sampleGold.length} found (recall ${fixed(ratio({ found: sampleFound.length, of: sampleGold.length }))}), ${sampleClaims.length} claims suggested.`,
);
const real = runReal({
  ...args,
  heldOut: args['held-out'] && !fitting,
  shownFrom: SHOWN,
  calibrate: !fitting,
  extraDevelopment: claimJudgements,
});
if (args.polnear || args.ner || args.checkworthy) console.log(`\nPublic corpora, suggestions at or above ${SHOWN}:\n\n${printReal(real)}`);
else console.log('\nNo public corpus given (--polnear DIR, --ner DIR, --checkworthy DIR): see docs/SUGGESTIONS.md.');
if (fitting) {
  const table = fitTable(real.developmentJudgements);
  writeTable(
    path.join(here, '..', 'shared', 'suggest', 'calibration-table.ts'),
    table,
    [args.polnear && 'PolNeAR dev', 'the hand-made development texts'].filter(Boolean).join(', '),
  );
  console.log(
    `\nCalibration fitted on ${real.developmentJudgements.length} development suggestions: ${Object.keys(table).join(', ')}. Run the eval again to see it applied.`,
  );
  process.exit(0);
}
const { developmentJudgements: _judged, ...publicCorpora } = real;
const sampleArticle = { claims: sampleGold.length, found: sampleFound.length, suggested: sampleClaims.length };
writeFileSync(path.join(here, 'results.json'), `${JSON.stringify({ shownFrom: SHOWN, reports, sampleArticle, publicCorpora }, null, 2)}\n`);
