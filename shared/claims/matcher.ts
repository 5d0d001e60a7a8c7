// The offline claim matcher (docs/CLAIMS.md): claims with the same normalised text are the same claim at once; near matches
// are ranked by BM25 (MiniSearch) and scored by an idf-weighted overlap adjusted for numbers, dates and entities.
import MiniSearch from 'minisearch';
import { agreementFactor, DEFAULT_AGREEMENT_WEIGHTS, dateAgreement, entityAgreement, numberAgreement } from './agreement.ts';
import type { Agreement, AgreementWeights } from './agreement.ts';
import { normaliseClaim } from './normalise.ts';
import type { NormalisedClaim } from './normalise.ts';
import { foldText } from './text.ts';

export interface ClaimInput {
  id: string;
  text: string;
  /** Text searched beside the claim at a lower weight (a fact-check's headline, the sentence around the claim). */
  context?: string;
  /** Entity ids or names; names are compared folded. */
  entities?: readonly string[];
  /** When the claim was made (ISO date), kept for the caller. */
  date?: string;
}

export type MatchLevel = 'same' | 'suggest' | 'none';

export interface ClaimMatch {
  id: string;
  /** Calibrated similarity in [0, 1]: 1 for the same normalised text; compare with `thresholds`. */
  score: number;
  level: MatchLevel;
  /** The candidate's BM25 score for the query (unbounded; for ranking only). */
  bm25: number;
  /** The idf-weighted cosine of the two token sets, before agreement. */
  lexical: number;
  numbers: Agreement;
  dates: Agreement;
  entities: Agreement;
  /** Same normalised text. */
  identical: boolean;
}

export interface MatcherOptions {
  /** `same`: group at once; `suggest`: ask the analyst. */
  thresholds: { same: number; suggest: number };
  /** BM25 parameters of MiniSearch (BM25+). */
  bm25: { k: number; b: number; d: number };
  /** Weight of the context field against the claim's text. */
  contextBoost: number;
  /** How many BM25 candidates are scored. */
  candidates: number;
  /**
   * Terms in more than this share of the tracked claims (and in more than `commonTermFloor` of them) are left out of the
   * candidate search, as long as `keptTerms` rarer ones remain: they add little to BM25 and cost the most. The score still counts them.
   */
  commonTermShare: number;
  commonTermFloor: number;
  keptTerms: number;
  /** The order of results: `rankBm25` × BM25 (relative to the best) + (1 − `rankBm25`) × score. */
  rankBm25: number;
  /** Weight of the candidate's coverage by the query beside the symmetric cosine in the score (0: cosine only). */
  coverage: number;
  agreement: AgreementWeights;
}

// Tuned on the train split of CLEF CheckThat! 2020 Task 2 (npm run eval:claims DIR -- --tune); docs/CLAIMS.md.
export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  thresholds: { same: 0.85, suggest: 0.45 },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
  contextBoost: 1,
  candidates: 50,
  commonTermShare: 0.01,
  commonTermFloor: 1000,
  keptTerms: 3,
  rankBm25: 0.25,
  coverage: 0,
  agreement: DEFAULT_AGREEMENT_WEIGHTS,
};

interface Tracked {
  id: string;
  normalised: NormalisedClaim;
  terms: ReadonlySet<string>;
  entities: ReadonlySet<string>;
  date?: string;
}

interface IndexedClaim {
  id: string;
  claim: string;
  context: string;
}

const splitTokens = (text: string) => text.split(' ').filter((token) => token !== '');

function entitySet(entities: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((entities ?? []).map((entity) => foldText(entity).trim()).filter((entity) => entity !== ''));
}

export class ClaimMatcher {
  options: MatcherOptions;
  private readonly claims = new Map<string, Tracked>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly index: MiniSearch<IndexedClaim>;

  constructor(options: Partial<MatcherOptions> = {}) {
    this.options = { ...DEFAULT_MATCHER_OPTIONS, ...options };
    this.index = new MiniSearch<IndexedClaim>({
      fields: ['claim', 'context'],
      tokenize: splitTokens,
      processTerm: (term) => term,
    });
  }

  /** Changes search-time options (thresholds, weights, BM25 parameters) without rebuilding the index. */
  configure(options: Partial<MatcherOptions>): void {
    this.options = { ...this.options, ...options };
  }

  get size(): number {
    return this.claims.size;
  }

  has(id: string): boolean {
    return this.claims.has(id);
  }

