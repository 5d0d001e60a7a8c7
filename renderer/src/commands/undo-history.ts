import type { AnnotationOp } from '../../../shared/contract/ops.ts';

/** A change made here: the ops that made it and the ops that take it back. */
export interface EditEntry {
  kind: 'edit';
  label: string;
  ops: readonly AnnotationOp[];
  inverse: readonly AnnotationOp[];
  /** Changes with the same key made in quick succession become one entry (say, nudging a span word by word). */
  coalesceKey?: string;
  /** When it was recorded (ms), for coalescing. */
  at?: number;
}

/** A review decision, made and recorded by the services: undone with `review.undo`, redone with `review.redo`. */
export interface DecisionEntry {
  kind: 'decision';
  label: string;
  reviewId: string;
}

/** One undoable step of a document. */
export type HistoryEntry = EditEntry | DecisionEntry;

/** How close together two changes with the same coalescing key must come to make one undo step. */
export const COALESCE_MS = 1500;

/** The two stacks at one moment, to restore when a change could not be saved. */
export interface HistorySnapshot {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

function joins(last: HistoryEntry | undefined, entry: HistoryEntry): last is EditEntry {
  return (
    entry.kind === 'edit' &&
    last?.kind === 'edit' &&
    entry.coalesceKey !== undefined &&
    last.coalesceKey === entry.coalesceKey &&
    entry.at !== undefined &&
    last.at !== undefined &&
    entry.at - last.at <= COALESCE_MS
  );
}

/** Undo and redo stacks of one document's changes: edits, suggestion accepts and review decisions alike. */
export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(private readonly limit = 1000) {}

  /**
   * Records a new change; it drops whatever could be redone. An edit with the same coalescing key
   * as the last one, soon after it, joins it: one undo takes back both.
   */
  record(entry: HistoryEntry): void {
    const last = this.undoStack.at(-1);
    if (entry.kind === 'edit' && this.redoStack.length === 0 && joins(last, entry)) {
      // A new object, so snapshots taken before still hold the entry as it was.
      this.undoStack[this.undoStack.length - 1] = {
        ...entry,
        ops: [...last.ops, ...entry.ops],
        inverse: [...entry.inverse, ...last.inverse],
      };
      return;
    }
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The change the next undo takes back, left in place. */
  get nextUndo(): HistoryEntry | undefined {
    return this.undoStack.at(-1);
  }

  /** The change the next redo makes again, left in place. */
  get nextRedo(): HistoryEntry | undefined {
    return this.redoStack.at(-1);
  }

  /** The change to undo now, moved onto the redo stack. */
  takeUndo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    return entry;
  }

  /** The change to redo now, moved back onto the undo stack. */
  takeRedo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    return entry;
  }

  get undoLabel(): string | undefined {
    return this.nextUndo?.label;
  }

  get redoLabel(): string | undefined {
    return this.nextRedo?.label;
  }

  snapshot(): HistorySnapshot {
    return { undo: [...this.undoStack], redo: [...this.redoStack] };
  }

  restore(snapshot: HistorySnapshot): void {
    this.undoStack = [...snapshot.undo];
    this.redoStack = [...snapshot.redo];
  }
}
