import type { ReaderDocNode } from './content.ts';
import { canonicalTextOf } from '../text/canonical.ts';
import { paragraphsContent } from '../text/content.ts';
import { fingerprint } from '../text/fingerprint.ts';
import type { DocumentMeta, ScholiaDocument } from './document.ts';

/**
 * A freshly imported document: no annotations yet, revision 0. Its canonical text is the text of
 * `content`'s textblocks, which must already be in canonical form (see `readerContent`).
 */
export function documentOfContent(id: string, meta: DocumentMeta, content: ReaderDocNode, importedAt: string): ScholiaDocument {
  const text = canonicalTextOf(content);
  return {
    id,
    meta,
    content,
    text,
    fingerprint: fingerprint(text),
    entities: [],
    annotations: [],
    reviews: [],
    revision: 0,
    imported: importedAt,
    modified: importedAt,
  };
}

/** A freshly imported document of plain paragraphs, one per canonical block. */
export function newDocument(id: string, meta: DocumentMeta, blocks: readonly string[], importedAt: string): ScholiaDocument {
  return documentOfContent(id, meta, paragraphsContent(blocks), importedAt);
}
