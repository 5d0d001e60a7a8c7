import type { ChannelInput } from '../../shared/contract/channels.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';
import { CorpusService } from './corpus/corpus-service.ts';
import { dispatch, type Handlers } from './dispatch.ts';
import { EvidenceService } from './evidence/evidence-service.ts';
import { CorpusExportService, selectWholeLibrary, type SelectCorpus } from './export/corpus-export-service.ts';
import { ClaimsService } from './claims/claims-service.ts';
import { ClaimTracker } from './claims/claim-tracker.ts';
import { EntitiesService } from './entities/entities-service.ts';
import { EntityRegistry } from './entities/entity-registry.ts';
import { ExportService, type PrintPdf } from './export/export-service.ts';
import type { FetchLimits, Network } from './import/fetch-page.ts';
import type { ImportSource } from './import/import-article.ts';
import { AnnotationsService } from './library/annotations-service.ts';
import { DocumentsService } from './library/documents-service.ts';
import { ImportService } from './library/import-service.ts';
import { ManageService } from './library/manage-service.ts';
import { SettingsService } from './library/settings-service.ts';
import { VersionsService } from './library/versions-service.ts';
import { ReviewService } from './review/review-service.ts';
import { LibraryStore, type LibraryStoreOptions } from './store/library-store.ts';
import { SuggestService } from './suggest/suggest-service.ts';
import { TeamService, type TeamServiceOptions } from './team/team-service.ts';

export interface ScholiaOptions {
  libraryDir: string;
  /** The shipped `assets/` folder: when given, a library created by this open is seeded with its sample article. */
  seedFrom?: string;
  debounceMs?: number;
  /** Prints report HTML to PDF for `export.render`; Chromium through playwright-core when left out (the app passes Electron's printToPDF). */
  printPdf?: PrintPdf;
  /** `write` (default) locks the library for this process; `read` changes nothing on disk (see `LibraryStoreOptions`). */
  access?: LibraryStoreOptions['access'];
  /** When another process holds the library: open read-only (default) or fail. */
  whenLocked?: LibraryStoreOptions['whenLocked'];
  /** How another process will name this one when it finds the library locked. */
  owner?: string;
  /**
   * Whether web imports may fetch from this computer and the private network, fixed for this
   * process (the CLI's `--allow-private-network`). Left out, the library's setting decides, as in
   * the app and the browser host; no call can change it.
   */
  allowPrivateNetwork?: boolean;
  /**
   * How evidence snapshots are fetched: limits (URL import's when left out) and, for tests that play
   * the internet, the resolver and address rule (see `FetchOptions.network`).
   */
  snapshotFetch?: { limits?: FetchLimits; network?: Network };
  /** The team's git, where tokens come from and how often to retry a refused push (docs/TEAM.md). */
  team?: TeamServiceOptions;
}

/** The services behind the API, one per concern, all over the same library store. */
export interface Services {
  /** The list, one document with the codebook, search. */
  readonly documents: DocumentsService;
  /** Text, files, web pages, pastes, batches, tag files. */
  readonly imports: ImportService;
  /** Metadata and the trash. */
  readonly manage: ManageService;
  /** Settings and the codebook. */
  readonly settings: SettingsService;
  /** Previous versions and restoring them. */
  readonly versions: VersionsService;
  /** Batches of annotation ops. */
  readonly annotations: AnnotationsService;
  readonly exports: ExportService;
  /** Exports of the whole library or a search's result. */
  readonly corpusExports: CorpusExportService;
  readonly reviews: ReviewService;
  readonly suggestions: SuggestService;
  /** Search across every article, entity lists and profiles, saved searches. */
  readonly corpus: CorpusService;
  /** The library-wide entity registry: edits, merge, split, proposals, and their undo. */
  readonly entities: EntitiesService;
  /** The claim tracker: claims grouped by assertion across the library, suggestions, one verdict for all appearances. */
  readonly claims: ClaimsService;
  /** Archived snapshots of sources, local files attached to them. */
  readonly evidence: EvidenceService;
  /** The team library on Git: settings, clone, share, sync, history (docs/TEAM.md). */
  readonly team: TeamService;
}

