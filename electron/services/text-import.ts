import { ScholiaError } from '../../shared/contract/errors.ts';
import type { DocumentMeta, ScholiaDocument } from '../../shared/model/document.ts';
import { documentOfArticle } from './import/import-article.ts';
import { articleFromText } from './import/text-article.ts';
import { BINARY_CONTROL } from './text-file.ts';

export interface TextImport {
  text: string;
  title?: string;
  filename?: string;
  meta?: Partial<DocumentMeta>;
}

/** Builds a new document from plain text: paragraphs at blank lines, a leading `date YYYY-MM-DD` as its published date. */
export function documentFromText(input: TextImport, now = new Date()): ScholiaDocument {
  if (BINARY_CONTROL.test(input.text))
    throw new ScholiaError('unsupported-file', 'The text holds binary control characters; it is not a text file.');
  const meta = { ...input.meta, ...(input.title ? { title: input.title } : {}) };
  return documentOfArticle(articleFromText(input.text), { ...(input.filename ? { filename: input.filename } : {}), meta, now });
}
