import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ImportResult } from '../../../shared/contract/import-channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { tagFileJson } from '../../../shared/import/detect-format.ts';
import { DocumentMeta, type ScholiaDocument } from '../../../shared/model/document.ts';
import type { TagFileV1 } from '../../../shared/model/tag-file.ts';
import { documentFromSource, type ImportedAs, type ImportSource } from '../import/import-article.ts';
import type { ReviewService } from '../review/review-service.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { documentFromTagFile, readTagFile } from '../tag-file-import.ts';
import { documentFromText, type TextImport } from '../text-import.ts';

/** A source read and checked, ready to store: an article, or a tag file (a new article when `document` is set, else a review). */
type Prepared =
  | { kind: 'article'; document: ScholiaDocument; format: ImportedAs }
  | { kind: 'tags'; file: TagFileV1; name: string; document?: ScholiaDocument };

/** Bringing articles into the library: text, files, web pages, pastes, batches of them, and tag files with their text. */
export class ImportService {
  constructor(
    private readonly store: LibraryStore,
    /** Places a tag file whose article is in the library as a review, after checking its entities against the registry. */
    private readonly reviews?: ReviewService,
  ) {}

  /** Imports an article; one already in the library (same fingerprint) is not added twice. */
  async importText(input: TextImport): Promise<ChannelOutput<'library.importText'>> {
    this.store.assertWritable();
    const { id, title, duplicate } = await this.addImported(documentFromText(input), 'text');
    return { id, title, duplicate };
  }

  /**
   * Imports an article from a file, a web address or a paste through the one pipeline (detect,
   * extract, sanitise, map, canonical text and fingerprint), then stores it. An article already in
   * the library opens instead; one in the trash comes back from it. A Scholia tag file imports with
   * its annotations and entities (see `prepareTagFile`). A refusal changes nothing.
   */
  async importSource(source: ImportSource): Promise<ImportResult> {
    this.store.assertWritable();
    return this.storePrepared(await this.prepare(source));
  }

  /** Imports several sources as one: every source is read and extracted before any is stored, so one refusal changes nothing. */
  async importBatch(sources: readonly ImportSource[]): Promise<ImportResult[]> {
    this.store.assertWritable();
    const read: Prepared[] = [];
    for (const source of sources) read.push(await this.prepare(source));
    const results = [];
    for (const prepared of read) results.push(await this.storePrepared(prepared));
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
    const document = await this.documentOfTagFile(file, name ?? 'The tag file');
    await this.store.addDocument(document);
    return { id: document.id, title: document.meta.title, duplicate: false };
  }

  /** Seeds a new library with the sample article that ships in `assets/`. */
  async seedSample(assetsDir: string): Promise<void> {
    const text = await readFile(path.join(assetsDir, 'sample-article.txt'), 'utf8');
    const meta = DocumentMeta.partial().parse(JSON.parse(await readFile(path.join(assetsDir, 'sample-article.json'), 'utf8')));
    await this.importText({ text, meta });
  }

  private async prepare(source: ImportSource): Promise<Prepared> {
    const json = source.kind === 'file' ? tagFileJson(source.bytes) : undefined;
    if (source.kind === 'file' && json !== undefined) return this.prepareTagFile(json, source.name);
    const { document, format } = await documentFromSource(source);
    return { kind: 'article', document, format };
  }

  /**
   * A tag file, checked (`checkTagFile`) and its entities checked against the registry. For an
   * article in the library (or the trash) it will become a review; otherwise it must embed the
   * text, which becomes a new article with the file's annotations and entities (validated through
   * the op engine against the text).
   */
  private async prepareTagFile(json: unknown, name: string): Promise<Prepared> {
    const file = readTagFile(json, name);
    const { fingerprint } = file.document;
    if (this.store.findByFingerprint(fingerprint) || this.store.findTrashedByFingerprint(fingerprint)) {
      await this.reviews?.libraryLookup(file, name);
      return { kind: 'tags', file, name };
    }
    if (file.document.text === undefined) {
      const title = file.document.title ? ` (“${file.document.title}”)` : '';
      throw new ScholiaError(
        'unsupported-file',
        `${name} does not embed its article's text, and its article${title} is not in the library. Import the article first, then this file goes to Review; or ask for a tag file exported with its text.`,
      );
    }
    return { kind: 'tags', file, name, document: await this.documentOfTagFile(file, name) };
  }

  /** The new article of a tag file with its text; entities that carry a library id take the library's record. */
  private async documentOfTagFile(file: TagFileV1, name: string): Promise<ScholiaDocument> {
    const lookup = await this.reviews?.libraryLookup(file, name);
    const entities = file.entities.map((entity) => lookup?.registry.entity(entity.id) ?? entity);
    return documentFromTagFile({ ...file, entities }, this.store.tagset);
  }

  /** Stores what `prepare` read: an article is added; a tag file adds its article, or goes to Review when its article is there by now. */
  private async storePrepared(prepared: Prepared): Promise<ImportResult> {
    if (prepared.kind === 'article') return this.addImported(prepared.document, prepared.format);
    const { file, name, document } = prepared;
    if (document && !this.store.findByFingerprint(document.fingerprint) && !this.store.findTrashedByFingerprint(document.fingerprint))
      return this.addImported(document, 'tags');
    let existing = this.store.findByFingerprint(file.document.fingerprint);
    let restoredFromTrash = false;
    const trashed = existing ? undefined : this.store.findTrashedByFingerprint(file.document.fingerprint);
    if (trashed) {
      await this.store.untrashDocument(trashed.id);
      existing = this.store.findByFingerprint(file.document.fingerprint);
      restoredFromTrash = true;
    }
    if (!existing || !this.reviews) throw new ScholiaError('internal', `${name} could not be placed on its article.`);
    const { review } = await this.reviews.importTagFile(existing.id, file, { fileName: name });
    return {
      id: existing.id,
      title: existing.title,
      duplicate: true,
      ...(restoredFromTrash ? { restoredFromTrash } : {}),
      format: 'tags',
      reviewId: review.id,
    };
  }

  /** Stores an imported document: one already in the library is answered as a duplicate, one in the trash comes back from it. */
  private async addImported(document: ScholiaDocument, format: ImportResult['format']): Promise<ImportResult> {
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
