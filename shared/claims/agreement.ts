// Number-, date- and entity-aware agreement between two claims (docs/CLAIMS.md, "Scoring"): same figures and same entities
// raise a match, different figures for the same subject lower it.

export type Agreement = 'agree' | 'differ' | 'none';

/** The unit of a number token (`#4%` → `%`, `#3000000000gbp` → `gbp`, `#1000` → ''). */
function unitOf(token: string): string {
  return token.replace(/^#[\d.e+-]+/, '');
}

/**
 * Numbers agree when the claims share one; they differ when both give a figure in the same unit (a percentage, an amount in
 * pounds, a bare count) and none of those figures is shared: "unemployment is 4%" against "unemployment is 6%".
 */
export function numberAgreement(a: readonly string[], b: readonly string[]): Agreement {
  if (a.length === 0 || b.length === 0) return 'none';
  const inB = new Set(b);
  if (a.some((token) => inB.has(token))) return 'agree';
  const unitsOfB = new Set(b.map(unitOf));
  return a.some((token) => unitsOfB.has(unitOf(token))) ? 'differ' : 'none';
}

/** Day-and-month dates: a shared one agrees, two sets with none in common differ. */
export function dateAgreement(a: readonly string[], b: readonly string[]): Agreement {
  const daysOfA = a.filter((token) => token.startsWith('d:'));
  const daysOfB = new Set(b.filter((token) => token.startsWith('d:')));
  if (daysOfA.length === 0 || daysOfB.size === 0) return 'none';
  return daysOfA.some((token) => daysOfB.has(token)) ? 'agree' : 'differ';
}

/** Entities (ids or folded names): a shared one agrees; two claims that name entities and share none differ. */
export function entityAgreement(a: ReadonlySet<string>, b: ReadonlySet<string>): Agreement {
  if (a.size === 0 || b.size === 0) return 'none';
  for (const entity of a) if (b.has(entity)) return 'agree';
  return 'differ';
}

export interface AgreementWeights {
  /** Factor for agreeing numbers, dates, entities. */
  numbersAgree: number;
  numbersDiffer: number;
  datesAgree: number;
  datesDiffer: number;
  entitiesAgree: number;
  entitiesDiffer: number;
}

export const DEFAULT_AGREEMENT_WEIGHTS: AgreementWeights = {
  numbersAgree: 1.1,
  numbersDiffer: 0.5,
  datesAgree: 1.05,
  datesDiffer: 0.7,
  entitiesAgree: 1.1,
  entitiesDiffer: 0.8,
};

/** The factor the three agreements put on a lexical similarity. */
export function agreementFactor(numbers: Agreement, dates: Agreement, entities: Agreement, weights: AgreementWeights): number {
  const pick = (agreement: Agreement, agree: number, differ: number) =>
    agreement === 'agree' ? agree : agreement === 'differ' ? differ : 1;
  return (
    pick(numbers, weights.numbersAgree, weights.numbersDiffer) *
    pick(dates, weights.datesAgree, weights.datesDiffer) *
    pick(entities, weights.entitiesAgree, weights.entitiesDiffer)
  );
}
