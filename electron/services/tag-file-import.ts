import { randomBytes } from 'node:crypto';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { applyAnnotationOps } from '../../shared/layer/apply-layer-ops.ts';
import { DocumentMeta, type ScholiaDocument } from '../../shared/model/document.ts';
import { checkTagFile } from '../../shared/model/tag-file-check.ts';
import type { TagFileV1 } from '../../shared/model/tag-file.ts';
import type { Tagset } from '../../shared/model/tagset.ts';
import { BLOCK_SEPARATOR, canonicalText } from '../../shared/text/canonical.ts';
import { paragraphsContent } from '../../shared/text/content.ts';

/** Parses and checks a tag file, refusing it with every problem by JSON path (at most ten). */
export function readTagFile(json: unknown, name = 'The tag file'): TagFileV1 {
  const check = checkTagFile(json);
  if (check.ok) return check.file;
  const shown = check.problems.slice(0, 10).map((p) => `  ${p.path}: ${p.message}`);
  const more = check.problems.length > shown.length ? [`  …and ${check.problems.length - shown.length} more`] : [];
  throw new ScholiaError('unsupported-file', [`${name} is not a valid Scholia tag file:`, ...shown, ...more].join('\n'));
}

/**
 * A new document made from a tag file that embeds its article text: the text (which must be
 * canonical and match the fingerprint) becomes paragraphs, the file's entities and annotations
 * are checked against it and the tagset, all or nothing.
 */
export function documentFromTagFile(file: TagFileV1, tagset: Tagset, now = new Date()): ScholiaDocument {
  const { text } = file.document;
  if (text === undefined) {
    throw new ScholiaError(
      'unsupported-file',
      'The tag file does not embed the article text; export it again with the text, or open the article it belongs to.',
    );
  }
  const blocks = text.split(BLOCK_SEPARATOR);
  if (canonicalText(blocks) !== text)
    throw new ScholiaError(
      'unsupported-file',
      "The tag file's text is not in canonical form (blocks of collapsed whitespace, NFC, joined by a blank line).",
    );
  const ops = [
    ...file.entities.map((entity) => ({ op: 'entity.add' as const, entity })),
    ...file.annotations.map((annotation) => ({ op: 'annotation.add' as const, annotation })),
  ];
  const layer = applyAnnotationOps(text, tagset, { entities: [], annotations: [] }, ops);
  const meta = DocumentMeta.safeParse({
    title: file.document.title?.trim() || 'Untitled article',
    ...(file.document.url ? { url: file.document.url } : {}),
    ...(file.document.published ? { published: file.document.published } : {}),
  });
  const stamp = now.toISOString();
  return {
    id: randomBytes(8).toString('hex'),
    // A URL the document model refuses (not http(s)) is dropped rather than refusing the file.
    meta: meta.success ? meta.data : { title: file.document.title?.trim() || 'Untitled article' },
    content: paragraphsContent(blocks),
    text,
    fingerprint: file.document.fingerprint,
    ...layer,
    reviews: [],
    revision: 0,
    imported: stamp,
    modified: stamp,
  };
}
