import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { makeTarget } from '../text/target.ts';
import { LayerIndex, mustApply } from './layer-index.ts';
import { deleteEntityOps, mergeEntityOps, mergedEntity, parseWikidataId, tagAllMentionsOps, untaggedMentionSpans } from './entity-edits.ts';

const text = 'Roberta Metsola spoke. Metsola added that METSOLA and Metsolas differ; the Kremlin denied it. The Kremlin, Metsola said.';
const when = '2026-01-31T09:00:00.000Z';
const common = { author: 'A', created: when, modified: when };
const metsola: Entity = { id: 'metsola', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'] };
const kremlin: Entity = { id: 'kremlin', name: 'the Kremlin', type: 'organization', aliases: [] };

function mention(id: string, entityId: string, start: number, end: number): Annotation {
  return { ...common, id, kind: 'entity', entityId, target: makeTarget(text, start, end) };
}

function texts(spans: { start: number; end: number }[]): string[] {
  return spans.map((span) => `${span.start}:${text.slice(span.start, span.end)}`);
}

describe('untaggedMentionSpans', () => {
  it('finds names and aliases as whole words with their case, longest first', () => {
    const records = new LayerIndex({ annotations: [], entities: [metsola] });
    expect(texts(untaggedMentionSpans(text, metsola, records))).toEqual(['0:Roberta Metsola', '23:Metsola', '107:Metsola']);
  });

  it('skips what is already tagged as the entity, and spans another entity holds exactly', () => {
    const records = new LayerIndex({
      annotations: [mention('m1', 'metsola', 8, 15), mention('x', 'other', 23, 30)],
      entities: [metsola, { id: 'other', name: 'X', type: 'other', aliases: [] }],
    });
    expect(texts(untaggedMentionSpans(text, metsola, records))).toEqual(['107:Metsola']);
  });

  it('lets a name in lower case match with a capital first letter', () => {
    const records = new LayerIndex({ annotations: [], entities: [kremlin] });
    expect(texts(untaggedMentionSpans(text, kremlin, records))).toEqual(['71:the Kremlin', '94:The Kremlin']);
  });

  it('makes one add op per mention, stamped with the author', () => {
    const records = new LayerIndex({ annotations: [mention('m1', 'metsola', 0, 15)], entities: [metsola] });
    let next = 0;
    const ops = tagAllMentionsOps(text, metsola, records, { author: 'A. Analyst', now: when, newId: () => `n${(next += 1)}` });
    expect(
      ops.map((op) =>
        op.op === 'annotation.add' && op.annotation.kind === 'entity'
          ? [op.annotation.id, op.annotation.entityId, op.annotation.target.exact, op.annotation.author]
          : null,
      ),
    ).toEqual([
      ['n1', 'metsola', 'Metsola', 'A. Analyst'],
      ['n2', 'metsola', 'Metsola', 'A. Analyst'],
    ]);
  });
});

describe('mergeEntityOps', () => {
  const short: Entity = {
    id: 'short',
    name: 'Metsola',
    type: 'other',
    aliases: ['R. Metsola'],
    wikidata: 'Q7350848',
    description: 'EP President',
  };
  const long: Entity = { id: 'long', name: 'Roberta Metsola', type: 'person', aliases: [] };
  const annotations: Annotation[] = [
    mention('a', 'short', 23, 30),
    mention('b', 'short', 8, 15),
    mention('c', 'long', 8, 15),
    { ...common, id: 'q', kind: 'quote', form: 'direct', speakerId: 'short', target: makeTarget(text, 0, 21) },
    { ...common, id: 'k', kind: 'claim', status: 'true', claimantId: 'short', target: makeTarget(text, 0, 21) },
  ];

  it('moves mentions, speakers and claimants and removes the merged entity, all or nothing', () => {
    const records = new LayerIndex({ annotations, entities: [short, long] });
    const { ops, summary } = mergeEntityOps(records, 'short', 'long', when);
    expect(summary).toEqual({ mentions: 2, quotes: 1, claims: 1 });
    const applied = mustApply(records.apply(ops));
    expect(records.entity('short')).toBeUndefined();
    expect(records.annotation('a')).toMatchObject({ entityId: 'long' });
    expect(records.annotation('b')).toBeUndefined();
    expect(records.annotation('q')).toMatchObject({ speakerId: 'long' });
    expect(records.annotation('k')).toMatchObject({ claimantId: 'long' });
    expect(records.entity('long')).toEqual({
      ...long,
      aliases: ['Metsola', 'R. Metsola'],
      wikidata: 'Q7350848',
      description: 'EP President',
    });
    records.apply(applied.inverse);
    const byId = (a: Annotation, b: Annotation) => a.id.localeCompare(b.id);
    expect([...records.annotations()].sort(byId)).toEqual([...annotations].sort(byId));
    expect(records.entity('short')).toEqual(short);
  });

  it('does nothing for an entity merged into itself', () => {
    expect(mergeEntityOps(new LayerIndex({ annotations, entities: [short, long] }), 'long', 'long', when).ops).toEqual([]);
  });

  it('keeps the surviving entity’s own Wikidata id', () => {
    expect(mergedEntity(short, { ...long, wikidata: 'Q1' }).wikidata).toBe('Q1');
  });
});

describe('deleteEntityOps', () => {
  it('removes the entity with its mentions and unnames its quotes and claims', () => {
    const annotations: Annotation[] = [
      mention('a', 'metsola', 0, 15),
      { ...common, id: 'q', kind: 'quote', form: 'direct', speakerId: 'metsola', target: makeTarget(text, 0, 21) },
    ];
    const records = new LayerIndex({ annotations, entities: [metsola] });
    records.apply(deleteEntityOps(records, 'metsola', when));
    expect(records.entity('metsola')).toBeUndefined();
    expect(records.annotation('a')).toBeUndefined();
    expect(records.annotation('q')).not.toHaveProperty('speakerId');
  });
});

describe('parseWikidataId', () => {
  it('reads ids and wikidata.org links', () => {
    expect(parseWikidataId('Q42')).toBe('Q42');
    expect(parseWikidataId(' q7350848 ')).toBe('Q7350848');
    expect(parseWikidataId('https://www.wikidata.org/wiki/Q7350848')).toBe('Q7350848');
    expect(parseWikidataId('Q0')).toBeNull();
    expect(parseWikidataId('https://example.org/wiki/Q42')).toBeNull();
  });
});
