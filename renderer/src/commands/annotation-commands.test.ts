import { describe, expect, it } from 'vitest';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { LayerChange as RecordChange } from '../../../shared/layer/layer-change.ts';
import { DocumentRecords } from '../model/document-records.ts';
import { AnnotationCommands, type SaveState } from './annotation-commands.ts';

const when = '2026-01-31T09:00:00.000Z';
const target = { start: 0, end: 4, exact: 'Text', prefix: '', suffix: '' };

function note(id: string, text = ''): Annotation {
  return { id, kind: 'note', note: text || undefined, target, author: 'A', created: when, modified: when } as Annotation;
}

/** A store that answers each batch when the test says so. */
class FakeStore {
  readonly received: (readonly AnnotationOp[])[] = [];
  private answers: { resolve(): void; reject(error: Error): void }[] = [];

  send = (ops: readonly AnnotationOp[]): Promise<void> => {
    this.received.push(ops);
    return new Promise((resolve, reject) => this.answers.push({ resolve, reject }));
  };

  async accept(): Promise<void> {
    this.answers.shift()?.resolve();
    await Promise.resolve();
    await Promise.resolve();
  }

  async refuse(message: string): Promise<void> {
    this.answers.shift()?.reject(new Error(message));
    await Promise.resolve();
    await Promise.resolve();
  }
}

function setup(initial: Annotation[] = []) {
  const records = new DocumentRecords(initial);
  const store = new FakeStore();
  const changes: RecordChange[] = [];
  const states: SaveState[] = [];
  const commands = new AnnotationCommands(records, store.send, {
    onRecordsChange: (change) => changes.push(change),
    onStateChange: (state) => states.push(state),
  });
  const ids = () => [...records.annotations()].map((annotation) => annotation.id).sort();
  return { records, store, commands, changes, states, ids };
}

describe('AnnotationCommands', () => {
  it('applies a change at once and saves it', async () => {
    const { store, commands, ids } = setup();
    expect(commands.run('Add note', [{ op: 'annotation.add', annotation: note('n1') }])).toBe(true);
    expect(ids()).toEqual(['n1']);
    expect(commands.state.pending).toBe(1);
    await store.accept();
    expect(commands.state).toEqual({ pending: 0, error: null });
  });

  it('undoes and redoes with the exact inverse, each step saved as a batch', async () => {
    const { store, commands, ids, records } = setup([note('n1', 'first')]);
    commands.run('Edit note', [{ op: 'annotation.update', annotation: note('n1', 'second') }]);
    commands.run('Add note', [{ op: 'annotation.add', annotation: note('n2') }]);
    expect(commands.undo()).toBe(true);
    expect(ids()).toEqual(['n1']);
    expect(commands.undo()).toBe(true);
    expect(records.annotation('n1')?.note).toBe('first');
    expect(commands.undo()).toBe(false);
    expect(commands.redo()).toBe(true);
    expect(records.annotation('n1')?.note).toBe('second');
    expect(commands.redoLabel).toBe('Add note');
    for (let i = 0; i < 5; i += 1) await store.accept();
    expect(store.received).toEqual([
      [{ op: 'annotation.update', annotation: note('n1', 'second') }],
      [{ op: 'annotation.add', annotation: note('n2') }],
      [{ op: 'annotation.remove', id: 'n2' }],
      [{ op: 'annotation.update', annotation: note('n1', 'first') }],
      [{ op: 'annotation.update', annotation: note('n1', 'second') }],
    ]);
  });

  it('sends one batch at a time, in order', async () => {
    const { store, commands } = setup();
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n1') }]);
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n2') }]);
    expect(store.received).toHaveLength(1);
    await store.accept();
    expect(store.received).toHaveLength(2);
  });

  it('a new change clears what could be redone', () => {
    const { commands } = setup();
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n1') }]);
    commands.undo();
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n2') }]);
    expect(commands.redo()).toBe(false);
  });

  it('takes back a refused batch and everything queued after it, restoring the history', async () => {
    const { store, commands, ids, changes } = setup();
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n1') }]);
    await store.accept();
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n2') }]);
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n3') }]);
    expect(ids()).toEqual(['n1', 'n2', 'n3']);
    await store.refuse('The document changed elsewhere.');
    expect(ids()).toEqual(['n1']);
    expect(commands.state).toEqual({ pending: 0, error: 'The document changed elsewhere.' });
    expect(changes.at(-1)?.annotations.removed).toEqual(['n2']);
    expect(store.received).toHaveLength(2);
    expect(commands.undoLabel).toBe('Add');
    expect(commands.undo()).toBe(true);
    expect(ids()).toEqual([]);
    expect(commands.redo()).toBe(true);
    expect(ids()).toEqual(['n1']);
  });

  it('restores the redo stack when a refused batch was an undo', async () => {
    const { store, commands, ids } = setup();
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n1') }]);
    await store.accept();
    commands.undo();
    await store.refuse('offline');
    expect(ids()).toEqual(['n1']);
    expect(commands.redo()).toBe(false);
    expect(commands.undo()).toBe(true);
  });

  it('refuses a change that does not apply locally without saving anything', () => {
    const { store, commands } = setup();
    expect(commands.run('Remove', [{ op: 'annotation.remove', id: 'ghost' }])).toBe(false);
    expect(commands.state.error).toMatch(/there is no annotation ghost/u);
    expect(store.received).toHaveLength(0);
    expect(commands.undo()).toBe(false);
  });

  it('resolves whenIdle once everything is saved', async () => {
    const { store, commands } = setup();
    commands.run('Add', [{ op: 'annotation.add', annotation: note('n1') }]);
    let idle = false;
    void commands.whenIdle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    await store.accept();
    await Promise.resolve();
    expect(idle).toBe(true);
  });

  it('hands a review decision to the services, holds other changes meanwhile, and moves the history back when they refuse', async () => {
    const records = new DocumentRecords([]);
    const store = new FakeStore();
    const replays: { label: string; direction: string; answer(done: boolean): void }[] = [];
    const commands = new AnnotationCommands(records, store.send, {
      onRecordsChange: () => undefined,
      onStateChange: () => undefined,
      onDecisionReplay: (entry, direction) => new Promise((resolve) => replays.push({ label: entry.label, direction, answer: resolve })),
    });
    commands.recordDecision('Accept 2 items', 'r1');
    expect(commands.undoLabel).toBe('Accept 2 items');

    expect(commands.undo()).toBe(true);
    expect(replays.map(({ label, direction }) => `${direction} ${label}`)).toEqual(['undo Accept 2 items']);
    expect(commands.run('Add note', [{ op: 'annotation.add', annotation: note('n1') }])).toBe(false);
    expect(commands.redo()).toBe(false);
    replays[0]?.answer(false);
    await commands.whenIdle();
    await Promise.resolve();
    await Promise.resolve();
    expect(commands.undoLabel).toBe('Accept 2 items');
    expect(commands.redoLabel).toBeUndefined();

    expect(commands.undo()).toBe(true);
    replays[1]?.answer(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(commands.redoLabel).toBe('Accept 2 items');
    expect(commands.run('Add note', [{ op: 'annotation.add', annotation: note('n1') }])).toBe(true);
    expect(commands.redoLabel).toBeUndefined();
    expect(store.received).toHaveLength(1);
  });
});
