import { computed, signal } from '@preact/signals';
import type { ChannelInput } from '../../../shared/contract/channels.ts';
import type { ImportResult, SearchHit, TrashedSummary } from '../../../shared/contract/import-channels.ts';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage } from '../../../shared/import/import-formats.ts';
import type { AnnotationCounts, DocumentMeta, DocumentSummary } from '../../../shared/model/document.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type { LibraryHost } from './app-ports.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import { isAssignedTo } from '../../../shared/model/assignee.ts';

export type LibrarySort = 'imported' | 'published' | 'title' | 'annotations';

export const SORT_LABELS: Record<LibrarySort, string> = {
  imported: 'Newest',
  published: 'Published',
  title: 'Title',
  annotations: 'Annotations',
};

const FORMAT_NAMES: Record<ImportResult['format'], string> = {
  text: 'text file',
  markdown: 'Markdown file',
  html: 'web page',
  docx: 'Word document',
  pdf: 'PDF',
  url: 'web page',
  paste: 'pasted text',
  tags: 'Scholia tag file',
};

function annotationTotal({ claims, quotes, entities, notes }: AnnotationCounts): number {
  return claims + quotes + entities + notes;
}

type Compare = (a: DocumentSummary, b: DocumentSummary, counts: (summary: DocumentSummary) => AnnotationCounts) => number;

