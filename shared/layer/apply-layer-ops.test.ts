import { describe, expect, it } from 'vitest';
import { ScholiaError } from '../contract/errors.ts';
import type { AnnotationOp } from '../contract/ops.ts';
import { makeTarget } from '../text/target.ts';
import type { Annotation } from '../model/annotation.ts';
import { applyAnnotationOps } from './apply-layer-ops.ts';
import type { Entity } from '../model/entity.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';

const text = 'Roberta Metsola said the European Parliament is under a sophisticated cyberattack.';
const stamp = '2026-01-31T09:00:00.000Z';
const metsola: Entity = { id: 'e1', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'] };

function span(exact: string) {
  const start = text.indexOf(exact);
  return makeTarget(text, start, start + exact.length);
}

const mention: Annotation = {
  id: 'a1',
  kind: 'entity',
  entityId: 'e1',
  target: span('Roberta Metsola'),
  author: 'A',
  created: stamp,
  modified: stamp,
};
const claim: Annotation = {
  id: 'a2',
  kind: 'claim',
  status: 'unverified',
  target: span('under a sophisticated cyberattack'),
  author: 'A',
  created: stamp,
  modified: stamp,
};

function apply(ops: AnnotationOp[], layer = { entities: [metsola], annotations: [mention] }) {
  return applyAnnotationOps(text, DEFAULT_TAGSET, layer, ops);
}

describe('applyAnnotationOps', () => {
  it('adds, updates and removes annotations and entities in order', () => {
    const added = apply([{ op: 'annotation.add', annotation: claim }]);
    expect(added.annotations.map((a) => a.id)).toEqual(['a1', 'a2']);
    const updated = apply([{ op: 'annotation.update', annotation: { ...claim, status: 'false' } }], added);
    expect(updated.annotations[1]).toMatchObject({ status: 'false' });
    const removed = apply(
      [
        { op: 'annotation.remove', id: 'a1' },
        { op: 'entity.remove', id: 'e1' },
      ],
      updated,
    );
    expect(removed).toEqual({ entities: [], annotations: [{ ...claim, status: 'false' }] });
  });

  it('never changes the layer it was given', () => {
    const layer = { entities: [metsola], annotations: [mention] };
    apply([{ op: 'annotation.remove', id: 'a1' }], layer);
    expect(layer.annotations).toEqual([mention]);
  });

  it('refuses a target that does not match the text', () => {
    const wrong = { ...claim, target: { ...claim.target, exact: 'X'.repeat(claim.target.exact.length) } };
    expect(() => apply([{ op: 'annotation.add', annotation: wrong }])).toThrow(/op 0: annotation a2 does not match the text/);
  });

  it('refuses a verdict or entity type outside the tagset', () => {
    expect(() => apply([{ op: 'annotation.add', annotation: { ...claim, status: 'pants-on-fire' } }])).toThrow(/not a verdict/);
    expect(() => apply([{ op: 'entity.add', entity: { ...metsola, id: 'e2', type: 'planet' } }])).toThrow(/not an entity type/);
  });

  it('refuses dangling references, whole batch or nothing', () => {
    const call = () =>
      apply([
        { op: 'annotation.add', annotation: claim },
        { op: 'entity.remove', id: 'e1' },
      ]);
    expect(call).toThrow(ScholiaError);
    expect(call).toThrow(/refers to entity e1/);
  });

  it('refuses duplicate ids and unknown ids', () => {
    expect(() => apply([{ op: 'annotation.add', annotation: mention }])).toThrow(/already exists/);
    expect(() => apply([{ op: 'annotation.remove', id: 'zz' }])).toThrow(/op 0: there is no annotation zz/);
  });
});
