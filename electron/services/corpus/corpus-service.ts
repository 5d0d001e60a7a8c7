import type { CorpusQuery, CorpusResult, EntityProfile, LibraryEntitySummary, SavedSearch } from '../../../shared/corpus/corpus-query.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { DocumentChange, LibraryStore } from '../store/library-store.ts';
import { CorpusIndex } from './corpus-index.ts';
import { matchedRows, runQuery, searchIndex } from './corpus-search.ts';
import { entityProfile, listEntities } from './entity-views.ts';
import { SavedSearches } from './saved-searches.ts';

/** Documents and the annotations of them a query matched, in result order: what the corpus exports take. */
export interface CorpusSelection {
  document: ScholiaDocument;
  annotations: Annotation[];
}

/** Figures of one build of the index, for the benchmarks and the docs. */
export interface IndexBuild {
  documents: number;
  annotations: number;
  milliseconds: number;
}

/**
 * Corpus search, entity lists and profiles over the whole library, and saved searches. The index is
 * built from the document files on the first call that needs it (one document at a time), then
 * follows every change through `store.onDocumentChange` (docs/CORPUS.md).
 */
export class CorpusService {
  private building: Promise<CorpusIndex> | undefined;
  private readonly saved: SavedSearches;
  lastBuild: IndexBuild | undefined;

  constructor(private readonly store: LibraryStore) {
    this.saved = new SavedSearches(store.dir, () => store.assertWritable());
  }

  /** The index, built on first use. */
  index(): Promise<CorpusIndex> {
    this.building ??= this.build().catch((error: unknown) => {
      this.building = undefined;
      throw error;
    });
    return this.building;
  }

  async search(query: CorpusQuery, page: { limit?: number; offset?: number } = {}): Promise<CorpusResult> {
    return searchIndex(await this.index(), query, this.store.tagset, page);
  }

  /** The documents holding a match of `query` (every annotated document when left out) with their matching annotations, in result order. */
  async select(query: CorpusQuery = {}): Promise<CorpusSelection[]> {
    const index = await this.index();
    const { scan, documents } = runQuery(index, query, this.store.tagset);
    const selection: CorpusSelection[] = [];
    for (const entry of documents) {
      // Read without keeping: an export of the whole library must not hold every document in memory.
      const document = await this.store.peekDocument(entry.id);
      if (!document) continue;
      const ids = new Set(matchedRows(entry, scan.matched).map((row) => index.rows.annotationId[row]));
      const annotations = document.annotations
        .filter((annotation) => ids.has(annotation.id))
        .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
      selection.push({ document, annotations });
    }
    return selection;
  }

  async entities(filter?: string, limit?: number): Promise<{ entities: LibraryEntitySummary[]; total: number }> {
    return listEntities(await this.index(), filter, limit);
  }

  async profile(entityId: string): Promise<EntityProfile> {
    return entityProfile(await this.index(), entityId);
  }

  /** The saved searches; a malformed entry or file is named in `problems` and among the store's notices, once. */
  async savedList(): Promise<{ searches: SavedSearch[]; problems: string[] }> {
    const listed = await this.saved.list();
    for (const message of listed.problems) {
      if (!this.store.notices.some((known) => known.message === message)) this.store.notices.push({ level: 'warning', message });
    }
    return listed;
  }

  save(name: string, query: CorpusQuery): Promise<SavedSearch> {
    return this.saved.save(name, query);
  }

  async deleteSaved(id: string): Promise<{ deleted: boolean }> {
    return { deleted: await this.saved.remove(id) };
  }

  /**
   * Reads every listed document once, not keeping the ones not already in memory. Changes that
   * arrive meanwhile are applied as they come; a document they touched is not read again.
   */
  private async build(): Promise<CorpusIndex> {
    const started = performance.now();
    const index = new CorpusIndex();
    let touched: Set<string> | undefined = new Set<string>();
    const follow = (change: DocumentChange) => {
      touched?.add(change.id);
      if (change.after) index.setDocument(change.after);
      else index.removeDocument(change.id);
    };
    const unsubscribe = this.store.onDocumentChange(follow);
    try {
      for (const { id } of [...this.store.summaries]) {
        if (touched.has(id)) continue;
        const document = await this.store.peekDocument(id);
        if (document && !touched.has(id)) index.setDocument(document);
      }
    } catch (error) {
      unsubscribe();
      throw error;
    }
    touched = undefined;
    this.lastBuild = { documents: index.documentCount, annotations: index.rows.live, milliseconds: performance.now() - started };
    return index;
  }
}
