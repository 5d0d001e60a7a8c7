import type { Annotation } from '../../../shared/model/annotation.ts';
import type { AnnotationCounts } from '../../../shared/model/document.ts';

/** How many annotations of each kind there are, as the library index counts them. */
export function countAnnotations(annotations: Iterable<Annotation>): AnnotationCounts {
  const counts: AnnotationCounts = { claims: 0, quotes: 0, entities: 0, notes: 0 };
  for (const annotation of annotations) {
    if (annotation.kind === 'claim') counts.claims += 1;
    else if (annotation.kind === 'quote') counts.quotes += 1;
    else if (annotation.kind === 'entity') counts.entities += 1;
    else counts.notes += 1;
  }
  return counts;
}
