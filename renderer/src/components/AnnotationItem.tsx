import type { ComponentChildren } from 'preact';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { excerpt } from './ListParts.tsx';
import type { RowPlacement } from './virtual-rows.ts';

interface AnnotationItemProps {
  session: DocumentSession;
  annotation: Annotation;
  /** Where the row goes in its list (see `useVirtualRows`). */
  placement: RowPlacement;
  /** Whether it is the selected annotation. */
  current: boolean;
  /** Shown before the text: a verdict dot, a kind swatch… */
  marker?: ComponentChildren;
  /** The main line; the annotated text when left out. */
  text?: string;
  meta?: ComponentChildren;
}

/** One annotation in a list: activating it selects it and shows it in the article. */
export function AnnotationItem({ session, annotation, placement, current, marker, text, meta }: AnnotationItemProps) {
  return (
    <li class="list-row" {...placement}>
      <button
        type="button"
        class="list-item"
        data-list-item
        data-annotation-ref={annotation.id}
        aria-current={current ? 'true' : undefined}
        onClick={() => session.showAnnotation(annotation.id)}
      >
        {marker}
        <span class="item-body">
          <span class="item-text">{text ?? `“${excerpt(annotation.target.exact)}”`}</span>
          {meta ? <span class="item-meta">{meta}</span> : null}
        </span>
      </button>
    </li>
  );
}
