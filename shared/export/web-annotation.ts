import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import type { Tagset } from '../model/tagset.ts';
import { CodePointIndex } from '../text/code-points.ts';
import { compareAnnotations } from './report-model.ts';
import { niUri, stableUuid } from './stable-ids.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Body =
  | { type: 'TextualBody'; purpose: string; value: string; format?: 'text/plain'; language?: string }
  | { id: string; type?: string; purpose: string; title?: string };

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'highlighting' | 'tagging' | 'identifying' | 'commenting';
  creator?: { type: 'Person'; name: string };
  created: string;
  modified: string;
  body?: Body[];
  target: {
    source: string;
    scope?: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

export interface WebAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

function wikidataIri(entity: Entity): string | undefined {
  return entity.wikidata ? `http://www.wikidata.org/entity/${entity.wikidata}` : undefined;
}

function text(purpose: string, value: string): Body {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

/** An entity as a body: its Wikidata item when it has one, else its name. */
function entityBody(entity: Entity, purpose: string, role?: string): Body {
  const iri = wikidataIri(entity);
  const label = role ? `${role}: ${entity.name}` : entity.name;
  return iri ? { id: iri, purpose, title: label } : text(purpose, label);
}

function bodiesOf(
  annotation: Annotation,
  tagset: Tagset,
  entities: Map<string, Entity>,
): { motivation: WebAnnotation['motivation']; body: Body[] } {
  const body: Body[] = [];
  let motivation: WebAnnotation['motivation'];
  switch (annotation.kind) {
    case 'claim': {
      motivation = annotation.status === 'unverified' ? 'highlighting' : 'assessing';
      const verdict = tagset.verdicts.find((v) => v.id === annotation.status)?.label ?? annotation.status;
      body.push(text(motivation === 'assessing' ? 'assessing' : 'tagging', verdict));
      body.push(text('tagging', 'claim'));
      if (annotation.label)
        body.push(text('classifying', tagset.claimLabels.find((l) => l.id === annotation.label)?.label ?? annotation.label));
      if (annotation.checkworthy !== undefined) body.push(text('tagging', annotation.checkworthy ? 'check-worthy' : 'not check-worthy'));
      const claimant = annotation.claimantId ? entities.get(annotation.claimantId) : undefined;
      if (claimant) body.push(entityBody(claimant, 'describing', 'Claimant'));
      for (const item of annotation.evidence ?? [])
        body.push({ id: item.url, type: 'Text', purpose: 'linking', ...(item.title ? { title: item.title } : {}) });
      break;
    }
    case 'quote': {
      motivation = 'tagging';
      body.push(text('tagging', 'quote'), text('tagging', `${annotation.form} quote`));
      const speaker = annotation.speakerId ? entities.get(annotation.speakerId) : undefined;
      if (speaker) body.push(entityBody(speaker, 'describing', 'Speaker'));
      if (annotation.cue) body.push(text('describing', `Cue: ${annotation.cue.exact}`));
      break;
    }
    case 'entity': {
      motivation = 'identifying';
      const entity = entities.get(annotation.entityId);
      if (entity) {
        body.push(entityBody(entity, 'identifying'));
        body.push(text('classifying', tagset.entityTypes.find((t) => t.id === entity.type)?.label ?? entity.type));
      }
      break;
    }
    case 'note':
      motivation = 'commenting';
      break;
  }
  if (annotation.note?.trim()) body.push(text('commenting', annotation.note));
  for (const tag of annotation.tags ?? []) body.push(text('tagging', tag));
  return { motivation, body };
}

/**
 * The document's annotations as W3C Web Annotations, in text order. Targets name the exact
 * canonical text by its `ni:` hash URI (the article URL, when known, is the `scope`) and select it
 * twice: by quote and by position, the positions in Unicode code points.
 */
export function webAnnotationItems(document: ScholiaDocument, tagset: Tagset): WebAnnotation[] {
  const index = new CodePointIndex(document.text);
  const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
  const source = niUri(document.fingerprint);
  return [...document.annotations].sort(compareAnnotations).map((annotation): WebAnnotation => {
    const { motivation, body } = bodiesOf(annotation, tagset, entities);
    const { target } = annotation;
    return {
      '@context': ANNO_CONTEXT,
      id: stableUuid(`${document.fingerprint}/annotation/${annotation.id}`),
      type: 'Annotation',
      motivation,
      ...(annotation.author ? { creator: { type: 'Person' as const, name: annotation.author } } : {}),
      created: annotation.created,
      modified: annotation.modified,
      ...(body.length > 0 ? { body } : {}),
      target: {
        source,
        ...(document.meta.url ? { scope: document.meta.url } : {}),
        selector: [
          { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix },
          { type: 'TextPositionSelector', start: index.toCodePoint(target.start), end: index.toCodePoint(target.end) },
        ],
      },
    };
  });
}

/** The document's annotations (`webAnnotationItems`) as one `AnnotationCollection` (JSON-LD) of one page. */
export function exportWebAnnotations(document: ScholiaDocument, tagset: Tagset): WebAnnotationCollection {
  const items = webAnnotationItems(document, tagset);
  const id = stableUuid(`${document.fingerprint}/collection`);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: document.meta.title,
    total: items.length,
    first: { id: stableUuid(`${document.fingerprint}/collection/page/0`), type: 'AnnotationPage', startIndex: 0, items },
  };
}
