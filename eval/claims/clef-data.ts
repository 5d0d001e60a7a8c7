// Reads CLEF CheckThat! 2020 Task 2 (verified-claim retrieval) from the folder a developer unzipped (docs/CLAIMS.md, "Getting the data").
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export interface VerifiedClaim {
  id: string;
  vclaim: string;
  title: string;
}

export interface Tweet {
  id: string;
  text: string;
}

/** Relevant verified-claim ids per tweet id. */
export type Qrels = Map<string, Set<string>>;

export interface Split {
  name: string;
  tweets: Tweet[];
  qrels: Qrels;
}

/** Rows of a tab-separated file with a header, quoted as pandas' `read_csv(sep='\t')` reads them. */
function readTsv(file: string): string[][] {
  const rows = parse(readFileSync(file, 'utf8'), {
    delimiter: '\t',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  return rows.slice(1);
}

export function readQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of text.split('\n')) {
    const [query, , doc, rel] = line.trim().split(/\s+/);
    if (!query || !doc || Number(rel) <= 0) continue;
    let relevant = qrels.get(query);
    if (!relevant) qrels.set(query, (relevant = new Set()));
    relevant.add(doc);
  }
  return qrels;
}

/** The folder that holds `verified_claims.docs.tsv`: DIR itself or its `v3.0/`. */
function dataRoot(dir: string): string {
  for (const candidate of [dir, path.join(dir, 'v3.0')]) if (existsSync(path.join(candidate, 'verified_claims.docs.tsv'))) return candidate;
  throw new Error(`no verified_claims.docs.tsv in ${dir} or ${path.join(dir, 'v3.0')}: see docs/CLAIMS.md, "Getting the data"`);
}

export function readVerifiedClaims(dir: string): VerifiedClaim[] {
  return readTsv(path.join(dataRoot(dir), 'verified_claims.docs.tsv')).map(([id = '', vclaim = '', title = '']) => ({ id, vclaim, title }));
}

/** A split: `train` and `dev` from v3.0, `test` (held out) from the test archive unzipped into DIR/test. */
export function readSplit(dir: string, name: 'train' | 'dev' | 'test'): Split | undefined {
  const folder = name === 'test' ? path.join(dir, 'test') : path.join(dataRoot(dir), name);
  const tweetsFile = path.join(folder, 'tweets.queries.tsv');
  const qrelsFile = path.join(folder, 'tweet-vclaim-pairs.qrels');
  if (!existsSync(tweetsFile) || !existsSync(qrelsFile)) return undefined;
  const tweets = readTsv(tweetsFile).map(([id = '', text = '']) => ({ id, text }));
  return { name, tweets, qrels: readQrels(readFileSync(qrelsFile, 'utf8')) };
}
