import { batch, computed, signal } from '@preact/signals';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { CorpusExportFormat } from '../../../shared/contract/corpus-channels.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type {
  CorpusGroup,
  CorpusHit,
  CorpusQuery,
  CorpusResult,
  FacetName,
  FacetValue,
  SavedSearch,
} from '../../../shared/corpus/corpus-query.ts';
import { formatQueryString, parseQueryString } from '../../../shared/corpus/query-string.ts';
import type { CorpusHost } from './app-ports.ts';
import { asksFor, dropEmpty, termOf, withoutValue, withValue } from './corpus-facets.ts';

/** Articles asked for at a time; every count covers all matches whatever is shown. */
export const CORPUS_PAGE_SIZE = 25;
/** Hits an article shows until the analyst asks for all of them (a page stays a few hundred rows). */
export const HITS_SHOWN_AT_FIRST = 20;

/** A hit's key in the results list (an annotation id is unique within its article only). */
export function hitKey(hit: Pick<CorpusHit, 'documentId' | 'annotationId'>): string {
  return `${hit.documentId}/${hit.annotationId}`;
}

function byName(searches: SavedSearch[]): SavedSearch[] {
  return [...searches].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The corpus search: the search box's text, which is the query (ticking a facet value writes it
 * into the box, so what runs is always what the box says); the result (articles shown so far, counts and facets); loading and the reason a search was
 * refused; the saved searches; and where the analyst was (the current row, the scroll), kept while
 * the reader is shown instead.
 */
export class CorpusSearchStore {
  /** What the search box holds (the query syntax of `shared/corpus/query-string.ts`). */
  readonly text = signal('');
  /** The query of the result shown. */
  readonly query = signal<CorpusQuery>({});
  readonly result = signal<CorpusResult | null>(null);
  /** The articles shown: the result's first page and those loaded after it. */
  readonly groups = signal<CorpusGroup[]>([]);
  readonly loading = signal(false);
  /** Why the last search or save was refused (a broken regular expression, an unknown key); the result stays as it was. */
  readonly problem = signal<string | null>(null);
  readonly saved = signal<SavedSearch[]>([]);
  /** What is wrong with saved searches the library could not read (left on disk as they are). */
  readonly savedProblems = signal<string[]>([]);
  /** The articles whose every hit is shown (the others show their first `HITS_SHOWN_AT_FIRST`). */
  readonly openGroups = signal<ReadonlySet<string>>(new Set());
  /** The key of the results row that has (or last had) the focus. */
  readonly currentHit = signal<string | null>(null);
  /** The results' scroll position when the view was left. */
  scrollTop = 0;
  /** Bumps each time the search is asked for, so the search box takes the focus again. */
  readonly focusRequest = signal(0);

  private run = 0;

  /** Whether more articles match than are shown. */
  readonly hasMore = computed(() => (this.result.value?.documents ?? 0) > this.groups.value.length);

  /** Every hit shown, in the order of the list, for the keyboard. */
  readonly hits = computed(() => this.groups.value.flatMap((group) => this.shownHits(group)));

  constructor(
    private readonly app: CorpusHost,
    private readonly api: ApiClient,
  ) {}

  /** The hits an article shows now. */
  shownHits(group: CorpusGroup): CorpusHit[] {
    return this.openGroups.value.has(group.documentId) ? group.hits : group.hits.slice(0, HITS_SHOWN_AT_FIRST);
  }

  /** Shows every hit of an article. */
  showAllHits(documentId: string): void {
    this.openGroups.value = new Set([...this.openGroups.value, documentId]);
  }

  /** Shows the search (its query and place kept from last time), runs it again for changes made meanwhile, and lists the saved searches. */
  async open(): Promise<void> {
    batch(() => {
      this.app.ui.workspace.value = 'search';
      this.focusRequest.value += 1;
    });
    await Promise.all([this.refresh(), this.loadSaved()]);
  }

  /** Back to the article. */
  close(): void {
    this.app.ui.workspace.value = 'reader';
  }

  /** The typed query, or null (with the reason shown) when the box holds something the syntax refuses. */
  private typedQuery(): CorpusQuery | null {
    try {
      return parseQueryString(this.text.value);
    } catch (error) {
      this.problem.value = messageOf(error);
      return null;
    }
  }

  /** Runs the box's query; false (the result unchanged, the reason shown) when it is refused. */
  async search(): Promise<boolean> {
    const typed = this.typedQuery();
    if (!typed) return false;
    return this.runQuery(dropEmpty(typed), CORPUS_PAGE_SIZE);
  }

  /** Runs the shown query again, as many articles as are shown; a search never run runs the box's. */
  private async refresh(): Promise<boolean> {
    if (!this.result.value) return this.search();
    return this.runQuery(this.query.value, Math.max(CORPUS_PAGE_SIZE, this.groups.value.length), true);
  }

