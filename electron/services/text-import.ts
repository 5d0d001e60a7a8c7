import { randomBytes } from 'node:crypto';
import { ScholiaError } from '../../shared/contract/errors.ts';
import type { DocumentMeta, ScholiaDocument } from '../../shared/model/document.ts';
import { newDocument } from '../../shared/model/new-document.ts';
import { parsePlainText } from '../../shared/text/plain-text.ts';
import { BINARY_CONTROL } from './text-file.ts';

function titleFromFilename(filename: string): string | undefined {
  const base = filename.replace(/^.*[\\/]/u, '').replace(/\.[A-Za-z0-9]{1,8}$/u, '');
  const words = base.replace(/[_]+/gu, ' ').trim();
  return words.length > 0 ? words : undefined;
}

function titleFromText(firstBlock: string): string {
  if (firstBlock.length <= 80) return firstBlock;
  const cut = firstBlock.slice(0, 80);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > 40 ? lastSpace : 80)}…`;
}

export interface TextImport {
  text: string;
  title?: string;
  filename?: string;
  meta?: Partial<DocumentMeta>;
}

/** Builds a new document from plain text: paragraphs at blank lines, a leading `date YYYY-MM-DD` as its published date. */
export function documentFromText(input: TextImport, now = new Date()): ScholiaDocument {
  if (BINARY_CONTROL.test(input.text)) throw new ScholiaError('unsupported-file', 'The text holds binary control characters; it is not a text file.');
  const article = parsePlainText(input.text);
  const [firstBlock] = article.blocks;
  if (!firstBlock) throw new ScholiaError('bad-request', `${input.filename ?? 'The text'} holds no text to import.`);
  const title = input.title ?? input.meta?.title ?? (input.filename ? titleFromFilename(input.filename) : undefined) ?? titleFromText(firstBlock);
  const meta: DocumentMeta = {
    ...input.meta,
    title,
    ...(article.published && !input.meta?.published ? { published: article.published } : {}),
  };
  return newDocument(randomBytes(8).toString('hex'), meta, article.blocks, now.toISOString());
}
