import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationOp } from '../contract/ops.ts';
import { entityIdsOf, type Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { makeTarget } from '../text/target.ts';
import { LayerIndex, type AnnotationLayer } from './layer-index.ts';

const text = 'Roberta Metsola said the European Parliament is under a sophisticated cyberattack.';
const rules = { text, tagset: DEFAULT_TAGSET };
const when = '2026-01-31T09:00:00.000Z';
const metsola: Entity = { id: 'e1', name: 'Roberta Metsola', type: 'person', aliases: [] };
const parliament: Entity = { id: 'e2', name: 'European Parliament', type: 'organization', aliases: [] };

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
  created: when,
  modified: when,
};
const quote: Annotation = {
  id: 'a2',
  kind: 'quote',
  form: 'indirect',
  speakerId: 'e1',
  target: span('the European Parliament is under'),
  author: 'A',
  created: when,
  modified: when,
};
const claim: Annotation = {
  id: 'a3',
  kind: 'claim',
  status: 'unverified',
  claimantId: 'e2',
  target: span('a sophisticated cyberattack'),
  author: 'A',
  created: when,
  modified: when,
};

function layerOf(index: LayerIndex) {
  const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
  const layer = index.toLayer();
  return { annotations: byId(layer.annotations), entities: byId(layer.entities) };
}

/** The reference index recomputed from scratch, to compare with the one kept op by op. */
function referrersFromScratch(index: LayerIndex): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const annotation of index.annotations()) {
    for (const entityId of entityIdsOf(annotation)) result.set(entityId, [...(result.get(entityId) ?? []), annotation.id].sort());
  }
  return result;
}

function keptReferrers(index: LayerIndex, entityIds: Iterable<string>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const id of entityIds) {
    const ids = [...index.referrersOf(id)].sort();
    if (ids.length > 0) result.set(id, ids);
  }
  return result;
}

function start(): LayerIndex {
  return new LayerIndex({ annotations: [mention, quote, claim], entities: [metsola, parliament] });
}

describe('LayerIndex.apply: each rule refused with its reason, the layer unchanged', () => {
  const cases: [string, AnnotationOp[], RegExp][] = [
    ['a duplicate annotation id', [{ op: 'annotation.add', annotation: mention }], /^op 0: annotation a1 already exists$/u],
    [
      'an update of a missing annotation',
      [{ op: 'annotation.update', annotation: { ...claim, id: 'zz' } }],
      /^op 0: there is no annotation zz$/u,
    ],
    ['a removal of a missing annotation', [{ op: 'annotation.remove', id: 'zz' }], /^op 0: there is no annotation zz$/u],
    ['a duplicate entity id', [{ op: 'entity.add', entity: metsola }], /^op 0: entity e1 already exists$/u],
    ['an update of a missing entity', [{ op: 'entity.update', entity: { ...metsola, id: 'e9' } }], /^op 0: there is no entity e9$/u],
    ['a removal of a missing entity', [{ op: 'entity.remove', id: 'e9' }], /^op 0: there is no entity e9$/u],
    [
      'a target off the text',
      [
        {
          op: 'annotation.add',
          annotation: { ...claim, id: 'a9', target: { ...claim.target, start: claim.target.start + 1, end: claim.target.end + 1 } },
        },
      ],
      /^op 0: annotation a9 does not match the text/u,
    ],
    [
      'a cue off the text',
      [{ op: 'annotation.update', annotation: { ...quote, cue: { ...span('said'), exact: 'sayd' } } }],
      /^op 0: the cue of quote a2 does not match the text$/u,
    ],
    [
      'a verdict outside the codebook',
      [{ op: 'annotation.update', annotation: { ...claim, status: 'pants-on-fire' } }],
      /^op 0: "pants-on-fire" is not a verdict of the tagset$/u,
    ],
    [
      'a claim label outside the codebook',
      [{ op: 'annotation.update', annotation: { ...claim, label: 'gossip' } }],
      /^op 0: "gossip" is not a claim label of the tagset$/u,
    ],
    [
      'an entity type outside the codebook',
      [{ op: 'entity.update', entity: { ...metsola, type: 'planet' } }],
      /^op 0: "planet" is not an entity type of the tagset$/u,
    ],
    [
      'a mention of a missing entity',
      [{ op: 'annotation.add', annotation: { ...mention, id: 'a9', entityId: 'nobody' } }],
      /^op 0: annotation a9 refers to entity nobody, which does not exist/u,
    ],
    [
      'a speaker that is removed later in the batch',
      [
        { op: 'annotation.remove', id: 'a1' },
        { op: 'entity.remove', id: 'e1' },
      ],
      /^op 1: entity e1 is still referenced \(annotation a2 refers to entity e1\)$/u,
    ],
    [
      'a claimant left without its entity',
      [{ op: 'entity.remove', id: 'e2' }],
      /^op 0: entity e2 is still referenced \(annotation a3 refers to entity e2\)$/u,
    ],
    [
      'a bad op after good ones',
      [
        { op: 'annotation.remove', id: 'a1' },
        { op: 'entity.update', entity: { ...metsola, name: 'R. Metsola' } },
        { op: 'annotation.remove', id: 'a1' },
      ],
      /^op 2: there is no annotation a1$/u,
    ],
  ];
  for (const [rule, ops, reason] of cases) {
    it(`refuses ${rule}`, () => {
      const index = start();
      const before = layerOf(index);
      const outcome = index.apply(ops, rules);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toMatch(reason);
      expect(layerOf(index)).toEqual(before);
      expect(keptReferrers(index, ['e1', 'e2', 'nobody'])).toEqual(referrersFromScratch(index));
    });
  }

  it('skips the text and codebook rules when the context leaves them out', () => {
    const index = start();
    expect(index.apply([{ op: 'entity.update', entity: { ...metsola, type: 'planet' } }]).ok).toBe(true);
  });

  it('accepts removing an entity together with everything that refers to it', () => {
    const index = start();
    const outcome = index.apply(
      [
        { op: 'annotation.remove', id: 'a1' },
        { op: 'annotation.update', annotation: { ...quote, speakerId: undefined } },
        { op: 'entity.remove', id: 'e1' },
      ],
      rules,
    );
    expect(outcome).toMatchObject({
      ok: true,
      change: { annotations: { removed: ['a1'], updated: ['a2'] }, entities: { removed: ['e1'] } },
    });
    expect(index.isEntityReferenced('e1')).toBe(false);
  });

  it('knows who refers to an entity without scanning', () => {
    const index = start();
    expect(index.isEntityReferenced('e1')).toBe(true);
    expect(index.isEntityReferenced('e1', 'a1')).toBe(true);
    expect(index.isEntityReferenced('e2', 'a3')).toBe(false);
  });
});

