import { describe, expect, it } from 'vitest';
import { Annotation, ClaimAnnotation } from '../model/annotation.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { makeTarget } from '../text/target.ts';
import { editAnnotationOps } from './annotation-edits.ts';
import { isCalendarDay, withCheckedBy, withCheckedOn, withRationale, withStage, withVerdict } from './annotation-fields.ts';
import { applyLayerOps } from './apply-layer-ops.ts';
import { LayerIndex, type AnnotationLayer } from './layer-index.ts';

const text = 'The minister said unemployment fell by 12 per cent last year.';
const stamp = '2026-03-01T09:00:00.000Z';
const later = '2026-03-03T10:00:00.000Z';
const rules = { text, tagset: DEFAULT_TAGSET };
const claim: Annotation = {
  id: 'c1',
  kind: 'claim',
  status: 'unverified',
  target: makeTarget(text, 18, 60),
  author: 'Ana',
  created: stamp,
  modified: stamp,
};
const quote: Annotation = {
  id: 'q1',
  kind: 'quote',
  form: 'indirect',
  target: makeTarget(text, 0, 12),
  author: 'Ana',
  created: stamp,
  modified: stamp,
};
const layer: AnnotationLayer = { entities: [], annotations: [claim, quote] };

/** Applies one edit of `id` through the op engine, as the session and the services do. */
function edit(id: string, change: (a: Annotation) => Annotation | null, from: AnnotationLayer = layer) {
  const ops = editAnnotationOps(new LayerIndex(from), id, change, later);
  const outcome = applyLayerOps(rules, from, ops);
  if (!outcome.ok) throw new Error(outcome.reason);
  return { ops, outcome, claim: outcome.layer.annotations.find((a) => a.id === id) as ClaimAnnotation };
}

describe('the verdict record through the op engine', () => {
  it('gives a verdict and signs it with the checker and the day when nobody has', () => {
    const { claim: checked } = edit('c1', (a) => withVerdict(a, 'false', { by: 'Ana Pires', on: '2026-03-03' }));
    expect(checked).toMatchObject({ status: 'false', checkedBy: 'Ana Pires', checkedOn: '2026-03-03', modified: later });
    expect(ClaimAnnotation.parse(checked)).toEqual(checked);
  });

  it('leaves a record already signed as it is, and does not sign "unverified"', () => {
    const signed = { ...claim, checkedBy: 'Ben', checkedOn: '2026-02-01' } as Annotation;
    const from: AnnotationLayer = { entities: [], annotations: [signed] };
    const { claim: reverdict } = edit('c1', (a) => withVerdict(a, 'mostly-false', { by: 'Ana', on: '2026-03-03' }), from);
    expect(reverdict).toMatchObject({ status: 'mostly-false', checkedBy: 'Ben', checkedOn: '2026-02-01' });
    const toFalse = edit('c1', (a) => withVerdict(a, 'false'));
    const { claim: back } = edit('c1', (a) => withVerdict(a, 'unverified', { by: 'Ana', on: '2026-03-04' }), toFalse.outcome.layer);
    expect(back).not.toHaveProperty('checkedBy');
  });

  it('sets and clears a rationale, keeping Markdown as written, and undoes to the record before', () => {
    const rationale = 'The **ONS** figure is [3 per cent](https://www.ons.gov.uk/).\n\n- not 12\n- <script>alert(1)</script>';
    const { claim: reasoned, outcome } = edit('c1', (a) => withRationale(a, rationale));
    expect(reasoned.rationale).toBe(rationale);
    if (!outcome.ok) throw new Error('refused');
    const undone = applyLayerOps(rules, outcome.layer, outcome.inverse);
    expect(undone.ok && undone.layer.annotations.find((a) => a.id === 'c1')).toEqual(claim);
    expect(edit('c1', (a) => withRationale(a, '  \n'), outcome.layer).claim).not.toHaveProperty('rationale');
    expect(withRationale(claim, 'x'.repeat(50_001))).toBeNull();
  });

  it('moves a claim through the stages, keeping "to check" as no field', () => {
    const { claim: started, outcome } = edit('c1', (a) => withStage(a, 'in-progress'));
    expect(started.stage).toBe('in-progress');
    const { claim: published } = edit('c1', (a) => withStage(a, 'published'), outcome.layer);
    expect(published.stage).toBe('published');
    expect(edit('c1', (a) => withStage(a, 'to-check'), outcome.layer).claim).not.toHaveProperty('stage');
    expect(withStage(claim, 'to-check')).toBeNull();
  });

  it('sets checked-by and checked-on by hand, refusing a day that is not one', () => {
    expect(edit('c1', (a) => withCheckedBy(a, '  Ana Pires ')).claim.checkedBy).toBe('Ana Pires');
    expect(edit('c1', (a) => withCheckedOn(a, '2026-03-03')).claim.checkedOn).toBe('2026-03-03');
    expect(withCheckedOn(claim, '2026-02-30')).toBeNull();
    expect(withCheckedOn(claim, '3 March')).toBeNull();
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(withCheckedBy(claim, '   ')).toBeNull();
  });

  it('changes nothing on another kind', () => {
    for (const change of [
      (a: Annotation) => withRationale(a, 'why'),
      (a: Annotation) => withStage(a, 'checked'),
      (a: Annotation) => withCheckedBy(a, 'Ana'),
      (a: Annotation) => withCheckedOn(a, '2026-03-03'),
    ]) {
      expect(editAnnotationOps(new LayerIndex(layer), 'q1', change, later)).toEqual([]);
    }
  });

  it('refuses a stage that is not one, and reads a claim written before the record existed', () => {
    expect(Annotation.safeParse({ ...claim, stage: 'done' }).success).toBe(false);
    expect(Annotation.safeParse({ ...claim, checkedOn: '3 March 2026' }).success).toBe(false);
    expect(Annotation.parse(claim)).toEqual(claim);
  });
});
