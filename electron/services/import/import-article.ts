import { randomBytes } from 'node:crypto';
import { MAX_TEXT_LENGTH } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { readerContent } from '../../../shared/import/reader-content.ts';
import { DocumentMeta, type ScholiaDocument } from '../../../shared/model/document.ts';
import { documentOfContent } from '../../../shared/model/new-document.ts';
import { textblocksOf } from '../../../shared/text/canonical.ts';
import type { Extraction, ImportedAs } from './extract-source.ts';
import { withoutRepeatedTitle, type ExtractedArticle } from './extracted-article.ts';
import { extractInWorker, type ExtractionOptions } from './extraction-worker.ts';

/** Where an article comes from: a file's bytes, a web address, or what was pasted. */
export type ImportSource =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'url'; url: string; allowPrivateNetwork?: boolean }
  | { kind: 'paste'; html?: string; text?: string };

export type { ImportedAs };

function labelOf(source: ImportSource): string {
  return source.kind === 'file' ? source.name : source.kind === 'url' ? source.url : 'The pasted text';
}

/**
 * The article of a source, with how it came in: a web address is fetched here, then every source is
 * read in the import worker, within its time limit (see `extractInWorker`).
 */
export async function extractArticle(source: ImportSource, options: ExtractionOptions = {}): Promise<Extraction> {
  switch (source.kind) {
    case 'url': {
      const { fetchPage } = await import('./fetch-page.ts');
      const page = await fetchPage(source.url, { allowPrivateNetwork: source.allowPrivateNetwork === true });
      const { article } = await extractInWorker(
        { kind: 'page', bytes: page.bytes, url: page.url, contentType: page.contentType },
        source.url,
        options,
      );
      // `url` is where the page was fetched from; the address the page claims is `canonicalUrl`.
      return { format: 'url', article: { ...article, meta: { ...article.meta, url: page.url } } };
    }
    case 'file':
    case 'paste':
      return extractInWorker(source, labelOf(source), options);
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
  const document = documentOfContent(
    randomBytes(8).toString('hex'),
    { ...meta, title: title.slice(0, 1000) },
    content,
    (options.now ?? new Date()).toISOString(),
  );
  if (document.text.length > MAX_TEXT_LENGTH)
    throw new ScholiaError('unsupported-file', `${label} holds more text than an article can (${MAX_TEXT_LENGTH} characters).`);
  return document;
}

/** Imports a source into a new document (not yet stored): detect, extract, sanitise, map, canonical text and fingerprint. */
export async function documentFromSource(
  source: ImportSource,
  options: ExtractionOptions & { now?: Date } = {},
): Promise<{ document: ScholiaDocument; format: ImportedAs }> {
  const { article, format } = await extractArticle(source, options);
  const label = labelOf(source);
  return {
    document: documentOfArticle(article, {
      ...(source.kind === 'file' ? { filename: source.name } : {}),
      label,
      ...(options.now ? { now: options.now } : {}),
    }),
    format,
  };
}