// ---- properties over random batches ----------------------------------------------------------

const annotationIds = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const entityIds = ['e1', 'e2', 'e3'];
const spanArb = fc
  .integer({ min: 0, max: text.length - 1 })
  .chain((first) => fc.integer({ min: first + 1, max: Math.min(text.length, first + 20) }).map((end) => makeTarget(text, first, end)));
const badSpanArb = spanArb.map((target) => ({ ...target, exact: target.exact.replace(/./u, '#') }));
/** Mostly valid values, now and then one a rule refuses. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 19, arbitrary: valid }, { weight: 1, arbitrary: invalid });

function annotationArb(refs: fc.Arbitrary<string>): fc.Arbitrary<Annotation> {
  return fc
    .record({
      id: fc.constantFrom(...annotationIds),
      target: mostly(spanArb, badSpanArb),
      kind: fc.constantFrom('claim', 'quote', 'entity', 'note'),
      ref: fc.option(refs, { nil: undefined }),
      status: mostly(fc.constantFrom('unverified', 'false'), fc.constant('no-such-verdict')),
    })
    .map(({ id, target, kind, ref, status }): Annotation => {
      const common = { id, target, author: 'A', created: when, modified: when };
      if (kind === 'claim') return { ...common, kind, status, ...(ref ? { claimantId: ref } : {}) };
      if (kind === 'quote') return { ...common, kind, form: 'direct', ...(ref ? { speakerId: ref } : {}) };
      if (kind === 'entity') return { ...common, kind, entityId: ref ?? 'e1' };
      return { ...common, kind: 'note' };
    });
}

const entityArb: fc.Arbitrary<Entity> = fc.record({
  id: fc.constantFrom(...entityIds),
  name: fc.constantFrom('Metsola', 'Parliament', 'Killnet'),
  type: mostly(fc.constantFrom('person', 'organization'), fc.constant('planet')),
  aliases: fc.constant([]),
});

const opArb: fc.Arbitrary<AnnotationOp> = fc.oneof(
  annotationArb(mostly(fc.constantFrom(...entityIds), fc.constant('missing'))).map((annotation): AnnotationOp => ({
    op: 'annotation.add',
    annotation,
  })),
  annotationArb(mostly(fc.constantFrom(...entityIds), fc.constant('missing'))).map((annotation): AnnotationOp => ({
    op: 'annotation.update',
    annotation,
  })),
  fc.constantFrom(...annotationIds).map((id): AnnotationOp => ({ op: 'annotation.remove', id })),
  entityArb.map((entity): AnnotationOp => ({ op: 'entity.add', entity })),
  entityArb.map((entity): AnnotationOp => ({ op: 'entity.update', entity })),
  fc.constantFrom(...entityIds).map((id): AnnotationOp => ({ op: 'entity.remove', id })),
);

/** A random consistent starting layer: some entities, and annotations that refer only to them. */
const layerArb: fc.Arbitrary<AnnotationLayer> = fc
  .uniqueArray(entityArb, { selector: (entity) => entity.id, minLength: 1 })
  .chain((entities) => {
    const valid = entities.filter((entity) => entity.type !== 'planet');
    const refs = valid.length > 0 ? fc.constantFrom(...valid.map((entity) => entity.id)) : fc.constant('e1');
    return fc.uniqueArray(annotationArb(refs), { selector: (annotation) => annotation.id }).map((annotations) => {
      const index = new LayerIndex({ annotations: [], entities: [] });
      index.apply(
        valid.map((entity) => ({ op: 'entity.add', entity })),
        rules,
      );
      for (const annotation of annotations) index.apply([{ op: 'annotation.add', annotation }], rules);
      return index.toLayer();
    });
  });

