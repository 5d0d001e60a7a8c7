import { signal, type ReadonlySignal } from '@preact/signals';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type { SaveState } from '../commands/annotation-commands.ts';
import { SESSION_MESSAGES, type Report } from './session-messages.ts';

/**
 * A session's link to the store: the revision the store holds as far as this window knows, whether
 * the document can be changed, and the state of the save queue. Sends each batch on the revision
 * the previous one produced (`baseRevision`), so a change made elsewhere is refused as a conflict.
 */
export class DocumentSaving {
  private storeRevision: number;
  private readonly state = signal<SaveState>({ pending: 0, error: null });

  constructor(
    private readonly api: ApiClient,
    private readonly documentId: string,
    revision: number,
    private readonly readOnlyReason: string | null,
    private readonly report: Report,
  ) {
    this.storeRevision = revision;
  }

  /** The revision the store holds as far as this session knows (moved on by every save). */
  get revision(): number {
    return this.storeRevision;
  }

  /** Why the document cannot be changed (the store would answer `read-only`), or null. */
  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  /** Batches waiting for the store, and why the last one was refused. */
  get saveState(): ReadonlySignal<SaveState> {
    return this.state;
  }

  /** Saves one batch on the current revision; rejects when the store refuses it. */
  readonly send = async (ops: readonly AnnotationOp[]): Promise<void> => {
    const result = await this.api.call('annotations.apply', {
      documentId: this.documentId,
      baseRevision: this.storeRevision,
      ops: [...ops],
    });
    this.storeRevision = result.revision;
  };

  /** The store moved to `revision` through a change made outside the save queue (a review decision); call only when idle. */
  noteRevision(revision: number): void {
    this.storeRevision = revision;
  }

  /** Takes the queue's new state; a new refusal is told to the analyst. */
  noteState(state: SaveState): void {
    if (state.error && state.error !== this.state.value.error) this.report('error', SESSION_MESSAGES.notSaved(state.error));
    this.state.value = state;
  }
}
