import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset, TagsetEntry } from '../../../shared/model/tagset.ts';

export interface HighlightLook {
  className: string;
  style?: string;
  title: string;
}

export const KIND_LABELS: Record<Annotation['kind'], string> = {
  claim: 'Claim',
  quote: 'Quote',
  entity: 'Entity',
  note: 'Note',
};

function entry(entries: readonly TagsetEntry[], id: string | undefined): TagsetEntry | undefined {
  return id === undefined ? undefined : entries.find((candidate) => candidate.id === id);
}

/** A tagset id made safe for a class name. */
function classToken(id: string): string {
  return id.replace(/[^a-z0-9-]/giu, '-');
}

function excerpt(text: string, length = 80): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/**
 * How an annotation is highlighted in the reader: one class per kind (`ann ann-claim`…), the
 * verdict or entity type as a class and a colour, and a tooltip that says what it is.
 */
export function highlightLook(
  annotation: Annotation,
  lookup: { entity(id: string): Entity | undefined },
  tagset: Tagset,
  selected: boolean,
): HighlightLook {
  const classes = ['ann', `ann-${annotation.kind}`];
  const titleParts: string[] = [KIND_LABELS[annotation.kind]];
  let style: string | undefined;
  switch (annotation.kind) {
    case 'claim': {
      const verdict = entry(tagset.verdicts, annotation.status);
      classes.push(`verdict-${classToken(annotation.status)}`);
      if (verdict) style = `--ann-verdict: ${verdict.colour}`;
      titleParts.push(verdict?.label ?? annotation.status);
      break;
    }
    case 'quote': {
      const speaker = annotation.speakerId ? lookup.entity(annotation.speakerId) : undefined;
      titleParts.push(speaker ? speaker.name : 'no speaker yet');
      break;
    }
    case 'entity': {
      const entity = lookup.entity(annotation.entityId);
      const type = entry(tagset.entityTypes, entity?.type);
      if (entity) classes.push(`entity-${classToken(entity.type)}`);
      if (type) style = `--ann-colour: ${type.colour}`;
      titleParts.push(type?.label ?? entity?.type ?? 'unknown type', entity?.name ?? 'missing entity');
      break;
    }
    case 'note':
      break;
  }
  if (annotation.note) {
    classes.push('ann-has-note');
    titleParts.push(excerpt(annotation.note));
  }
  if (selected) classes.push('ann-selected');
  return style === undefined
    ? { className: classes.join(' '), title: titleParts.join(' · ') }
    : { className: classes.join(' '), style, title: titleParts.join(' · ') };
}
