import { signal } from '@preact/signals';
import type { AgreementReport } from '../../../shared/agreement/agreement-report.ts';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import type { ReviewDecision } from '../../../shared/model/review.ts';
import type { ReviewClass } from '../../../shared/review/classify-review.ts';
import type { ReviewSummary, ReviewView } from '../../../shared/review/review-view.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type { DecisionEntry } from '../commands/undo-history.ts';
import { nextDecision, replayInServices } from './review-decisions.ts';
import type { DocumentSession } from '../session/document-session.ts';
import type { ReviewHost } from './app-ports.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import { theirLayerOf } from './review-items.ts';

export type ReviewPanelTab = 'items' | 'agreement';

/** A refused tag file: its name and every problem listed. */
export interface RefusedFile {
  fileName: string;
  problems: string[];
}

/** What to decide on: named items, or every open item of some classes and kinds. */
export type DecisionTarget = { itemIds: string[] } | { where: { classes?: ReviewClass[]; kinds?: AnnotationKind[] } };

/**
 * Reviewing colleagues' tag files for the open document: importing, the review list and its
 * filters, decisions with undo and redo, their layer in the reader, and the agreement figures.
 * Every change moves the document's revision, so the document is read again after it.
 */
export class ReviewStore {
  /** The reviews of the open document. */
  readonly reviews = signal<ReviewSummary[]>([]);
  /** Whether the review panel replaces the annotation lists. */
  readonly active = signal(false);
  readonly tab = signal<ReviewPanelTab>('items');
  readonly view = signal<ReviewView | null>(null);
  readonly agreement = signal<AgreementReport | null>(null);
  readonly classFilter = signal<ReviewClass | 'all'>('all');
  readonly kindFilter = signal<AnnotationKind | 'all'>('all');
  readonly showTheirs = signal(true);
  readonly selectedItemId = signal<string | null>(null);
  readonly refused = signal<RefusedFile | null>(null);
  readonly busy = signal(false);
  /** Whether the next import refuses fuzzy placements (`exactOnly`): such items come in orphaned, their candidate noted. */
  readonly exactOnly = signal(false);
  /** Whether the "Remove review" confirmation is showing. */
  readonly confirmingRemove = signal(false);

  private documentId: string | null = null;

  constructor(
    private readonly app: ReviewHost,
    private readonly api: ApiClient,
  ) {
    app.session.subscribe((session) => {
      if (session?.id === this.documentId) {
        this.drawLayer();
        return;
      }
      this.documentId = session?.id ?? null;
      this.reviews.value = [];
      this.view.value = null;
      this.agreement.value = null;
      this.active.value = false;
      this.selectedItemId.value = null;
      if (session) void this.loadList(session.id);
    });
  }

  get reviewId(): string | null {
    return this.view.value?.summary.id ?? null;
  }

  private async loadList(documentId: string): Promise<void> {
    try {
      const { reviews } = await this.api.call('review.list', { documentId });
      if (this.documentId === documentId) this.reviews.value = reviews;
    } catch {
      // A library without reviews support answers nothing useful; the panel just stays empty.
    }
  }

  /** Reads a tag file and imports it as a review of the open document; a refused file lists every problem and changes nothing. */
  async importFile(file: File): Promise<void> {
    const session = this.app.session.value;
    if (!session) {
      this.app.report('error', 'Open the article the tag file is about first.');
      return;
    }
    this.busy.value = true;
    try {
      const json = await file.text();
      await session.commands.whenIdle();
      const exactOnly = this.exactOnly.value;
      const result = await this.api.call('review.import', {
        documentId: session.id,
        json,
        fileName: file.name,
        ...(exactOnly ? { exactOnly } : {}),
      });
      session.noteRevision(result.revision);
      this.refused.value = null;
      await this.reloadDocument();
      await this.open(result.review.id);
      this.app.report(
        'info',
        `Imported ${result.review.annotator}’s tag file: ${result.review.items} items, ${result.review.placement.orphaned} orphaned.`,
      );
    } catch (error) {
      const lines = messageOf(error)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      this.refused.value = { fileName: file.name, problems: lines.length > 1 ? lines.slice(1) : lines };
      this.app.report('error', `Could not import ${file.name}: nothing was changed.`);
    } finally {
      this.busy.value = false;
    }
  }

