import { lstat, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { DocumentVersion, Notice, ReadOnly } from '../../../shared/contract/channels.ts';
import type { TrashedSummary } from '../../../shared/contract/import-channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { DocumentSummary, ScholiaDocument } from '../../../shared/model/document.ts';
import { isValidId } from '../../../shared/model/ids.ts';
import { nextRevision, type RevisionChanges } from '../../../shared/model/revision.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model/settings.ts';
import { DEFAULT_TAGSET, type Tagset } from '../../../shared/model/tagset.ts';
import { DebouncedWrites } from './debounced-writes.ts';
import { DEFAULT_BACKUP_POLICY, DocumentBackups, type BackupPolicy } from './document-backups.ts';
import { DurableJsonFile, FOLDER_MODE, isTempName } from './durable-file.ts';
import { readStoreFile } from './json-file.ts';
import { describeOwner, LibraryLock, LOCK_FILE } from './library-lock.ts';
import { DocumentFile, LibraryFile, STORE_VERSION, summarize } from './store-files.ts';

export interface LibraryStoreOptions {
  /** Quiet time before a changed file is written. */
  debounceMs?: number;
  /**
   * `write` (the default) takes the library's lock and may change files; `read` never locks and never
   * changes a file, not even to move a corrupt one aside (the CLI's `list` and `export`).
   */
  access?: 'write' | 'read';
  /** When another process holds the lock: open read-only with a notice (the default), or fail with `read-only`. */
  whenLocked?: 'read-only' | 'fail';
  /** What this process is, as another one will name it when it finds the lock: "Scholia", "scholia serve". */
  owner?: string;
  backups?: BackupPolicy;
}

function emptyLibrary(): LibraryFile {
  return { format: 'scholia-library', version: STORE_VERSION, documents: [], trash: [], tagset: DEFAULT_TAGSET, settings: DEFAULT_SETTINGS };
}

/** Names Windows keeps for devices, whatever the extension: never a document's file name. */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)$/iu;

/** Temporary files a killed writer may have left: of a write, of taking the lock, of removing a stale lock. */
function isLeftoverTemp(name: string): boolean {
  return isTempName(name) || name.startsWith(`.${LOCK_FILE}.stale-`);
}

/** Deletes leftover temporary files; `unlink` removes a link planted at such a name, never what it points to. */
async function removeLeftoverTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter(isLeftoverTemp).map((name) => unlink(path.join(dir, name)).catch(() => undefined)));
}

/** The folders of a library that hold its files. */
const LIBRARY_FOLDERS = ['documents', 'trash', 'backups'] as const;

/**
 * Refuses a library whose `documents/`, `trash/` or `backups/` is a symbolic link: every file written
 * there would land wherever the link points. (The library folder itself may be a link: the user chose it.)
 */
async function assertNoLinkedFolders(dir: string): Promise<void> {
  for (const folder of LIBRARY_FOLDERS) {
    const info = await lstat(path.join(dir, folder)).catch(() => undefined);
    if (info?.isSymbolicLink()) {
      throw new ScholiaError('forbidden', `The library ${dir} cannot be opened: its ${folder} folder is a symbolic link, and Scholia does not follow links inside its library. Replace ${path.join(dir, folder)} with a real folder.`);
    }
  }
}

function inUseMessage(dir: string, holder: string): string {
  return `The library ${dir} is in use by ${holder}. It is open read-only here: close the other one to make changes. (If nothing else uses it, delete ${LOCK_FILE} in the library folder.)`;
}

/**
 * The on-disk library: `library.json` (the index, tagset and settings) and one file per document
 * under `documents/`, so a save costs the size of one document. Writes are durable (fsynced temp file,
 * rename, fsynced folder) and debounced; each document save keeps the replaced state as a backup.
 * One process writes a library at a time (`scholia.lock`); a library it may not write — held by
 * another process, or written by a newer version — opens read-only.
 */
export class LibraryStore {
  readonly notices: Notice[] = [];
  private readonly documents = new Map<string, Low<DocumentFile>>();
  private readonly loading = new Map<string, Promise<Low<DocumentFile> | undefined>>();
  /** Documents of a newer format: shown, never saved. */
  private readonly newerDocuments = new Map<string, ReadOnly>();
  /** Why each document found unreadable could not be read, as its notice says. */
  private readonly damaged = new Map<string, string>();
  private readonly writes: DebouncedWrites;
  readonly backups: DocumentBackups;

  /** True when this open found no library at all: the moment to seed the sample article. */
  createdNow = false;

  private constructor(
    readonly dir: string,
    private readonly index: Low<LibraryFile>,
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
  }

