import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { mustApply } from '../../../shared/layer/layer-index.ts';
import { DocumentRecords } from './document-records.ts';

const when = '2026-01-31T09:00:00.000Z';
const target = { start: 0, end: 7, exact: 'Metsola', prefix: '', suffix: '' };
const common = { target, author: 'A', created: when, modified: when };
const metsola: Entity = { id: 'e1', name: 'Roberta Metsola', type: 'person', aliases: [] };
const mention: Annotation = { ...common, id: 'm1', kind: 'entity', entityId: 'e1' };
const falseClaim: Annotation = { ...common, id: 'c1', kind: 'claim', status: 'false' };
const trueClaim: Annotation = { ...common, id: 'c2', kind: 'claim', status: 'true', note: 'Checked against the log' };
const quote: Annotation = { ...common, id: 'q1', kind: 'quote', form: 'direct', speakerId: 'e1' };
const note: Annotation = { ...common, id: 'n1', kind: 'note', note: '' };

/** The counts as a full scan of the records finds them. */
function scanned(records: DocumentRecords) {
  const all = [...records.annotations()];
  const verdicts = new Map<string, number>();
  for (const annotation of all)
    if (annotation.kind === 'claim') verdicts.set(annotation.status, (verdicts.get(annotation.status) ?? 0) + 1);
  return {
    kinds: {
      claims: all.filter((a) => a.kind === 'claim').length,
      quotes: all.filter((a) => a.kind === 'quote').length,
      entities: all.filter((a) => a.kind === 'entity').length,
      notes: all.filter((a) => a.kind === 'note').length,
    },
    verdicts,
    notes: all.filter((a) => a.kind === 'note' || a.note).length,
  };
}

function kept(records: DocumentRecords) {
  return { kinds: records.counts.kinds(), verdicts: new Map(records.counts.verdicts()), notes: records.counts.notes() };
}

describe('record counts', () => {
  it('counts the records a document opens with', () => {
    const records = new DocumentRecords([mention, falseClaim, trueClaim, quote, note], [metsola]);
    expect(kept(records)).toEqual({
      kinds: { claims: 2, quotes: 1, entities: 1, notes: 1 },
      verdicts: new Map([
        ['false', 1],
        ['true', 1],
      ]),
      notes: 2,
    });
    expect(records.entityCount()).toBe(1);
  });

  it('follows adds, updates and removals, and their undo', () => {
    const records = new DocumentRecords([mention, falseClaim], [metsola]);
    const steps = [
      records.apply([
        { op: 'annotation.add', annotation: trueClaim },
        { op: 'annotation.add', annotation: quote },
      ]),
      records.apply([{ op: 'annotation.update', annotation: { ...falseClaim, status: 'true', note: 'Now a note' } }]),
      records.apply([{ op: 'annotation.update', annotation: { ...trueClaim, note: undefined } }]),
      records.apply([
        { op: 'annotation.remove', id: 'm1' },
        { op: 'annotation.add', annotation: note },
      ]),
    ];
    expect(kept(records)).toEqual(scanned(records));
    expect(kept(records)).toEqual({ kinds: { claims: 2, quotes: 1, entities: 0, notes: 1 }, verdicts: new Map([['true', 2]]), notes: 2 });
    for (const step of steps.reverse()) {
      records.apply(mustApply(step).inverse);
      expect(kept(records)).toEqual(scanned(records));
    }
    expect(kept(records)).toEqual({ kinds: { claims: 1, quotes: 0, entities: 1, notes: 0 }, verdicts: new Map([['false', 1]]), notes: 0 });
  });

  it('rolls the counts back with a batch that fails', () => {
    const records = new DocumentRecords([mention, falseClaim], [metsola]);
    const before = kept(records);
    expect(
      records.apply([
        { op: 'annotation.add', annotation: trueClaim },
        { op: 'annotation.update', annotation: { ...falseClaim, status: 'true' } },
        { op: 'annotation.add', annotation: { ...quote, speakerId: 'nobody' } },
      ]),
    ).toMatchObject({ ok: false });
    expect(kept(records)).toEqual(before);
    expect(kept(records)).toEqual(scanned(records));
  });
});
