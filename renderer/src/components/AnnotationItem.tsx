import type { ComponentChildren } from 'preact';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { excerpt, onListKeyDown } from './ListParts.tsx';

interface AnnotationItemProps {
  session: DocumentSession;
  annotation: Annotation;
  /** Shown before the text: a verdict dot, a kind swatch… */
  marker?: ComponentChildren;
  /** The main line; the annotated text when left out. */
  text?: string;
  meta?: ComponentChildren;
}

/** One annotation in a list: activating it selects it and shows it in the article (the list marks the selected one, see `useSelectedItem`). */
export function AnnotationItem({ session, annotation, marker, text, meta }: AnnotationItemProps) {
  return (
    <li class="list-row">
      <button
        type="button"
        class="list-item"
        data-list-item
        data-annotation-ref={annotation.id}
        onClick={() => session.showAnnotation(annotation.id)}
        onKeyDown={onListKeyDown}
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
