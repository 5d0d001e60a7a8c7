// The organisers' scorer (evaluate.py, which calls trectools' TrecEval with trec_eval ordering), re-stated: each query's run
// is sorted by score, then by document id, both descending; a query counts when it is both in the run and in the qrels.

export interface RunEntry {
  doc: string;
  score: number;
}

/** Scored documents per query id. */
export type Run = Map<string, RunEntry[]>;

export interface Scores {
  map: Record<number, number>;
  precision: Record<number, number>;
  /** Reciprocal rank of the first relevant document within the whole run (trectools' `reciprocal_rank` at depth "all"). */
  mrr: number;
  /** Queries in both the run and the qrels: the denominator of every mean. */
  queries: number;
}

/** trec_eval order: score descending, ties broken by document id descending (numeric ids compare as numbers, as pandas reads them). */
export function trecOrder(entries: readonly RunEntry[]): RunEntry[] {
  const byId = (a: string, b: string) => {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) ? y - x : b < a ? -1 : b > a ? 1 : 0;
  };
  return [...entries].sort((a, b) => b.score - a.score || byId(a.doc, b.doc));
}

/** trectools' `get_map(depth)`: per query, the sum over relevant documents in the top `depth` of (relevant so far / rank), over all its relevant documents. */
export function averagePrecision(ranked: readonly RunEntry[], relevant: ReadonlySet<string>, depth: number): number {
  let found = 0;
  let sum = 0;
  ranked.slice(0, depth).forEach((entry, index) => {
    if (relevant.has(entry.doc)) sum += ++found / (index + 1);
  });
  return relevant.size === 0 ? 0 : sum / relevant.size;
}

export function precisionAt(ranked: readonly RunEntry[], relevant: ReadonlySet<string>, depth: number): number {
  return ranked.slice(0, depth).filter((entry) => relevant.has(entry.doc)).length / depth;
}

export function reciprocalRank(ranked: readonly RunEntry[], relevant: ReadonlySet<string>, depth = Infinity): number {
  const index = ranked.slice(0, depth).findIndex((entry) => relevant.has(entry.doc));
  return index < 0 ? 0 : 1 / (index + 1);
}

export function score(run: Run, qrels: ReadonlyMap<string, ReadonlySet<string>>, depths: readonly number[] = [1, 3, 5, 10]): Scores {
  const queries = [...run.keys()].filter((query) => qrels.has(query));
  const mean = (perQuery: (ranked: RunEntry[], relevant: ReadonlySet<string>) => number) =>
    queries.length === 0
      ? 0
      : queries.reduce((sum, query) => sum + perQuery(trecOrder(run.get(query) ?? []), qrels.get(query) ?? new Set()), 0) / queries.length;
  const map: Record<number, number> = {};
  const precision: Record<number, number> = {};
  for (const depth of depths) {
    map[depth] = mean((ranked, relevant) => averagePrecision(ranked, relevant, depth));
    precision[depth] = mean((ranked, relevant) => precisionAt(ranked, relevant, depth));
  }
  return { map, precision, mrr: mean((ranked, relevant) => reciprocalRank(ranked, relevant)), queries: queries.length };
}
