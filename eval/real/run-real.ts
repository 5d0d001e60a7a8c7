// The real-data runs of `npm run eval`: PolNeAR for quotes, speakers and indirect attributions, a
// CoNLL/IOB NER corpus for entity mentions and types, CLEF CheckThat! 2019 Task 1 for check-worthy
// claims. Each reads the folder given for it and is skipped when none is. Development splits always;
// held-out splits only with `--held-out`, for checking and never for tuning.
import { evaluateCheckworthy, readCheckworthy } from './checkworthy.ts';
import { evaluateNer, readNer, type NerReport } from './ner.ts';
import { evaluatePolnear, readPolnear, type KeyedJudgement, type PolnearCounts } from './polnear.ts';
import { precisionAtOrAbove, reliabilityOf, type Judged, type Reliability } from './reliability.ts';
import type { Scores } from '../scores.ts';

export interface RealOptions {
  polnear?: string;
  ner?: string;
  checkworthy?: string;
  heldOut: boolean;
  shownFrom: number;
  /** False to score raw confidences, for fitting the calibration. */
  calibrate: boolean;
  /** Judged suggestions from elsewhere (the hand-made development texts' claims), added to the development reliability. */
  extraDevelopment?: KeyedJudgement[];
}

type Split = 'development' | 'held out';

export interface KindCalibration {
  reliability: Reliability;
  acceptAt08: { precision: number | null; count: number };
}

export interface RealReport {
  polnear?: Partial<Record<Split, PolnearCounts>>;
  ner?: Partial<Record<Split, NerReport>>;
  checkworthy?: Partial<Record<Split, { lines: number; scores: Scores }>>;
  /** Per kind and split: confidence against accuracy. */
  calibration: Partial<Record<Split, Record<string, KindCalibration>>>;
  /** Per calibration key and split: confidence against accuracy. */
  calibrationByKey: Partial<Record<Split, Record<string, KindCalibration>>>;
  /** Every judged suggestion of the development splits, for fitting the calibration. */
  developmentJudgements: KeyedJudgement[];
}

const calibrationOf = (items: readonly Judged[]): KindCalibration => ({
  reliability: reliabilityOf(items),
  acceptAt08: precisionAtOrAbove(items, 0.8),
});

export function runReal(options: RealOptions): RealReport {
  const report: RealReport = { calibration: {}, calibrationByKey: {}, developmentJudgements: [] };
  type Files = { polnear: 'dev' | 'test'; ner: 'dev' | 'test'; checkworthy: 'train' | 'test' };
  const splits: [Split, Files][] = [['development', { polnear: 'dev', ner: 'dev', checkworthy: 'train' }]];
  if (options.heldOut) splits.push(['held out', { polnear: 'test', ner: 'test', checkworthy: 'test' }]);
  for (const [split, files] of splits) {
    const judged: KeyedJudgement[] = split === 'development' ? [...(options.extraDevelopment ?? [])] : [];
    if (options.polnear) {
      const polnear = evaluatePolnear(readPolnear(options.polnear, files.polnear), options.shownFrom, options.calibrate);
      (report.polnear ??= {})[split] = polnear.counts;
      judged.push(...polnear.judged);
    }
    if (options.ner) {
      const ner = evaluateNer(readNer(options.ner, files.ner), options.shownFrom, options.calibrate);
      (report.ner ??= {})[split] = ner.report;
      judged.push(...ner.judged);
    }
    if (options.checkworthy) {
      const { scores, lines } = evaluateCheckworthy(readCheckworthy(options.checkworthy, files.checkworthy), options.shownFrom);
      (report.checkworthy ??= {})[split] = { lines, scores };
    }
    const group = (keyOf: (item: KeyedJudgement) => string) => {
      const groups: Record<string, KeyedJudgement[]> = {};
      for (const item of judged) (groups[keyOf(item)] ??= []).push(item);
      return Object.fromEntries(Object.entries(groups).map(([key, items]) => [key, calibrationOf(items)]));
    };
    report.calibration[split] = group((item) => item.key.split(':')[0] ?? item.key);
    report.calibrationByKey[split] = group((item) => item.key);
    if (split === 'development') report.developmentJudgements = judged;
  }
  return report;
}

