import { randomBytes } from 'node:crypto';
import { agreementJson, renderAgreementHtml, type AgreementReportMeta } from '../../../shared/agreement/agreement-files.ts';
import type { AgreementReport } from '../../../shared/agreement/agreement-report.ts';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { ReviewRecord } from '../../../shared/model/review.ts';
import type { RevisionChanges } from '../../../shared/model/revision.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import { checkTagFile } from '../../../shared/model/tag-file-check.ts';
import type { TagFileV1 } from '../../../shared/model/tag-file.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { clashMessage, RegistryLookup, type RegistryView } from '../../../shared/entities/registry-match.ts';
import { buildReview } from '../../../shared/review/build-review.ts';
import { decideReview, redoDecision, undoDecision, type DecisionRequest } from '../../../shared/review/decide-review.ts';
import { reviewAgreement } from '../../../shared/review/review-agreement.ts';
import { reviewSummaries, reviewView, type ReviewSummary } from '../../../shared/review/review-view.ts';
import { fileStem } from '../../../shared/export/file-names.ts';

/** What the review service needs of the library store. */
export interface ReviewStore {
  readonly tagset: Tagset;
  readonly settings: Settings;
  assertWritable(documentId?: string): void;
  getDocument(id: string): Promise<ScholiaDocument>;
  putDocument(document: ScholiaDocument): void;
  commitRevision(document: ScholiaDocument, changes: RevisionChanges, now?: string): { revision: number; modified: string };
  flush(): Promise<void>;
}

/** What reviews read of the library's entity registry: colleagues' entities are linked to it. */
export interface ReviewRegistry extends RegistryView {
  ready(): Promise<void>;
}

function newId(): string {
  return randomBytes(8).toString('hex');
}

