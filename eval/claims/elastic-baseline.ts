// The organisers' baseline (elastic_search_baseline.py) reproduced offline: Elasticsearch 7 indexes `vclaim` and `title` with
// the standard analyzer (Unicode word boundaries, lower case, no stopwords, no stemming) and runs a `multi_match` query
// (best_fields: the better field's score, tie_breaker 0) scored by Lucene 8's BM25 (k1 = 1.2, b = 0.75). Here one
// MiniSearch index per field (so each field's idf counts the documents that have it) with plain BM25 (d = 0); see
// docs/CLAIMS.md, "The baseline", for how each Lucene detail is kept.
import MiniSearch from 'minisearch';
import type { VerifiedClaim } from './clef-data.ts';
import type { RunEntry } from './scorer.ts';

const LUCENE_BM25 = { k: 1.2, b: 0.75, d: 0 };

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** The standard analyzer: UAX #29 word segments that hold a letter or digit, lower-cased. */
export function standardTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) tokens.push(segment.segment.toLowerCase());
  return tokens;
}

// Lucene's SmallFloat.intToByte4 / byte4ToInt: a field's length is stored in one byte, exact below 24, rounded down above.
const FREE_VALUES = 24;
function longToInt4(value: number): number {
  const bits = Math.floor(Math.log2(value)) + 1;
  if (bits < 4) return value;
  const shift = bits - 4;
  return (Math.floor(value / 2 ** shift) & 0x07) | ((shift + 1) << 3);
}
function int4ToLong(value: number): number {
  const shift = (value >>> 3) - 1;
  return shift === -1 ? value & 0x07 : ((value & 0x07) | 0x08) * 2 ** shift;
}
/** The field length Lucene's BM25 uses for a field of `length` tokens. */
export function luceneLength(length: number): number {
  return length < FREE_VALUES ? length : FREE_VALUES + int4ToLong(longToInt4(length - FREE_VALUES));
}

// MiniSearch takes a field's length as the number of distinct tokens its `tokenize` returns, before `processTerm`. Tokens are
// numbered modulo Lucene's stored length, so that count is the length Lucene uses, and `processTerm` takes the numbers off
// again (term frequencies stay exact).
const MARK = '\u0001';
function lengthPreservingTokens(text: string): string[] {
  const tokens = standardTokens(text);
  const length = luceneLength(tokens.length);
  return tokens.map((token, i) => `${token}${MARK}${i % length}`);
}
function stripMark(term: string): string {
  const at = term.indexOf(MARK);
  return at < 0 ? term : term.slice(0, at);
}

function fieldIndex(claims: readonly VerifiedClaim[], field: 'vclaim' | 'title'): MiniSearch<{ id: string; text: string }> {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    tokenize: lengthPreservingTokens,
    processTerm: stripMark,
    searchOptions: { tokenize: standardTokens, processTerm: (term) => term, bm25: LUCENE_BM25 },
  });
  for (const claim of claims) if (standardTokens(claim[field]).length > 0) index.add({ id: claim.id, text: claim[field] });
  return index;
}

export class ElasticBaseline {
  private readonly fields: MiniSearch<{ id: string; text: string }>[];

  constructor(claims: readonly VerifiedClaim[]) {
    this.fields = [fieldIndex(claims, 'vclaim'), fieldIndex(claims, 'title')];
  }

  /** Every verified claim that shares a term with the tweet, with Elasticsearch's score (a 32-bit float, as it answers). */
  search(tweet: string): RunEntry[] {
    const best = new Map<string, number>();
    for (const index of this.fields) {
      for (const hit of index.search(tweet)) {
        // MiniSearch multiplies a document's summed BM25 by the number of distinct query terms it matched; Lucene does not.
        const bm25 = hit.score / hit.queryTerms.length;
        best.set(hit.id as string, Math.max(best.get(hit.id as string) ?? 0, bm25));
      }
    }
    return [...best].map(([doc, score]) => ({ doc, score: Math.fround(score) }));
  }
}
