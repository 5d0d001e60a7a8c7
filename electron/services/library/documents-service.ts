import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { searchDocument } from '../../../shared/import/library-search.ts';
import type { LibraryStore } from '../store/library-store.ts';

/** Reading the library: the list of documents, one document with the codebook, and search. */
export class DocumentsService {
  constructor(private readonly store: LibraryStore) {}

  /** The documents not in the trash, newest import first, with the store's notices and why the library is read-only, if it is. */
  list(): ChannelOutput<'library.list'> {
    const documents = [...this.store.summaries].sort((a, b) => b.imported.localeCompare(a.imported) || a.title.localeCompare(b.title));
    const { readOnly } = this.store;
    return { documents, notices: [...this.store.notices], ...(readOnly ? { readOnly } : {}) };
  }

  /** The list after every document file has been read, so damaged ones are reported (in `notices`) and left out. */
  async listChecked(): Promise<ChannelOutput<'library.list'>> {
    await this.store.checkDocuments();
    return this.list();
  }

  async get(id: string): Promise<ChannelOutput<'library.get'>> {
    const document = await this.store.getDocument(id);
    const readOnly = this.store.readOnlyFor(id);
    return { document, tagset: this.store.tagset, ...(readOnly ? { readOnly } : {}) };
  }

  /** The documents (not in the trash) whose title, source, author or text hold every word of the query. */
  async search(query: string): Promise<ChannelOutput<'library.search'>> {
    const hits = [];
    for await (const document of this.store.readableDocuments()) {
      const hit = searchDocument({ id: document.id, text: document.text, ...document.meta }, query);
      if (hit) hits.push(hit);
    }
    return { hits };
  }
}
