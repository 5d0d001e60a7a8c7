import type { Annotation, AnnotationKind } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';

/** One annotation as the agreement figures see it: a kind, a span and the values compared. */
export interface AgreementItem {
  id: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  /** The value κ compares within the kind: the verdict of a claim, the speaker of a quote, the entity type of a mention; `note` for notes. */
  label: string;
}

/** One annotator's items, in the common text's offsets. */
export interface AnnotatorItems {
  name: string;
  items: AgreementItem[];
}

/** The label of a quote nobody is named for. */
export const UNATTRIBUTED = 'unattributed';

/**
 * The agreement items of an annotation layer. `entityKey` turns an entity id of this layer into a
 * key shared by every annotator (speakers of different files compare through it).
 */
export function agreementItems(
  annotations: readonly Annotation[],
  entities: readonly Entity[],
  entityKey: (id: string) => string = (id) => id,
): AgreementItem[] {
  const types = new Map(entities.map((entity) => [entity.id, entity.type]));
  return annotations.map((annotation) => {
    const { id, kind, target } = annotation;
    let label: string;
    switch (annotation.kind) {
      case 'claim':
        label = annotation.status;
        break;
      case 'quote':
        label = annotation.speakerId ? entityKey(annotation.speakerId) : UNATTRIBUTED;
        break;
      case 'entity':
        label = types.get(annotation.entityId) ?? 'other';
        break;
      case 'note':
        label = 'note';
        break;
    }
    return { id, kind, start: target.start, end: target.end, label };
  });
}
