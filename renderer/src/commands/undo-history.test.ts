import { describe, expect, it } from 'vitest';
import { UndoHistory, type HistoryEntry } from './undo-history.ts';

const entry = (label: string): HistoryEntry => ({ label, ops: [], inverse: [] });

describe('UndoHistory', () => {
  it('moves entries between the undo and redo stacks', () => {
    const history = new UndoHistory();
    history.record(entry('one'));
    history.record(entry('two'));
    expect(history.takeUndo()?.label).toBe('two');
    expect(history.redoLabel).toBe('two');
    expect(history.takeRedo()?.label).toBe('two');
    expect(history.undoLabel).toBe('two');
  });

  it('forgets the oldest entries beyond its limit', () => {
    const history = new UndoHistory(2);
    for (const label of ['one', 'two', 'three']) history.record(entry(label));
    expect(history.takeUndo()?.label).toBe('three');
    expect(history.takeUndo()?.label).toBe('two');
    expect(history.takeUndo()).toBeUndefined();
  });

  it('restores a snapshot', () => {
    const history = new UndoHistory();
    history.record(entry('one'));
    const snapshot = history.snapshot();
    history.takeUndo();
    history.restore(snapshot);
    expect(history.undoLabel).toBe('one');
    expect(history.redoLabel).toBeUndefined();
  });
});