/** The services behind the API, over one library folder. */
export interface Scholia {
  readonly libraryDir: string;
  /** For tests, tools and benchmarks that work below the contract; every runtime's calls go through `dispatch`. */
  readonly services: Services;
  /** The one door: validates the input against the contract, runs the channel's handler, answers with the envelope. */
  dispatch(channel: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Flushes, stops accepting work and gives up the library's lock. */
  close(): Promise<void>;
}

function servicesOver(store: LibraryStore, options: ScholiaOptions): Services {
  const documents = new DocumentsService(store);
  const settings = new SettingsService(store);
  const { printPdf, snapshotFetch } = options;
  const corpus = new CorpusService(store);
  const registry = new EntityRegistry(store);
  const reviews = new ReviewService(store, registry);
  const imports = new ImportService(store, reviews);
  return {
    documents,
    imports,
    manage: new ManageService(store),
    settings,
    versions: new VersionsService(store),
    annotations: new AnnotationsService(store),
    exports: new ExportService(documents, settings, printPdf),
    corpusExports: new CorpusExportService(selectCorpus(store, corpus), settings, printPdf),
    reviews,
    suggestions: new SuggestService(store),
    corpus,
    entities: new EntitiesService(store, registry),
    claims: new ClaimsService(store, new ClaimTracker(store)),
    evidence: new EvidenceService(store, {
      allowPrivateNetwork: () => options.allowPrivateNetwork ?? settings.get().allowPrivateNetwork === true,
      ...snapshotFetch,
    }),
    team: new TeamService(store, reviews, imports, options.team),
  };
}

/**
 * The selection of a corpus export: without a query, every article of the library with all its
 * annotations (unannotated ones too: the tag files and the REFI-QDA sources carry them); with one,
 * what the corpus index finds.
 */
function selectCorpus(store: LibraryStore, corpus: CorpusService): SelectCorpus {
  return (query) => (query ? corpus.select(query) : selectWholeLibrary(store));
}

/** A batch's sources as the import pipeline takes them. */
function batchSources({ sources }: ChannelInput<'library.importBatch'>, allowPrivateNetwork: boolean): ImportSource[] {
  return sources.map((source) =>
    source.kind === 'file'
      ? { kind: 'file', name: source.filename, bytes: Buffer.from(source.base64, 'base64') }
      : { kind: 'url', url: source.url, allowPrivateNetwork },
  );
}

/** Every channel's handler: the glue between the contract's input and one service call, written once. */
function handlersFor(services: Services, privateNetwork: boolean | undefined): Handlers {
  const {
    documents,
    imports,
    manage,
    settings,
    versions,
    annotations,
    exports,
    corpusExports,
    reviews,
    suggestions,
    corpus,
    entities,
    claims,
    evidence,
    team,
  } = services;
  const allowPrivateNetwork = () => privateNetwork ?? settings.get().allowPrivateNetwork === true;
  return {
    'library.list': ({ check }) => (check ? documents.listChecked() : documents.list()),
    'library.get': ({ id }) => documents.get(id),
    'library.importText': ({ text, title, filename }) =>
      imports.importText({ text, ...(title ? { title } : {}), ...(filename ? { filename } : {}) }),
    'annotations.apply': ({ documentId, ops, baseRevision }) => annotations.apply(documentId, ops, baseRevision),
    'settings.get': () => settings.get(),
    'settings.set': (changes) => settings.set(changes),
    'tagset.get': () => settings.tagset(),
    'tagset.set': ({ tagset }) => settings.setTagset(tagset),
    'export.render': ({ documentId, format, options }) => exports.render(documentId, format, options),
    'document.versions': ({ documentId }) => versions.list(documentId),
    'document.restore': ({ documentId, versionId }) => versions.restore(documentId, versionId),
    'review.import': ({ documentId, json, fileName, exactOnly }) =>
      reviews.importFile(documentId, json, { ...(fileName ? { fileName } : {}), ...(exactOnly === undefined ? {} : { exactOnly }) }),
    'review.list': ({ documentId }) => reviews.list(documentId),
    'review.get': ({ documentId, reviewId }) => reviews.get(documentId, reviewId),
    'review.decide': ({ documentId, reviewId, decision, itemIds, where }) =>
      reviews.decide(documentId, reviewId, { decision, ...(itemIds ? { itemIds } : {}), ...(where ? { where } : {}) }),
    'review.undo': ({ documentId, reviewId }) => reviews.undo(documentId, reviewId),
    'review.redo': ({ documentId, reviewId }) => reviews.redo(documentId, reviewId),
    'review.remove': ({ documentId, reviewId }) => reviews.remove(documentId, reviewId),
    'review.agreement': ({ documentId, reviewIds }) => reviews.agreement(documentId, reviewIds),
    'review.exportAgreement': ({ documentId, reviewIds, format }) => reviews.exportAgreement(documentId, format, reviewIds),
    'library.importFile': ({ filename, base64 }) =>
      imports.importSource({ kind: 'file', name: filename, bytes: Buffer.from(base64, 'base64') }),
    'library.importUrl': ({ url }) => imports.importSource({ kind: 'url', url, allowPrivateNetwork: allowPrivateNetwork() }),
    'library.importPaste': ({ html, text }) =>
      imports.importSource({ kind: 'paste', ...(html === undefined ? {} : { html }), ...(text === undefined ? {} : { text }) }),
    'library.importBatch': async (input) => ({ results: await imports.importBatch(batchSources(input, allowPrivateNetwork())) }),
    'library.search': ({ query }) => documents.search(query),
    'library.updateMeta': ({ id, meta }) => manage.updateMeta(id, meta),
    'library.trash': ({ id }) => manage.trash(id),
    'library.trashList': () => manage.trashList(),
    'library.untrash': ({ id }) => manage.untrash(id),
    'library.emptyTrash': () => manage.emptyTrash(),
    'suggest.run': ({ documentId }) => suggestions.run(documentId),
    'suggest.reject': ({ documentId, ids }) => suggestions.reject(documentId, ids),
    'corpus.search': ({ query, limit, offset }) =>
      corpus.search(query, { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) }),
    'corpus.savedList': () => corpus.savedList(),
    'corpus.save': ({ name, query }) => corpus.save(name, query),
    'corpus.deleteSaved': ({ id }) => corpus.deleteSaved(id),
    'corpus.export': ({ format, query }) => corpusExports.export(format, query),
    'entities.list': ({ filter, limit }) => corpus.entities(filter, limit),
    'entities.profile': ({ entityId }) => corpus.profile(entityId),
    'entities.update': (input) => entities.update(input),
    'entities.proposals': () => entities.proposals(),
    'entities.merge': (input) => entities.merge(input),
    'entities.split': (input) => entities.split(input),
    'entities.dismiss': (input) => entities.dismiss(input),
    'entities.undo': () => entities.undo(),
    'entities.redo': () => entities.redo(),
    'claims.list': (input) => claims.list(input),
    'claims.of': (input) => claims.of(input),
    'claims.confirm': (input) => claims.confirm(input),
    'claims.split': (input) => claims.split(input),
    'claims.dismiss': (input) => claims.dismiss(input),
    'claims.applyVerdict': (input) => claims.applyVerdict(input),
    'claims.undo': () => claims.undo(),
    'claims.redo': () => claims.redo(),
    'evidence.archive': ({ baseRevision, ...ref }) => evidence.archive(ref, baseRevision),
    'evidence.openSnapshot': (ref) => evidence.openSnapshot(ref),
    'evidence.attachFile': ({ path, baseRevision, ...ref }) => evidence.attachFile(ref, path, baseRevision),
    'evidence.checkFile': (ref) => evidence.checkFile(ref),
    'team.status': () => team.status(),
    'team.init': (input) => team.init(input),
    'team.join': (input) => team.join(input),
    'team.share': (input) => team.share(input),
    'team.sync': () => team.sync(),
    'team.assign': (input) => team.assign(input),
    'team.log': (input) => team.log(input),
  };
}

/** Opens the library folder and the services over it; the sample article seeds a library this open created. */
export async function openScholia(options: ScholiaOptions): Promise<Scholia> {
  const store = await LibraryStore.open(options.libraryDir, {
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    ...(options.access ? { access: options.access } : {}),
    ...(options.whenLocked ? { whenLocked: options.whenLocked } : {}),
    ...(options.owner ? { owner: options.owner } : {}),
  });
  const services = servicesOver(store, options);
  if (options.seedFrom && store.createdNow && store.writable) await services.imports.seedSample(options.seedFrom);
  const handlers = handlersFor(services, options.allowPrivateNetwork);
  let closed = false;
  return {
    libraryDir: options.libraryDir,
    services,
    dispatch: (channel, input) =>
      closed
        ? Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Scholia is shutting down.' } })
        : dispatch(handlers, channel, input),
    flush: () => store.flush(),
    close: async () => {
      closed = true;
      await services.team.close();
      await store.close();
    },
  };
}
