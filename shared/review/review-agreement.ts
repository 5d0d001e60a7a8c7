import { agreementItems, type AnnotatorItems } from '../agreement/agreement-items.ts';
import { computeAgreement, type AgreementReport } from '../agreement/agreement-report.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { ReviewRecord } from '../model/review.ts';
import { entityKeys } from './entity-keys.ts';
import { ownAnnotations } from './own-layer.ts';

/** Names made unique by a number, so two files by "A. Analyst" stay two columns. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/**
 * Agreement between the analyst's own annotations (named `myName`) and the placed items of one or
 * more reviews of the document; orphans are left out, speakers compare through the entity links.
 */
export function reviewAgreement(document: ScholiaDocument, reviews: readonly ReviewRecord[], myName: string): AgreementReport {
  const names = uniqueNames([myName, ...reviews.map((review) => review.annotator.name)]);
  const mine: AnnotatorItems = {
    name: names[0] as string,
    items: agreementItems(ownAnnotations(document), document.entities, (id) => `mine:${id}`),
  };
  const theirs = reviews.map((review, i): AnnotatorItems => {
    const keys = entityKeys(document.entities, review);
    const placed = review.items.filter((item) => item.anchor.status !== 'orphaned').map((item) => item.annotation);
    return { name: names[i + 1] as string, items: agreementItems(placed, review.entities, keys.theirs) };
  });
  return computeAgreement([mine, ...theirs], document.text.length);
}