  /** Tracks a claim. Its id must be new. */
  add(input: ClaimInput): void {
    if (this.claims.has(input.id)) throw new Error(`claim ${input.id} is already tracked`);
    const normalised = normaliseClaim(input.text);
    const tracked: Tracked = { id: input.id, normalised, terms: new Set(normalised.tokens), entities: entitySet(input.entities) };
    if (input.date !== undefined) tracked.date = input.date;
    this.claims.set(input.id, tracked);
    let group = this.byKey.get(normalised.key);
    if (!group) this.byKey.set(normalised.key, (group = new Set()));
    group.add(input.id);
    for (const term of tracked.terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    const context = input.context === undefined ? '' : normaliseClaim(input.context).key;
    this.index.add({ id: input.id, claim: normalised.key, context });
  }

  /** Stops tracking a claim (edited or deleted); unknown ids are ignored. */
  remove(id: string): void {
    const tracked = this.claims.get(id);
    if (!tracked) return;
    this.claims.delete(id);
    const group = this.byKey.get(tracked.normalised.key);
    group?.delete(id);
    if (group?.size === 0) this.byKey.delete(tracked.normalised.key);
    for (const term of tracked.terms) {
      const count = (this.documentFrequency.get(term) ?? 1) - 1;
      if (count === 0) this.documentFrequency.delete(term);
      else this.documentFrequency.set(term, count);
    }
    this.index.discard(id);
  }

  /** The tracked claims whose normalised text is that of `text`. */
  identicalTo(text: string): string[] {
    return [...(this.byKey.get(normaliseClaim(text).key) ?? [])];
  }

  /** The tracked claims nearest to `input`, best first; `input.id`, if tracked, is left out. */
  match(input: Omit<ClaimInput, 'id'> & { id?: string }, limit = 10): ClaimMatch[] {
    const query = normaliseClaim(input.text);
    const entities = entitySet(input.entities);
    const queryTerms = new Set(query.tokens);
    const { thresholds, rankBm25, agreement } = this.options;
    const searched = this.candidateTerms(query.tokens);
    const hits = searched.length
      ? this.index.search(searched.join(' '), { boost: { claim: 1, context: this.options.contextBoost }, bm25: this.options.bm25 })
      : [];
    const bm25ById = new Map<string, number>();
    for (const hit of hits.slice(0, this.options.candidates)) bm25ById.set(hit.id as string, hit.score);
    for (const id of this.byKey.get(query.key) ?? []) if (!bm25ById.has(id)) bm25ById.set(id, hits[0]?.score ?? 0);
    const topBm25 = hits[0]?.score ?? 1;
    const matches: { match: ClaimMatch; rank: number }[] = [];
    for (const [id, bm25] of bm25ById) {
      const tracked = this.claims.get(id);
      if (!tracked || id === input.id) continue;
      const identical = query.key !== '' && tracked.normalised.key === query.key;
      const lexical = this.similarity(queryTerms, tracked.terms);
      const numbers = numberAgreement(query.numbers, tracked.normalised.numbers);
      const dates = dateAgreement(query.dates, tracked.normalised.dates);
      const entityMatch = entityAgreement(entities, tracked.entities);
      const score = identical ? 1 : Math.min(1, lexical * agreementFactor(numbers, dates, entityMatch, agreement));
      const level: MatchLevel = score >= thresholds.same ? 'same' : score >= thresholds.suggest ? 'suggest' : 'none';
      const match: ClaimMatch = { id, score, level, bm25, lexical, numbers, dates, entities: entityMatch, identical };
      matches.push({ match, rank: rankBm25 * (bm25 / topBm25) + (1 - rankBm25) * score });
    }
    matches.sort((a, b) => b.rank - a.rank || (a.match.id < b.match.id ? -1 : 1));
    return matches.slice(0, limit).map(({ match }) => match);
  }

  /** The tracked claim's date, if it was given one. */
  dateOf(id: string): string | undefined {
    return this.claims.get(id)?.date;
  }

  /** The query's terms for the candidate search: all of them but the most common (see `commonTermShare`). */
  private candidateTerms(tokens: readonly string[]): string[] {
    const { commonTermShare, commonTermFloor, keptTerms } = this.options;
    const limit = Math.max(commonTermFloor, commonTermShare * this.claims.size);
    const frequency = (term: string) => this.documentFrequency.get(term) ?? 0;
    const rare = tokens.filter((term) => frequency(term) <= limit);
    if (rare.length >= keptTerms || rare.length === tokens.length) return rare;
    const common = [...new Set(tokens.filter((term) => frequency(term) > limit))].sort((a, b) => frequency(a) - frequency(b));
    const allowed = new Set(common.slice(0, keptTerms - rare.length));
    return tokens.filter((term) => frequency(term) <= limit || allowed.has(term));
  }

  private weight(term: string): number {
    const n = this.claims.size;
    return Math.log(1 + (n + 1) / ((this.documentFrequency.get(term) ?? 0) + 0.5));
  }

  /** Idf-weighted cosine of two token sets, blended with how much of the candidate the query covers. */
  private similarity(query: ReadonlySet<string>, candidate: ReadonlySet<string>): number {
    let shared = 0;
    let queryNorm = 0;
    let candidateNorm = 0;
    for (const term of query) {
      const weight = this.weight(term) ** 2;
      queryNorm += weight;
      if (candidate.has(term)) shared += weight;
    }
    for (const term of candidate) candidateNorm += this.weight(term) ** 2;
    if (shared === 0) return 0;
    const cosine = shared / Math.sqrt(queryNorm * candidateNorm);
    const { coverage } = this.options;
    return coverage === 0 ? cosine : (1 - coverage) * cosine + coverage * (shared / candidateNorm);
  }
}
