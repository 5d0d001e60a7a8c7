import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { nextRevision } from '../../../shared/model/revision.ts';
import type { LibraryStore } from '../store/library-store.ts';

/** A document's previous versions, as the backups keep them, and restoring one. */
export class VersionsService {
  constructor(private readonly store: LibraryStore) {}

  /** The previous versions of a document that the backups keep, newest first. */
  async list(documentId: string): Promise<ChannelOutput<'document.versions'>> {
    return { versions: await this.store.versions(documentId) };
  }

  /**
   * Restores a previous version of a document: its annotations, entities and reviews become the
   * document's state again, as a new revision, saved at once. The state it replaces is kept as a
   * version in turn, so a restore is undone by restoring that one. A document whose file was lost
   * (unreadable and moved aside) comes back from its backup.
   */
  async restore(documentId: string, versionId: string): Promise<ChannelOutput<'document.restore'>> {
    this.store.assertWritable(documentId);
    const restored = (await this.store.versions(documentId)).find((version) => version.id === versionId);
    if (!restored)
      throw new ScholiaError('not-found', `Document ${documentId} has no version ${versionId}; list them with document.versions.`);
    const backup = await this.store.backups.read(documentId, versionId);
    const modified = new Date().toISOString();
    const listed = this.store.summaries.some((summary) => summary.id === documentId);
    const current = listed ? await this.store.getDocument(documentId).catch(() => undefined) : undefined;
    if (current) {
      if (current.fingerprint !== backup.fingerprint)
        throw new ScholiaError('conflict', `Version ${versionId} holds a different article text than document ${documentId}.`);
      const saved = this.store.commitRevision(
        current,
        { entities: backup.entities, annotations: backup.annotations, reviews: backup.reviews },
        modified,
      );
      await this.store.flush();
      return { ...saved, restored };
    }
    const document = nextRevision(backup, {}, modified);
    await this.store.addDocument(document);
    return { revision: document.revision, modified, restored };
  }
}