  private async runQuery(query: CorpusQuery, limit: number, keepPlace = false): Promise<boolean> {
    const run = (this.run += 1);
    this.loading.value = true;
    try {
      const result = await this.api.call('corpus.search', { query, limit, offset: 0 });
      if (run !== this.run) return false;
      batch(() => {
        this.query.value = query;
        this.result.value = result;
        this.groups.value = result.groups;
        this.problem.value = null;
        if (!keepPlace) {
          this.openGroups.value = new Set();
          this.currentHit.value = null;
          this.scrollTop = 0;
        }
      });
      return true;
    } catch (error) {
      if (run === this.run) this.problem.value = messageOf(error);
      return false;
    } finally {
      if (run === this.run) this.loading.value = false;
    }
  }

  /** Loads the next page of articles for the result shown. */
  async loadMore(): Promise<void> {
    if (!this.hasMore.value || this.loading.value) return;
    const run = (this.run += 1);
    this.loading.value = true;
    try {
      const result = await this.api.call('corpus.search', {
        query: this.query.value,
        limit: CORPUS_PAGE_SIZE,
        offset: this.groups.value.length,
      });
      if (run !== this.run) return;
      batch(() => {
        this.result.value = { ...result, groups: [] };
        this.groups.value = [...this.groups.value, ...result.groups];
      });
    } catch (error) {
      if (run === this.run) this.problem.value = messageOf(error);
    } finally {
      if (run === this.run) this.loading.value = false;
    }
  }

  /** Whether the result shown is filtered by a facet value (a query the box holds but that has not run does not count). */
  isTicked(facet: FacetName, value: FacetValue): boolean {
    return asksFor(this.query.value, facet, value);
  }

  /**
   * Ticks or unticks a facet value: writes it into the box's query, or takes it out, and runs the
   * search. `values` are the facet's values, for naming an entity by a name no other one has.
   */
  async toggle(facet: FacetName, value: FacetValue, values: readonly FacetValue[]): Promise<boolean> {
    const typed = this.typedQuery();
    if (!typed) return false;
    const next = asksFor(typed, facet, value) ? withoutValue(typed, facet, value) : withValue(typed, facet, termOf(facet, value, values));
    this.text.value = formatQueryString(next);
    return this.search();
  }

  /** Empties the box: the whole library again. */
  async clear(): Promise<boolean> {
    this.text.value = '';
    return this.search();
  }

  async loadSaved(): Promise<void> {
    try {
      const { searches, problems } = await this.api.call('corpus.savedList', {});
      batch(() => {
        this.saved.value = byName(searches);
        this.savedProblems.value = problems;
      });
    } catch (error) {
      this.app.report('error', `Could not list the saved searches: ${messageOf(error)}`);
    }
  }

  /** Saves the box's query under a name (replacing a search of that name); false when refused. */
  async save(name: string): Promise<boolean> {
    const typed = this.typedQuery();
    if (!typed) return false;
    try {
      const saved = await this.api.call('corpus.save', { name, query: dropEmpty(typed) });
      this.saved.value = byName([...this.saved.value.filter((search) => search.id !== saved.id && search.name !== saved.name), saved]);
      this.problem.value = null;
      this.app.report('info', `Saved the search “${saved.name}”.`);
      return true;
    } catch (error) {
      this.problem.value = `Could not save the search: ${messageOf(error)}`;
      return false;
    }
  }

  /** Puts a saved search in the box and runs it. */
  async runSaved(search: SavedSearch): Promise<boolean> {
    this.text.value = formatQueryString(search.query);
    return this.search();
  }

  async deleteSaved(search: SavedSearch): Promise<void> {
    try {
      await this.api.call('corpus.deleteSaved', { id: search.id });
      this.saved.value = this.saved.value.filter((candidate) => candidate.id !== search.id);
      this.app.report('info', `Deleted the saved search “${search.name}”.`);
    } catch (error) {
      this.app.report('error', `Could not delete the saved search “${search.name}”: ${messageOf(error)}`);
    }
  }

  /** The result shown, as one file of a corpus export format; null (the reason in the status line) when it fails. */
  async exportResult(format: CorpusExportFormat): Promise<ChannelOutput<'corpus.export'> | null> {
    try {
      // An empty query is the whole library.
      const query = this.query.value;
      return await this.api.call('corpus.export', Object.keys(query).length > 0 ? { format, query } : { format });
    } catch (error) {
      this.app.report('error', `Could not export the result: ${messageOf(error)}`);
      return null;
    }
  }

  /** Opens a hit's article in the reader with the annotation selected and scrolled into view. */
  async openHit(hit: CorpusHit): Promise<void> {
    this.currentHit.value = hitKey(hit);
    await this.app.openDocument(hit.documentId);
    const session = this.app.session.value;
    if (session?.id !== hit.documentId) return;
    session.revealWhenDrawn(hit.annotationId);
    this.app.ui.workspace.value = 'reader';
  }
}
