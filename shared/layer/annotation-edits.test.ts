import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import { deleteAnnotationOps, replaceAnnotationOps } from './annotation-edits.ts';
import { LayerIndex, mustApply } from './layer-index.ts';

const when = '2026-01-31T09:00:00.000Z';
const target = { start: 0, end: 7, exact: 'Metsola', prefix: '', suffix: '' };
const entities = [
  { id: 'e1', name: 'Roberta Metsola', type: 'person', aliases: [] },
  { id: 'e2', name: 'Jaume Duch', type: 'person', aliases: [] },
];
const quote: Annotation = { id: 'q1', kind: 'quote', form: 'direct', speakerId: 'e2', target, author: 'A', created: when, modified: when };
const mention: Annotation = { id: 'm1', kind: 'entity', entityId: 'e1', target, author: 'A', created: when, modified: when };

describe('edits that leave entities unused', () => {
  it('deleting the only mention of an entity removes the entity too', () => {
    const records = new LayerIndex({ annotations: [mention, quote], entities });
    expect(deleteAnnotationOps(records, 'm1')).toEqual([
      { op: 'annotation.remove', id: 'm1' },
      { op: 'entity.remove', id: 'e1' },
    ]);
  });

  it('keeps an entity something else still refers to', () => {
    const records = new LayerIndex({ annotations: [mention, { ...quote, speakerId: 'e1' }], entities });
    expect(deleteAnnotationOps(records, 'm1')).toEqual([{ op: 'annotation.remove', id: 'm1' }]);
  });

  it('changing a speaker drops the former speaker when nothing else names them', () => {
    const records = new LayerIndex({ annotations: [mention, quote], entities });
    const next = { ...quote, speakerId: 'e1' } as Annotation;
    expect(replaceAnnotationOps(records, next)).toEqual([
      { op: 'annotation.update', annotation: next },
      { op: 'entity.remove', id: 'e2' },
    ]);
    expect(mustApply(records.apply(replaceAnnotationOps(records, next))).change.entities.removed).toEqual(['e2']);
  });

  it('offers nothing for an annotation that does not exist', () => {
    const records = new LayerIndex({ annotations: [], entities: [] });
    expect(deleteAnnotationOps(records, 'x')).toEqual([]);
    expect(replaceAnnotationOps(records, quote)).toEqual([]);
  });
});