/** The change a full comparison of two layers finds: by id, a record updated when it is not the same object. */
function fullDiff<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const was = new Map(before.map((record) => [record.id, record]));
  const now = new Map(after.map((record) => [record.id, record]));
  return {
    added: [...now.keys()].filter((id) => !was.has(id)).sort(),
    removed: [...was.keys()].filter((id) => !now.has(id)).sort(),
    updated: [...now.keys()].filter((id) => was.has(id) && was.get(id) !== now.get(id)).sort(),
  };
}

const sorted = (changes: { added: string[]; removed: string[]; updated: string[] }) => ({
  added: [...changes.added].sort(),
  removed: [...changes.removed].sort(),
  updated: [...changes.updated].sort(),
});

describe('LayerIndex.apply over random batches', () => {
  it('applies then applies the inverse back to the same layer, or refuses and changes nothing', () => {
    let applied = 0;
    fc.assert(
      fc.property(layerArb, fc.array(opArb, { minLength: 1, maxLength: 5 }), (layer, ops) => {
        const index = new LayerIndex(layer);
        const before = layerOf(index);
        const outcome = index.apply(ops, rules);
        if (outcome.ok) {
          applied += 1;
          const back = index.apply(outcome.inverse, rules);
          expect(back.ok).toBe(true);
        }
        expect(layerOf(index)).toEqual(before);
        expect(keptReferrers(index, [...entityIds, 'missing'])).toEqual(referrersFromScratch(index));
      }),
      { numRuns: 1500 },
    );
    // Not a property of refusals alone: a good share of the random batches apply.
    expect(applied).toBeGreaterThan(100);
  });

  it('reports as its change exactly what a full diff of the layers finds', () => {
    fc.assert(
      fc.property(layerArb, fc.array(opArb, { minLength: 1, maxLength: 5 }), (layer, ops) => {
        const index = new LayerIndex(layer);
        const outcome = index.apply(ops, rules);
        if (!outcome.ok) return;
        const after = index.toLayer();
        expect(sorted(outcome.change.annotations)).toEqual(fullDiff(layer.annotations, after.annotations));
        expect(sorted(outcome.change.entities)).toEqual(fullDiff(layer.entities, after.entities));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps tallies right through applied and refused batches', () => {
    fc.assert(
      fc.property(layerArb, fc.array(fc.array(opArb, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (layer, batches) => {
        let tally = 0;
        const index = new LayerIndex(layer, (before, after) => (tally += (after ? 1 : 0) - (before ? 1 : 0)));
        tally = index.annotationCount;
        for (const ops of batches) index.apply(ops, rules);
        expect(tally).toBe(index.annotationCount);
      }),
      { numRuns: 500 },
    );
  });
});
