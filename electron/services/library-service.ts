import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelInput, ChannelOutput } from '../../shared/contract/channels.ts';
import type { ImportResult } from '../../shared/contract/import-channels.ts';
import { searchDocument } from '../../shared/import/library-search.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import { applyAnnotationOps } from '../../shared/layer/apply-layer-ops.ts';
import { DocumentMeta, type ScholiaDocument } from '../../shared/model/document.ts';
import { nextRevision } from '../../shared/model/revision.ts';
import type { Settings } from '../../shared/model/settings.ts';
import { removedTagsInUse, tagsetProblems, usedTagIds } from '../../shared/model/tagset-check.ts';
import type { Tagset } from '../../shared/model/tagset.ts';
import type { LibraryStore } from './store/library-store.ts';
import { documentFromSource, type ImportedAs, type ImportSource } from './import/import-article.ts';
import { summarize } from './store/store-files.ts';
import { documentFromTagFile, readTagFile } from './tag-file-import.ts';
import { documentFromText, type TextImport } from './text-import.ts';

/** The library's operations, shared by every transport: Electron IPC, the browser host and the CLI. */
export class LibraryService {
  constructor(private readonly store: LibraryStore) {}

  list(): ChannelOutput<'library.list'> {
    const documents = [...this.store.summaries].sort((a, b) => b.imported.localeCompare(a.imported) || a.title.localeCompare(b.title));
    const { readOnly } = this.store;
    return { documents, notices: [...this.store.notices], ...(readOnly ? { readOnly } : {}) };
  }

  /** The list after every document file has been read, so damaged ones are reported (in `notices`) and left out. */
  async listChecked(): Promise<ChannelOutput<'library.list'>> {
    await this.store.checkDocuments();
    return this.list();
  }

  async get(id: string): Promise<ChannelOutput<'library.get'>> {
    const document = await this.store.getDocument(id);
    const readOnly = this.store.readOnlyFor(id);
    return { document, tagset: this.store.tagset, ...(readOnly ? { readOnly } : {}) };
  }

  /** Imports an article; one already in the library (same fingerprint) is not added twice. */
  async importText(input: TextImport): Promise<ChannelOutput<'library.importText'>> {
    this.store.assertWritable();
    const { id, title, duplicate } = await this.addImported(documentFromText(input), 'text');
    return { id, title, duplicate };
  }

  /**
   * Imports an article from a file, a web address or a paste through the one pipeline (detect,
   * extract, sanitise, map, canonical text and fingerprint), then stores it. An article already in
   * the library opens instead; one in the trash comes back from it. A refusal changes nothing.
   */
  async importSource(source: ImportSource): Promise<ImportResult> {
    this.store.assertWritable();
    const { document, format } = await documentFromSource(source);
    return this.addImported(document, format);
  }

  /** Stores a document an import made (see `importSource`); the CLI reads every source first, then stores them. */
  async addImported(document: ScholiaDocument, format: ImportedAs): Promise<ImportResult> {
    const existing = this.store.findByFingerprint(document.fingerprint);
    if (existing) return { id: existing.id, title: existing.title, duplicate: true, format };
    const trashed = this.store.findTrashedByFingerprint(document.fingerprint);
    if (trashed) {
      await this.store.untrashDocument(trashed.id);
      return { id: trashed.id, title: trashed.title, duplicate: true, restoredFromTrash: true, format };
    }
    await this.store.addDocument(document);
    return { id: document.id, title: document.meta.title, duplicate: false, format };
  }

  /** The documents (not in the trash) whose title, source, author or text hold every word of the query. */
  async search(query: string): Promise<ChannelOutput<'library.search'>> {
    const hits = [];
    for (const summary of this.store.summaries) {
      const document = await this.store.getDocument(summary.id).catch(() => undefined);
      if (!document) continue;
      const hit = searchDocument({ id: document.id, text: document.text, ...document.meta }, query);
      if (hit) hits.push(hit);
    }
    return { hits };
  }

  /** Changes a document's metadata; an empty optional field is removed. The text, and so every annotation, stays as it is. */
  async updateMeta(id: string, changes: ChannelInput<'library.updateMeta'>['meta']): Promise<ChannelOutput<'library.updateMeta'>> {
    this.store.assertWritable(id);
    const document = await this.store.getDocument(id);
    const merged = Object.entries({ ...document.meta, ...changes }).filter(([, value]) => value !== '' && value !== undefined);
    const meta = DocumentMeta.parse(Object.fromEntries(merged));
    // Not a new revision: revisions count annotation batches, and an open session's next batch must still apply.
    const updated = { ...document, meta, modified: new Date().toISOString() };
    this.store.putDocument(updated);
    await this.store.flush();
    return summarize(updated);
  }

  trash(id: string): Promise<ChannelOutput<'library.trash'>> {
    return this.store.trashDocument(id);
  }

  trashList(): ChannelOutput<'library.trashList'> {
    return { documents: [...this.store.trashed] };
  }

