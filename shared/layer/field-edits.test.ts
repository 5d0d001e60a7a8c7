import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import {
  cleanEvidence,
  withAttribution,
  withCue,
  withEvidenceEdited,
  withEvidenceRemoved,
  withNote,
  withTarget,
  withVerdict,
} from './annotation-fields.ts';
import { renamedEntity, withAliases, withWikidata } from './entity-fields.ts';

const when = '2026-01-31T09:00:00.000Z';
const target = { start: 0, end: 7, exact: 'Metsola', prefix: '', suffix: ' said' };
const claim: Annotation = { id: 'c', kind: 'claim', status: 'unverified', target, author: 'A', created: when, modified: when };
const quote: Annotation = { id: 'q', kind: 'quote', form: 'direct', speakerId: 'e1', target, author: 'A', created: when, modified: when };
const metsola: Entity = { id: 'e1', name: 'Metsola', type: 'person', aliases: [] };

describe('annotation field edits', () => {
  it('say "no change" for another kind or the same value', () => {
    expect(withVerdict(quote, 'false')).toBeNull();
    expect(withVerdict(claim, 'unverified')).toBeNull();
    expect(withVerdict(claim, 'false')).toMatchObject({ status: 'false' });
    expect(withTarget(claim, target)).toBeNull();
    expect(withCue(claim, target)).toBeNull();
    expect(withCue(quote, undefined)).toBeNull();
  });

  it('set and clear a speaker or claimant, applying alongside other ops even when it stays', () => {
    expect(withAttribution(quote, 'e1')).toBeNull();
    expect(withAttribution(quote, 'e1', true)).toEqual(quote);
    expect(withAttribution(quote, undefined)).not.toHaveProperty('speakerId');
    expect(withAttribution(claim, 'e2')).toMatchObject({ claimantId: 'e2' });
  });

  it('keep only web links as sources, trimmed, and edit or remove one by index', () => {
    expect(cleanEvidence({ url: 'ftp://example.org/x' })).toBeNull();
    const source = cleanEvidence({ url: ' https://example.org/a ', title: ' A ', note: '  ' });
    expect(source).toEqual({ url: 'https://example.org/a', title: 'A' });
    const withSource = { ...claim, evidence: [source ?? { url: '' }] } as Annotation;
    expect(withEvidenceEdited(withSource, 0, { url: 'https://ignored.org', title: 'A' })).toBeNull();
    expect(withEvidenceEdited(withSource, 0, { url: 'https://ignored.org', note: 'why' })).toMatchObject({
      evidence: [{ url: 'https://example.org/a', note: 'why' }],
    });
    expect(withEvidenceRemoved(withSource, 0)).not.toHaveProperty('evidence');
    expect(withEvidenceRemoved(withSource, 3)).toBeNull();
  });

  it('remove a blank note', () => {
    expect(withNote({ ...claim, note: 'x' } as Annotation, '  ')).not.toHaveProperty('note');
    expect(withNote(claim, '')).toBeNull();
  });
});

describe('entity field edits', () => {
  it('keep a former name found in the text as an alias, and refuse a blank name', () => {
    expect(renamedEntity(metsola, '  Roberta   Metsola ', 'Metsola said')).toEqual({
      ...metsola,
      name: 'Roberta Metsola',
      aliases: ['Metsola'],
    });
    expect(renamedEntity(metsola, 'Roberta Metsola', 'She said')).toEqual({ ...metsola, name: 'Roberta Metsola', aliases: [] });
    expect(renamedEntity(metsola, '   ', 'Metsola said')).toBeNull();
  });

  it('drop blank and duplicate aliases and the name itself; clear a Wikidata id', () => {
    expect(withAliases(metsola, [' R.  Metsola ', '', 'Metsola', 'R. Metsola'])).toEqual({ ...metsola, aliases: ['R. Metsola'] });
    expect(withAliases(metsola, [''])).toBeNull();
    expect(withWikidata({ ...metsola, wikidata: 'Q1' }, undefined)).toEqual(metsola);
  });
});
