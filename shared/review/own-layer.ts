import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';

/**
 * The analyst's own annotations, as they stand without what accepting colleagues' items did:
 * annotations added by an acceptance are left out and annotations it replaced are put back. This
 * is the layer reviews are compared with, so an accepted item stays in the class it was sorted
 * into, and agreement is measured on independent work. With `reviewIds`, only the acceptances
 * from those reviews are taken back (what was accepted from others stays).
 */
export function ownAnnotations(document: Pick<ScholiaDocument, 'annotations' | 'reviews'>, reviewIds?: ReadonlySet<string>): Annotation[] {
  const added = new Set<string>();
  const replaced = new Map<string, Annotation>();
  for (const review of document.reviews) {
    if (reviewIds && !reviewIds.has(review.id)) continue;
    for (const item of review.items) {
      if (!item.effect) continue;
      for (const op of item.effect.ops) if (op.op === 'annotation.add') added.add(op.annotation.id);
      for (const op of item.effect.inverse) if (op.op === 'annotation.update') replaced.set(op.annotation.id, op.annotation);
    }
  }
  return document.annotations
    .filter((annotation) => !added.has(annotation.id))
    .map((annotation) => replaced.get(annotation.id) ?? annotation);
}
