import { canonicalText } from '../text/canonical.ts';
import { paragraphsContent } from '../text/content.ts';
import { fingerprint } from '../text/fingerprint.ts';
import type { DocumentMeta, ScholiaDocument } from './document.ts';

/** A freshly imported document of plain paragraphs: no annotations yet, revision 0. */
export function newDocument(id: string, meta: DocumentMeta, blocks: readonly string[], importedAt: string): ScholiaDocument {
  const text = canonicalText(blocks);
  return {
    id,
    meta,
    content: paragraphsContent(blocks),
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
