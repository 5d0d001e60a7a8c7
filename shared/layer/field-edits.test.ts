import { describe, expect, it } from 'vitest';
import { ClaimAnnotation, type Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import {
  cleanEvidence,
  withAttribution,
  withCue,
  withEvidenceArchived,
  withEvidenceEdited,
  withEvidenceFile,
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

  it('keep a type and an access date, and keep a snapshot and a file through an edit of the description', () => {
    expect(cleanEvidence({ url: 'https://example.org/a', type: 'official-data', accessed: '2026-03-03' })).toEqual({
      url: 'https://example.org/a',
      type: 'official-data',
      accessed: '2026-03-03',
    });
    const typed = { url: 'https://example.org/a', type: 'not-a-type', accessed: '3 March' } as unknown as Parameters<
      typeof cleanEvidence
    >[0];
    expect(cleanEvidence(typed)).toEqual({ url: 'https://example.org/a' });
    const snapshot = {
      id: 'a'.repeat(32),
      sha256: 'b'.repeat(64),
      fetched: '2026-03-04T10:00:00.000Z',
      size: 1200,
      finalUrl: 'https://example.org/a?final',
      contentType: 'text/html',
    };
    const withSource = { ...claim, evidence: [{ url: 'https://example.org/a' }] } as Annotation;
    const archived = withEvidenceArchived(withSource, 0, snapshot);
    expect(archived).toMatchObject({ evidence: [{ url: 'https://example.org/a', accessed: '2026-03-04', archive: snapshot }] });
    expect(ClaimAnnotation.safeParse(archived).success).toBe(true);
    expect(withEvidenceArchived(withSource, 2, snapshot)).toBeNull();
    expect(withEvidenceArchived(quote, 0, snapshot)).toBeNull();
    const file = { path: '/home/a/scan.pdf', sha256: 'c'.repeat(64), size: 10, attached: when };
    const attached = withEvidenceFile(archived ?? withSource, 0, file);
    expect(attached).toMatchObject({ evidence: [{ archive: snapshot, file }] });
    expect(withEvidenceFile(attached ?? withSource, 0, file)).toBeNull();
    const edited = withEvidenceEdited(attached ?? withSource, 0, { url: 'https://ignored.org', title: 'T', type: 'media' });
    expect(edited).toMatchObject({ evidence: [{ url: 'https://example.org/a', title: 'T', type: 'media', archive: snapshot, file }] });
    expect(withEvidenceFile(edited ?? withSource, 0, undefined)).toMatchObject({ evidence: [{ archive: snapshot }] });
    expect((withEvidenceFile(edited ?? withSource, 0, undefined) as ClaimAnnotation).evidence?.[0]).not.toHaveProperty('file');
  });

  it('refuse a snapshot or a file record that is not well formed', () => {
    const item = {
      url: 'https://example.org/a',
      archive: { id: '../x', sha256: 'nothex', fetched: 'today', size: -1, finalUrl: 'file:///etc/passwd', contentType: '' },
    };
    expect(ClaimAnnotation.safeParse({ ...claim, evidence: [item] }).success).toBe(false);
    expect(ClaimAnnotation.safeParse({ ...claim, evidence: [{ url: 'https://example.org/a' }] }).success).toBe(true);
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
