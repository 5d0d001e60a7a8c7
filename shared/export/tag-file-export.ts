import type { ScholiaDocument } from '../model/document.ts';
import { TAG_FILE_FORMAT, TAG_FILE_VERSION, type TagFileV1 } from '../model/tag-file.ts';
import type { Tagset } from '../model/tagset.ts';
import { compareAnnotations } from './report-model.ts';

export interface TagFileExportOptions {
  /** Who exports: the file's annotator. */
  annotator: string;
  /** Embed the canonical text, so the file is self-contained (default true). */
  embedText?: boolean;
  /** The export time (ISO 8601); now when left out. */
  exportedAt?: string;
}

/** A document's annotations as tag file v1 (docs/ARCHITECTURE.md, “The tag-file format”), annotations in text order, with the tagset in use. */
export function exportTagFile(document: ScholiaDocument, tagset: Tagset, options: TagFileExportOptions): TagFileV1 {
  const { meta } = document;
  return {
    format: TAG_FILE_FORMAT,
    version: TAG_FILE_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    annotator: { name: options.annotator },
    document: {
      fingerprint: document.fingerprint,
      title: meta.title,
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.published ? { published: meta.published } : {}),
      textLength: document.text.length,
      ...(options.embedText === false ? {} : { text: document.text }),
    },
    tagset,
    entities: document.entities,
    annotations: [...document.annotations].sort(compareAnnotations),
  };
}
