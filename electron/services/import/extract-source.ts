import { ScholiaError } from '../../../shared/contract/errors.ts';
import { detectFormat } from '../../../shared/import/detect-format.ts';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage, type ImportFormat } from '../../../shared/import/import-formats.ts';
import { assertTextBytes, decodeTextFile } from '../text-file.ts';
import type { ExtractedArticle } from './extracted-article.ts';

/**
 * What the import worker is asked to read: a file's bytes, a fetched page's bytes (fetching stays
 * with the caller), or a paste. Plain data, so it crosses to a worker thread as it is.
 */
export type ExtractionTask =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'page'; bytes: Uint8Array; url: string; contentType: string }
  | { kind: 'paste'; html?: string; text?: string };

/** How an article came in: a file's detected format, a fetched page, or a paste. */
export type ImportedAs = ImportFormat | 'url' | 'paste';

/** The article a task yields, with how it came in. */
export interface Extraction {
  article: ExtractedArticle;
  format: ImportedAs;
}

// The format readers load their libraries (jsdom, pdf.js, mammoth, markdown-it) on first use only.
const html = () => import('./html-article.ts');

async function extractFile(name: string, bytes: Uint8Array): Promise<{ article: ExtractedArticle; format: ImportFormat }> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw new ScholiaError('unsupported-file', tooLargeMessage(name, bytes.byteLength));
  if (bytes.byteLength === 0) throw new ScholiaError('unsupported-file', `${name} is empty.`);
  const detected = detectFormat(bytes, name);
  if ('refused' in detected) throw new ScholiaError('unsupported-file', detected.refused);
  const { format } = detected;
  switch (format) {
    case 'pdf':
      return { format, article: await (await import('./pdf-article.ts')).articleFromPdf(bytes, name) };
    case 'docx':
      return { format, article: await (await import('./docx-article.ts')).articleFromDocx(bytes, name) };
    case 'html':
      assertTextBytes(bytes, name);
      return { format, article: (await html()).articleFromHtml(bytes) };
    case 'markdown':
      return { format, article: (await import('./markdown-article.ts')).articleFromMarkdown(decodeTextFile(bytes, name)) };
    case 'text':
      return { format, article: (await import('./text-article.ts')).articleFromText(decodeTextFile(bytes, name)) };
  }
}

/**
 * Reads the article of a task in this thread: detect, extract, sanitise and map (the CPU-bound part
 * of an import). The import worker runs it; `extractInWorker` is what the services call.
 */
export async function extractInThisThread(task: ExtractionTask): Promise<Extraction> {
  switch (task.kind) {
    case 'file':
      return extractFile(task.name, task.bytes);
    case 'page':
      return { format: 'url', article: (await html()).articleFromHtml(task.bytes, { url: task.url, contentType: task.contentType }) };
    case 'paste': {
      if (task.html?.trim()) return { format: 'paste', article: (await html()).articleFromHtml(task.html) };
      if (task.text?.trim()) return { format: 'paste', article: (await import('./text-article.ts')).articleFromText(task.text) };
      throw new ScholiaError('bad-request', 'The clipboard held no text to import.');
    }
  }
}
