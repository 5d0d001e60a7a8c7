// PolNeAR (political news attribution relations, brat standoff) against the quote suggester: direct
// quotes, speakers where the gold source names someone, and indirect attributions with their cue and
// content spans. A folder is the repository's root, its `data/`, or a split folder itself.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { calibrationKey } from '../../shared/suggest/calibration.ts';
import { suggestDocument } from '../../shared/suggest/suggest-document.ts';
import type { QuoteSuggestion, SuggestionSet } from '../../shared/suggest/suggestion.ts';
import { attributionsOf, parseBrat, type Attribution, type Fragment, type TextBound } from '../corpora/brat.ts';
import type { Judged } from './reliability.ts';
import { coveredChars, lengthOf, overlapOf } from './spans.ts';

export interface PolnearArticle {
  name: string;
  text: string;
  attributions: Attribution[];
}

/**
 * The text as Scholia's canonical text separates paragraphs: every line break becomes a blank line
 * (some articles break paragraphs with one), spaces other than line breaks plain spaces, and two apostrophes one
 * quotation mark; with
 * the offset of each original character in the new text.
 */
export function withBlankLines(raw: string): { text: string; offset: (at: number) => number } {
  const map: number[] = [];
  let text = '';
  for (let at = 0; at < raw.length; at += 1) {
    map.push(text.length);
    const char = raw.charAt(at);
    if (char === "'" && raw.charAt(at + 1) === "'") {
      // Some articles write quotation marks as two apostrophes, as typewriters did.
      text += '"';
      map.push(text.length);
      at += 1;
    } else if (char === '\n') {
      if (raw.charAt(at - 1) !== '\n') text += '\n\n';
    } else text += /\s/u.test(char) ? ' ' : char;
  }
  map.push(text.length);
  return { text, offset: (at) => map[Math.min(at, raw.length)] ?? text.length };
}

function splitFolder(dir: string, split: string): string {
  for (const candidate of [path.join(dir, 'data', split), path.join(dir, split), dir])
    if (existsSync(path.join(candidate, 'text')) && existsSync(path.join(candidate, 'attributions'))) return candidate;
  throw new Error(`PolNeAR: no ${split}/text and ${split}/attributions under ${dir}`);
}

/**
 * The articles of a split. Some articles were annotated by more than one annotator
 * (`<article>_<annotator>.ann`); the first annotation in name order is used, so each article counts once.
 * Spaces other than line breaks become plain spaces (one for one: offsets stay).
 */
export function readPolnear(dir: string, split: 'train' | 'dev' | 'test'): PolnearArticle[] {
  const folder = splitFolder(dir, split);
  const annotations = readdirSync(path.join(folder, 'attributions'))
    .filter((file) => file.endsWith('.ann'))
    .sort();
  return readdirSync(path.join(folder, 'text'))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .flatMap((file) => {
      const name = file.slice(0, -'.txt'.length);
      const ann = annotations.find((candidate) => candidate.startsWith(`${name}_`));
      if (!ann) return [];
      const { text, offset } = withBlankLines(readFileSync(path.join(folder, 'text', file), 'utf8'));
      const attributions = attributionsOf(parseBrat(readFileSync(path.join(folder, 'attributions', ann), 'utf8')));
      const moved = new Set<TextBound>();
      for (const bound of attributions.flatMap((a) => [a.content, a.source, a.cue])) {
        if (!bound || moved.has(bound)) continue;
        moved.add(bound);
        bound.fragments = bound.fragments.map((f) => ({ start: offset(f.start), end: offset(f.end) }));
      }
      return [{ name, text, attributions }];
    });
}

export type GoldForm = 'direct' | 'mixed' | 'indirect';

