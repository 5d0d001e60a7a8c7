import { signal } from '@preact/signals';
import type { ChannelOutput, DocumentVersion, Notice, ReadOnly } from '../../../shared/contract/channels.ts';
import type { ExportFormat, ExportOptions } from '../../../shared/export/options.ts';
import type { DocumentSummary, ScholiaDocument } from '../../../shared/model/document.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model/settings.ts';
import { DEFAULT_TAGSET, type Tagset } from '../../../shared/model/tagset.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import { DocumentHistories } from '../commands/document-histories.ts';
import { DocumentSession } from '../session/document-session.ts';
import { ClaimTrackerStore } from './claim-tracker-store.ts';
import { CorpusSearchStore } from './corpus-search-store.ts';
import { LibraryManager } from './library-manager.ts';
import { EntityProfileStore } from './entity-profile-store.ts';
import { ReviewStore } from './review-store.ts';
import { SuggestionStore } from './suggestion-store.ts';
import { TeamStore } from './team-store.ts';
import type { StatusMessage } from './app-ports.ts';
import { UiState } from './ui-state.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import { evidenceActions, type EvidenceActions } from './evidence-actions.ts';

const LAST_DOCUMENT_KEY = 'scholia.lastDocument';

function noticeKey(notice: Notice): string {
  return `${notice.level}:${notice.message}`;
}

function rememberedDocument(): string | null {
  try {
    return localStorage.getItem(LAST_DOCUMENT_KEY);
  } catch {
    return null;
  }
}

function rememberDocument(id: string): void {
  try {
    localStorage.setItem(LAST_DOCUMENT_KEY, id);
  } catch {
    // Storage can be unavailable (private windows, quotas); forgetting the last document is harmless.
  }
}

/** The app's state outside one document: the library, notices, settings, the open session and the status line. */
export class AppStore {
  readonly documents = signal<DocumentSummary[]>([]);
  readonly notices = signal<Notice[]>([]);
  readonly settings = signal<Settings>(DEFAULT_SETTINGS);
  /** The library's codebook, as last loaded or saved. */
  readonly tagset = signal<Tagset>(DEFAULT_TAGSET);
  readonly session = signal<DocumentSession | null>(null);
  /** The id of a document being opened. */
  readonly opening = signal<string | null>(null);
  readonly message = signal<StatusMessage | null>(null);
  /** Set once the first library listing has come back (or failed). */
  readonly started = signal(false);
  /** Why the library (or the open document) can be read but not changed; null when it can be. */
  readonly readOnly = signal<ReadOnly | null>(null);
  readonly ui = new UiState();

  /** Whether settings came from the library (so the first-run question is not asked on a failed load). */
  private settingsLoaded = false;
  /** Notices the analyst dismissed; the library keeps reporting them until it restarts. */
  private readonly dismissedNotices = new Set<string>();
  private libraryReadOnly: ReadOnly | null = null;
  private documentReadOnly: ReadOnly | null = null;
  /** Each document's undo history, kept while another document is open. */
  private readonly histories = new DocumentHistories();

  readonly review: ReviewStore;
  /** Import, search, sort, details and trash. */
  readonly library: LibraryManager;
  readonly suggestions: SuggestionStore;
  /** Entity profiles, possible duplicates and registry changes across the library. */
  readonly entityProfile: EntityProfileStore;
  /** One query over every annotation of the library: facets, results by article, saved searches. */
  readonly corpus: CorpusSearchStore;
  /** Claims grouped by assertion across the library: suggestions, one verdict for all appearances. */
  readonly claimTracker: ClaimTrackerStore;
  /** Archiving a claim's sources and opening their snapshots. */
  readonly evidence: EvidenceActions;
  /** The team library on Git: joining, sharing, syncing, its status and an annotation's history. */
  readonly team: TeamStore;

