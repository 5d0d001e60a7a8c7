import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Scholia } from '../open-scholia.ts';
import { importArticle, valueOf } from './library-fixtures.ts';

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