  untrash(id: string): Promise<ChannelOutput<'library.untrash'>> {
    return this.store.untrashDocument(id);
  }

  async emptyTrash(): Promise<ChannelOutput<'library.emptyTrash'>> {
    return { deleted: await this.store.emptyTrash() };
  }

  /**
   * Imports a tag file that embeds its article as a new document with its annotations. An article
   * already in the library (same fingerprint) is not added twice; merging is the review's job.
   */
  async importTagFile(json: unknown, name?: string): Promise<ChannelOutput<'library.importText'>> {
    this.store.assertWritable();
    const file = readTagFile(json, name);
    const existing = this.store.findByFingerprint(file.document.fingerprint);
    if (existing) return { id: existing.id, title: existing.title, duplicate: true };
    const document = documentFromTagFile(file, this.store.tagset);
    await this.store.addDocument(document);
    return { id: document.id, title: document.meta.title, duplicate: false };
  }

  async applyOps(documentId: string, ops: readonly AnnotationOp[], baseRevision?: number): Promise<ChannelOutput<'annotations.apply'>> {
    this.store.assertWritable(documentId);
    const document = await this.store.getDocument(documentId);
    if (baseRevision !== undefined && baseRevision !== document.revision) {
      throw new ScholiaError('conflict', `The document changed elsewhere (revision ${document.revision}, expected ${baseRevision}); reload it.`);
    }
    return this.store.commitRevision(document, applyAnnotationOps(document.text, this.store.tagset, document, ops));
  }

  getSettings(): Settings {
    return this.store.settings;
  }

  setSettings(changes: Partial<Settings>): Settings {
    this.store.assertWritable();
    const settings = { ...this.store.settings, ...changes };
    this.store.setSettings(settings);
    return settings;
  }

  getTagset(): Tagset {
    return this.store.tagset;
  }

  /**
   * Replaces the library's codebook. Labels, colours, keys and order may change freely; an entry
   * may go only when no document uses it, and the codebook must have no duplicate ids or keys.
   */
  async setTagset(tagset: Tagset): Promise<Tagset> {
    this.store.assertWritable();
    const problems = tagsetProblems(tagset);
    if (problems.length > 0) throw new ScholiaError('bad-request', `The codebook cannot be used: ${problems.join(' ')}`);
    const inUse: string[] = [];
    for (const summary of this.store.summaries) {
      const document = await this.store.getDocument(summary.id).catch(() => undefined);
      if (document) inUse.push(...removedTagsInUse(tagset, usedTagIds(document), document.meta.title));
    }
    if (inUse.length > 0) {
      const shown = inUse.slice(0, 5).join('; ');
      throw new ScholiaError('bad-request', `The codebook cannot drop what annotations use: ${shown}${inUse.length > 5 ? `; and ${inUse.length - 5} more` : ''}.`);
    }
    this.store.setTagset(tagset);
    return tagset;
  }

  /** The previous versions of a document that the backups keep, newest first. */
  async versions(documentId: string): Promise<ChannelOutput<'document.versions'>> {
    return { versions: await this.store.versions(documentId) };
  }

  /**
   * Restores a previous version of a document: its annotations, entities and reviews become the
   * document's state again, as a new revision, saved at once. The state it replaces is kept as a
   * version in turn, so a restore is undone by restoring that one. A document whose file was lost
   * (unreadable and moved aside) comes back from its backup.
   */
  async restore(documentId: string, versionId: string): Promise<ChannelOutput<'document.restore'>> {
    this.store.assertWritable(documentId);
    const restored = (await this.store.versions(documentId)).find((version) => version.id === versionId);
    if (!restored) throw new ScholiaError('not-found', `Document ${documentId} has no version ${versionId}; list them with document.versions.`);
    const backup = await this.store.backups.read(documentId, versionId);
    const modified = new Date().toISOString();
    const listed = this.store.summaries.some((summary) => summary.id === documentId);
    const current = listed ? await this.store.getDocument(documentId).catch(() => undefined) : undefined;
    if (current) {
      if (current.fingerprint !== backup.fingerprint) throw new ScholiaError('conflict', `Version ${versionId} holds a different article text than document ${documentId}.`);
      const saved = this.store.commitRevision(current, { entities: backup.entities, annotations: backup.annotations, reviews: backup.reviews }, modified);
      await this.store.flush();
      return { ...saved, restored };
    }
    const document = nextRevision(backup, {}, modified);
    await this.store.addDocument(document);
    return { revision: document.revision, modified, restored };
  }

  /** Seeds a new library with the sample article that ships in `assets/`. */
  async seedSample(assetsDir: string): Promise<void> {
    const text = await readFile(path.join(assetsDir, 'sample-article.txt'), 'utf8');
    const meta = DocumentMeta.partial().parse(JSON.parse(await readFile(path.join(assetsDir, 'sample-article.json'), 'utf8')));
    await this.importText({ text, meta });
  }
}
