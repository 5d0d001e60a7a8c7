// Fits the calibration table (shared/suggest/calibration-table.ts) on development judgements:
// per key, isotonic regression of "was right" on the raw score (pool adjacent violators), so a
// higher raw score never gets a lower confidence, smoothed for steps that rest on few suggestions.
import { writeFileSync } from 'node:fs';
import type { CalibrationStep, CalibrationTable } from '../../shared/suggest/calibration.ts';
import type { KeyedJudgement } from './polnear.ts';

/** Fewer development suggestions than this under a key: the key is left out (its raw scores stay). */
const LEAST = 20;

/**
 * Keys not fitted, whose raw scores stay: entities (the NER corpus is Wikipedia fragments, not news,
 * and has no type for a name of unknown type, so it would calibrate news entities wrongly), and
 * mixed quotes without a speaker (mostly scare quotes: PolNeAR counts one inside a paraphrase as
 * part of an attribution, which is not a quote an analyst would accept).
 */
const NOT_FITTED = new Set(['entity:typed', 'entity:untyped', 'quote:mixed:none']);

export function fitIsotonic(items: readonly { confidence: number; right: boolean }[]): CalibrationStep[] {
  const byScore = new Map<number, { right: number; count: number }>();
  for (const item of items) {
    const tally = byScore.get(item.confidence) ?? { right: 0, count: 0 };
    tally.count += 1;
    if (item.right) tally.right += 1;
    byScore.set(item.confidence, tally);
  }
  const blocks: { upTo: number; right: number; count: number }[] = [];
  for (const [score, tally] of [...byScore].sort((a, b) => a[0] - b[0])) {
    blocks.push({ upTo: score, ...tally });
    // Pool while the block before is right more often than this one.
    for (let last = blocks.at(-1), before = blocks.at(-2); last && before && before.right / before.count >= last.right / last.count;) {
      blocks.splice(-2, 2, { upTo: last.upTo, right: before.right + last.right, count: before.count + last.count });
      last = blocks.at(-1);
      before = blocks.at(-2);
    }
  }
  // Laplace's rule of succession: a step resting on ten suggestions all right says 0.92, not 1.
  return blocks.map((block) => ({
    upTo: block.upTo,
    accuracy: Math.round(((block.right + 1) / (block.count + 2)) * 1000) / 1000,
    count: block.count,
  }));
}

export function fitTable(judgements: readonly KeyedJudgement[]): CalibrationTable {
  const byKey = new Map<string, KeyedJudgement[]>();
  for (const item of judgements) byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
  const table: CalibrationTable = {};
  for (const [key, items] of [...byKey].sort((a, b) => a[0].localeCompare(b[0])))
    if (items.length >= LEAST && !NOT_FITTED.has(key)) table[key] = fitIsotonic(items);
  return table;
}

export function writeTable(file: string, table: CalibrationTable, sources: string): void {
  const body = Object.entries(table)
    .map(
      ([key, steps]) =>
        `  '${key}': [\n${(steps ?? []).map((step) => `    { upTo: ${step.upTo}, accuracy: ${step.accuracy}, count: ${step.count} },`).join('\n')}\n  ],`,
    )
    .join('\n');
  writeFileSync(
    file,
    `// Written by \`npm run eval -- --fit-calibration\` from development data (${sources}); see docs/SUGGESTIONS.md.\nimport type { CalibrationTable } from './calibration.ts';\n\nexport const CALIBRATION_TABLE: CalibrationTable = {\n${body}\n};\n`,
  );
}
