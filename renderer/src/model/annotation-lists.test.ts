import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import {
  entityRows,
  filteredClaims,
  filteredNotes,
  quoteGroups,
  searchClaims,
  searchNotes,
  type ClaimFilter,
  type NoteFilter,
  type RecordsView,
} from './annotation-lists.ts';
import { DocumentRecords } from './document-records.ts';

/** A list as the panel shows it: filtered once, then searched. */
function claimList(records: RecordsView, tagset: Tagset, filter: ClaimFilter) {
  return searchClaims(filteredClaims(records, filter), records, tagset, filter.query);
}

function noteList(records: RecordsView, filter: NoteFilter) {
  return searchNotes(filteredNotes(records, filter.kind), filter.query);
}

const text = '"We are under attack," said Roberta Metsola. Metsola added: "Slava Ukraini." The site was down for hours.';
const when = '2026-01-31T09:00:00.000Z';
const common = { author: 'A', created: when, modified: when };

function at(exact: string, from = 0) {
  const start = text.indexOf(exact, from);
  return makeTarget(text, start, start + exact.length);
}

const metsola: Entity = { id: 'e-metsola', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'] };
const parliament: Entity = { id: 'e-ep', name: 'European Parliament', type: 'organization', aliases: [] };
const annotations: Annotation[] = [
  {
    ...common,
    id: 'c2',
    kind: 'claim',
    target: at('The site was down for hours'),
    status: 'false',
    checkworthy: true,
    note: 'Outage log',
    stage: 'checked',
  },
  { ...common, id: 'c1', kind: 'claim', target: at('We are under attack'), status: 'true', claimantId: 'e-metsola' },
  { ...common, id: 'q2', kind: 'quote', target: at('Slava Ukraini.'), form: 'direct', speakerId: 'e-metsola' },
  { ...common, id: 'q1', kind: 'quote', target: at('We are under attack'), form: 'direct', speakerId: 'e-metsola' },
  { ...common, id: 'q3', kind: 'quote', target: at('The site was down'), form: 'indirect' },
  { ...common, id: 'm2', kind: 'entity', target: at('Metsola', 40), entityId: 'e-metsola' },
  { ...common, id: 'm1', kind: 'entity', target: at('Roberta Metsola'), entityId: 'e-metsola' },
  { ...common, id: 'n1', kind: 'note', target: at('said'), note: 'Who else said it?' },
];
const records = new DocumentRecords(annotations, [metsola, parliament]);

describe('claim list', () => {
  it('lists claims in reading order and filters them by verdict and check-worthiness', () => {
    expect(claimList(records, DEFAULT_TAGSET, { verdict: 'all', checkworthyOnly: false, query: '' }).map((a) => a.id)).toEqual([
      'c1',
      'c2',
    ]);
    expect(claimList(records, DEFAULT_TAGSET, { verdict: 'false', checkworthyOnly: false, query: '' }).map((a) => a.id)).toEqual(['c2']);
    expect(claimList(records, DEFAULT_TAGSET, { verdict: 'all', checkworthyOnly: true, query: '' }).map((a) => a.id)).toEqual(['c2']);
    expect(records.counts.verdicts()).toEqual(
      new Map([
        ['false', 1],
        ['true', 1],
      ]),
    );
  });

  it('filters claims by workflow stage, a claim with none being "to check"', () => {
    const byStage = (stage: ClaimFilter['stage']) =>
      claimList(records, DEFAULT_TAGSET, { verdict: 'all', stage, checkworthyOnly: false, query: '' }).map((a) => a.id);
    expect(byStage('checked')).toEqual(['c2']);
    expect(byStage('to-check')).toEqual(['c1']);
    expect(byStage('published')).toEqual([]);
    expect(byStage('all')).toEqual(['c1', 'c2']);
  });

  it('searches the text, the note, the verdict label and the claimant', () => {
    const search = (query: string) =>
      claimList(records, DEFAULT_TAGSET, { verdict: 'all', checkworthyOnly: false, query }).map((a) => a.id);
    expect(search('outage')).toEqual(['c2']);
    expect(search('metsola')).toEqual(['c1']);
    expect(search('true attack')).toEqual(['c1']);
  });

  it("finds a claim by its claimant's new name once the entity is renamed", () => {
    const renamed = new DocumentRecords(annotations, [metsola, parliament]);
    const search = (query: string) =>
      claimList(renamed, DEFAULT_TAGSET, { verdict: 'all', checkworthyOnly: false, query }).map((a) => a.id);
    expect(search('metsola')).toEqual(['c1']);
    renamed.apply([{ op: 'entity.update', entity: { ...metsola, name: 'Roberta Tedesco', aliases: [] } }]);
    expect(search('metsola')).toEqual([]);
    expect(search('tedesco')).toEqual(['c1']);
  });
});

describe('quote groups', () => {
  it('groups quotes by speaker in the order they are first quoted, unattributed last', () => {
    const groups = quoteGroups(records, { speaker: 'all', form: 'all', query: '' });
    expect(groups.map((group) => [group.speaker?.name ?? null, group.quotes.map((q) => q.id)])).toEqual([
      ['Roberta Metsola', ['q1', 'q2']],
      [null, ['q3']],
    ]);
  });

  it('filters by speaker (or none) and form', () => {
    expect(quoteGroups(records, { speaker: 'none', form: 'all', query: '' }).flatMap((g) => g.quotes.map((q) => q.id))).toEqual(['q3']);
    expect(quoteGroups(records, { speaker: 'all', form: 'indirect', query: '' }).flatMap((g) => g.quotes.map((q) => q.id))).toEqual(['q3']);
    expect(quoteGroups(records, { speaker: 'all', form: 'all', query: 'slava' }).flatMap((g) => g.quotes.map((q) => q.id))).toEqual(['q2']);
  });
});

describe('entity rows', () => {
  it('counts each entity’s mentions, quotes and claims, and sorts', () => {
    const rows = entityRows(records, { type: 'all', query: '', sort: 'mentions' });
    expect(rows.map((row) => [row.entity.id, row.mentions.map((m) => m.id), row.quotes, row.claims])).toEqual([
      ['e-metsola', ['m1', 'm2'], 2, 1],
      ['e-ep', [], 0, 0],
    ]);
    expect(entityRows(records, { type: 'all', query: '', sort: 'name' }).map((row) => row.entity.id)).toEqual(['e-ep', 'e-metsola']);
    expect(entityRows(records, { type: 'organization', query: '', sort: 'name' }).map((row) => row.entity.id)).toEqual(['e-ep']);
    expect(entityRows(records, { type: 'all', query: 'metsola', sort: 'name' }).map((row) => row.entity.id)).toEqual(['e-metsola']);
  });
});

describe('note list', () => {
  it('lists note spans and notes written on other annotations', () => {
    expect(noteList(records, { kind: 'all', query: '' }).map((a) => a.id)).toEqual(['n1', 'c2']);
    expect(noteList(records, { kind: 'claim', query: '' }).map((a) => a.id)).toEqual(['c2']);
    expect(noteList(records, { kind: 'all', query: 'who' }).map((a) => a.id)).toEqual(['n1']);
  });
});