const fixed = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));
const ratio = (part: number, of: number) => (of ? part / of : null);
const prf = (s: Scores) => `${fixed(s.precision)} / ${fixed(s.recall)} / ${fixed(s.f1)}`;

/** The report as Markdown tables, as docs/SUGGESTIONS.md records them. */
export function printReal(report: RealReport): string {
  const out: string[] = [];
  if (report.polnear) {
    out.push('PolNeAR (attributions in political news):\n');
    out.push(
      '| split | articles | attributions | quote suggestions inside an attribution (precision) | direct recall | speaker accuracy, direct (right / wrong / none) | speaker accuracy, all found | mixed recall | indirect recall | cue recall (found direct / indirect) |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const [split, c] of Object.entries(report.polnear)) {
      const d = c.directSpeakers;
      const a = c.speakers;
      const f = c.byForm;
      out.push(
        `| ${split} | ${c.articles} | ${c.attributions} | ${fixed(ratio(c.predictedRight, c.predicted))} (${c.predictedRight}/${c.predicted}) | ${fixed(ratio(f.direct.found, f.direct.gold))} (${f.direct.found}/${f.direct.gold}) | ${fixed(ratio(d.right, d.right + d.wrong + d.none))} (${d.right} / ${d.wrong} / ${d.none}) | ${fixed(ratio(a.right, a.right + a.wrong + a.none))} (${a.right} / ${a.wrong} / ${a.none}) | ${fixed(ratio(f.mixed.found, f.mixed.gold))} (${f.mixed.found}/${f.mixed.gold}) | ${fixed(ratio(f.indirect.found, f.indirect.gold))} (${f.indirect.found}/${f.indirect.gold}) | ${fixed(ratio(f.direct.cueFound, f.direct.found))} / ${fixed(ratio(f.indirect.cueFound, f.indirect.found))} |`,
      );
    }
    out.push('');
  }
  if (report.ner) {
    out.push('NER corpus (entity mentions, exact spans):\n');
    out.push('| split | sentences | untyped P / R / F1 | typed P / R / F1 | recall by type |');
    out.push('|---|---|---|---|---|');
    for (const [split, n] of Object.entries(report.ner)) {
      const types = Object.entries(n.recallByType)
        .map(([type, t]) => `${type} ${fixed(t.recall)}`)
        .join(', ');
      out.push(`| ${split} | ${n.sentences} | ${prf(n.untyped)} | ${prf(n.typed)} | ${types} |`);
    }
    out.push('');
  }
  if (report.checkworthy) {
    out.push('CLEF CheckThat! 2019 Task 1 (check-worthy lines of debates and speeches):\n');
    out.push('| split | lines | check-worthy P / R / F1 |');
    out.push('|---|---|---|');
    for (const [split, c] of Object.entries(report.checkworthy)) out.push(`| ${split} | ${c.lines} | ${prf(c.scores)} |`);
    out.push('');
  }
  for (const [split, kinds] of [
    ...Object.entries(report.calibration),
    ...Object.entries(report.calibrationByKey).map(([split, keys]) => [`${split}, by calibration key`, keys] as const),
  ]) {
    if (!Object.keys(kinds).length) continue;
    out.push(`Reliability, ${split} (confidence bin: suggestions, mean confidence → accuracy):\n`);
    out.push(
      '| kind | ECE | accept ≥ 0.8: precision (n) | ' + [...Array(10).keys()].map((i) => `${(i / 10).toFixed(1)}–`).join(' | ') + ' |',
    );
    out.push('|---|---|---|' + '---|'.repeat(10));
    for (const [kind, k] of Object.entries(kinds)) {
      const bins = k.reliability.bins
        .map((b) => (b.count ? `${b.count}: ${fixed(b.meanConfidence)} → ${fixed(b.accuracy)}` : ''))
        .join(' | ');
      out.push(`| ${kind} | ${fixed(k.reliability.ece)} | ${fixed(k.acceptAt08.precision)} (${k.acceptAt08.count}) | ${bins} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
