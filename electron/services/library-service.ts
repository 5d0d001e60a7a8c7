import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import { applyAnnotationOps } from '../../shared/model/apply-ops.ts';
import { DocumentMeta } from '../../shared/model/document.ts';
import type { Settings } from '../../shared/model/settings.ts';
import type { LibraryStore } from './store/library-store.ts';
import { documentFromTagFile, readTagFile } from './tag-file-import.ts';
import { documentFromText, type TextImport } from './text-import.ts';

/** The library's operations, shared by every transport: Electron IPC, the browser host and the CLI. */
export class LibraryService {
  constructor(private readonly store: LibraryStore) {}

  list(): ChannelOutput<'library.list'> {
    const documents = [...this.store.summaries].sort((a, b) => b.imported.localeCompare(a.imported) || a.title.localeCompare(b.title));
    return { documents, notices: [...this.store.notices] };
  }

  async get(id: string): Promise<ChannelOutput<'library.get'>> {
    return { document: await this.store.getDocument(id), tagset: this.store.tagset };
  }

  /** Imports an article; one already in the library (same fingerprint) is not added twice. */
  async importText(input: TextImport): Promise<ChannelOutput<'library.importText'>> {
    const document = documentFromText(input);
    const existing = this.store.findByFingerprint(document.fingerprint);
    if (existing) return { id: existing.id, title: existing.title, duplicate: true };
    await this.store.addDocument(document);
    return { id: document.id, title: document.meta.title, duplicate: false };
  }

  /**
   * Imports a tag file that embeds its article as a new document with its annotations. An article
   * already in the library (same fingerprint) is not added twice; merging is the review's job.
   */
  async importTagFile(json: unknown, name?: string): Promise<ChannelOutput<'library.importText'>> {
    const file = readTagFile(json, name);
    const existing = this.store.findByFingerprint(file.document.fingerprint);
    if (existing) return { id: existing.id, title: existing.title, duplicate: true };
    const document = documentFromTagFile(file, this.store.tagset);
    await this.store.addDocument(document);
    return { id: document.id, title: document.meta.title, duplicate: false };
  }

  async applyOps(documentId: string, ops: readonly AnnotationOp[], baseRevision?: number): Promise<ChannelOutput<'annotations.apply'>> {
    const document = await this.store.getDocument(documentId);
    if (baseRevision !== undefined && baseRevision !== document.revision) {
      throw new ScholiaError('conflict', `The document changed elsewhere (revision ${document.revision}, expected ${baseRevision}); reload it.`);
    }
    const layer = applyAnnotationOps(document.text, this.store.tagset, document, ops);
    const modified = new Date().toISOString();
    const revision = document.revision + 1;
    this.store.putDocument({ ...document, ...layer, revision, modified });
    return { revision, modified };
  }

  getSettings(): Settings {
    return this.store.settings;
  }

  setSettings(changes: Partial<Settings>): Settings {
    const settings = { ...this.store.settings, ...changes };
    this.store.setSettings(settings);
    return settings;
  }

  /** Seeds a new library with the sample article that ships in `assets/`. */
  async seedSample(assetsDir: string): Promise<void> {
    const text = await readFile(path.join(assetsDir, 'sample-article.txt'), 'utf8');
    const meta = DocumentMeta.partial().parse(JSON.parse(await readFile(path.join(assetsDir, 'sample-article.json'), 'utf8')));
    await this.importText({ text, meta });
  }
}