  static async open(dir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    let access = options.access ?? 'write';
    let lock: LibraryLock | null = null;
    let readOnly: ReadOnly | null = null;
    await assertNoLinkedFolders(dir);
    if (access === 'write') {
      await mkdir(path.join(dir, 'documents'), { recursive: true, mode: FOLDER_MODE });
      const attempt = await LibraryLock.acquire(dir, options.owner ?? 'Scholia');
      if (attempt.acquired) {
        lock = attempt.lock;
      } else {
        const holder = attempt.owner ? describeOwner(attempt.owner) : 'another process';
        if (options.whenLocked === 'fail') throw new ScholiaError('read-only', `The library ${dir} is in use by ${holder}; close it and try again.`);
        readOnly = { reason: 'in-use', message: inUseMessage(dir, holder) };
        access = 'read';
      }
    }
    try {
      return await LibraryStore.load(dir, options, access, lock, readOnly);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  private static async load(dir: string, options: LibraryStoreOptions, access: 'write' | 'read', lock: LibraryLock | null, lockedOut: ReadOnly | null): Promise<LibraryStore> {
    const writable = access === 'write';
    if (writable) {
      await removeLeftoverTemps(dir);
      await removeLeftoverTemps(path.join(dir, 'documents'));
    }
    const notices: Notice[] = lockedOut ? [{ level: 'warning', message: lockedOut.message }] : [];
    const indexFile = path.join(dir, 'library.json');
    const adapter = new DurableJsonFile<LibraryFile>(indexFile);
    const read = await readStoreFile(adapter, LibraryFile, STORE_VERSION, writable);
    let readOnly = lockedOut;
    let data: LibraryFile | null = null;
    if (read.status === 'ok') data = read.data;
    if (read.status === 'newer') {
      readOnly = {
        reason: 'newer-format',
        message: `This library was saved by a newer version of Scholia (library format ${read.version}; this version writes format ${STORE_VERSION}). It is open read-only and will not be changed: update Scholia to edit it.`,
      };
      notices.push({ level: 'warning', message: readOnly.message });
      data = read.data;
    }
    if (read.status === 'corrupt') {
      const where = read.movedTo ? `It was moved to ${path.basename(read.movedTo)} and rebuilt from the document files.` : 'It was left as it is, and the list rebuilt from the document files for now.';
      notices.push({ level: 'warning', message: `The library index could not be read: ${read.reason}. ${where}` });
    }
    const index = new Low<LibraryFile>(adapter, data ?? emptyLibrary());
    const store = new LibraryStore(dir, index, readOnly, readOnly ? 'read' : access, lock, options);
    store.notices.push(...notices);
    if (data === null) {
      const rebuilt = await store.readAllDocumentSummaries();
      store.createdNow = read.status === 'missing' && rebuilt.length === 0;
      index.data.documents = rebuilt;
      index.data.trash = await store.readTrashSummaries();
      // Only a store that may write rewrites the index: one opened for reading leaves every file as it found it.
      if (store.writable && (rebuilt.length > 0 || read.status === 'corrupt')) store.scheduleIndexWrite();
    }
    return store;
  }

  /** Whether this process may change the library's files. */
  get writable(): boolean {
    return this.access === 'write' && this.readOnly === null;
  }

  private documentPath(id: string): string {
    if (!isValidId(id) || DEVICE_NAME.test(id)) throw new ScholiaError('bad-request', `"${id}" is not a valid document id`);
    return path.join(this.dir, 'documents', `${id}.json`);
  }

  private documentAdapter(id: string): DurableJsonFile<DocumentFile> {
    const file = this.documentPath(id);
    return new DurableJsonFile<DocumentFile>(file, {
      beforeReplace: (previous) => this.backups.keep(file, previous.document),
      onHookError: (error) => {
        this.notices.push({ level: 'warning', message: `Could not keep a backup of document ${id}: ${error instanceof Error ? error.message : String(error)}` });
      },
    });
  }

  private trashPath(id: string): string {
    this.documentPath(id);
    return path.join(this.dir, 'trash', `${id}.json`);
  }

  /** The document ids a folder of the library holds files for (`<id>.json`), in order. */
  private async idsIn(folder: 'documents' | 'trash'): Promise<string[]> {
    const names = await readdir(path.join(this.dir, folder)).catch(() => [] as string[]);
    return names
      .sort()
      .map((name) => (name.endsWith('.json') ? name.slice(0, -5) : ''))
      .filter(isValidId);
  }

  /** The trash as its folder holds it (when the index is rebuilt): each file's last change is taken as when it was trashed. */
  private async readTrashSummaries(): Promise<TrashedSummary[]> {
    const summaries: TrashedSummary[] = [];
    for (const id of await this.idsIn('trash')) {
      const file = this.trashPath(id);
      const read = await readStoreFile(new DurableJsonFile<DocumentFile>(file), DocumentFile, STORE_VERSION, false).catch(() => undefined);
      const info = await stat(file).catch(() => undefined);
      if (read?.status === 'ok' && info) summaries.push({ ...summarize(read.data.document), trashed: info.mtime.toISOString() });
    }
    return summaries;
  }

  private async readAllDocumentSummaries(): Promise<DocumentSummary[]> {
    const summaries: DocumentSummary[] = [];
    for (const id of await this.idsIn('documents')) {
      const db = await this.loadDocument(id).catch(() => undefined);
      if (db) summaries.push(summarize(db.data.document));
    }
    return summaries;
  }

  /** Reads a document file once; calls that arrive while it is being read share the read. */
  private loadDocument(id: string): Promise<Low<DocumentFile> | undefined> {
    const cached = this.documents.get(id);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.readDocument(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async readDocument(id: string): Promise<Low<DocumentFile> | undefined> {
    const adapter = this.documentAdapter(id);
    const read = await readStoreFile(adapter, DocumentFile, STORE_VERSION, this.writable);
    switch (read.status) {
      case 'ok': {
        const db = new Low<DocumentFile>(adapter, read.data);
        this.documents.set(id, db);
        this.refreshSummary(read.data.document);
        return db;
      }
      case 'missing':
        return undefined;
      case 'newer': {
        const message = `Document ${id} was saved by a newer version of Scholia (document format ${read.version}).`;
        if (!read.data) {
          this.notices.push({ level: 'warning', message: `${message} This version cannot show it; the file is left untouched. Update Scholia to open it.` });
          throw new ScholiaError('read-only', `${message} Update Scholia to open it.`);
        }
        const readOnly: ReadOnly = { reason: 'newer-format', message: `${message} It is open read-only and will not be changed: update Scholia to edit it.` };
        this.newerDocuments.set(id, readOnly);
        const db = new Low<DocumentFile>(adapter, read.data);
        this.documents.set(id, db);
        return db;
      }
      case 'corrupt': {
        const where = read.movedTo ? `It was moved to documents/${path.basename(read.movedTo)}.` : 'It was left as it is.';
        const versions = await this.backups.list(id).catch(() => []);
        const restore = versions[0] ? ` Its last backup (${versions[0].savedAt}) can be restored: scholia restore ${id} --version 1.` : '';
        const message = `Document ${id} could not be read: ${read.reason}. ${where}${restore}`;
        this.damaged.set(id, message);
        this.notices.push({ level: 'warning', message });
        return undefined;
      }
    }
  }

  /** Keeps the index in step with a document read from disk (after a crash, the index may lag one save behind). */
  private refreshSummary(document: ScholiaDocument): void {
    const summary = summarize(document);
    const position = this.index.data.documents.findIndex((existing) => existing.id === document.id);
    if (position < 0 || JSON.stringify(this.index.data.documents[position]) === JSON.stringify(summary)) return;
    this.index.data.documents[position] = summary;
    if (this.writable) this.scheduleIndexWrite();
  }

  /** Throws `read-only` unless this document may be changed. */
  assertWritable(documentId?: string): void {
    if (this.readOnly) throw new ScholiaError('read-only', this.readOnly.message);
    if (this.access !== 'write') throw new ScholiaError('read-only', `The library ${this.dir} was opened for reading only.`);
    const newer = documentId === undefined ? undefined : this.newerDocuments.get(documentId);
    if (newer) throw new ScholiaError('read-only', newer.message);
  }

  /** Why a document may not be changed, if it may not. */
  readOnlyFor(documentId: string): ReadOnly | undefined {
    return this.readOnly ?? this.newerDocuments.get(documentId);
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
    this.scheduleIndexWrite();
  }

  setTagset(tagset: Tagset): void {
    this.assertWritable();
    this.index.data.tagset = tagset;
    this.scheduleIndexWrite();
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
    await this.getDocument(id);
    await this.writes.flush();
    await mkdir(path.join(this.dir, 'trash'), { recursive: true, mode: FOLDER_MODE });
    await rename(this.documentPath(id), this.trashPath(id));
    const summary = this.index.data.documents.find((existing) => existing.id === id);
    if (!summary) throw new ScholiaError('not-found', `There is no document ${id} in the library.`);
    const trashed = { ...summary, trashed: now.toISOString() };
    this.documents.delete(id);
    this.index.data.documents = this.index.data.documents.filter((existing) => existing.id !== id);
    this.index.data.trash = [...this.index.data.trash.filter((existing) => existing.id !== id), trashed];
    this.scheduleIndexWrite();
    await this.writes.flush();
    return trashed;
  }

  /** Brings a document back from the trash as it was, annotations and all. */
  async untrashDocument(id: string): Promise<DocumentSummary> {
    this.assertWritable(id);
    const entry = this.index.data.trash.find((existing) => existing.id === id);
    if (!entry) throw new ScholiaError('not-found', `There is no document ${id} in the trash.`);
    const read = await readStoreFile(this.documentAdapter(id), DocumentFile, STORE_VERSION, false);
    if (read.status !== 'missing') throw new ScholiaError('conflict', `A document file for ${id} is already in the library.`);
    await rename(this.trashPath(id), this.documentPath(id));
    this.index.data.trash = this.index.data.trash.filter((existing) => existing.id !== id);
    const { trashed: _trashed, ...summary } = entry;
    this.index.data.documents = [...this.index.data.documents, summary];
    this.scheduleIndexWrite();
    await this.writes.flush();
    const document = await this.getDocument(id);
    return summarize(document);
  }

  /** Deletes every document in the trash for good: its file and its backups. Returns how many went. */
  async emptyTrash(): Promise<number> {
    this.assertWritable();
    const entries = this.index.data.trash;
    for (const entry of entries) {
      await rm(this.trashPath(entry.id), { force: true });
      await rm(this.backups.dirOf(entry.id), { recursive: true, force: true });
    }
    this.index.data.trash = [];
    this.scheduleIndexWrite();
    await this.writes.flush();
    return entries.length;
  }

  /**
   * The document, read from disk on first use. A document whose file is unreadable is dropped from the
   * index and reported; asking for it again answers why it could not be read.
   */
  async getDocument(id: string): Promise<ScholiaDocument> {
    const db = await this.loadListed(id);
    if (!db) throw new ScholiaError('not-found', this.damaged.get(id) ?? `There is no document ${id} in the library.`);
    return db.data.document;
  }

  /** Reads every listed document once, so a damaged file is reported and dropped from the list, as opening it would. */
  async checkDocuments(): Promise<void> {
    for (const { id } of [...this.index.data.documents]) await this.loadListed(id).catch(() => undefined);
  }

  /** A listed document's file; one that cannot be read leaves the index. */
  private async loadListed(id: string): Promise<Low<DocumentFile> | undefined> {
    const listed = this.index.data.documents.some((summary) => summary.id === id);
    const db = listed ? await this.loadDocument(id) : undefined;
    if (!db && listed) {
      this.index.data.documents = this.index.data.documents.filter((summary) => summary.id !== id);
      if (this.writable) this.scheduleIndexWrite();
    }
    return db;
  }

  /** Adds a new document and writes it at once, so an import is on disk before it is reported done. */
  async addDocument(document: ScholiaDocument): Promise<void> {
    this.assertWritable();
    const adapter = this.documentAdapter(document.id);
    const read = await readStoreFile(adapter, DocumentFile, STORE_VERSION, true);
    if (read.status !== 'missing') throw new ScholiaError('conflict', `A document file for ${document.id} already exists.`);
    const db = new Low<DocumentFile>(adapter, { format: 'scholia-document', version: STORE_VERSION, document });
    await db.write();
    this.documents.set(document.id, db);
    this.index.data.documents = [...this.index.data.documents.filter((summary) => summary.id !== document.id), summarize(document)];
    this.scheduleIndexWrite();
    await this.writes.flush();
  }

  /** Replaces a document's stored state; the write follows after the debounce window. */
  putDocument(document: ScholiaDocument): void {
    this.assertWritable(document.id);
    const db = this.documents.get(document.id);
    if (!db) throw new ScholiaError('not-found', `There is no document ${document.id} in the library.`);
    db.data = { ...db.data, document };
    const summary = summarize(document);
    this.index.data.documents = this.index.data.documents.map((existing) => (existing.id === document.id ? summary : existing));
    this.writes.schedule(`documents/${document.id}.json`, () => db.write());
    this.scheduleIndexWrite();
  }

  /**
   * Saves a change of a document's annotations, entities or reviews as its next revision (see
   * `nextRevision`), and answers the new revision and time.
   */
  commitRevision(document: ScholiaDocument, changes: RevisionChanges, now = new Date().toISOString()): { revision: number; modified: string } {
    const next = nextRevision(document, changes, now);
    this.putDocument(next);
    return { revision: next.revision, modified: next.modified };
  }

  /** The previous versions of a document that the backups keep, newest first. */
  async versions(id: string): Promise<DocumentVersion[]> {
    this.documentPath(id);
    return this.backups.list(id);
  }

  private scheduleIndexWrite(): void {
    this.writes.schedule('library.json', () => this.index.write());
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
