import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ImportResult } from '../../../shared/contract/import-channels.ts';
import { DocumentMeta, type ScholiaDocument } from '../../../shared/model/document.ts';
import { documentFromSource, type ImportedAs, type ImportSource } from '../import/import-article.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { documentFromTagFile, readTagFile } from '../tag-file-import.ts';
import { documentFromText, type TextImport } from '../text-import.ts';

/** Bringing articles into the library: text, files, web pages, pastes, batches of them, and tag files with their text. */
export class ImportService {
  constructor(private readonly store: LibraryStore) {}

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

  /** Imports several sources as one: every source is read and extracted before any is stored, so one refusal changes nothing. */
  async importBatch(sources: readonly ImportSource[]): Promise<ImportResult[]> {
    this.store.assertWritable();
    const read = [];
    for (const source of sources) read.push(await documentFromSource(source));
    const results = [];
    for (const { document, format } of read) results.push(await this.addImported(document, format));
    return results;
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

  /** Seeds a new library with the sample article that ships in `assets/`. */
  async seedSample(assetsDir: string): Promise<void> {
    const text = await readFile(path.join(assetsDir, 'sample-article.txt'), 'utf8');
    const meta = DocumentMeta.partial().parse(JSON.parse(await readFile(path.join(assetsDir, 'sample-article.json'), 'utf8')));
    await this.importText({ text, meta });
  }

  /** Stores an imported document: one already in the library is answered as a duplicate, one in the trash comes back from it. */
  private async addImported(document: ScholiaDocument, format: ImportedAs): Promise<ImportResult> {
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
}
