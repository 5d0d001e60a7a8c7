import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { FileCheck, SnapshotView } from '../../../shared/contract/evidence-channels.ts';
import { editAnnotationOps } from '../../../shared/layer/annotation-edits.ts';
import { withEvidenceArchived, withEvidenceFile } from '../../../shared/layer/annotation-fields.ts';
import { applyAnnotationOps } from '../../../shared/layer/apply-layer-ops.ts';
import { LayerIndex } from '../../../shared/layer/layer-index.ts';
import type { Annotation, Evidence } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { DEFAULT_FETCH_LIMITS, fetchPage, type FetchLimits, type Network } from '../import/fetch-page.ts';
import { documentOfArticle } from '../import/import-article.ts';
import { extractInWorker } from '../import/extraction-worker.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { digestLocalFile } from './local-file.ts';
import { newSnapshotId, readSnapshot, removeSnapshot, writeSnapshot } from './snapshot-file.ts';

/** One source of one claim, as the channels name it. */
export interface EvidenceRef {
  documentId: string;
  annotationId: string;
  evidenceIndex: number;
}

export interface EvidenceServiceOptions {
  /** Whether fetches may reach this computer and the private network (the import setting). */
  allowPrivateNetwork: () => boolean;
  /** The size, time and redirect limits of a fetch; URL import's when left out. */
  limits?: FetchLimits;
  /** Stands in for DNS and the address rule in tests (see `FetchOptions.network`). */
  network?: Network;
}

function sourceOf(document: ScholiaDocument, ref: EvidenceRef): Evidence {
  const annotation = document.annotations.find((a) => a.id === ref.annotationId);
  if (!annotation) throw new ScholiaError('not-found', `There is no annotation ${ref.annotationId} in this document.`);
  if (annotation.kind !== 'claim') throw new ScholiaError('bad-request', 'Only a claim has evidence.');
  const source = annotation.evidence?.[ref.evidenceIndex];
  if (!source) throw new ScholiaError('not-found', `This claim has no source number ${ref.evidenceIndex + 1}.`);
  return source;
}

/**
 * Evidence that lasts: snapshots of a source's page, fetched through the import pipeline and kept
 * in the library with their SHA-256, and local files attached by reference and hash. What is
 * recorded on a source goes through the op engine, one new revision each; a refusal changes nothing.
 */
export class EvidenceService {
  constructor(
    private readonly store: LibraryStore,
    private readonly options: EvidenceServiceOptions,
  ) {}

  /**
   * Fetches the source's page (the URL rules, the size and time limits of URL import), reads it in
   * the import worker (sanitised to the reader's schema), stores it as `evidence/<id>.json` and
   * records the snapshot on the source. Nothing is stored when the fetch or the reading fails, and
   * the snapshot is taken away again when the source changed meanwhile.
   */
  async archive(ref: EvidenceRef, baseRevision?: number): Promise<ChannelOutput<'evidence.archive'>> {
    this.store.assertWritable(ref.documentId);
    const before = await this.documentAt(ref.documentId, baseRevision);
    const { url } = sourceOf(before, ref);
    const page = await fetchPage(url, {
      limits: this.options.limits ?? DEFAULT_FETCH_LIMITS,
      allowPrivateNetwork: this.options.allowPrivateNetwork(),
      ...(this.options.network ? { network: this.options.network } : {}),
    });
    const { article } = await extractInWorker({ kind: 'page', bytes: page.bytes, url: page.url, contentType: page.contentType }, url);
    const reading = documentOfArticle(article, { label: url });
    const archive = await writeSnapshot(this.store.dir, {
      format: 'scholia-snapshot',
      version: 1,
      id: newSnapshotId(),
      url,
      finalUrl: page.url,
      fetched: new Date().toISOString(),
      contentType: page.contentType.slice(0, 200),
      title: reading.meta.title,
      content: reading.content,
      text: reading.text,
    });
    try {
      const document = await this.store.getDocument(ref.documentId);
      if (sourceOf(document, ref).url !== url)
        throw new ScholiaError('conflict', 'This source changed while its page was being fetched; nothing was archived.');
      const saved = this.record(document, ref, (a) => withEvidenceArchived(a, ref.evidenceIndex, archive));
      return { ...saved, archive };
    } catch (error) {
      await removeSnapshot(this.store.dir, archive.id);
      throw error;
    }
  }

  /** The source's snapshot for the reader's read-only view, after its SHA-256 is checked (`readSnapshot`). */
  async openSnapshot(ref: EvidenceRef): Promise<SnapshotView> {
    const source = sourceOf(await this.store.getDocument(ref.documentId), ref);
    if (!source.archive) throw new ScholiaError('not-found', 'This source has no archived snapshot yet.');
    const snapshot = await readSnapshot(this.store.dir, source.archive);
    return { url: source.url, archive: source.archive, title: snapshot.title, content: snapshot.content, text: snapshot.text };
  }

  /** Attaches a local file to a source by its path, SHA-256 and size; the file itself stays where it is. */
  async attachFile(ref: EvidenceRef, file: string, baseRevision?: number): Promise<ChannelOutput<'evidence.attachFile'>> {
    this.store.assertWritable(ref.documentId);
    const document = await this.documentAt(ref.documentId, baseRevision);
    sourceOf(document, ref);
    const digest = await digestLocalFile(file);
    const attached = { path: file, ...digest, attached: new Date().toISOString() };
    const saved = this.record(await this.store.getDocument(ref.documentId), ref, (a) => withEvidenceFile(a, ref.evidenceIndex, attached));
    return { ...saved, file: attached };
  }

  /** Whether the source's attached file is still there with the bytes it had when attached. */
  async checkFile(ref: EvidenceRef): Promise<FileCheck> {
    const { file } = sourceOf(await this.store.getDocument(ref.documentId), ref);
    if (!file) throw new ScholiaError('not-found', 'This source has no attached file.');
    const now = await digestLocalFile(file.path).catch((error: unknown) => {
      if (error instanceof ScholiaError && error.code === 'not-found') return undefined;
      throw error;
    });
    if (!now) return { file, state: 'missing', message: `The attached file is no longer at ${file.path}.` };
    if (now.sha256 !== file.sha256 || now.size !== file.size)
      return { file, state: 'changed', message: `The file at ${file.path} changed since it was attached (its SHA-256 no longer matches).` };
    return { file, state: 'matches', message: `The file at ${file.path} is as it was when attached.` };
  }

  private async documentAt(documentId: string, baseRevision: number | undefined): Promise<ScholiaDocument> {
    const document = await this.store.getDocument(documentId);
    if (baseRevision !== undefined && baseRevision !== document.revision)
      throw new ScholiaError(
        'conflict',
        `The document changed elsewhere (revision ${document.revision}, expected ${baseRevision}); reload it.`,
      );
    return document;
  }

  /** Applies one edit of the claim through the op engine and saves it as the next revision. */
  private record(
    document: ScholiaDocument,
    ref: EvidenceRef,
    edit: (a: Annotation) => Annotation | null,
  ): { revision: number; modified: string } {
    sourceOf(document, ref);
    const now = new Date().toISOString();
    const ops = editAnnotationOps(new LayerIndex(document), ref.annotationId, edit, now);
    if (ops.length === 0) throw new ScholiaError('conflict', 'This source already has that record.');
    return this.store.commitRevision(document, applyAnnotationOps(document.text, this.store.tagset, document, ops), now);
  }
}
