import type { ApiResult } from '../../shared/contract/errors.ts';
import { dispatch, type Handlers } from './dispatch.ts';
import { exportDocument, type ExportDocumentOptions } from './export/export-document.ts';
import { LibraryService } from './library-service.ts';
import { ReviewService } from './review/review-service.ts';
import { LibraryStore, type LibraryStoreOptions } from './store/library-store.ts';
import { SuggestService } from './suggest/suggest-service.ts';

export interface ScholiaOptions {
  libraryDir: string;
  /** The shipped `assets/` folder: when given, a library created by this open is seeded with its sample article. */
  seedFrom?: string;
  debounceMs?: number;
  /** Prints report HTML to PDF for `export.render`; Chromium through playwright-core when left out (the app passes Electron's printToPDF). */
  printPdf?: ExportDocumentOptions['printPdf'];
  /** `write` (default) locks the library for this process; `read` changes nothing on disk (see `LibraryStoreOptions`). */
  access?: LibraryStoreOptions['access'];
  /** When another process holds the library: open read-only (default) or fail. */
  whenLocked?: LibraryStoreOptions['whenLocked'];
  /** How another process will name this one when it finds the library locked. */
  owner?: string;
}

/** The services behind the API, over one library folder. */
export interface Scholia {
  readonly libraryDir: string;
  readonly library: LibraryService;
  readonly suggestions: SuggestService;
  dispatch(channel: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Flushes, stops accepting work and gives up the library's lock. */
  close(): Promise<void>;
}

function handlersFor(library: LibraryService, reviews: ReviewService, suggestions: SuggestService, printPdf: ScholiaOptions['printPdf']): Handlers {
  return {
    'library.list': () => library.list(),
    'library.get': ({ id }) => library.get(id),
    'library.importText': ({ text, title, filename }) =>
      library.importText({ text, ...(title ? { title } : {}), ...(filename ? { filename } : {}) }),
    'annotations.apply': ({ documentId, ops, baseRevision }) => library.applyOps(documentId, ops, baseRevision),
    'settings.get': () => library.getSettings(),
    'settings.set': (changes) => library.setSettings(changes),
    'tagset.get': () => library.getTagset(),
    'tagset.set': ({ tagset }) => library.setTagset(tagset),
    'export.render': async ({ documentId, format, options }) => {
      const { document, tagset } = await library.get(documentId);
      const annotator = library.getSettings().annotatorName;
      const file = await exportDocument(document, tagset, format, { ...options, annotator, ...(printPdf ? { printPdf } : {}) });
      return { filename: file.filename, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
    },
    'document.versions': ({ documentId }) => library.versions(documentId),
    'document.restore': ({ documentId, versionId }) => library.restore(documentId, versionId),
    'review.import': ({ documentId, json, fileName, exactOnly }) => reviews.importFile(documentId, json, { ...(fileName ? { fileName } : {}), ...(exactOnly === undefined ? {} : { exactOnly }) }),
    'review.list': ({ documentId }) => reviews.list(documentId),
    'review.get': ({ documentId, reviewId }) => reviews.get(documentId, reviewId),
    'review.decide': ({ documentId, reviewId, decision, itemIds, where }) => reviews.decide(documentId, reviewId, { decision, ...(itemIds ? { itemIds } : {}), ...(where ? { where } : {}) }),
    'review.undo': ({ documentId, reviewId }) => reviews.undo(documentId, reviewId),
    'review.redo': ({ documentId, reviewId }) => reviews.redo(documentId, reviewId),
    'review.remove': ({ documentId, reviewId }) => reviews.remove(documentId, reviewId),
    'review.agreement': ({ documentId, reviewIds }) => reviews.agreement(documentId, reviewIds),
    'review.exportAgreement': ({ documentId, reviewIds, format }) => reviews.exportAgreement(documentId, format, reviewIds),
    'library.importFile': ({ filename, base64 }) => library.importSource({ kind: 'file', name: filename, bytes: Buffer.from(base64, 'base64') }),
    'library.importUrl': ({ url }) => library.importSource({ kind: 'url', url, allowPrivateNetwork: library.getSettings().allowPrivateNetwork === true }),
    'library.importPaste': ({ html, text }) => library.importSource({ kind: 'paste', ...(html === undefined ? {} : { html }), ...(text === undefined ? {} : { text }) }),
    'library.search': ({ query }) => library.search(query),
    'library.updateMeta': ({ id, meta }) => library.updateMeta(id, meta),
    'library.trash': ({ id }) => library.trash(id),
    'library.trashList': () => library.trashList(),
    'library.untrash': ({ id }) => library.untrash(id),
    'library.emptyTrash': () => library.emptyTrash(),
    'suggest.run': ({ documentId }) => suggestions.run(documentId),
    'suggest.reject': ({ documentId, ids }) => suggestions.reject(documentId, ids),
  };
}

export async function openScholia(options: ScholiaOptions): Promise<Scholia> {
  const store = await LibraryStore.open(options.libraryDir, {
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    ...(options.access ? { access: options.access } : {}),
    ...(options.whenLocked ? { whenLocked: options.whenLocked } : {}),
    ...(options.owner ? { owner: options.owner } : {}),
  });
  const library = new LibraryService(store);
  if (options.seedFrom && store.createdNow && store.writable) await library.seedSample(options.seedFrom);
  const suggestions = new SuggestService(store);
  const handlers = handlersFor(library, new ReviewService(store), suggestions, options.printPdf);
  let closed = false;
  return {
    libraryDir: options.libraryDir,
    library,
    suggestions,
    dispatch: (channel, input) =>
      closed
        ? Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Scholia is shutting down.' } })
        : dispatch(handlers, channel, input),
    flush: () => store.flush(),
    close: async () => {
      closed = true;
      await store.close();
    },
  };
}
