import path from 'node:path';
import { Low } from 'lowdb';
import type { Notice, ReadOnly } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { DocumentSummary, ScholiaDocument } from '../../../shared/model/document.ts';
import type { DocumentBackups } from './document-backups.ts';
import { DurableJsonFile } from './durable-file.ts';
import { readStoreFile } from './json-file.ts';
import { documentPath, idsIn } from './library-folders.ts';
import type { LibraryIndex } from './library-index.ts';
import { DocumentFile, STORE_VERSION, summarize } from './store-files.ts';

/**
 * The library's document files, `documents/<id>.json`: each read once and kept, its saves keeping the
 * replaced state as a backup. A damaged file is reported (and its id remembered with why), a file of a
 * newer format is kept read-only, and the index is kept in step with what the files hold.
 */
export class LibraryDocuments {
  private readonly documents = new Map<string, Low<DocumentFile>>();
  private readonly loading = new Map<string, Promise<Low<DocumentFile> | undefined>>();
  /** Documents of a newer format: shown, never saved. */
  private readonly newerDocuments = new Map<string, ReadOnly>();
  /** Why each document found unreadable could not be read, as its notice says. */
  private readonly damaged = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly index: LibraryIndex,
    private readonly backups: DocumentBackups,
    private readonly notices: Notice[],
    /** Whether this process may change the library's files (a damaged one is then moved aside, the index rewritten). */
    private readonly writable: boolean,
  ) {}

  /** The adapter of a document's file, which keeps the state each save replaces as a backup. */
  adapter(id: string): DurableJsonFile<DocumentFile> {
    const file = documentPath(this.dir, id);
    return new DurableJsonFile<DocumentFile>(file, {
      beforeReplace: (previous) => this.backups.keep(file, previous.document),
      onHookError: (error) => {
        this.notices.push({
          level: 'warning',
          message: `Could not keep a backup of document ${id}: ${error instanceof Error ? error.message : String(error)}`,
        });
      },
    });
  }

  /** A document already read (or added), if it is. */
  cached(id: string): Low<DocumentFile> | undefined {
    return this.documents.get(id);
  }

  /** Keeps a document just added. */
  remember(id: string, db: Low<DocumentFile>): void {
    this.documents.set(id, db);
  }

  /** Forgets a document whose file has left `documents/`. */
  forget(id: string): void {
    this.documents.delete(id);
  }

  /** Why a document of a newer format may not be changed, if it is one. */
  newerFormat(id: string): ReadOnly | undefined {
    return this.newerDocuments.get(id);
  }

  /**
   * The document, read from disk on first use. A document whose file is unreadable is dropped from the
   * index and reported; asking for it again answers why it could not be read.
   */
  async get(id: string): Promise<ScholiaDocument> {
    const db = await this.loadListed(id);
    if (!db) throw new ScholiaError('not-found', this.damaged.get(id) ?? `There is no document ${id} in the library.`);
    return db.data.document;
  }

  /**
   * A listed document as it is now, for a derived view that reads the whole library once (the
   * corpus index): the one in memory when it is, else read from its file and not kept, so reading
   * every document does not hold them all. Undefined when it cannot be read (opening it reports why).
   */
  async peek(id: string): Promise<ScholiaDocument | undefined> {
    const cached = this.documents.get(id);
    if (cached) return cached.data.document;
    if (!this.index.data.documents.some((summary) => summary.id === id)) return undefined;
    const read = await readStoreFile(this.adapter(id), DocumentFile, STORE_VERSION, false).catch(() => undefined);
    if (read?.status === 'ok') return read.data.document;
    return read?.status === 'newer' ? (read.data?.document ?? undefined) : undefined;
  }

  /** Reads every listed document once, so a damaged file is reported and dropped from the list, as opening it would. */
  async checkAll(): Promise<void> {
    for (const { id } of [...this.index.data.documents]) await this.loadListed(id).catch(() => undefined);
  }

  /** The summaries of every readable file in `documents/` (when the index is rebuilt). */
  async readAllSummaries(): Promise<DocumentSummary[]> {
    const summaries: DocumentSummary[] = [];
    for (const id of await idsIn(this.dir, 'documents')) {
      const db = await this.load(id).catch(() => undefined);
      if (db) summaries.push(summarize(db.data.document));
    }
    return summaries;
  }

  /** A listed document's file; one that cannot be read leaves the index. */
  private async loadListed(id: string): Promise<Low<DocumentFile> | undefined> {
    const listed = this.index.data.documents.some((summary) => summary.id === id);
    const db = listed ? await this.load(id) : undefined;
    if (!db && listed) {
      this.index.data.documents = this.index.data.documents.filter((summary) => summary.id !== id);
      if (this.writable) this.index.scheduleWrite();
    }
    return db;
  }

  /** Reads a document file once; calls that arrive while it is being read share the read. */
  private load(id: string): Promise<Low<DocumentFile> | undefined> {
    const cached = this.documents.get(id);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.read(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async read(id: string): Promise<Low<DocumentFile> | undefined> {
    const adapter = this.adapter(id);
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
          this.notices.push({
            level: 'warning',
            message: `${message} This version cannot show it; the file is left untouched. Update Scholia to open it.`,
          });
          throw new ScholiaError('read-only', `${message} Update Scholia to open it.`);
        }
        const readOnly: ReadOnly = {
          reason: 'newer-format',
          message: `${message} It is open read-only and will not be changed: update Scholia to edit it.`,
        };
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
    if (this.writable) this.index.scheduleWrite();
  }
}
