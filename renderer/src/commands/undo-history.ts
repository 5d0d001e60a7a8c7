import type { AnnotationOp } from '../../../shared/contract/ops.ts';

/** One undoable change: the ops that made it and the ops that take it back. */
export interface HistoryEntry {
  label: string;
  ops: readonly AnnotationOp[];
  inverse: readonly AnnotationOp[];
  /** Changes with the same key made in quick succession become one entry (say, nudging a span word by word). */
  coalesceKey?: string;
  /** When it was recorded (ms), for coalescing. */
  at?: number;
}

/** How close together two changes with the same coalescing key must come to make one undo step. */
export const COALESCE_MS = 1500;

/** The two stacks at one moment, to restore when a change could not be saved. */
export interface HistorySnapshot {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

/** Undo and redo stacks of annotation changes. */
export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(private readonly limit = 1000) {}

  /**
   * Records a new change; it drops whatever could be redone. A change with the same coalescing key
   * as the last one, soon after it, joins it: one undo takes back both.
   */
  record(entry: HistoryEntry): void {
    const last = this.undoStack.at(-1);
    if (
      entry.coalesceKey !== undefined &&
      last?.coalesceKey === entry.coalesceKey &&
      this.redoStack.length === 0 &&
      entry.at !== undefined &&
      last.at !== undefined &&
      entry.at - last.at <= COALESCE_MS
    ) {
      // A new object, so snapshots taken before still hold the entry as it was.
      this.undoStack[this.undoStack.length - 1] = { ...entry, ops: [...last.ops, ...entry.ops], inverse: [...entry.inverse, ...last.inverse] };
      return;
    }
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
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
    return this.undoStack.at(-1)?.label;
  }

  get redoLabel(): string | undefined {
    return this.redoStack.at(-1)?.label;
  }

  snapshot(): HistorySnapshot {
    return { undo: [...this.undoStack], redo: [...this.redoStack] };
  }

  restore(snapshot: HistorySnapshot): void {
    this.undoStack = [...snapshot.undo];
    this.redoStack = [...snapshot.redo];
  }
}
