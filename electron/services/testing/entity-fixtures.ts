import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { fingerprint } from '../../../shared/text/fingerprint.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { Scholia } from '../open-scholia.ts';
import { importArticle, valueOf } from './library-fixtures.ts';

const STAMP = '2026-01-31T09:00:00.000Z';

export function person(id: string, name: string, more: Partial<Entity> = {}): Entity {
  return { id, name, type: 'person', aliases: [], ...more };
}

/** The span of the `nth` (from 0) occurrence of `word` in `text`. */
function spanOf(text: string, word: string, nth = 0): [number, number] {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`"${word}" is not in the text`);
  return [start, start + word.length];
}

const common = (text: string, id: string, word: string, nth = 0) => {
  const [start, end] = spanOf(text, word, nth);
  return { id, target: makeTarget(text, start, end), author: 'Tester', created: STAMP, modified: STAMP };
};

export const mention = (text: string, id: string, entityId: string, word: string, nth = 0): Annotation => ({
  ...common(text, id, word, nth),
  kind: 'entity',
  entityId,
});

export const quote = (text: string, id: string, speakerId: string, words: string): Annotation => ({
  ...common(text, id, words),
  kind: 'quote',
  speakerId,
  form: 'direct',
});

export const claim = (text: string, id: string, claimantId: string, words: string, status = 'false'): Annotation => ({
  ...common(text, id, words),
  kind: 'claim',
  claimantId,
  status,
});

/** Imports an article and adds entities and annotations to it, in one batch. */
export async function articleWith(
  scholia: Scholia,
  text: string,
  build: (text: string) => { entities: Entity[]; annotations: Annotation[] },
): Promise<{ id: string; text: string }> {
  const article = await importArticle(scholia, text);
  const { entities, annotations } = build(article.text);
  const ops: AnnotationOp[] = [
    ...entities.map((entity) => ({ op: 'entity.add' as const, entity })),
    ...annotations.map((annotation) => ({ op: 'annotation.add' as const, annotation })),
  ];
  valueOf(await scholia.dispatch('annotations.apply', { documentId: article.id, ops }));
  return article;
}

export async function documentOf(scholia: Scholia, id: string): Promise<ScholiaDocument> {
  return valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id })).document;
}

/** A colleague's tag file (v1) of an article, with its text embedded unless `withText` is false. */
export function tagFileOf(
  text: string,
  entities: Entity[],
  annotations: Annotation[],
  options: { withText?: boolean; title?: string; annotator?: string } = {},
): Record<string, unknown> {
  return {
    format: 'scholia-tags',
    version: 1,
    exportedAt: STAMP,
    annotator: { name: options.annotator ?? 'Colleague' },
    document: {
      fingerprint: fingerprint(text),
      title: options.title ?? 'A colleague’s article',
      textLength: text.length,
      ...(options.withText === false ? {} : { text }),
    },
    entities,
    annotations,
  };
}