const COMPARE: Record<LibrarySort, Compare> = {
  imported: (a, b) => b.imported.localeCompare(a.imported),
  published: (a, b) => (b.published ?? '').localeCompare(a.published ?? ''),
  title: (a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
  annotations: (a, b, counts) => annotationTotal(counts(b)) - annotationTotal(counts(a)),
};

/** Base64 of a file's bytes, in slices (one call per byte would overflow the argument list). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/**
 * The library beyond the list: importing (files, web addresses, pastes), searching and sorting,
 * editing a document's details, and the trash.
 */
export class LibraryManager {
  readonly query = signal('');
  /** The search's hits by document id; null when no search is active. */
  readonly hits = signal<Map<string, SearchHit> | null>(null);
  readonly sort = signal<LibrarySort>('imported');
  /** "Assigned to me": only the articles whose assignee is one of `me`'s names. */
  readonly assignedToMe = signal(false);
  /** The analyst's names for "Assigned to me" besides the settings' annotator name: their team member id and name, once known. */
  readonly teamMe = signal<readonly string[]>([]);
  /** Documents the team's status files assign to the analyst (`team.assign`), once known. */
  readonly teamAssigned = signal<ReadonlySet<string>>(new Set());
  readonly showTrash = signal(false);
  readonly trash = signal<TrashedSummary[]>([]);
  /** Set while an import runs: what is being imported. */
  readonly importing = signal<string | null>(null);
  /** Why the last import was refused; shown in the import dialog until the next attempt. */
  readonly importError = signal<string | null>(null);
  readonly importOpen = signal(false);
  /** The document whose details are being edited. */
  readonly editing = signal<DocumentSummary | null>(null);
  /** Details edited since the open document was loaded. */
  readonly editedMeta = signal<ReadonlyMap<string, DocumentMeta>>(new Map());

  private searchRun = 0;

  /** The documents to list: the search's hits (if searching), in the chosen order. */
  readonly visible = computed(() => {
    const hits = this.hits.value;
    const me = this.assignedToMe.value ? [this.app.settings.value.annotatorName, ...this.teamMe.value] : null;
    const documents = this.app.documents.value.filter(
      (summary) =>
        (!hits || hits.has(summary.id)) && (!me || isAssignedTo(summary.assignee, me) || this.teamAssigned.value.has(summary.id)),
    );
    const counts = (summary: DocumentSummary) => this.countsOf(summary);
    return [...documents].sort((a, b) => COMPARE[this.sort.value](a, b, counts) || a.title.localeCompare(b.title));
  });

  /**
   * A document's counts: the open one's follow its edits at once, the others come from the library
   * index. Entities count the registry (as the index does), not the mentions.
   */
  countsOf(summary: DocumentSummary): AnnotationCounts {
    const session = this.app.session.value;
    if (session?.id !== summary.id) return summary.counts;
    void session.listVersion.value;
    return { ...session.records.counts.kinds(), entities: session.records.entityCount() };
  }

  constructor(
    private readonly app: LibraryHost,
    private readonly api: ApiClient,
  ) {}

  /**
   * Turns "Assigned to me" on or off. Turning it on asks the team for the analyst's member id and
   * name, so an article assigned by id is theirs too, and for the articles the team's status assigns
   * to them; a library in no team goes by the settings' name and the articles' own assignee.
   */
  async toggleAssignedToMe(): Promise<void> {
    this.assignedToMe.value = !this.assignedToMe.value;
    if (!this.assignedToMe.value) return;
    try {
      const { team, articles } = await this.api.call('team.status', {});
      const names = team ? [team.me.id, team.me.name] : [];
      this.teamMe.value = names;
      this.teamAssigned.value = new Set(
        articles.flatMap((article) => (article.documentId && isAssignedTo(article.assignee, names) ? [article.documentId] : [])),
      );
    } catch {
      // Not in a team (or no team service on this host): the settings' name is the analyst's only name.
      this.teamMe.value = [];
      this.teamAssigned.value = new Set();
    }
  }

  openImport(): void {
    this.importError.value = null;
    this.importOpen.value = true;
  }

  /** Imports files one after the other and opens the last one imported; an oversized file is refused before it is sent. */
  async importFiles(files: readonly File[]): Promise<void> {
    for (const file of files) {
      await this.runImport(file.name, async () => {
        if (file.size > MAX_IMPORT_FILE_BYTES) throw new Error(tooLargeMessage(file.name, file.size));
        if (file.size === 0) throw new Error(`${file.name} is empty.`);
        return this.api.call('library.importFile', { filename: file.name, base64: await base64Of(file) });
      });
    }
  }

  importUrl(url: string): Promise<boolean> {
    return this.runImport(url.trim(), () => this.api.call('library.importUrl', { url }));
  }

  /** Imports what was pasted: its HTML when there is some (structure and links kept), else its text. */
  importPaste(paste: ChannelInput<'library.importPaste'>): Promise<boolean> {
    return this.runImport('the pasted text', () => this.api.call('library.importPaste', paste));
  }

  private async runImport(label: string, run: () => Promise<ImportResult>): Promise<boolean> {
    this.importing.value = label;
    this.importError.value = null;
    try {
      const result = await run();
      await this.app.refreshLibrary();
      await this.refreshTrash();
      // A tag file placed as a review changed its article: an open copy is read again.
      if (result.reviewId && this.app.session.value?.id === result.id) await this.app.reloadDocument();
      else await this.app.openDocument(result.id);
      if (result.reviewId) await this.app.openReview(result.reviewId);
      this.importOpen.value = false;
      const how = FORMAT_NAMES[result.format];
      if (result.reviewId)
        this.app.report('info', `The tag file is for “${result.title}”, already in the library: its annotations are in Review.`);
      else if (result.restoredFromTrash) this.app.report('info', `“${result.title}” was in the trash; restored and opened it.`);
      else if (result.duplicate) this.app.report('info', `“${result.title}” was already in the library; opened it.`);
      else this.app.report('info', `Imported “${result.title}” (${how}).`);
      return true;
    } catch (error) {
      const reason = messageOf(error);
      // Most reasons name the file or address already.
      const message = reason.includes(label) ? `Could not import: ${reason}` : `Could not import ${label}: ${reason}`;
      this.importError.value = message;
      this.app.report('error', message);
      return false;
    } finally {
      this.importing.value = null;
    }
  }

  /** Searches title, source, author and text; an empty query shows every document again. */
  async search(query: string): Promise<void> {
    this.query.value = query;
    const run = (this.searchRun += 1);
    if (query.trim() === '') {
      this.hits.value = null;
      return;
    }
    try {
      const { hits } = await this.api.call('library.search', { query });
      if (run === this.searchRun) this.hits.value = new Map(hits.map((hit) => [hit.id, hit]));
    } catch (error) {
      this.app.report('error', `Could not search: ${messageOf(error)}`);
    }
  }

  async refreshTrash(): Promise<void> {
    this.trash.value = (await this.api.call('library.trashList', {})).documents;
  }

  /** Moves a document to the trash; the open one closes and the next in the list opens. */
  async moveToTrash(summary: DocumentSummary): Promise<void> {
    try {
      const session = this.app.session.value;
      if (session?.id === summary.id) await session.commands.whenIdle();
      await this.api.call('library.trash', { id: summary.id });
      if (this.app.session.value?.id === summary.id) this.app.session.value = null;
      await this.app.refreshLibrary();
      await this.refreshTrash();
      if (this.query.value) await this.search(this.query.value);
      const next = this.visible.value[0];
      if (!this.app.session.value && next) await this.app.openDocument(next.id);
      this.app.report('info', `Moved “${summary.title}” to the trash. Restore it from the trash at the foot of the library.`);
    } catch (error) {
      this.app.report('error', `Could not move “${summary.title}” to the trash: ${messageOf(error)}`);
    }
  }

  async restoreFromTrash(summary: TrashedSummary): Promise<void> {
    try {
      await this.api.call('library.untrash', { id: summary.id });
      await this.app.refreshLibrary();
      await this.refreshTrash();
      await this.app.openDocument(summary.id);
      this.app.report('info', `Restored “${summary.title}” with its annotations.`);
    } catch (error) {
      this.app.report('error', `Could not restore “${summary.title}”: ${messageOf(error)}`);
    }
  }

  async emptyTrash(): Promise<void> {
    try {
      const { deleted } = await this.api.call('library.emptyTrash', {});
      await this.refreshTrash();
      this.app.report('info', `Deleted ${deleted} ${deleted === 1 ? 'document' : 'documents'} for good.`);
    } catch (error) {
      this.app.report('error', `Could not empty the trash: ${messageOf(error)}`);
    }
  }

  /** A document's details as last saved. */
  async metaOf(id: string): Promise<DocumentMeta> {
    const edited = this.editedMeta.value.get(id);
    if (edited) return edited;
    const session = this.app.session.value;
    if (session?.id === id) return session.meta;
    return (await this.api.call('library.get', { id })).document.meta;
  }

  /** Saves a document's details; null when saved, else why not. */
  async saveMeta(id: string, meta: ChannelInput<'library.updateMeta'>['meta']): Promise<string | null> {
    try {
      await this.api.call('library.updateMeta', { id, meta });
      const { document } = await this.api.call('library.get', { id });
      this.editedMeta.value = new Map([...this.editedMeta.value, [id, document.meta]]);
      await this.app.refreshLibrary();
      this.app.report('info', `Saved the details of “${document.meta.title}”.`);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }
}
