import { Low } from 'lowdb';
import type { DocumentVersion, Notice, ReadOnly } from '../../../shared/contract/channels.ts';
import type { TrashedSummary } from '../../../shared/contract/import-channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { DocumentSummary, ScholiaDocument } from '../../../shared/model/document.ts';
import { nextRevision, type RevisionChanges } from '../../../shared/model/revision.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { DebouncedWrites } from './debounced-writes.ts';
import { DEFAULT_BACKUP_POLICY, DocumentBackups } from './document-backups.ts';
import { readStoreFile } from './json-file.ts';
import { LibraryDocuments } from './library-documents.ts';
import { documentPath } from './library-folders.ts';
import { LibraryIndex } from './library-index.ts';
import type { LibraryLock } from './library-lock.ts';
import { openLibrary, type LibraryStoreOptions, type OpenedLibrary } from './library-open.ts';
import { LibraryTrash, readTrashSummaries } from './library-trash.ts';
import { DocumentFile, STORE_VERSION, summarize, type LibraryFile } from './store-files.ts';

export type { LibraryStoreOptions } from './library-open.ts';

/**
 * A document that entered, changed in or left the library (`after` undefined: trashed). Derived
 * views (the corpus index, the entity registry) follow the library through these, never by rescanning.
 */
export interface DocumentChange {
  id: string;
  /** The state replaced, when it was in memory. */
  before: ScholiaDocument | undefined;
  after: ScholiaDocument | undefined;
}
export type DocumentChangeListener = (change: DocumentChange) => void;

/**
 * The on-disk library: `library.json` (the index, tagset and settings) and one file per document
 * under `documents/`, so a save costs the size of one document. Writes are durable (fsynced temp file,
 * rename, fsynced folder) and debounced; each document save keeps the replaced state as a backup.
 * One process writes a library at a time (`scholia.lock`); a library it may not write — held by
 * another process, or written by a newer version — opens read-only.
 *
 * Opening is `library-open.ts`, the document files `library-documents.ts`, the trash `library-trash.ts`,
 * the index `library-index.ts`; this class puts them together and guards every change.
 */
export class LibraryStore {
  readonly notices: Notice[] = [];
  readonly backups: DocumentBackups;
  private readonly writes: DebouncedWrites;
  private readonly index: LibraryIndex;
  private readonly documents: LibraryDocuments;
  private readonly trash: LibraryTrash;
  private readonly listeners = new Set<DocumentChangeListener>();

  /** True when this open found no library at all: the moment to seed the sample article. */
  createdNow = false;

  private constructor(
    readonly dir: string,
    index: Low<LibraryFile>,
    /** Set when nothing may be written; every write throws `read-only` with its message. */
    readonly readOnly: ReadOnly | null,
    private readonly access: 'write' | 'read',
    private readonly lock: LibraryLock | null,
    options: LibraryStoreOptions,
  ) {
    this.writes = new DebouncedWrites(options.debounceMs ?? 300, (key, error) => {
      this.notices.push({ level: 'error', message: `Could not save ${key}: ${error instanceof Error ? error.message : String(error)}` });
    });
    this.backups = new DocumentBackups(dir, options.backups ?? DEFAULT_BACKUP_POLICY);
    this.index = new LibraryIndex(index, this.writes);
    this.documents = new LibraryDocuments(dir, this.index, this.backups, this.notices, this.writable);
    this.trash = new LibraryTrash(dir, this.index, this.documents, this.backups, this.writes);
  }

  static open(dir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    return openLibrary(dir, options, (opened) => LibraryStore.load(dir, options, opened));
  }

  private static async load(dir: string, options: LibraryStoreOptions, opened: OpenedLibrary): Promise<LibraryStore> {
    const store = new LibraryStore(dir, opened.index, opened.readOnly, opened.access, opened.lock, options);
    store.notices.push(...opened.notices);
    if (opened.rebuild) {
      const rebuilt = await store.documents.readAllSummaries();
      store.createdNow = opened.indexStatus === 'missing' && rebuilt.length === 0;
      store.index.data.documents = rebuilt;
      store.index.data.trash = await readTrashSummaries(dir);
      // Only a store that may write rewrites the index: one opened for reading leaves every file as it found it.
      if (store.writable && (rebuilt.length > 0 || opened.indexStatus === 'corrupt')) store.index.scheduleWrite();
    }
    return store;
  }

