import { anchorTargets, type Anchoring } from '../../shared/anchoring/anchor.ts';
import { DEFAULT_MIN_SCORE } from '../../shared/anchoring/anchor.ts';
import { rankCandidates } from '../../shared/anchoring/candidate-score.ts';
import { fuzzyOccurrences } from '../../shared/anchoring/search-ranges.ts';
import type { Target } from '../../shared/model/target.ts';
import { documentFromRawText } from '../../shared/testing/annotated-sample.ts';
import { editWords, type EditedText } from '../lib/edit-words.ts';
import { generateAnnotationOps, generateArticle } from '../lib/generate.ts';
import { withBudget, type BenchRow } from '../lib/report.ts';
import { median, sampleTimes, timed } from '../lib/stats.ts';

const SCENARIO = 'anchoring: 5k annotations, 50k words, 1% edited';
/** At least this share of the annotations must land where the edit put their text. */
const REQUIRED_CORRECT = 0.995;
/** A span damaged less than this must be placed; one damaged more may also be orphaned. */
const MUST_PLACE_BELOW_DAMAGE = 0.25;

/**
 * The baseline: every quote fuzzy-matched against the whole text (one edit in four allowed), the
 * best match by the same quote, context and position score, as a client without a position
 * shortcut does it.
 */
function fuzzyEverywhere(text: string, targets: readonly Target[], sourceLength: number): Anchoring[] {
  const ratio = text.length / sourceLength;
  return targets.map((target) => {
    const hint = Math.round(target.start * ratio);
    const found = fuzzyOccurrences(text, target.exact, [{ from: 0, to: text.length }], Math.floor(target.exact.length / 4));
    const [best] = rankCandidates(text, target, found, [hint]);
    if (!best || best.score < DEFAULT_MIN_SCORE) return { status: 'orphaned', reason: 'not-found' };
    const status = best.errors > 0 ? 'fuzzy' : best.start === target.start && best.end === target.end ? 'exact' : 'moved';
    return { status, start: best.start, end: best.end, score: best.score };
  });
}

/** Where the edit put an old span's text, and how much the edit changed it: old characters replaced or deleted, plus new ones written inside, over its length. */
function expectation(edited: EditedText, target: Target): { start: number; end: number; damage: number } {
  let damaged = 0;
  for (let i = target.start; i < target.end; i++) damaged += (edited.changed[i] ?? 0) + (edited.insertedBefore[i] ?? 0);
  return {
    start: edited.newOffset[target.start] ?? 0,
    end: (edited.newOffset[target.end - 1] ?? 0) + 1,
    damage: damaged / (target.end - target.start),
  };
}

/** An intact span must land exactly on its text; a damaged one on most of where its text went, or (when badly damaged) nowhere. */
function isCorrect(result: Anchoring, expected: { start: number; end: number; damage: number }): boolean {
  if (result.status === 'orphaned') return expected.damage >= MUST_PLACE_BELOW_DAMAGE;
  if (expected.damage === 0) return result.start === expected.start && result.end === expected.end;
  const overlap = Math.min(result.end, expected.end) - Math.max(result.start, expected.start);
  const union = Math.max(result.end, expected.end) - Math.min(result.start, expected.start);
  return overlap / union >= 0.5;
}

function tally(results: readonly Anchoring[], expected: readonly { start: number; end: number; damage: number }[]) {
  const statuses: Record<string, number> = {};
  let correct = 0;
  results.forEach((result, i) => {
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    if (isCorrect(result, expected[i] as { start: number; end: number; damage: number })) correct += 1;
  });
  return { correct: correct / results.length, statuses };
}

function describe(statuses: Record<string, number>): string {
  return ['exact', 'moved', 'fuzzy', 'orphaned'].map((s) => `${statuses[s] ?? 0} ${s}`).join(', ');
}

/**
 * A colleague's 5,000 annotations of a 50,000-word article, placed on a copy with 1% of its words
 * inserted, deleted or replaced: Scholia's anchoring (near the expected position first) against
 * fuzzy-matching every quote against the whole text, timed side by side, and how many of each
 * land where the edit put their text.
 */
export async function anchoringScenario(runs: number): Promise<BenchRow[]> {
  const original = documentFromRawText(generateArticle(50_000, 31).raw, 'Generated article', 'bench').text;
  const targets = generateAnnotationOps(original, 5_000, 32).flatMap((op) => (op.op === 'annotation.add' ? [op.annotation.target] : []));
  const edited = editWords(original, 0.01, 33);
  const expected = targets.map((target) => expectation(edited, target));
  const options = { sourceLength: original.length };

  let ours: Anchoring[] = [];
  const ourTimes = await sampleTimes(runs, () =>
    timed(() => {
      ours = anchorTargets(edited.text, targets, options);
    }),
  );
  let baseline: Anchoring[] = [];
  // Half a minute a run, and judged with a wide margin (Scholia takes about 2% of it): one run keeps the bench within ten minutes.
  const baselineRuns = 1;
  const baselineTimes = await sampleTimes(
    baselineRuns,
    () =>
      timed(() => {
        baseline = fuzzyEverywhere(edited.text, targets, original.length);
      }),
    0,
  );
  const ourTally = tally(ours, expected);
  const baselineTally = tally(baseline, expected);
  const { inserted, deleted, replaced } = edited.edits;
  const baselineRow: BenchRow = {
    scenario: SCENARIO,
    case: 'fuzzy match of every quote over the whole text',
    medianMs: median(baselineTimes),
    runs: baselineRuns,
    note: `${(baselineTally.correct * 100).toFixed(2)}% correct (${describe(baselineTally.statuses)})`,
  };
  const ourRow: BenchRow = {
    scenario: SCENARIO,
    case: 'anchorTargets (near the expected position first)',
    medianMs: median(ourTimes),
    runs,
    note: `${(ourTally.correct * 100).toFixed(2)}% correct (${describe(ourTally.statuses)}); text ${original.length.toLocaleString('en')} → ${edited.text.length.toLocaleString('en')} chars, ${inserted} inserted, ${deleted} deleted, ${replaced} replaced words`,
  };
  return [
    baselineRow,
    withBudget(ourRow, baselineRow, 0.1),
    {
      scenario: SCENARIO,
      case: `placed correctly (≥ ${(REQUIRED_CORRECT * 100).toFixed(1)}%)`,
      medianMs: 0,
      runs,
      pass: ourTally.correct >= REQUIRED_CORRECT,
      note: `${Math.round(ourTally.correct * targets.length)} of ${targets.length}`,
    },
  ];
}
