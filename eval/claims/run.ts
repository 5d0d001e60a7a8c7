// `npm run eval:claims DIR`: the claim matcher on CLEF CheckThat! 2020 Task 2 (tweets against verified claims), scored as the
// organisers score it, beside their BM25 Elasticsearch baseline reproduced offline in the same run. Reports the dev split;
// `--test` also runs the held-out test split; `--tune` searches the matcher's weights on the train split.
// Writes eval/claims/results.json (figures only). docs/CLAIMS.md tells how to get the data.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ClaimMatcher } from '../../shared/claims/matcher.ts';
import type { MatcherOptions } from '../../shared/claims/matcher.ts';
import { readSplit, readVerifiedClaims } from './clef-data.ts';
import type { Split, VerifiedClaim } from './clef-data.ts';
import { ElasticBaseline } from './elastic-baseline.ts';
import { score } from './scorer.ts';
import type { Run, RunEntry, Scores } from './scorer.ts';
import { tweetAsClaim } from './tweets.ts';

/** How many verified claims the matcher ranks per tweet. */
const RANKED = 100;

interface Timed {
  run: Run;
  msPerQuery: { median: number; mean: number; max: number };
}

function timeQueries(split: Split, search: (text: string) => RunEntry[]): Timed {
  const run: Run = new Map();
  const times: number[] = [];
  if (split.tweets[0]) search(split.tweets[0].text); // warm-up, untimed
  for (const tweet of split.tweets) {
    const start = performance.now();
    run.set(tweet.id, search(tweet.text));
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return { run, msPerQuery: { median, mean: times.reduce((a, b) => a + b, 0) / times.length, max: sorted.at(-1) ?? 0 } };
}

function buildMatcher(claims: readonly VerifiedClaim[]): ClaimMatcher {
  const matcher = new ClaimMatcher({ candidates: RANKED });
  for (const claim of claims) matcher.add({ id: claim.id, text: claim.vclaim, context: claim.title });
  return matcher;
}

function matcherSearch(matcher: ClaimMatcher) {
  return (text: string): RunEntry[] =>
    // the run's scores are the rank order (trec_eval sorts by score)
    matcher.match(tweetAsClaim(text), RANKED).map((match, index) => ({ doc: match.id, score: RANKED - index }));
}

const f3 = (value: number) => value.toFixed(3);

function printScores(label: string, scores: Scores, timed: Timed): void {
  console.log(
    `${label.padEnd(34)} MAP@1 ${f3(scores.map[1] ?? 0)}  MAP@3 ${f3(scores.map[3] ?? 0)}  MAP@5 ${f3(scores.map[5] ?? 0)}  ` +
      `MAP@10 ${f3(scores.map[10] ?? 0)}  P@1 ${f3(scores.precision[1] ?? 0)}  MRR ${f3(scores.mrr)}  ` +
      `(${scores.queries} queries; ${timed.msPerQuery.median.toFixed(2)} ms/query median, ${timed.msPerQuery.max.toFixed(1)} max)`,
  );
}

function evaluateSplit(split: Split, matcher: ClaimMatcher, baseline: ElasticBaseline) {
  const ours = timeQueries(split, matcherSearch(matcher));
  const elastic = timeQueries(split, (text) => baseline.search(text));
  const oursScores = score(ours.run, split.qrels);
  const elasticScores = score(elastic.run, split.qrels);
  printScores(`${split.name}: claim matcher`, oursScores, ours);
  printScores(`${split.name}: BM25 baseline (Elasticsearch)`, elasticScores, elastic);
  return {
    tweets: split.tweets.length,
    matcher: { ...oursScores, msPerQuery: ours.msPerQuery },
    baseline: { ...elasticScores, msPerQuery: elastic.msPerQuery },
  };
}

/** A grid over the search-time weights, scored by MAP@5 on the train split only. */
function tune(split: Split, matcher: ClaimMatcher): Partial<MatcherOptions> {
  let best: { options: Partial<MatcherOptions>; map5: number } | undefined;
  // a first grid (rankBm25 0.25–1, contextBoost 0.5–1, coverage 0–0.5, b 0.5–0.75) was flat within 0.013 of MAP@5; this one
  // checks the remaining choices around its best
  for (const rankBm25 of [0.25, 0.5]) {
    for (const commonTermFloor of [200, 1000, Number.POSITIVE_INFINITY]) {
      const options: Partial<MatcherOptions> = {
        rankBm25,
        contextBoost: 1,
        coverage: 0,
        bm25: { k: 1.2, b: 0.75, d: 0.5 },
        commonTermFloor,
      };
      matcher.configure(options);
      const map5 = score(timeQueries(split, matcherSearch(matcher)).run, split.qrels).map[5] ?? 0;
      console.log(`train MAP@5 ${f3(map5)} with ${JSON.stringify(options)}`);
      if (!best || map5 > best.map5) best = { options, map5 };
    }
  }
  return best?.options ?? {};
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { test: { type: 'boolean', default: false }, tune: { type: 'boolean', default: false } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: npm run eval:claims DIR [-- --test] [-- --tune]   (DIR: the unzipped CLEF 2020 Task 2 data, docs/CLAIMS.md)');
  process.exit(2);
}
const claims = readVerifiedClaims(dir);
const buildStart = performance.now();
const matcher = buildMatcher(claims);
const buildMs = performance.now() - buildStart;
const baseline = new ElasticBaseline(claims);
console.log(`${claims.length} verified claims indexed in ${buildMs.toFixed(0)} ms`);

if (values.tune) {
  const train = readSplit(dir, 'train');
  if (!train) throw new Error('no train split');
  const options = tune(train, matcher);
  console.log(`best on train: ${JSON.stringify(options)}`);
  process.exit(0);
}

const results: Record<string, unknown> = { verifiedClaims: claims.length, indexBuildMs: Math.round(buildMs) };
for (const name of values.test ? (['dev', 'test'] as const) : (['dev'] as const)) {
  const split = readSplit(dir, name);
  if (!split) {
    console.log(`${name}: not found in ${dir}`);
    continue;
  }
  results[name === 'test' ? 'test (held out)' : name] = evaluateSplit(split, matcher, baseline);
}
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), options: matcher.options, ...results }, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
