import { ANNOTATION_KINDS, type AnnotationKind } from '../model/annotation.ts';
import type { AgreementItem, AnnotatorItems } from './agreement-items.ts';
import { cohensKappa, type Kappa } from './cohen-kappa.ts';
import { FIGURE_EXPLANATIONS } from './figure-explanations.ts';
import { majorityView, type MajorityView } from './majority-view.ts';
import { matchSpans } from './span-matching.ts';
import { spanScores, type SpanScores } from './span-scores.ts';
import { unitizingAlpha, type UnitizingAlpha } from './unitizing-alpha.ts';

/** Figures are given for every kind and for all kinds together. */
export const AGREEMENT_SCOPES = ['all', ...ANNOTATION_KINDS] as const;
export type AgreementScope = (typeof AGREEMENT_SCOPES)[number];

/** The label of a span one annotator marked and the other did not. */
export const UNMARKED = '(not marked)';

export interface ScopeAgreement {
  exact: SpanScores;
  overlap: SpanScores;
  /** Over the spans either marked (all kinds: their label pairs pooled); null for notes, which carry no label to agree on. */
  kappa: Kappa;
}

/** Agreement on one value (speaker, verdict) over the spans both annotators marked. */
export interface ValueAgreement {
  /** Spans of the kind both marked (overlapping). */
  pairs: number;
  /** Of those, the ones with the same value. */
  agreed: number;
  value: number | null;
  kappa: Kappa;
}

export interface PairAgreement {
  a: string;
  b: string;
  scopes: Record<AgreementScope, ScopeAgreement>;
  speaker: ValueAgreement;
  verdict: ValueAgreement;
}

/** The figures of every pair averaged (nulls left out), and αu over all annotators at once. */
export interface OverallScope {
  exactF1: number | null;
  overlapF1: number | null;
  kappa: number | null;
  alphaU: UnitizingAlpha;
}

export interface AgreementReport {
  textLength: number;
  annotators: { name: string; annotations: number }[];
  pairs: PairAgreement[];
  overall: { scopes: Record<AgreementScope, OverallScope>; speaker: number | null; verdict: number | null };
  majority: MajorityView;
  explanations: typeof FIGURE_EXPLANATIONS;
}

const NO_KAPPA: Kappa = { value: null, observed: null, expected: null, units: 0 };

function ofScope(items: readonly AgreementItem[], scope: AgreementScope): AgreementItem[] {
  return scope === 'all' ? [...items] : items.filter((item) => item.kind === scope);
}

/** Matches within each kind (spans of different kinds are never the same annotation). */
function matchByKind(a: readonly AgreementItem[], b: readonly AgreementItem[], scope: AgreementScope, mode: 'exact' | 'overlap') {
  const kinds = scope === 'all' ? ANNOTATION_KINDS : [scope];
  return kinds.map((kind) => matchSpans(ofScope(a, kind), ofScope(b, kind), mode));
}

/** The kinds whose annotations carry a label to agree on (a note is only a note). */
const LABELLED_KINDS: readonly AnnotationKind[] = ['claim', 'quote', 'entity'];

/** One label pair per span either annotator marked: matched spans by their labels, the rest against "not marked". */
function labelPairs(
  a: readonly AgreementItem[],
  b: readonly AgreementItem[],
  label: (item: AgreementItem) => string,
): (readonly [string, string])[] {
  const { pairs, onlyA, onlyB } = matchSpans(a, b, 'overlap');
  return [
    ...pairs.map(([x, y]) => [label(x), label(y)] as const),
    ...onlyA.map((x) => [label(x), UNMARKED] as const),
    ...onlyB.map((y) => [UNMARKED, label(y)] as const),
  ];
}

/** κ within a kind over its labels; over all kinds, the kinds' label pairs pooled, each label qualified by its kind. */
function kappaOf(a: readonly AgreementItem[], b: readonly AgreementItem[], scope: AgreementScope): Kappa {
  if (scope === 'note') return { ...NO_KAPPA };
  const kinds = scope === 'all' ? LABELLED_KINDS : [scope];
  return cohensKappa(kinds.flatMap((kind) => labelPairs(ofScope(a, kind), ofScope(b, kind), (item) => `${kind}: ${item.label}`)));
}