  constructor(private readonly api: ApiClient) {
    this.review = new ReviewStore(this, api);
    this.library = new LibraryManager(this, api);
    this.suggestions = new SuggestionStore(this, api);
    this.entityProfile = new EntityProfileStore(this, api);
    this.corpus = new CorpusSearchStore(this, api);
    this.claimTracker = new ClaimTrackerStore(this, api);
    this.team = new TeamStore(this, api);
    this.evidence = evidenceActions({
      api,
      session: () => this.session.value,
      readOnlyMessage: () => this.readOnly.value?.message ?? null,
      report: (tone, text) => this.report(tone, text),
      reload: () => this.reloadDocument(),
      pickFile: typeof window !== 'undefined' && window.scholia ? () => window.scholia?.pickEvidenceFile() ?? Promise.resolve(null) : null,
    });
  }

  report(tone: StatusMessage['tone'], text: string): void {
    this.message.value = { tone, text };
  }

  clearMessage(): void {
    this.message.value = null;
  }

  /** Loads settings and the library, then opens the last document used, or the first one. */
  async start(): Promise<void> {
    try {
      const [settings, tagset] = await Promise.all([
        this.api.call('settings.get', {}),
        this.api.call('tagset.get', {}),
        this.refreshLibrary(),
        this.library.refreshTrash(),
      ]);
      this.settings.value = settings;
      this.tagset.value = tagset;
      this.settingsLoaded = true;
    } catch (error) {
      this.report('error', messageOf(error));
    } finally {
      this.started.value = true;
    }
    const documents = this.documents.value;
    const remembered = rememberedDocument();
    const first = documents.find((summary) => summary.id === remembered) ?? documents[0];
    if (first) await this.openDocument(first.id);
  }

  async refreshLibrary(): Promise<void> {
    const listing = await this.api.call('library.list', {});
    this.documents.value = listing.documents;
    this.libraryReadOnly = listing.readOnly ?? null;
    this.readOnly.value = this.libraryReadOnly ?? this.documentReadOnly;
    // The read-only banner already says what a read-only notice would.
    this.notices.value = listing.notices.filter(
      (notice) => !this.dismissedNotices.has(noticeKey(notice)) && notice.message !== listing.readOnly?.message,
    );
  }

  dismissNotice(notice: Notice): void {
    this.dismissedNotices.add(noticeKey(notice));
    this.notices.value = this.notices.value.filter((candidate) => candidate !== notice);
  }

  /** Opens a document, after the open one has finished saving. */
  async openDocument(id: string): Promise<void> {
    if (this.session.value?.id === id || this.opening.value === id) return;
    await this.loadDocument(id);
  }

  /**
   * Reads the open document again from the library (after a restore): a new session, so the
   * article is redrawn from the stored state; the revision moved on, so the undo history starts empty.
   */
  async reloadDocument(): Promise<void> {
    const id = this.session.value?.id;
    if (id && this.opening.value !== id) await this.loadDocument(id);
  }

  /** Reads the open document's reviews again (a team sync brought colleagues' layers into it). */
  async refreshReviews(): Promise<void> {
    await this.review.refreshList();
  }

  /** Shows a review of the open document (a tag file just imported for it) in the review panel. */
  async openReview(reviewId: string): Promise<void> {
    try {
      await this.review.open(reviewId);
    } catch (error) {
      this.report('error', `Could not open the review: ${messageOf(error)}`);
    }
  }

  private async loadDocument(id: string): Promise<void> {
    this.opening.value = id;
    try {
      await this.session.value?.commands.whenIdle();
      const { document, tagset, readOnly } = await this.api.call('library.get', { id });
      this.tagset.value = tagset;
      this.documentReadOnly = readOnly ?? null;
      this.readOnly.value = this.libraryReadOnly ?? this.documentReadOnly;
      this.showDocument(document);
      this.clearMessage();
      rememberDocument(id);
      void this.refreshLibrary().catch(() => undefined);
    } catch (error) {
      this.report('error', `Could not open the document: ${messageOf(error)}`);
      // A document that could not be read may have left a notice behind.
      void this.refreshLibrary().catch(() => undefined);
    } finally {
      if (this.opening.value === id) this.opening.value = null;
    }
  }

