import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TrashedSummary } from '../../../shared/contract/import-channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { DocumentSummary } from '../../../shared/model/document.ts';
import type { DebouncedWrites } from './debounced-writes.ts';
import type { DocumentBackups } from './document-backups.ts';
import { DurableJsonFile, FOLDER_MODE } from './durable-file.ts';
import { readStoreFile } from './json-file.ts';
import type { LibraryDocuments } from './library-documents.ts';
import { documentPath, idsIn, trashPath } from './library-folders.ts';
import type { LibraryIndex } from './library-index.ts';
import { DocumentFile, STORE_VERSION, summarize } from './store-files.ts';

/** The trash as its folder holds it (when the index is rebuilt): each file's last change is taken as when it was trashed. */
export async function readTrashSummaries(dir: string): Promise<TrashedSummary[]> {
  const summaries: TrashedSummary[] = [];
  for (const id of await idsIn(dir, 'trash')) {
    const file = trashPath(dir, id);
    const read = await readStoreFile(new DurableJsonFile<DocumentFile>(file), DocumentFile, STORE_VERSION, false).catch(() => undefined);
    const info = await stat(file).catch(() => undefined);
    if (read?.status === 'ok' && info) summaries.push({ ...summarize(read.data.document), trashed: info.mtime.toISOString() });
  }
  return summaries;
}

/**
 * The library's trash, `trash/<id>.json`: a trashed document's file moves there whole (annotations,
 * entities, reviews) and is listed in the index's `trash`; its backups stay where they are until the
 * trash is emptied. The caller checks that the library may be written.
 */
export class LibraryTrash {
  constructor(
    private readonly dir: string,
    private readonly index: LibraryIndex,
    private readonly documents: LibraryDocuments,
    private readonly backups: DocumentBackups,
    private readonly writes: DebouncedWrites,
  ) {}

  /** Moves a document to the trash: its pending changes are written, then its file moves to `trash/<id>.json`. */
  async moveIn(id: string, now: Date): Promise<TrashedSummary> {
    await this.documents.get(id);
    await this.writes.flush();
    await mkdir(path.join(this.dir, 'trash'), { recursive: true, mode: FOLDER_MODE });
    await rename(documentPath(this.dir, id), trashPath(this.dir, id));
    const summary = this.index.data.documents.find((existing) => existing.id === id);
    if (!summary) throw new ScholiaError('not-found', `There is no document ${id} in the library.`);
    const trashed = { ...summary, trashed: now.toISOString() };
    this.documents.forget(id);
    this.index.data.documents = this.index.data.documents.filter((existing) => existing.id !== id);
    this.index.data.trash = [...this.index.data.trash.filter((existing) => existing.id !== id), trashed];
    this.index.scheduleWrite();
    await this.writes.flush();
    return trashed;
  }

  /** Brings a document back from the trash as it was, annotations and all. */
  async moveOut(id: string): Promise<DocumentSummary> {
    const entry = this.index.data.trash.find((existing) => existing.id === id);
    if (!entry) throw new ScholiaError('not-found', `There is no document ${id} in the trash.`);
    const read = await readStoreFile(this.documents.adapter(id), DocumentFile, STORE_VERSION, false);
    if (read.status !== 'missing') throw new ScholiaError('conflict', `A document file for ${id} is already in the library.`);
    await rename(trashPath(this.dir, id), documentPath(this.dir, id));
    this.index.data.trash = this.index.data.trash.filter((existing) => existing.id !== id);
    const { trashed: _trashed, ...summary } = entry;
    this.index.data.documents = [...this.index.data.documents, summary];
    this.index.scheduleWrite();
    await this.writes.flush();
    const document = await this.documents.get(id);
    return summarize(document);
  }

  /** Deletes every document in the trash for good: its file and its backups. Returns how many went. */
  async empty(): Promise<number> {
    const entries = this.index.data.trash;
    for (const entry of entries) {
      await rm(trashPath(this.dir, entry.id), { force: true });
      await rm(this.backups.dirOf(entry.id), { recursive: true, force: true });
    }
    this.index.data.trash = [];
    this.index.scheduleWrite();
    await this.writes.flush();
    return entries.length;
  }
}
