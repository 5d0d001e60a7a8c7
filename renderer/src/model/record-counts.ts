import type { Annotation } from '../../../shared/model/annotation.ts';
import type { AnnotationCounts } from '../../../shared/model/document.ts';

/**
 * Running tallies of a document's annotations, kept up to date one record at a time as records are
 * added and removed, so the lists' counts never rescan the document.
 */
export class RecordCounts {
  private readonly byKind: AnnotationCounts = { claims: 0, quotes: 0, entities: 0, notes: 0 };
  private readonly byVerdict = new Map<string, number>();
  private noted = 0;

  /** Counts a record in (`+1`) or out (`-1`). */
  tally(annotation: Annotation, sign: 1 | -1): void {
    switch (annotation.kind) {
      case 'claim':
        this.byKind.claims += sign;
        this.byVerdict.set(annotation.status, (this.byVerdict.get(annotation.status) ?? 0) + sign);
        if (this.byVerdict.get(annotation.status) === 0) this.byVerdict.delete(annotation.status);
        break;
      case 'quote':
        this.byKind.quotes += sign;
        break;
      case 'entity':
        this.byKind.entities += sign;
        break;
      case 'note':
        this.byKind.notes += sign;
        break;
    }
    if (annotation.kind === 'note' || annotation.note) this.noted += sign;
  }

  /** Annotations of each kind (`entities` counts mentions). */
  kinds(): AnnotationCounts {
    return { ...this.byKind };
  }

  /** Claims carrying each verdict (verdicts no claim carries are left out). */
  verdicts(): ReadonlyMap<string, number> {
    return new Map(this.byVerdict);
  }

  /** What the notes list holds: note spans and every other annotation with a note written on it. */
  notes(): number {
    return this.noted;
  }
}