/** Parses a tag file's JSON text and checks it, refusing it with every problem, one per line, by JSON path. */
export function readReviewFile(json: string, name = 'The tag file'): TagFileV1 {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ScholiaError('unsupported-file', `${name} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const check = checkTagFile(parsed);
  if (!check.ok) {
    const count = check.problems.length;
    throw new ScholiaError(
      'unsupported-file',
      [
        `${name} is not a valid Scholia tag file (${count} ${count === 1 ? 'problem' : 'problems'}):`,
        ...check.problems.map((p) => `  ${p.path}: ${p.message}`),
      ].join('\n'),
    );
  }
  return check.file;
}

/** JSON with object keys in order, so two records with the same content compare equal however they were built. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A team review refreshed from the colleague's new layer, keeping what the analyst decided on items that did not change. */
function refreshedReview(previous: ReviewRecord, fresh: ReviewRecord): ReviewRecord {
  const before = new Map(previous.items.map((item) => [item.id, item]));
  const kept = new Set<string>();
  const items = fresh.items.map((item) => {
    const old = before.get(item.id);
    if (!old || stableJson(old.annotation) !== stableJson(item.annotation) || stableJson(old.anchor) !== stableJson(item.anchor))
      return item;
    kept.add(item.id);
    return {
      ...item,
      decision: old.decision,
      ...(old.decided ? { decided: old.decided } : {}),
      ...(old.effect ? { effect: old.effect } : {}),
    };
  });
  const batches = [...previous.history, ...previous.redo];
  const historyHolds = batches.every((batch) => batch.items.every((change) => kept.has(change.id)));
  const theirIds = new Set(fresh.entities.map((entity) => entity.id));
  const created = previous.entityLinks.filter((link) => link.by === 'created' && theirIds.has(link.theirId));
  const entityLinks = fresh.entityLinks.map((link) => created.find((c) => c.theirId === link.theirId) ?? link);
  const unchanged = items.length === previous.items.length && items.every((item) => kept.has(item.id));
  return {
    ...fresh,
    imported: unchanged && stableJson(previous.file) === stableJson(fresh.file) ? previous.imported : fresh.imported,
    entityLinks,
    items,
    history: historyHolds ? previous.history : [],
    redo: historyHolds ? previous.redo : [],
  };
}

function findReview(document: ScholiaDocument, reviewId: string): ReviewRecord {
  const review = document.reviews.find((r) => r.id === reviewId);
  if (!review) throw new ScholiaError('not-found', `There is no review ${reviewId} on document ${document.id}.`);
  return review;
}

function summaryOf(document: ScholiaDocument, reviewId: string): ReviewSummary {
  const summary = reviewSummaries(document).find((s) => s.id === reviewId);
  if (!summary) throw new ScholiaError('not-found', `There is no review ${reviewId} on document ${document.id}.`);
  return summary;
}

/**
 * Reviews of colleagues' tag files, shared by every transport: import (validate, place, store),
 * the review view, decisions with undo and redo, agreement figures and the agreement report.
 * Every change is saved with the document, a new revision.
 */
export class ReviewService {
  constructor(
    private readonly store: ReviewStore,
    private readonly registry?: ReviewRegistry,
  ) {}

  /**
   * The registry, indexed for one file, once the file's entities are found not to clash with it;
   * a clash (an entity with a library id but another Wikidata id or type, a Wikidata id the library
   * holds as another type) is refused as a `conflict` naming every entity at fault.
   */
  async libraryLookup(file: TagFileV1, name: string): Promise<RegistryLookup | undefined> {
    if (!this.registry) return undefined;
    await this.registry.ready();
    const lookup = new RegistryLookup(this.registry);
    const clashes = lookup.clashes(file.entities);
    if (clashes.length > 0) throw new ScholiaError('conflict', clashMessage(name, clashes));
    return lookup;
  }

  async importFile(
    documentId: string,
    json: string,
    options: { fileName?: string; exactOnly?: boolean } = {},
  ): Promise<ChannelOutput<'review.import'>> {
    return this.importTagFile(documentId, readReviewFile(json, options.fileName ?? 'The tag file'), options);
  }

  /** Places a checked tag file on a document as a new review (see `importFile`). */
  async importTagFile(
    documentId: string,
    file: TagFileV1,
    options: { fileName?: string; exactOnly?: boolean } = {},
  ): Promise<ChannelOutput<'review.import'>> {
    this.store.assertWritable(documentId);
    const document = await this.store.getDocument(documentId);
    const lookup = await this.libraryLookup(file, options.fileName ?? 'The tag file');
    const now = new Date().toISOString();
    const review = buildReview(document, file, {
      id: newId(),
      now,
      ...(lookup ? { libraryMatch: (entity) => lookup.match(entity) } : {}),
      ...(options.fileName ? { fileName: options.fileName } : {}),
      exactOnly: options.exactOnly === true,
    });
    if (review.items.length > 0 && review.items.every((item) => item.anchor.status === 'orphaned')) {
      throw new ScholiaError(
        'unsupported-file',
        `None of the ${review.items.length} annotations of ${options.fileName ?? 'the tag file'} could be placed on "${document.meta.title}"; is it a tag file of this article?`,
      );
    }
    const reviews = [...document.reviews, review];
    const saved = this.store.commitRevision(document, { reviews }, now);
    await this.store.flush();
    return { ...saved, review: summaryOf({ ...document, reviews }, review.id) };
  }

  /**
   * Places a colleague's layer from the team repository as the review `reviewId` (`team-<memberId>`),
   * or refreshes that review when their layer changed: items whose annotation did not change keep the
   * analyst's decision (and what accepting did); changed and new items are open again. The decision
   * history is kept while every item it names is still there unchanged, and cleared otherwise (undo
   * cannot take back a decision on an item that is no longer what was decided on). Answers whether
   * the document changed.
   */
  async placeTeamLayer(
    documentId: string,
    reviewId: string,
    file: TagFileV1,
    fileName: string,
  ): Promise<{ changed: boolean; review: ReviewSummary }> {
    this.store.assertWritable(documentId);
    const document = await this.store.getDocument(documentId);
    const lookup = await this.libraryLookup(file, fileName);
    const now = new Date().toISOString();
    const fresh = buildReview(document, file, {
      id: reviewId,
      now,
      fileName,
      ...(lookup ? { libraryMatch: (entity) => lookup.match(entity) } : {}),
    });
    const previous = document.reviews.find((review) => review.id === reviewId);
    const review = previous ? refreshedReview(previous, fresh) : fresh;
    if (previous && stableJson(previous) === stableJson(review)) return { changed: false, review: summaryOf(document, reviewId) };
    const reviews = previous ? document.reviews.map((r) => (r.id === reviewId ? review : r)) : [...document.reviews, review];
    this.store.commitRevision(document, { reviews }, now);
    await this.store.flush();
    return { changed: true, review: summaryOf({ ...document, reviews }, reviewId) };
  }

  async list(documentId: string): Promise<ChannelOutput<'review.list'>> {
    return { reviews: reviewSummaries(await this.store.getDocument(documentId)) };
  }

  async get(documentId: string, reviewId: string): Promise<ChannelOutput<'review.get'>> {
    const document = await this.store.getDocument(documentId);
    return reviewView(document, findReview(document, reviewId));
  }

  async decide(documentId: string, reviewId: string, request: DecisionRequest): Promise<ChannelOutput<'review.decide'>> {
    this.store.assertWritable(documentId);
    const document = await this.store.getDocument(documentId);
    await this.registry?.ready();
    const registry = this.registry;
    const outcome = decideReview(document, reviewId, request, {
      tagset: this.store.tagset,
      now: new Date().toISOString(),
      batchId: newId(),
      ...(registry ? { libraryEntity: (id: string) => registry.entity(id) } : {}),
    });
    if (outcome.batch) this.store.putDocument(outcome.document);
    const saved = outcome.document;
    return {
      revision: saved.revision,
      modified: saved.modified,
      changed: outcome.changed,
      skipped: outcome.skipped,
      review: summaryOf(saved, reviewId),
    };
  }

  async undo(documentId: string, reviewId: string): Promise<ChannelOutput<'review.undo'>> {
    const { label, ...answer } = await this.replay(documentId, reviewId, undoDecision);
    return { ...answer, ...(label === undefined ? {} : { undone: label }) };
  }

  async redo(documentId: string, reviewId: string): Promise<ChannelOutput<'review.redo'>> {
    const { label, ...answer } = await this.replay(documentId, reviewId, redoDecision);
    return { ...answer, ...(label === undefined ? {} : { redone: label }) };
  }

  /** Undoes or redoes a review's last decision (or the one undone last) and saves it, if there is one. */
  private async replay(documentId: string, reviewId: string, step: typeof undoDecision) {
    this.store.assertWritable(documentId);
    const { document, batch } = step(await this.store.getDocument(documentId), reviewId, this.store.tagset, new Date().toISOString());
    if (batch) this.store.putDocument(document);
    return { revision: document.revision, modified: document.modified, label: batch?.label, review: summaryOf(document, reviewId) };
  }

  async remove(documentId: string, reviewId: string): Promise<ChannelOutput<'review.remove'>> {
    this.store.assertWritable(documentId);
    const document = await this.store.getDocument(documentId);
    findReview(document, reviewId);
    return this.store.commitRevision(document, { reviews: document.reviews.filter((r) => r.id !== reviewId) });
  }

  private async reportOf(
    documentId: string,
    reviewIds?: readonly string[],
  ): Promise<{ document: ScholiaDocument; reviews: ReviewRecord[]; report: AgreementReport }> {
    const document = await this.store.getDocument(documentId);
    const reviews = reviewIds ? reviewIds.map((id) => findReview(document, id)) : document.reviews;
    if (reviews.length === 0) throw new ScholiaError('bad-request', `Document ${documentId} has no review to compare with.`);
    return { document, reviews, report: reviewAgreement(document, reviews, this.store.settings.annotatorName) };
  }

  async agreement(documentId: string, reviewIds?: readonly string[]): Promise<ChannelOutput<'review.agreement'>> {
    return (await this.reportOf(documentId, reviewIds)).report;
  }

  async exportAgreement(
    documentId: string,
    format: 'html' | 'json',
    reviewIds?: readonly string[],
  ): Promise<ChannelOutput<'review.exportAgreement'>> {
    const { document, reviews, report } = await this.reportOf(documentId, reviewIds);
    const meta: AgreementReportMeta = {
      title: document.meta.title,
      fingerprint: document.fingerprint,
      generatedAt: new Date().toISOString(),
      placement: reviews.map((review) => ({
        annotator: review.annotator.name,
        ...Object.fromEntries(
          (['exact', 'moved', 'fuzzy', 'orphaned'] as const).map((status) => [
            status,
            review.items.filter((item) => item.anchor.status === status).length,
          ]),
        ),
      })) as AgreementReportMeta['placement'],
    };
    const stem = `${fileStem(document.meta.title)}.agreement`;
    const body = format === 'html' ? renderAgreementHtml(report, meta) : agreementJson(report, meta);
    return {
      filename: `${stem}.${format}`,
      mimeType: format === 'html' ? 'text/html; charset=utf-8' : 'application/json',
      base64: Buffer.from(body, 'utf8').toString('base64'),
    };
  }
}
