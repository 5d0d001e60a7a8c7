import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { LayerChange } from '../../../shared/layer/layer-change.ts';
import { mustApply } from '../../../shared/layer/layer-index.ts';
import type { DocumentRecords } from '../model/document-records.ts';
import { UndoHistory, type DecisionEntry, type HistoryEntry, type HistorySnapshot } from './undo-history.ts';
import { messageOf } from '../../../shared/contract/errors.ts';

/** Saves one batch; rejects when the store refused it. */
export type SendBatch = (ops: readonly AnnotationOp[]) => Promise<void>;

export interface SaveState {
  /** Batches applied here but not yet confirmed by the store. */
  pending: number;
  /** Why the last change could not be saved (it was taken back), until the next save succeeds. */
  error: string | null;
}

/** Why the records changed: a new change (with the annotation it asks to select), an undo or redo, or the rollback of a refused batch. */
export type ChangeCause = { by: 'run'; select?: string } | { by: 'undo' } | { by: 'redo' } | { by: 'rollback' };

/** Options of a new change. */
export interface RunOptions {
  /** Changes run with the same key in quick succession undo as one. */
  coalesceKey?: string;
  /** An annotation the change creates, to come selected in the same redraw. */
  select?: string;
}

export interface CommandEvents {
  /** Records changed here: what changed, and why. */
  onRecordsChange(change: LayerChange, cause: ChangeCause): void;
  /** The history, the queue or the error changed. */
  onStateChange(state: SaveState): void;
  /** A change was asked for while the document is read-only; nothing was done. */
  onReadOnly?(message: string): void;
  /**
   * Undoes or redoes a review decision in the services (the history has already moved); resolves
   * false when it could not, and the history moves back. Without it, decisions are not replayed.
   */
  onDecisionReplay?(entry: DecisionEntry, direction: 'undo' | 'redo'): Promise<boolean>;
}

/** Where the commands keep their history and learn whether the document can be changed. */
export interface CommandOptions {
  /** The document's history (kept across sessions of the same document); a new one when left out. */
  history?: UndoHistory;
  /** Why the document cannot be changed now (the store would answer `read-only`), or null. */
  readOnly?: () => string | null;
}

interface PendingBatch {
  ops: readonly AnnotationOp[];
  inverse: readonly AnnotationOp[];
  /** The history as it was before this batch, to restore if the batch is refused. */
  historyBefore: HistorySnapshot;
}

/**
 * The one way annotations change: every change is a batch of ops applied here at once, recorded
 * with its exact inverse for undo and redo, and saved in order, one batch at a time. When the store
 * refuses a batch, it and every batch queued after it are taken back here and the reason is reported.
 * Review decisions share the history: they are recorded as entries the services undo and redo.
 */
export class AnnotationCommands {
  private readonly history: UndoHistory;
  private readonly readOnlyReason: () => string | null;
  private queue: PendingBatch[] = [];
  private sending = false;
  private error: string | null = null;
  private idleWaiters: (() => void)[] = [];
  /** Set while a review decision is undone or redone in the services. */
  private replayingDecision = false;

  constructor(
    private readonly records: DocumentRecords,
    private readonly send: SendBatch,
    private readonly events: CommandEvents,
    options: CommandOptions = {},
  ) {
    this.history = options.history ?? new UndoHistory();
    this.readOnlyReason = options.readOnly ?? (() => null);
  }

  /** Why the document cannot be changed now, or null when it can. */
  get readOnly(): string | null {
    return this.readOnlyReason();
  }

  /**
   * Makes a new undoable change. False (with the reason reported) when it does not apply. Changes
   * run with the same `coalesceKey` in quick succession undo as one.
   */
  run(label: string, ops: readonly AnnotationOp[], options: RunOptions = {}): boolean {
    if (ops.length === 0 || this.refuseReadOnly() || this.replayingDecision) return false;
    const historyBefore = this.history.snapshot();
    const inverse = this.applyLocally(ops, { by: 'run', ...(options.select ? { select: options.select } : {}) });
    if (!inverse) return false;
    this.history.record({
      kind: 'edit',
      label,
      ops,
      inverse,
      ...(options.coalesceKey ? { coalesceKey: options.coalesceKey, at: Date.now() } : {}),
    });
    this.enqueue({ ops, inverse, historyBefore });
    return true;
  }

