import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import { applyAnnotationOps } from '../../../shared/layer/apply-layer-ops.ts';
import type { LibraryStore } from '../store/library-store.ts';

/** Changing a document's annotations and entities: one batch of ops, one new revision. */
export class AnnotationsService {
  constructor(private readonly store: LibraryStore) {}

  /** Applies a batch through the op engine; refused as a `conflict` when the document moved past `baseRevision`. */
  async apply(documentId: string, ops: readonly AnnotationOp[], baseRevision?: number): Promise<ChannelOutput<'annotations.apply'>> {
    this.store.assertWritable(documentId);
    const document = await this.store.getDocument(documentId);
    if (baseRevision !== undefined && baseRevision !== document.revision) {
      throw new ScholiaError(
        'conflict',
        `The document changed elsewhere (revision ${document.revision}, expected ${baseRevision}); reload it.`,
      );
    }
    return this.store.commitRevision(document, applyAnnotationOps(document.text, this.store.tagset, document, ops));
  }
}
