import { describe, expect, it } from 'vitest';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { mustApply } from '../../../shared/layer/layer-index.ts';
import { DocumentRecords } from './document-records.ts';

const when = '2026-01-31T09:00:00.000Z';
const target = { start: 0, end: 7, exact: 'Metsola', prefix: '', suffix: '' };
const metsola: Entity = { id: 'e1', name: 'Roberta Metsola', type: 'person', aliases: [] };
const mention: Annotation = { id: 'a1', kind: 'entity', entityId: 'e1', target, author: 'A', created: when, modified: when };
const claim: Annotation = { id: 'a2', kind: 'claim', status: 'unverified', target, author: 'A', created: when, modified: when };

function snapshot(records: DocumentRecords) {
  return { annotations: [...records.annotations()], entities: [...records.entities()] };
}

describe('DocumentRecords', () => {
  it('applies a batch and reports what it added', () => {
    const records = new DocumentRecords();
    const { change } = mustApply(
      records.apply([
        { op: 'entity.add', entity: metsola },
        { op: 'annotation.add', annotation: mention },
      ]),
    );
    expect(change.annotations).toEqual({ added: ['a1'], removed: [], updated: [] });
    expect(change.entities).toEqual({ added: ['e1'], removed: [], updated: [] });
    expect(records.annotation('a1')).toEqual(mention);
  });

  it('returns the exact inverse of every kind of op', () => {
    const records = new DocumentRecords([mention, claim], [metsola]);
    const before = snapshot(records);
    const batch: AnnotationOp[] = [
      { op: 'annotation.update', annotation: { ...claim, status: 'false', modified: '2026-02-01T00:00:00.000Z' } },
      { op: 'annotation.remove', id: 'a1' },
      { op: 'entity.update', entity: { ...metsola, type: 'group' } },
      { op: 'entity.add', entity: { id: 'e2', name: 'Killnet', type: 'group', aliases: [] } },
      { op: 'entity.remove', id: 'e1' },
    ];
    const { inverse } = mustApply(records.apply(batch));
    expect(records.entity('e1')).toBeUndefined();
    records.apply(inverse);
    expect(snapshot(records).annotations.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.annotations);
    expect(snapshot(records).entities.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.entities);
  });

  it('reports the net effect of a batch per id', () => {
    const records = new DocumentRecords([claim]);
    const { change } = mustApply(
      records.apply([
        { op: 'annotation.add', annotation: { ...claim, id: 'a3' } },
        { op: 'annotation.update', annotation: { ...claim, id: 'a3', status: 'true' } },
        { op: 'annotation.update', annotation: { ...claim, status: 'true' } },
      ]),
    );
    expect(change.annotations).toEqual({ added: ['a3'], removed: [], updated: ['a2'] });
  });

  it('applies nothing of a batch that breaks a rule', () => {
    const records = new DocumentRecords([claim]);
    const before = snapshot(records);
    expect(
      records.apply([
        { op: 'annotation.remove', id: 'a2' },
        { op: 'annotation.update', annotation: claim },
      ]),
    ).toEqual({ ok: false, opIndex: 1, problem: 'there is no annotation a2', reason: 'op 1: there is no annotation a2' });
    expect(snapshot(records)).toEqual(before);
  });

  it('refuses a mention of a missing entity and the removal of an entity still referenced', () => {
    const records = new DocumentRecords([mention], [metsola]);
    expect(records.apply([{ op: 'annotation.add', annotation: { ...mention, id: 'a9', entityId: 'nobody' } }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/refers to entity nobody, which does not exist/u),
    });
    expect(records.apply([{ op: 'entity.remove', id: 'e1' }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/still referenced/u),
    });
    expect(records.entity('e1')).toEqual(metsola);
    expect(records.annotation('a9')).toBeUndefined();
  });

  it('refuses adding an id twice', () => {
    const records = new DocumentRecords([claim]);
    expect(records.apply([{ op: 'annotation.add', annotation: claim }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/already exists/u),
    });
  });
});
