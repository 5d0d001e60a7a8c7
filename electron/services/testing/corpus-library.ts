import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { corpusSampleDocuments } from '../../../shared/testing/corpus-sample.ts';
import type { Scholia } from '../open-scholia.ts';
import { valueOf } from './library-fixtures.ts';

/**
 * Puts the three sample articles of `corpusSampleDocuments` into a library through the contract,
 * as the app would: text import, metadata, then the entities and annotations as one batch each.
 * Answers the stored documents, in the fixture's order.
 */
export async function seedCorpusLibrary(scholia: Scholia): Promise<ScholiaDocument[]> {
  const stored: ScholiaDocument[] = [];
  for (const sample of corpusSampleDocuments()) {
    const raw = sample.text;
    const { id } = valueOf<ChannelOutput<'library.importText'>>(
      await scholia.dispatch('library.importText', { text: raw, title: sample.meta.title }),
    );
    const { meta } = sample;
    valueOf(
      await scholia.dispatch('library.updateMeta', {
        id,
        meta: {
          title: meta.title,
          ...(meta.source ? { source: meta.source } : {}),
          ...(meta.published ? { published: meta.published } : {}),
          ...(meta.url ? { url: meta.url } : {}),
        },
      }),
    );
    const ops = [
      ...sample.entities.map((entity) => ({ op: 'entity.add' as const, entity })),
      ...sample.annotations.map((annotation) => ({ op: 'annotation.add' as const, annotation })),
    ];
    valueOf(await scholia.dispatch('annotations.apply', { documentId: id, ops }));
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    if (document.text !== sample.text) throw new Error(`the library's text of "${meta.title}" differs from the sample's`);
    stored.push(document);
  }
  return stored;
}
