import { describe, expect, it } from 'vitest';
import { UndoHistory, type HistoryEntry } from './undo-history.ts';

const entry = (label: string): HistoryEntry => ({ kind: 'edit', label, ops: [], inverse: [] });

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

  it('joins quick changes with the same coalescing key into one step, and no others', () => {
    const history = new UndoHistory();
    const step = (n: number, key: string | undefined, at: number): HistoryEntry => ({
      kind: 'edit',
      label: `step ${n}`,
      ops: [{ op: 'annotation.remove' as const, id: `a${n}` }],
      inverse: [{ op: 'annotation.remove' as const, id: `b${n}` }],
      ...(key ? { coalesceKey: key } : {}),
      at,
    });
    history.record(step(1, 'span:x', 0));
    history.record(step(2, 'span:x', 1000));
    history.record(step(3, 'span:y', 1100));
    history.record(step(4, 'span:y', 5000));
    const last = history.takeUndo();
    expect(last?.label).toBe('step 4');
    history.takeUndo();
    const joined = history.takeUndo();
    if (joined?.kind !== 'edit') throw new Error('expected an edit');
    expect(joined.ops.map((op) => (op.op === 'annotation.remove' ? op.id : ''))).toEqual(['a1', 'a2']);
    expect(joined.inverse.map((op) => (op.op === 'annotation.remove' ? op.id : ''))).toEqual(['b2', 'b1']);
    expect(history.takeUndo()).toBeUndefined();
  });
});
