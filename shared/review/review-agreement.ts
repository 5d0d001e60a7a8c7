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
 * Agreement among every layer of an article: the analyst's (named `myName`) and the placed items
 * of each review (a colleague's layer); orphans are left out, speakers compare through the entity
 * links. A pair is compared on independent work only: what the analyst accepted from that
 * colleague is compared as it was before accepting (what was accepted from others counts as the
 * analyst's), and an annotation a colleague's file says they accepted from the other side of the
 * pair (`acceptedFrom`) is left out. The figures over everyone (αu, the majority view, the counts)
 * take the analyst's own layer and leave out what anyone accepted from another annotator present.
 */
export function reviewAgreement(document: ScholiaDocument, reviews: readonly ReviewRecord[], myName: string): AgreementReport {
  const given = [myName, ...reviews.map((review) => review.annotator.name)];
  const names = uniqueNames(given);
  const mine = (annotations: ScholiaDocument['annotations']): AnnotatorItems => ({
    name: names[0] as string,
    items: agreementItems(annotations, document.entities, (id) => `mine:${id}`),
  });
  const theirs = (index: number, leaveOut: (from: string) => boolean): AnnotatorItems => {
    const review = reviews[index] as ReviewRecord;
    const keys = entityKeys(document.entities, review);
    const placed = review.items
      .filter((item) => item.anchor.status !== 'orphaned')
      .map((item) => item.annotation)
      .filter((annotation) => !(annotation.acceptedFrom && leaveOut(annotation.acceptedFrom.annotator)));
    return { name: names[index + 1] as string, items: agreementItems(placed, review.entities, keys.theirs) };
  };
  const present = new Set(given);
  const group = [mine(ownAnnotations(document)), ...reviews.map((_, i) => theirs(i, (from) => present.has(from)))];
  const layer = (index: number, other: number): AnnotatorItems =>
    index === 0
      ? mine(ownAnnotations(document, new Set([(reviews[other - 1] as ReviewRecord).id])))
      : theirs(index - 1, (from) => from === given[other]);
  return computeAgreement(group, document.text.length, (a, b) => [layer(a, b), layer(b, a)]);
}