  /** Reads the open document's reviews again, and the open review: a team sync brought or refreshed a colleague's layer. */
  async refreshList(): Promise<void> {
    const documentId = this.documentId;
    if (!documentId) return;
    await this.loadList(documentId);
    const open = this.reviewId;
    if (open && this.active.value) await this.open(open).catch(() => undefined);
  }

  /** Opens a review in the panel. */
  async open(reviewId: string): Promise<void> {
    const documentId = this.documentId;
    if (!documentId) return;
    const view = await this.api.call('review.get', { documentId, reviewId });
    if (this.documentId !== documentId) return;
    this.view.value = view;
    this.reviews.value = [...this.reviews.value.filter((review) => review.id !== view.summary.id), view.summary];
    this.active.value = true;
    this.drawLayer();
    if (this.tab.value === 'agreement') void this.loadAgreement();
  }

  /**
   * Removes the open review (`review.remove`; annotations already accepted stay), then shows the
   * document's latest remaining review, or the annotation lists when none is left.
   */
  async remove(): Promise<void> {
    const documentId = this.documentId;
    const reviewId = this.reviewId;
    const session = this.app.session.value;
    if (!documentId || !reviewId || !session || this.busy.value) return;
    const annotator = this.view.value?.summary.annotator ?? 'the colleague';
    this.busy.value = true;
    try {
      await session.commands.whenIdle();
      session.noteRevision((await this.api.call('review.remove', { documentId, reviewId })).revision);
      this.confirmingRemove.value = false;
      this.reviews.value = this.reviews.value.filter((review) => review.id !== reviewId);
      this.view.value = null;
      this.agreement.value = null;
      this.selectedItemId.value = null;
      await this.reloadDocument();
      const { reviews } = await this.api.call('review.list', { documentId });
      if (this.documentId !== documentId) return;
      this.reviews.value = reviews;
      const last = reviews.at(-1);
      if (last) await this.open(last.id);
      else this.close();
      this.app.report('info', `Removed the review of ${annotator}; accepted annotations stay.`);
    } catch (error) {
      this.app.report('error', `Could not remove the review: ${messageOf(error)}`);
    } finally {
      this.busy.value = false;
    }
  }

  /** Scrolls the article to a span of the majority view and flashes it. */
  showSpan(start: number, end: number): void {
    this.app.session.value?.showSpan({ start, end });
  }

  /** Leaves the review panel for the annotation lists; their layer goes away. */
  close(): void {
    this.active.value = false;
    this.drawLayer();
  }

  toggleTheirs(): void {
    this.showTheirs.value = !this.showTheirs.value;
    this.drawLayer();
  }

  private drawLayer(): void {
    const session = this.app.session.value;
    const view = this.view.value;
    session?.setTheirLayer(view && this.active.value && this.showTheirs.value ? theirLayerOf(view) : []);
  }

  /** Selects one of their items: scrolls to its span and flashes it. */
  selectItem(id: string, reveal = true): void {
    this.selectedItemId.value = id;
    const item = this.view.value?.items.find((candidate) => candidate.id === id);
    if (reveal && item && item.class !== 'orphaned') this.app.session.value?.showSpan(item.annotation.target);
  }

  /** Decides on items; the decision joins the document's undo history (Ctrl+Z takes it back). */
  async decide(decision: ReviewDecision, target: DecisionTarget): Promise<void> {
    const reviewId = this.reviewId;
    if (!reviewId) return;
    await this.change(async (session) => {
      const result = await this.api.call('review.decide', { documentId: session.id, reviewId, decision, ...target });
      session.noteRevision(result.revision);
      if (result.changed.length > 0) session.commands.recordDecision(result.review.undo ?? 'Review decision', reviewId);
      const skipped = result.skipped.length ? ` ${result.skipped.length} skipped: ${result.skipped.map((s) => s.reason).join('; ')}.` : '';
      return `${result.review.undo ?? 'Done'}: ${result.changed.length} changed.${skipped}`;
    });
  }

