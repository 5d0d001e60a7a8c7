import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { exportTagFile } from '../../../shared/export/tag-file-export.ts';
import { applyAnnotationOps } from '../../../shared/layer/apply-layer-ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { nextRevision } from '../../../shared/model/revision.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { buildReview } from '../../../shared/review/build-review.ts';
import { decideReview, redoDecision, undoDecision } from '../../../shared/review/decide-review.ts';
import { reviewSummaries, reviewView } from '../../../shared/review/review-view.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';

const NOW = '2026-02-01T09:00:00.000Z';

/** A plain document of one paragraph with no annotations yet. */
export function plainDocument(id: string, text: string): ScholiaDocument {
  return {
    id,
    meta: { title: id },
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    text,
    fingerprint: `sha256:${id.padEnd(64, '0').slice(0, 64)}`,
    entities: [],
    annotations: [],
    reviews: [],
    revision: 1,
    imported: NOW,
    modified: NOW,
  };
}

/**
 * An in-memory library behind the renderer's API client, for tests of the stores: documents,
 * `annotations.apply` with its revision check, and review decisions with undo and redo, all through
 * the shared engine and review code the services use.
 */
export class MemoryLibrary {
  private readonly documents = new Map<string, ScholiaDocument>();
  private nextId = 0;
  /** Every channel called, in order. */
  readonly calls: Channel[] = [];

  constructor(documents: readonly ScholiaDocument[]) {
    for (const document of documents) this.documents.set(document.id, document);
  }

  /** The document as the library holds it now. */
  document(id: string): ScholiaDocument {
    const document = this.documents.get(id);
    if (!document) throw new ScholiaError('not-found', `There is no document ${id}.`);
    return document;
  }

  /** Places a colleague's annotations on a document as a review (as `review.import` does); its id. */
  addReview(documentId: string, theirs: readonly Annotation[]): string {
    const document = this.document(documentId);
    const file = exportTagFile({ ...document, annotations: [...theirs], entities: [] }, DEFAULT_TAGSET, {
      annotator: 'B. Colleague',
      exportedAt: NOW,
    });
    const review = buildReview(document, file, { id: `review${++this.nextId}`, now: NOW });
    this.documents.set(documentId, nextRevision(document, { reviews: [...document.reviews, review] }, NOW));
    return review.id;
  }

  readonly api: ApiClient = {
    call: <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      this.calls.push(channel);
      try {
        return Promise.resolve(this.answer(channel, input) as ChannelOutput<C>);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };

  private answer(channel: Channel, input: unknown): unknown {
    switch (channel) {
      case 'library.get': {
        const { id } = input as ChannelInput<'library.get'>;
        return { document: this.document(id), tagset: DEFAULT_TAGSET };
      }
      case 'annotations.apply': {
        const { documentId, ops, baseRevision } = input as ChannelInput<'annotations.apply'>;
        const document = this.document(documentId);
        if (baseRevision !== undefined && baseRevision !== document.revision) {
          throw new ScholiaError(
            'conflict',
            `The document changed elsewhere (revision ${document.revision}, expected ${baseRevision}); reload it.`,
          );
        }
        return this.store(nextRevision(document, applyAnnotationOps(document.text, DEFAULT_TAGSET, document, ops), NOW));
      }
      case 'review.list': {
        const { documentId } = input as ChannelInput<'review.list'>;
        return { reviews: reviewSummaries(this.document(documentId)) };
      }
      case 'review.get': {
        const { documentId, reviewId } = input as ChannelInput<'review.get'>;
        const document = this.document(documentId);
        const review = document.reviews.find((candidate) => candidate.id === reviewId);
        if (!review) throw new ScholiaError('not-found', `There is no review ${reviewId}.`);
        return reviewView(document, review);
      }
      case 'review.decide': {
        const { documentId, reviewId, ...request } = input as ChannelInput<'review.decide'>;
        const outcome = decideReview(this.document(documentId), reviewId, request, {
          tagset: DEFAULT_TAGSET,
          now: NOW,
          batchId: `batch${++this.nextId}`,
        });
        const saved = this.store(outcome.document);
        return { ...saved, changed: outcome.changed, skipped: outcome.skipped, review: this.summary(documentId, reviewId) };
      }
      case 'review.undo':
      case 'review.redo': {
        const { documentId, reviewId } = input as ChannelInput<'review.undo'>;
        const replay = channel === 'review.undo' ? undoDecision : redoDecision;
        const { document, batch } = replay(this.document(documentId), reviewId, DEFAULT_TAGSET, NOW);
        const saved = this.store(document);
        const label = batch ? { [channel === 'review.undo' ? 'undone' : 'redone']: batch.label } : {};
        return { ...saved, ...label, review: this.summary(documentId, reviewId) };
      }
      default:
        throw new ScholiaError('unknown-channel', `The memory library does not answer ${channel}.`);
    }
  }

  private store(document: ScholiaDocument): { revision: number; modified: string } {
    this.documents.set(document.id, document);
    return { revision: document.revision, modified: document.modified };
  }

  private summary(documentId: string, reviewId: string) {
    return reviewSummaries(this.document(documentId)).find((summary) => summary.id === reviewId);
  }
}
