import { z } from 'zod';
import { Assignee } from '../model/assignee.ts';
import { DocumentMeta, DocumentSummary } from '../model/document.ts';
import { Id, IsoDateTime } from '../model/ids.ts';
import { MAX_IMPORT_FILE_BYTES } from '../import/import-formats.ts';

/** The largest pasted HTML or text taken, in characters. */
export const MAX_PASTE_LENGTH = 20_000_000;

/** What every import answers: the document (new, or the one already in the library), and how it was read. */
export const ImportResult = z.object({
  id: Id,
  title: z.string(),
  /** True when the article was already in the library (same fingerprint): that document is opened, nothing is added. */
  duplicate: z.boolean(),
  /** True when the article was found in the trash and brought back. */
  restoredFromTrash: z.boolean().optional(),
  /** `tags`: a Scholia tag file, imported with its annotations and entities, or placed on its article as a review. */
  format: z.enum(['text', 'markdown', 'html', 'docx', 'pdf', 'url', 'paste', 'tags']),
  /** A tag file for an article already in the library went to Review: the review made on that document. */
  reviewId: Id.optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** A document in the trash: its summary and when it was put there. */
export const TrashedSummary = DocumentSummary.extend({ trashed: IsoDateTime });
export type TrashedSummary = z.infer<typeof TrashedSummary>;

/** A library search hit: the document and, for a match in the text, the words around it. */
export const SearchHit = z.object({
  id: Id,
  field: z.enum(['title', 'source', 'author', 'text']),
  snippet: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

const base64Limit = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

/** The most sources one `library.importBatch` takes. */
export const MAX_BATCH_SOURCES = 1000;

const FileInput = z.strictObject({
  filename: z.string().min(1).max(1000),
  base64: z.base64().max(base64Limit + 4, `a file can be at most ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB`),
});
const UrlInput = z.strictObject({ url: z.string().trim().min(1).max(4000) });

/** One source of a batch: a file's bytes, or a web address. */
export const BatchSource = z.discriminatedUnion('kind', [
  FileInput.extend({ kind: z.literal('file') }),
  UrlInput.extend({ kind: z.literal('url') }),
]);
export type BatchSource = z.infer<typeof BatchSource>;

/** Importing articles of every kind, and managing the library: search, metadata, trash. */
export const importChannels = {
  /** A file's bytes (base64): its type detected by content and name; text, Markdown, HTML, DOCX or PDF. */
  'library.importFile': { input: FileInput, output: ImportResult },
  /** A web page fetched by the host (http and https only). */
  'library.importUrl': { input: UrlInput, output: ImportResult },
  /** What was pasted: its HTML when the clipboard had some, else its text. */
  'library.importPaste': {
    input: z.strictObject({
      html: z.string().max(MAX_PASTE_LENGTH).optional(),
      text: z.string().max(MAX_PASTE_LENGTH).optional(),
    }),
    output: ImportResult,
  },
  /**
   * Several files and web addresses as one import: every source is read and extracted first, and
   * nothing is stored when one of them is refused. Web pages follow the same private-network rule as `library.importUrl`.
   */
  'library.importBatch': {
    input: z.strictObject({ sources: z.array(BatchSource).min(1).max(MAX_BATCH_SOURCES) }),
    output: z.object({ results: z.array(ImportResult) }),
  },
  /** Documents whose title, source, author or text holds every word of the query. */
  'library.search': {
    input: z.strictObject({ query: z.string().max(500) }),
    output: z.object({ hits: z.array(SearchHit) }),
  },
  /** Changes a document's metadata (title, source, author, date, language, URL, workflow stage, assignee); its text never changes. */
  'library.updateMeta': {
    input: z.strictObject({
      id: Id,
      meta: z.strictObject({
        title: DocumentMeta.shape.title,
        url: DocumentMeta.shape.url.or(z.literal('')).optional(),
        source: z.string().trim().max(1000).optional(),
        author: z.string().trim().max(1000).optional(),
        published: DocumentMeta.shape.published.or(z.literal('')).optional(),
        language: DocumentMeta.shape.language.or(z.literal('')).optional(),
        stage: DocumentMeta.shape.stage,
        /** A member id or a name; empty takes the assignment off. */
        assignee: Assignee.or(z.literal('')).optional(),
        factCheckUrl: DocumentMeta.shape.factCheckUrl.or(z.literal('')).optional(),
      }),
    }),
    output: DocumentSummary,
  },
  /** Moves a document to the trash: its file and annotations are kept until the trash is emptied. */
  'library.trash': { input: z.strictObject({ id: Id }), output: TrashedSummary },
  'library.trashList': { input: z.strictObject({}), output: z.object({ documents: z.array(TrashedSummary) }) },
  /** Brings a document back from the trash with everything on it. */
  'library.untrash': { input: z.strictObject({ id: Id }), output: DocumentSummary },
  /** Deletes the documents in the trash for good (their files and backups). */
  'library.emptyTrash': { input: z.strictObject({}), output: z.object({ deleted: z.int().nonnegative() }) },
} as const;
