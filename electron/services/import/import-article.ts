import { randomBytes } from 'node:crypto';
import { MAX_TEXT_LENGTH } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { detectFormat } from '../../../shared/import/detect-format.ts';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage, type ImportFormat } from '../../../shared/import/import-formats.ts';
import { readerContent } from '../../../shared/import/reader-content.ts';
import { DocumentMeta, type ScholiaDocument } from '../../../shared/model/document.ts';
import { documentOfContent } from '../../../shared/model/new-document.ts';
import { textblocksOf } from '../../../shared/text/canonical.ts';
import { assertTextBytes, decodeTextFile } from '../text-file.ts';
import { withoutRepeatedTitle, type ExtractedArticle } from './extracted-article.ts';

/** Where an article comes from: a file's bytes, a web address, or what was pasted. */
export type ImportSource =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'url'; url: string; allowPrivateNetwork?: boolean }
  | { kind: 'paste'; html?: string; text?: string };

/** How an article came in: a file's detected format, a fetched page, or a paste. */
export type ImportedAs = ImportFormat | 'url' | 'paste';

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

/** The article of a source, with how it came in. */
export async function extractArticle(source: ImportSource): Promise<{ article: ExtractedArticle; format: ImportedAs }> {
  switch (source.kind) {
    case 'file':
      return extractFile(source.name, source.bytes);
    case 'url': {
      const { fetchPage } = await import('./fetch-page.ts');
      const page = await fetchPage(source.url, { allowPrivateNetwork: source.allowPrivateNetwork === true });
      const article = (await html()).articleFromHtml(page.bytes, { url: page.url, contentType: page.contentType });
      return { format: 'url', article: { ...article, meta: { ...article.meta, url: article.meta.url ?? page.url } } };
    }
    case 'paste': {
      if (source.html?.trim()) return { format: 'paste', article: (await html()).articleFromHtml(source.html) };
      if (source.text?.trim()) return { format: 'paste', article: (await import('./text-article.ts')).articleFromText(source.text) };
      throw new ScholiaError('bad-request', 'The clipboard held no text to import.');
    }
  }
}

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

/** Keeps the metadata fields that pass the document's schema, so one odd value (a malformed date) costs only itself. */
function validMeta(meta: Partial<DocumentMeta>): Partial<DocumentMeta> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    const field = DocumentMeta.shape[key as keyof DocumentMeta];
    if (field && value !== undefined && field.safeParse(value).success) kept[key] = value;
  }
  return kept as Partial<DocumentMeta>;
}

export interface DocumentOptions {
  /** The file the article came from: a title of last resort. */
  filename?: string;
  /** Metadata that wins over what the source says (the analyst's own, or a sample's). */
  meta?: Partial<DocumentMeta>;
  /** Where the article is said to come from, when the source names no such thing. */
  label?: string;
  now?: Date;
}

/**
 * The new document of an extracted article: a leading heading that repeats the title dropped, the
 * blocks made canonical reader content, refused when it holds no text or more than the contract's
 * limit; titled by its metadata, else its file name, else its first words.
 */
export function documentOfArticle(extracted: ExtractedArticle, options: DocumentOptions = {}): ScholiaDocument {
  const article = withoutRepeatedTitle(extracted);
  const content = readerContent(article.blocks);
  const [firstBlock] = textblocksOf(content);
  const label = options.label ?? options.filename ?? 'The text';
  if (!firstBlock) throw new ScholiaError('bad-request', `${label} holds no article text to import.`);
  const meta = validMeta({ ...article.meta, ...options.meta });
  const title = meta.title ?? (options.filename ? titleFromFilename(options.filename) : undefined) ?? titleFromText(firstBlock);
  const document = documentOfContent(randomBytes(8).toString('hex'), { ...meta, title: title.slice(0, 1000) }, content, (options.now ?? new Date()).toISOString());
  if (document.text.length > MAX_TEXT_LENGTH) throw new ScholiaError('unsupported-file', `${label} holds more text than an article can (${MAX_TEXT_LENGTH} characters).`);
  return document;
}

/** Imports a source into a new document (not yet stored): detect, extract, sanitise, map, canonical text and fingerprint. */
export async function documentFromSource(source: ImportSource, now = new Date()): Promise<{ document: ScholiaDocument; format: ImportedAs }> {
  const { article, format } = await extractArticle(source);
  const label = source.kind === 'file' ? source.name : source.kind === 'url' ? source.url : 'The pasted text';
  return { document: documentOfArticle(article, { ...(source.kind === 'file' ? { filename: source.name } : {}), label, now }), format };
}