  /** Calls `listener` after every change of a document's presence or state; returns the unsubscribe. */
  onDocumentChange(listener: DocumentChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(change: DocumentChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Whether this process may change the library's files. */
  get writable(): boolean {
    return this.access === 'write' && this.readOnly === null;
  }

  /** Throws `read-only` unless this document may be changed. */
  assertWritable(documentId?: string): void {
    if (this.readOnly) throw new ScholiaError('read-only', this.readOnly.message);
    if (this.access !== 'write') throw new ScholiaError('read-only', `The library ${this.dir} was opened for reading only.`);
    const newer = documentId === undefined ? undefined : this.documents.newerFormat(documentId);
    if (newer) throw new ScholiaError('read-only', newer.message);
  }

  /** Why a document may not be changed, if it may not. */
  readOnlyFor(documentId: string): ReadOnly | undefined {
    return this.readOnly ?? this.documents.newerFormat(documentId);
  }

  get summaries(): readonly DocumentSummary[] {
    return this.index.data.documents;
  }

  get tagset(): Tagset {
    return this.index.data.tagset;
  }

  get settings(): Settings {
    return this.index.data.settings;
  }

  setSettings(settings: Settings): void {
    this.assertWritable();
    this.index.data.settings = settings;
    this.index.scheduleWrite();
  }

  setTagset(tagset: Tagset): void {
    this.assertWritable();
    this.index.data.tagset = tagset;
    this.index.scheduleWrite();
  }

  findByFingerprint(fingerprint: string): DocumentSummary | undefined {
    return this.index.data.documents.find((summary) => summary.fingerprint === fingerprint);
  }

  /** The documents in the trash, most recently trashed first. */
  get trashed(): readonly TrashedSummary[] {
    return [...this.index.data.trash].sort((a, b) => b.trashed.localeCompare(a.trashed));
  }

  findTrashedByFingerprint(fingerprint: string): TrashedSummary | undefined {
    return this.index.data.trash.find((summary) => summary.fingerprint === fingerprint);
  }

  /**
   * Moves a document to the trash: its pending changes are written, then its file moves to
   * `trash/<id>.json` whole (annotations, entities, reviews) and its backups stay where they are.
   */
  async trashDocument(id: string, now = new Date()): Promise<TrashedSummary> {
    this.assertWritable(id);
    const trashed = await this.trash.moveIn(id, now);
    this.notify({ id, before: undefined, after: undefined });
    return trashed;
  }

  /** Brings a document back from the trash as it was, annotations and all. */
  async untrashDocument(id: string): Promise<DocumentSummary> {
    this.assertWritable(id);
    const summary = await this.trash.moveOut(id);
    this.notify({ id, before: undefined, after: await this.documents.get(id) });
    return summary;
  }

  /** Deletes every document in the trash for good: its file and its backups. Returns how many went. */
  async emptyTrash(): Promise<number> {
    this.assertWritable();
    return this.trash.empty();
  }

  /**
   * The document, read from disk on first use. A document whose file is unreadable is dropped from the
   * index and reported; asking for it again answers why it could not be read.
   */
  getDocument(id: string): Promise<ScholiaDocument> {
    return this.documents.get(id);
  }

  /**
   * Every listed document that can be read, in list order (a snapshot of the list taken first).
   * One that cannot is reported by `getDocument` and left out, as the list leaves it out.
   */
  async *readableDocuments(): AsyncGenerator<ScholiaDocument> {
    for (const { id } of [...this.summaries]) {
      const document = await this.getDocument(id).catch(() => undefined);
      if (document) yield document;
    }
  }

  /** A listed document as it is now, without keeping it in memory when it was not (see `LibraryDocuments.peek`). */
  peekDocument(id: string): Promise<ScholiaDocument | undefined> {
    return this.documents.peek(id);
  }

  /** Reads every listed document once, so a damaged file is reported and dropped from the list, as opening it would. */
  checkDocuments(): Promise<void> {
    return this.documents.checkAll();
  }

  /** Adds a new document and writes it at once, so an import is on disk before it is reported done. */
  async addDocument(document: ScholiaDocument): Promise<void> {
    this.assertWritable();
    const adapter = this.documents.adapter(document.id);
    const read = await readStoreFile(adapter, DocumentFile, STORE_VERSION, true);
    if (read.status !== 'missing') throw new ScholiaError('conflict', `A document file for ${document.id} already exists.`);
    const db = new Low<DocumentFile>(adapter, { format: 'scholia-document', version: STORE_VERSION, document });
    await db.write();
    this.documents.remember(document.id, db);
    this.index.data.documents = [...this.index.data.documents.filter((summary) => summary.id !== document.id), summarize(document)];
    this.index.scheduleWrite();
    await this.writes.flush();
    this.notify({ id: document.id, before: undefined, after: document });
  }

  /** Replaces a document's stored state; the write follows after the debounce window. */
  putDocument(document: ScholiaDocument): void {
    this.assertWritable(document.id);
    const db = this.documents.cached(document.id);
    if (!db) throw new ScholiaError('not-found', `There is no document ${document.id} in the library.`);
    const before = db.data.document;
    db.data = { ...db.data, document };
    const summary = summarize(document);
    this.index.data.documents = this.index.data.documents.map((existing) => (existing.id === document.id ? summary : existing));
    this.writes.schedule(`documents/${document.id}.json`, () => db.write());
    this.index.scheduleWrite();
    this.notify({ id: document.id, before, after: document });
  }

  /**
   * Saves a change of a document's annotations, entities or reviews as its next revision (see
   * `nextRevision`), and answers the new revision and time.
   */
  commitRevision(
    document: ScholiaDocument,
    changes: RevisionChanges,
    now = new Date().toISOString(),
  ): { revision: number; modified: string } {
    const next = nextRevision(document, changes, now);
    this.putDocument(next);
    return { revision: next.revision, modified: next.modified };
  }

  /** The previous versions of a document that the backups keep, newest first. */
  async versions(id: string): Promise<DocumentVersion[]> {
    documentPath(this.dir, id);
    return this.backups.list(id);
  }

  /**
   * Writes another file of the library (the entity registry's `entities.json`) after the debounce
   * window, through the same queue as the library's own files, so `flush` and `close` cover it.
   */
  scheduleWrite(key: string, write: () => Promise<void>): void {
    this.assertWritable();
    this.writes.schedule(key, write);
  }

  get hasPendingWrites(): boolean {
    return this.writes.hasPending;
  }

  /** Writes every pending change now. */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  /** Writes every pending change, then gives up the library's lock. */
  async close(): Promise<void> {
    await this.writes.flush();
    await this.lock?.release();
  }
}