  /** Records a review decision the services just made: the document's next undo takes it back. */
  recordDecision(label: string, reviewId: string): void {
    this.history.record({ kind: 'decision', label, reviewId });
    this.emitState();
  }

  undo(): boolean {
    return this.replay('undo');
  }

  redo(): boolean {
    return this.replay('redo');
  }

  get undoLabel(): string | undefined {
    return this.history.undoLabel;
  }

  get redoLabel(): string | undefined {
    return this.history.redoLabel;
  }

  /** The change the next undo takes back. */
  get nextUndo(): Readonly<HistoryEntry> | undefined {
    return this.history.nextUndo;
  }

  /** The change the next redo makes again. */
  get nextRedo(): Readonly<HistoryEntry> | undefined {
    return this.history.nextRedo;
  }

  get state(): SaveState {
    return { pending: this.queue.length, error: this.error };
  }

  /** Resolves once every batch made so far is saved or taken back. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private refuseReadOnly(): boolean {
    const reason = this.readOnly;
    if (reason === null) return false;
    this.events.onReadOnly?.(reason);
    return true;
  }

  private replay(direction: 'undo' | 'redo'): boolean {
    if (this.refuseReadOnly() || this.replayingDecision) return false;
    const next = direction === 'undo' ? this.history.nextUndo : this.history.nextRedo;
    if (next?.kind === 'decision') return this.replayDecision(direction);
    const historyBefore = this.history.snapshot();
    const entry = direction === 'undo' ? this.history.takeUndo() : this.history.takeRedo();
    if (entry?.kind !== 'edit') return false;
    const ops = direction === 'undo' ? entry.inverse : entry.ops;
    const inverse = this.applyLocally(ops, { by: direction });
    if (!inverse) {
      this.history.restore(historyBefore);
      this.emitState();
      return false;
    }
    this.enqueue({ ops, inverse, historyBefore });
    return true;
  }

  /** Hands a review decision to the services; the history moves back if they could not replay it. */
  private replayDecision(direction: 'undo' | 'redo'): boolean {
    const replay = this.events.onDecisionReplay;
    if (!replay) return false;
    const historyBefore = this.history.snapshot();
    const entry = direction === 'undo' ? this.history.takeUndo() : this.history.takeRedo();
    if (entry?.kind !== 'decision') return false;
    this.replayingDecision = true;
    this.emitState();
    void replay(entry, direction)
      .catch(() => false)
      .then((done) => {
        this.replayingDecision = false;
        if (!done) this.history.restore(historyBefore);
        this.emitState();
      });
    return true;
  }

  /** Applies a batch here through the op engine; its inverse, or null (with the reason kept as the error) when refused. */
  private applyLocally(ops: readonly AnnotationOp[], cause: ChangeCause): AnnotationOp[] | null {
    const outcome = this.records.apply(ops);
    if (!outcome.ok) {
      this.error = outcome.reason;
      this.emitState();
      return null;
    }
    this.events.onRecordsChange(outcome.change, cause);
    return outcome.inverse;
  }

  private enqueue(batch: PendingBatch): void {
    this.queue.push(batch);
    this.emitState();
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      try {
        await this.send(head.ops);
        this.queue.shift();
        this.error = null;
      } catch (error) {
        this.rollBackQueue();
        this.error = messageOf(error);
      }
      this.emitState();
    }
    this.sending = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Takes back every unsaved batch, newest first, and restores the history from before the oldest. */
  private rollBackQueue(): void {
    const pending = this.queue;
    this.queue = [];
    for (const batch of [...pending].reverse()) {
      // The inverses of applied batches, newest first, always apply.
      this.events.onRecordsChange(mustApply(this.records.apply(batch.inverse)).change, { by: 'rollback' });
    }
    if (pending[0]) this.history.restore(pending[0].historyBefore);
  }

  private emitState(): void {
    this.events.onStateChange(this.state);
  }
}