/** Direct: the content is one quotation, marks at both ends; mixed: marks inside; indirect: none. */
export function goldForm(text: string, content: readonly Fragment[]): GoldForm {
  const words = content
    .map((fragment) => text.slice(fragment.start, fragment.end))
    .join(' ')
    .trim()
    .replace(/[\s.,;:!?—–-]+$/u, '');
  if (!/["“”]/u.test(words)) return 'indirect';
  return /^["“]/u.test(words) && /["”]$/u.test(words) ? 'direct' : 'mixed';
}

/** Capitalised words that name nobody: pronouns, determiners, titles. */
const NOT_A_NAME = new Set(
  'I He She They It We You His Her Their Its Our The A An This That These Those Mr Mrs Ms Dr Sen Rep Gov President Who Some Many Most Both Several Officials Sources Aides Others One Another Each All Critics Supporters Democrats Republicans Democratic Republican American Americans'.split(
    ' ',
  ),
);

/** The name words of a source phrase ("Republican nominee Donald Trump" → Donald, Trump); possessives left out ("Trump's aide"). */
export function nameWords(phrase: string): string[] {
  return phrase
    .split(/[\s,]+/u)
    .filter((word) => !/['’]s?$/u.test(word))
    .map((word) => word.replace(/[^\p{L}.-]/gu, '').replace(/\.$/u, ''))
    .filter((word) => /^\p{Lu}/u.test(word) && word.length > 1 && !NOT_A_NAME.has(word));
}

export interface PolnearCounts {
  articles: number;
  attributions: number;
  /** Quote suggestions shown and how many of them lie (half or more) inside an attribution's content. */
  predicted: number;
  predictedRight: number;
  byForm: Record<GoldForm, { gold: number; found: number; cueFound: number }>;
  /** Attributions found whose gold source names someone: the suggested speaker right, wrong, or none. */
  speakers: { right: number; wrong: number; none: number };
  directSpeakers: { right: number; wrong: number; none: number };
}

export const emptyPolnearCounts = (): PolnearCounts => ({
  articles: 0,
  attributions: 0,
  predicted: 0,
  predictedRight: 0,
  byForm: {
    direct: { gold: 0, found: 0, cueFound: 0 },
    mixed: { gold: 0, found: 0, cueFound: 0 },
    indirect: { gold: 0, found: 0, cueFound: 0 },
  },
  speakers: { right: 0, wrong: 0, none: 0 },
  directSpeakers: { right: 0, wrong: 0, none: 0 },
});

function speakerNames(set: SuggestionSet, suggestion: QuoteSuggestion): string[] | null {
  const entity = set.entities.find((candidate) => candidate.key === suggestion.speakerKey);
  return entity ? [entity.name, ...entity.aliases] : null;
}

function speakerIsRight(names: readonly string[], source: string): boolean {
  const gold = new Set(nameWords(source).map((word) => word.toLowerCase()));
  return names.some((name) => nameWords(name).some((word) => gold.has(word.toLowerCase())));
}

export interface KeyedJudgement extends Judged {
  /** The calibration table's key (shared/suggest/calibration.ts). */
  key: string;
}

/** Scores one article's suggestions; adds to `counts` and returns every quote suggestion judged, for the reliability table. */
export function scoreArticle(article: PolnearArticle, set: SuggestionSet, shownFrom: number, counts: PolnearCounts): KeyedJudgement[] {
  const quotes = set.suggestions.filter((s): s is QuoteSuggestion => s.kind === 'quote');
  const shown = quotes.filter((s) => s.confidence >= shownFrom);
  const contents = article.attributions.map((a) => a.content.fragments);
  const allContent = contents.flat();
  counts.articles += 1;
  counts.attributions += article.attributions.length;
  counts.predicted += shown.length;
  const insideGold = (s: QuoteSuggestion) => coveredChars([s], allContent) * 2 >= s.end - s.start;
  counts.predictedRight += shown.filter(insideGold).length;
  /** The attribution a suggestion lies in most, for judging its speaker. */
  const attributionOf = (s: QuoteSuggestion) =>
    article.attributions
      .map((a) => ({ a, overlap: a.content.fragments.reduce((sum, f) => sum + overlapOf(f, s), 0) }))
      .filter((item) => item.overlap > 0)
      .sort((x, y) => y.overlap - x.overlap)[0]?.a;
  for (const attribution of article.attributions) {
    const form = goldForm(article.text, attribution.content.fragments);
    const tally = counts.byForm[form];
    tally.gold += 1;
    const covering = shown.filter((s) => attribution.content.fragments.some((f) => overlapOf(f, s) > 0));
    if (coveredChars(attribution.content.fragments, covering) * 2 < lengthOf(attribution.content.fragments)) continue;
    tally.found += 1;
    const cue = attribution.cue;
    if (cue && covering.some((s) => s.cue !== undefined && cue.fragments.some((f) => s.cue !== undefined && overlapOf(f, s.cue) > 0)))
      tally.cueFound += 1;
    const source = attribution.source?.words ?? '';
    if (nameWords(source).length === 0) continue;
    const best = covering
      .filter((s) => attributionOf(s) === attribution)
      .sort((x, y) => coveredChars([y], attribution.content.fragments) - coveredChars([x], attribution.content.fragments))[0];
    const names = best ? speakerNames(set, best) : null;
    const outcome = names === null ? 'none' : speakerIsRight(names, source) ? 'right' : 'wrong';
    counts.speakers[outcome] += 1;
    if (form === 'direct') counts.directSpeakers[outcome] += 1;
  }
  return quotes.map((s) => {
    const attribution = attributionOf(s);
    const source = attribution?.source?.words ?? '';
    const names = speakerNames(set, s);
    const speakerWrong = names !== null && nameWords(source).length > 0 && !speakerIsRight(names, source);
    return {
      confidence: s.confidence,
      right: insideGold(s) && !speakerWrong,
      key: calibrationKey(s, () => false),
    };
  });
}

/** Runs the suggesters on every article of a split and scores them. */
export function evaluatePolnear(
  articles: readonly PolnearArticle[],
  shownFrom: number,
  calibrate = true,
): { counts: PolnearCounts; judged: KeyedJudgement[] } {
  const counts = emptyPolnearCounts();
  const judged: KeyedJudgement[] = [];
  for (const article of articles) {
    const set = suggestDocument({ text: article.text, entities: [], annotations: [] }, DEFAULT_TAGSET, { calibrate });
    judged.push(...scoreArticle(article, set, shownFrom, counts));
  }
  return { counts, judged };
}
