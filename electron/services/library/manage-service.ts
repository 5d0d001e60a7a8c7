import type { ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import { DocumentMeta } from '../../../shared/model/document.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { summarize } from '../store/store-files.ts';

/** Managing the library's documents: their metadata, and the trash. */
export class ManageService {
  constructor(private readonly store: LibraryStore) {}

  /**
   * Changes a document's metadata; an empty optional field is removed, and so is the stage "to check" (the start, kept as no field).
   * The text, and so every annotation, stays as it is. The summary carries the stage and the assignee, so the library can filter by them.
   */
  async updateMeta(id: string, changes: ChannelInput<'library.updateMeta'>['meta']): Promise<ChannelOutput<'library.updateMeta'>> {
    this.store.assertWritable(id);
    const document = await this.store.getDocument(id);
    const merged = Object.entries({ ...document.meta, ...changes }).filter(
      ([key, value]) => value !== '' && value !== undefined && !(key === 'stage' && value === 'to-check'),
    );
    const meta = DocumentMeta.parse(Object.fromEntries(merged));
    // Not a new revision: revisions count annotation batches, and an open session's next batch must still apply.
    const updated = { ...document, meta, modified: new Date().toISOString() };
    this.store.putDocument(updated);
    await this.store.flush();
    return summarize(updated);
  }

  trash(id: string): Promise<ChannelOutput<'library.trash'>> {
    return this.store.trashDocument(id);
  }

  trashList(): ChannelOutput<'library.trashList'> {
    return { documents: [...this.store.trashed] };
  }

  untrash(id: string): Promise<ChannelOutput<'library.untrash'>> {
    return this.store.untrashDocument(id);
  }

  async emptyTrash(): Promise<ChannelOutput<'library.emptyTrash'>> {
    return { deleted: await this.store.emptyTrash() };
  }
}
