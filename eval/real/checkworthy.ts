// A check-worthiness corpus (CLEF CheckThat! 2019 Task 1, debate and speech lines labelled
// check-worthy or not) against the claim suggester: a line is suggested when a claim suggestion at
// or above the threshold covers half of it or more.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { suggestDocument } from '../../shared/suggest/suggest-document.ts';
import { canonicalText, normalizeBlockText } from '../../shared/text/canonical.ts';
import { parseCheckworthyCsv, type CheckworthyDocument } from '../corpora/checkworthy.ts';
import { scoresOf, type Scores } from '../scores.ts';
import type { Judged } from './reliability.ts';
import { coveredChars } from './spans.ts';

const FILES = { train: 'CT19-T1-Training.csv', test: 'CT19-T1-Test.csv' } as const;

/** The split's file: DIR/<file>, DIR/data/clef19/<file> or DIR/clef19/<file>. */
export function readCheckworthy(dir: string, split: keyof typeof FILES): CheckworthyDocument[] {
  for (const folder of [dir, path.join(dir, 'data', 'clef19'), path.join(dir, 'clef19')]) {
    const file = path.join(folder, FILES[split]);
    if (existsSync(file)) return parseCheckworthyCsv(readFileSync(file, 'utf8'));
  }
  throw new Error(`check-worthiness: no ${FILES[split]} in ${dir}, ${dir}/data/clef19 or ${dir}/clef19`);
}

export function evaluateCheckworthy(
  documents: readonly CheckworthyDocument[],
  shownFrom: number,
): { scores: Scores; lines: number; judged: Judged[] } {
  let matched = 0;
  let predicted = 0;
  let gold = 0;
  let lines = 0;
  const judged: Judged[] = [];
  for (const document of documents) {
    const kept = document.lines.filter((line) => normalizeBlockText(line.text) !== '');
    const text = canonicalText(kept.map((line) => line.text));
    const set = suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET);
    const claims = set.suggestions.filter((s) => s.kind === 'claim');
    let at = 0;
    const spans = kept.map((line) => {
      const length = normalizeBlockText(line.text).length;
      const span = { start: at, end: at + length, checkworthy: line.checkworthy };
      at += length + 2;
      return span;
    });
    for (const line of spans) {
      const shown = claims.filter((c) => c.confidence >= shownFrom);
      const suggestedHere = coveredChars([line], shown) * 2 >= line.end - line.start;
      lines += 1;
      if (line.checkworthy) gold += 1;
      if (suggestedHere) predicted += 1;
      if (suggestedHere && line.checkworthy) matched += 1;
    }
    for (const claim of claims) {
      const line = spans.find((span) => span.start <= claim.start && claim.start < span.end);
      judged.push({ confidence: claim.confidence, right: line?.checkworthy ?? false });
    }
  }
  return { scores: scoresOf({ matched, predicted, gold }), lines, judged };
}