  /**
   * Shows a document just read from the library in a new session (the open one must be idle). Its
   * undo history is the one kept for it, as long as the store still holds the revision it was kept at.
   */
  showDocument(document: ScholiaDocument): void {
    const previous = this.session.value;
    if (previous) this.histories.keep(previous.id, previous.history, previous.revision);
    this.session.value = new DocumentSession(document, this.tagset.value, this.api, {
      author: () => this.settings.value.annotatorName,
      report: (tone, text) => this.report(tone, text),
      history: this.histories.take(document.id, document.revision),
      readOnly: this.readOnly.value?.message ?? null,
      replayDecision: (entry, direction) => this.review.replayDecision(entry, direction),
    });
  }

  /** Renders the open document in a format; null (with the reason in the status line) when it fails. */
  async renderExport(format: ExportFormat, options: ExportOptions): Promise<ChannelOutput<'export.render'> | null> {
    const session = this.session.value;
    if (!session) return null;
    try {
      await session.commands.whenIdle();
      return await this.api.call('export.render', { documentId: session.id, format, options });
    } catch (error) {
      this.report('error', `Could not export: ${messageOf(error)}`);
      return null;
    }
  }

  /** The open document's kept versions, newest first. */
  async listVersions(): Promise<DocumentVersion[]> {
    const session = this.session.value;
    if (!session) return [];
    const { versions } = await this.api.call('document.versions', { documentId: session.id });
    return [...versions].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** Restores a kept version of the open document (a new save of its own), then reopens it. */
  async restoreVersion(version: DocumentVersion): Promise<boolean> {
    const session = this.session.value;
    if (!session) return false;
    try {
      await session.commands.whenIdle();
      const result = await this.api.call('document.restore', { documentId: session.id, versionId: version.id });
      await this.loadDocument(session.id);
      this.report(
        'info',
        `Restored the version of ${new Date(version.savedAt).toLocaleString()} (revision ${version.revision}); saved as revision ${result.revision}.`,
      );
      return true;
    } catch (error) {
      this.report('error', `Could not restore: ${messageOf(error)}`);
      return false;
    }
  }

  /** Changes the name new annotations are signed with (which also answers the first-run question). */
  async setAnnotatorName(name: string): Promise<boolean> {
    const annotatorName = name.replace(/\s+/gu, ' ').trim();
    if (!annotatorName) return false;
    if (annotatorName === this.settings.value.annotatorName && this.settings.value.profileSet) return true;
    try {
      this.settings.value = await this.api.call('settings.set', { annotatorName, profileSet: true });
      return true;
    } catch (error) {
      this.report('error', `Could not change the annotator name: ${messageOf(error)}`);
      return false;
    }
  }

  /** Turns on or off imports of web pages from private network addresses (an intranet). */
  async setAllowPrivateNetwork(allow: boolean): Promise<void> {
    try {
      this.settings.value = await this.api.call('settings.set', { allowPrivateNetwork: allow });
    } catch (error) {
      this.report('error', `Could not change the setting: ${messageOf(error)}`);
    }
  }

  /** Saves where and by whom fact-checks are published (ClaimReview); null when saved, else why not. */
  async setPublishing(publishing: { factCheckUrlBase: string; publisherName: string; publisherUrl: string }): Promise<string | null> {
    try {
      this.settings.value = await this.api.call('settings.set', publishing);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  /** Whether to ask who is annotating: the library has never had a name confirmed. */
  get needsProfile(): boolean {
    // A read-only library could not save the name anyway.
    return this.started.value && this.settingsLoaded && !this.settings.value.profileSet && this.readOnly.value === null;
  }

  /** Saves a new codebook for the whole library; the open document takes it at once. Null when saved, else why not. */
  async saveTagset(tagset: Tagset): Promise<string | null> {
    try {
      const saved = await this.api.call('tagset.set', { tagset });
      this.tagset.value = saved;
      this.session.value?.replaceTagset(saved);
      this.report('info', 'Codebook saved.');
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  undo(): boolean {
    return this.session.value?.undo() ?? false;
  }

  redo(): boolean {
    return this.session.value?.redo() ?? false;
  }
}
