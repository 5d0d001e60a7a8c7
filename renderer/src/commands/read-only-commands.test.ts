import { describe, expect, it } from 'vitest';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import { DocumentRecords } from '../model/document-records.ts';
import { AnnotationCommands } from './annotation-commands.ts';

const when = '2026-01-31T09:00:00.000Z';
const note: Annotation = {
  id: 'n1',
  kind: 'note',
  target: { start: 0, end: 4, exact: 'Text', prefix: '', suffix: '' },
  author: 'A',
  created: when,
  modified: when,
} as Annotation;

describe('AnnotationCommands on a read-only document', () => {
  it('refuses changes, undo and redo locally, saying why, and sends nothing', async () => {
    const records = new DocumentRecords([]);
    const sent: (readonly AnnotationOp[])[] = [];
    const refusals: string[] = [];
    let readOnly: string | null = null;
    const commands = new AnnotationCommands(
      records,
      (ops) => {
        sent.push(ops);
        return Promise.resolve();
      },
      { onRecordsChange: () => undefined, onStateChange: () => undefined, onReadOnly: (message) => refusals.push(message) },
      { readOnly: () => readOnly },
    );
    expect(commands.run('Add note', [{ op: 'annotation.add', annotation: note }])).toBe(true);
    await commands.whenIdle();
    readOnly = 'The library is in use elsewhere. It is open read-only here.';

    expect(commands.run('Delete', [{ op: 'annotation.remove', id: 'n1' }])).toBe(false);
    expect(commands.undo()).toBe(false);
    expect(commands.redo()).toBe(false);
    expect([...records.annotations()].map((annotation) => annotation.id)).toEqual(['n1']);
    expect(sent).toHaveLength(1);
    expect(refusals).toEqual(Array(3).fill('The library is in use elsewhere. It is open read-only here.'));

    readOnly = null;
    expect(commands.undo()).toBe(true);
    expect([...records.annotations()]).toEqual([]);
  });
});
