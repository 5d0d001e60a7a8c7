import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { Notice } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { DocumentSummary, ScholiaDocument } from '../../../shared/model/document.ts';
import { isValidId } from '../../../shared/model/ids.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model/settings.ts';
import { DEFAULT_TAGSET, type Tagset } from '../../../shared/model/tagset.ts';
import { DebouncedWrites } from './debounced-writes.ts';
import { openJsonFile } from './json-file.ts';
import { DocumentFile, LibraryFile, STORE_VERSION, summarize } from './store-files.ts';

export interface LibraryStoreOptions {
  /** Quiet time before a changed file is written. */
  debounceMs?: number;
}

function emptyLibrary(): LibraryFile {
  return { format: 'scholia-library', version: STORE_VERSION, documents: [], tagset: DEFAULT_TAGSET, settings: DEFAULT_SETTINGS };
}

/**
 * The on-disk library: `library.json` (the index, tagset and settings) and one file per document
 * under `documents/`, so a save costs the size of one document. Writes are atomic and debounced.
 */
export class LibraryStore {
  readonly notices: Notice[] = [];
  private readonly documents = new Map<string, Low<DocumentFile>>();
  private readonly writes: DebouncedWrites;

  /** True when this open found no library at all: the moment to seed the sample article. */
  createdNow = false;

  private constructor(
    readonly dir: string,
    private readonly index: Low<LibraryFile>,
    options: LibraryStoreOptions,
  ) {
    this.writes = new DebouncedWrites(options.debounceMs ?? 300, (key, error) => {
      this.notices.push({ level: 'error', message: `Could not save ${key}: ${error instanceof Error ? error.message : String(error)}` });
    });
  }

  static async open(dir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    await mkdir(path.join(dir, 'documents'), { recursive: true });
    const notices: Notice[] = [];
    const indexFile = path.join(dir, 'library.json');
    const read = await openJsonFile(indexFile, LibraryFile, STORE_VERSION, emptyLibrary());
    if (read.status === 'newer') {
      throw new ScholiaError('read-only', `${indexFile} was written by a newer version of Scholia (format ${read.version}); update Scholia to open this library.`);
    }
    let index: Low<LibraryFile>;
    if (read.status === 'corrupt') {
      notices.push({ level: 'warning', message: `The library index could not be read: ${read.reason}. It was moved to ${path.basename(read.movedTo)} and rebuilt from the document files.` });
      const reopened = await openJsonFile(indexFile, LibraryFile, STORE_VERSION, emptyLibrary());
      if (reopened.status !== 'missing') throw new Error('the library index reappeared while rebuilding it');
      index = reopened.db;
    } else {
      index = read.db;
    }
    const store = new LibraryStore(dir, index, options);
    store.notices.push(...notices);
    if (read.status !== 'ok') {
      const rebuilt = await store.readAllDocumentSummaries();
      store.createdNow = read.status === 'missing' && rebuilt.length === 0;
      store.index.data.documents = rebuilt;
      if (rebuilt.length > 0 || read.status === 'corrupt') store.scheduleIndexWrite();
    }
    return store;
  }

  private documentPath(id: string): string {
    if (!isValidId(id)) throw new ScholiaError('bad-request', `"${id}" is not a valid document id`);
    return path.join(this.dir, 'documents', `${id}.json`);
  }

  private async readAllDocumentSummaries(): Promise<DocumentSummary[]> {
    const names = await readdir(path.join(this.dir, 'documents'));
    const summaries: DocumentSummary[] = [];
    for (const name of names.sort()) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!isValidId(id)) continue;
      const db = await this.loadDocument(id).catch(() => undefined);
      if (db) summaries.push(summarize(db.data.document));
    }
    return summaries;
  }

  private async loadDocument(id: string): Promise<Low<DocumentFile> | undefined> {
    const cached = this.documents.get(id);
    if (cached) return cached;
    const file = this.documentPath(id);
    const read = await openJsonFile<DocumentFile>(file, DocumentFile, STORE_VERSION, undefined as unknown as DocumentFile);
    switch (read.status) {
      case 'ok':
        this.documents.set(id, read.db);
        return read.db;
      case 'missing':
        return undefined;
      case 'newer':
        throw new ScholiaError('read-only', `Document ${id} was written by a newer version of Scholia (format ${read.version}); update Scholia to open it.`);
      case 'corrupt':
        this.notices.push({ level: 'warning', message: `Document ${id} could not be read: ${read.reason}. It was moved to documents/${path.basename(read.movedTo)}.` });
        return undefined;
    }
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
    this.index.data.settings = settings;
    this.scheduleIndexWrite();
  }

  findByFingerprint(fingerprint: string): DocumentSummary | undefined {
    return this.index.data.documents.find((summary) => summary.fingerprint === fingerprint);
  }

  /** The document, read from disk on first use. A document whose file is unreadable is dropped from the index and reported. */
  async getDocument(id: string): Promise<ScholiaDocument> {
    const listed = this.index.data.documents.some((summary) => summary.id === id);
    const db = listed ? await this.loadDocument(id) : undefined;
    if (!db) {
      if (listed) {
        this.index.data.documents = this.index.data.documents.filter((summary) => summary.id !== id);
        this.scheduleIndexWrite();
      }
      throw new ScholiaError('not-found', `There is no document ${id} in the library.`);
    }
    return db.data.document;
  }

  /** Adds a new document and writes it at once, so an import is on disk before it is reported done. */
  async addDocument(document: ScholiaDocument): Promise<void> {
    const file = this.documentPath(document.id);
    const read = await openJsonFile<DocumentFile>(file, DocumentFile, STORE_VERSION, { format: 'scholia-document', version: STORE_VERSION, document });
    if (read.status !== 'missing') throw new ScholiaError('conflict', `A document file for ${document.id} already exists.`);
    await read.db.write();
    this.documents.set(document.id, read.db);
    this.index.data.documents.push(summarize(document));
    this.scheduleIndexWrite();
    await this.writes.flush();
  }

  /** Replaces a document's stored state; the write follows after the debounce window. */
  putDocument(document: ScholiaDocument): void {
    const db = this.documents.get(document.id);
    if (!db) throw new ScholiaError('not-found', `There is no document ${document.id} in the library.`);
    db.data = { ...db.data, document };
    const summary = summarize(document);
    this.index.data.documents = this.index.data.documents.map((existing) => (existing.id === document.id ? summary : existing));
    this.writes.schedule(`documents/${document.id}.json`, () => db.write());
    this.scheduleIndexWrite();
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
}