  /** The label of the document's next undo when it is a review decision (the panel's "Undo decision"). */
  get undoLabel(): string | undefined {
    return nextDecision(this.app.session.value, 'undo')?.label;
  }

  /** The label of the document's next redo when it is a review decision. */
  get redoLabel(): string | undefined {
    return nextDecision(this.app.session.value, 'redo')?.label;
  }

  /** "Undo decision": the document's undo, when what it takes back is a review decision. */
  undo(): boolean {
    return this.undoLabel !== undefined && this.app.undo();
  }

  /** "Redo" in the review panel: the document's redo, when what it makes again is a review decision. */
  redo(): boolean {
    return this.redoLabel !== undefined && this.app.redo();
  }

  /** Undoes or redoes a decision of the document's history in the services, then reads the document again; false when that failed. */
  async replayDecision(entry: DecisionEntry, direction: 'undo' | 'redo'): Promise<boolean> {
    let done = false;
    await this.change(async (session) => {
      const message = await replayInServices(this.api, session, entry, direction);
      done = true;
      return message;
    });
    return done;
  }

  /** Runs one review change, then reads the document and the open review again (the revision has moved on). */
  private async change(run: (session: DocumentSession) => Promise<string>): Promise<void> {
    const session = this.app.session.value;
    if (!session || this.busy.value) return;
    this.busy.value = true;
    try {
      await session.commands.whenIdle();
      const message = await run(session);
      await this.reloadDocument();
      const shown = this.reviewId;
      if (shown && this.documentId === session.id) await this.open(shown);
      this.app.report('info', message);
    } catch (error) {
      this.app.report('error', `Review: ${messageOf(error)}`);
    } finally {
      this.busy.value = false;
    }
  }

  /** Reads the open document again, keeping where the article was scrolled to. */
  private async reloadDocument(): Promise<void> {
    const scroller = document.querySelector('.reading-scroll');
    const top = scroller?.scrollTop ?? 0;
    const current = this.app.session.value;
    if (current) {
      await current.commands.whenIdle();
      const { document: stored, tagset } = await this.api.call('library.get', { id: current.id });
      this.app.tagset.value = tagset;
      this.app.showDocument(stored);
      void this.app.refreshLibrary().catch(() => undefined);
    }
    requestAnimationFrame(() => {
      const again = document.querySelector('.reading-scroll');
      if (again) again.scrollTop = top;
    });
  }

  async showAgreement(): Promise<void> {
    this.tab.value = 'agreement';
    await this.loadAgreement();
  }

  private async loadAgreement(): Promise<void> {
    const documentId = this.documentId;
    if (!documentId) return;
    try {
      const reviewIds = this.reviews.value.map((review) => review.id);
      // Every review of the document: the analyst and all colleagues, pairwise and overall.
      const report = await this.api.call('review.agreement', reviewIds.length > 0 ? { documentId, reviewIds } : { documentId });
      if (this.documentId === documentId) this.agreement.value = report;
    } catch (error) {
      this.app.report('error', `Could not compute the agreement: ${messageOf(error)}`);
    }
  }

  /** Downloads the agreement report (HTML or JSON) through a Blob and an `<a download>`. */
  async exportAgreement(format: 'html' | 'json'): Promise<void> {
    const documentId = this.documentId;
    if (!documentId) return;
    try {
      const file = await this.api.call('review.exportAgreement', { documentId, format });
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.app.report('info', `Saved ${file.filename}.`);
    } catch (error) {
      this.app.report('error', `Could not export the agreement report: ${messageOf(error)}`);
    }
  }
}
