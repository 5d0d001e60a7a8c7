import type { ClaimAnnotation, Evidence } from '../../../shared/model/annotation.ts';

/** The fields of a claim's verdict record that one appearance passes to the others (beside the verdict itself). */
export type VerdictRecord = Pick<ClaimAnnotation, 'rationale' | 'checkedBy' | 'checkedOn' | 'stage' | 'evidence'>;

export function recordOf(claim: ClaimAnnotation): VerdictRecord {
  const { rationale, checkedBy, checkedOn, stage, evidence } = claim;
  return {
    ...(rationale === undefined ? {} : { rationale }),
    ...(checkedBy === undefined ? {} : { checkedBy }),
    ...(checkedOn === undefined ? {} : { checkedOn }),
    ...(stage === undefined ? {} : { stage }),
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/** The record's sources first, then the claim's own sources whose link the record does not cite, so none is lost. */
function unitedEvidence(own: readonly Evidence[], record: readonly Evidence[]): Evidence[] {
  const cited = new Set(record.map((item) => item.url));
  return [...record, ...own.filter((item) => !cited.has(item.url))];
}

/**
 * The claim with the verdict and, when given, another appearance's verdict record: its rationale,
 * checked-by, checked-on and stage where it has them (the claim keeps its own where it has none), and
 * its sources beside the claim's own. Answers undefined when nothing would change.
 */
export function withVerdict(
  claim: ClaimAnnotation,
  verdict: string,
  record: VerdictRecord | undefined,
  modified: string,
): ClaimAnnotation | undefined {
  const next: ClaimAnnotation = { ...claim, status: verdict };
  if (record) {
    if (record.rationale?.trim()) next.rationale = record.rationale;
    if (record.checkedBy !== undefined) next.checkedBy = record.checkedBy;
    if (record.checkedOn !== undefined) next.checkedOn = record.checkedOn;
    if (record.stage !== undefined) next.stage = record.stage;
    if (record.evidence?.length) next.evidence = unitedEvidence(claim.evidence ?? [], record.evidence);
  }
  if (JSON.stringify(next) === JSON.stringify(claim)) return undefined;
  return { ...next, modified };
}