function valueAgreement(a: readonly AgreementItem[], b: readonly AgreementItem[], kind: AnnotationKind): ValueAgreement {
  const { pairs } = matchSpans(ofScope(a, kind), ofScope(b, kind), 'overlap');
  const agreed = pairs.filter(([x, y]) => x.label === y.label).length;
  return {
    pairs: pairs.length,
    agreed,
    value: pairs.length === 0 ? null : agreed / pairs.length,
    kappa: cohensKappa(pairs.map(([x, y]) => [x.label, y.label] as const)),
  };
}

function scopeAgreement(a: readonly AgreementItem[], b: readonly AgreementItem[], scope: AgreementScope): ScopeAgreement {
  const inA = ofScope(a, scope);
  const inB = ofScope(b, scope);
  const matched = (mode: 'exact' | 'overlap') => matchByKind(inA, inB, scope, mode).reduce((sum, m) => sum + m.pairs.length, 0);
  return {
    exact: spanScores(matched('exact'), inA.length, inB.length),
    overlap: spanScores(matched('overlap'), inA.length, inB.length),
    kappa: kappaOf(inA, inB, scope),
  };
}

/** Every figure between two annotators, B read against A. */
export function pairAgreement(a: AnnotatorItems, b: AnnotatorItems): PairAgreement {
  const scopes = Object.fromEntries(AGREEMENT_SCOPES.map((scope) => [scope, scopeAgreement(a.items, b.items, scope)])) as Record<
    AgreementScope,
    ScopeAgreement
  >;
  return {
    a: a.name,
    b: b.name,
    scopes,
    speaker: valueAgreement(a.items, b.items, 'quote'),
    verdict: valueAgreement(a.items, b.items, 'claim'),
  };
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0) / known.length;
}

/** αu per kind over all annotators; over all kinds, Do and De summed across kinds (so αu = 1 − ΣDo/ΣDe). */
function alphaU(annotators: readonly AnnotatorItems[], textLength: number): Record<AgreementScope, UnitizingAlpha> {
  const perKind = Object.fromEntries(
    ANNOTATION_KINDS.map((kind) => [
      kind,
      unitizingAlpha(
        annotators.map((a) => ofScope(a.items, kind)),
        textLength,
      ),
    ]),
  ) as Record<AnnotationKind, UnitizingAlpha>;
  const observed = ANNOTATION_KINDS.reduce((sum, kind) => sum + perKind[kind].observed, 0);
  const expected = ANNOTATION_KINDS.reduce((sum, kind) => sum + perKind[kind].expected, 0);
  return { all: { value: expected === 0 ? null : 1 - observed / expected, observed, expected }, ...perKind };
}

/** The two layers a pair of annotators (by index) is compared on, when they differ from the group's. */
export type PairLayers = (a: number, b: number) => readonly [AnnotatorItems, AnnotatorItems];

/**
 * Agreement between two or more annotators of one text of `textLength` code units: every figure
 * for each pair (the later annotator read against the earlier), their means, αu over everyone,
 * and the majority view. `pairLayers`, when given, names the layers each pair is compared on
 * (the group figures use `annotators`).
 */
export function computeAgreement(annotators: readonly AnnotatorItems[], textLength: number, pairLayers?: PairLayers): AgreementReport {
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const [a, b] = pairLayers ? pairLayers(i, j) : [annotators[i] as AnnotatorItems, annotators[j] as AnnotatorItems];
      pairs.push(pairAgreement(a, b));
    }
  }
  const alphas = alphaU(annotators, textLength);
  const scopes = Object.fromEntries(
    AGREEMENT_SCOPES.map((scope) => [
      scope,
      {
        exactF1: mean(pairs.map((p) => p.scopes[scope].exact.f1)),
        overlapF1: mean(pairs.map((p) => p.scopes[scope].overlap.f1)),
        kappa: mean(pairs.map((p) => p.scopes[scope].kappa.value)),
        alphaU: alphas[scope],
      },
    ]),
  ) as Record<AgreementScope, OverallScope>;
  return {
    textLength,
    annotators: annotators.map((a) => ({ name: a.name, annotations: a.items.length })),
    pairs,
    overall: { scopes, speaker: mean(pairs.map((p) => p.speaker.value)), verdict: mean(pairs.map((p) => p.verdict.value)) },
    majority: majorityView(annotators),
    explanations: FIGURE_EXPLANATIONS,
  };
}
