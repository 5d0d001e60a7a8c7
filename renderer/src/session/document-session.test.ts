import { describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type { ReaderView } from '../reader/reader-view.ts';
import { DocumentSession } from './document-session.ts';

const when = '2026-01-31T09:00:00.000Z';
const text = '"We are under attack," said Roberta Metsola.';

function documentWith(): ScholiaDocument {
  const quoteStart = 1;
  return {
    id: 'doc1',
    meta: { title: 'Test' },
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    text,
    fingerprint: `sha256:${'0'.repeat(64)}`,
    entities: [],
    annotations: [
      {
        id: 'q1',
        kind: 'quote',
        form: 'direct',
        target: makeTarget(text, quoteStart, quoteStart + 19),
        author: 'A',
        created: when,
        modified: when,
      },
    ],
    reviews: [],
    revision: 4,
    imported: when,
    modified: when,
  };
}

/** An API that records `annotations.apply` batches and accepts them. */
function recordingApi() {
  const batches: { ops: AnnotationOp[]; baseRevision?: number }[] = [];
  let revision = 4;
  const api: ApiClient = {
    call: async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      if (channel !== 'annotations.apply') throw new Error(`unexpected ${channel}`);
      batches.push(input as ChannelInput<'annotations.apply'>);
      revision += 1;
      return { revision, modified: when } as ChannelOutput<C>;
    },
  };
  return { api, batches };
}

function sessionWith() {
  const { api, batches } = recordingApi();
  const reports: string[] = [];
  const session = new DocumentSession(documentWith(), DEFAULT_TAGSET, api, {
    author: () => 'A. Analyst',
    report: (_tone, message) => reports.push(message),
  });
  return { session, batches, reports };
}

describe('DocumentSession', () => {
  it('takes a library entity picked as the speaker with its id and record, and one undo takes both back', async () => {
    const { session, batches } = sessionWith();
    const library = { id: 'lib-metsola', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'], wikidata: 'Q2158040' };
    expect(session.attributeToEntity('q1', library)).toBe(true);
    await session.commands.whenIdle();
    expect(batches[0]?.ops).toEqual([{ op: 'entity.add', entity: library }, expect.objectContaining({ op: 'annotation.update' })]);
    expect(session.records.entity('lib-metsola')).toEqual(library);
    expect(session.records.annotation('q1')).toMatchObject({ speakerId: 'lib-metsola' });
    // Picked again (the article holds it now), nothing changes: no second copy of the entity.
    expect(session.attributeToEntity('q1', library)).toBe(false);
    expect([...session.records.entities()]).toHaveLength(1);
    expect(session.undo()).toBe(true);
    expect(session.records.entity('lib-metsola')).toBeUndefined();
    expect(session.records.annotation('q1')).not.toHaveProperty('speakerId');
  });

  it('shows an annotation asked for while no reader is drawn as soon as one attaches, once', () => {
    const { session } = sessionWith();
    const shown: string[] = [];
    const reader = {
      updateHighlights: () => undefined,
      revealSpan: (span: { start: number; end: number }) => shown.push(`reveal ${span.start}-${span.end}`),
      flashSpan: (span: { start: number; end: number }) => shown.push(`flash ${span.start}-${span.end}`),
    } as unknown as ReaderView;
    session.revealWhenDrawn('q1');
    expect(session.selectedId.value).toBe(null);
    session.attachReader(reader);
    expect(session.selectedId.value).toBe('q1');
    expect(shown).toEqual(['reveal 1-20', 'flash 1-20']);
    session.attachReader(null);
    session.attachReader(reader);
    expect(shown).toHaveLength(2);
    session.revealWhenDrawn('q1');
    expect(shown).toHaveLength(4);
  });

  it('names a new speaker by typing: a person entity and the quote’s speaker in one batch', async () => {
    const { session, batches } = sessionWith();
    expect(session.setSpeakerByName('q1', '  Roberta   Metsola ')).toBe(true);
    await session.commands.whenIdle();
    const [batch] = batches;
    expect(batch?.baseRevision).toBe(4);
    expect(batch?.ops.map((op) => op.op)).toEqual(['entity.add', 'annotation.update']);
    const speaker = [...session.records.entities()][0];
    expect(speaker).toMatchObject({ name: 'Roberta Metsola', type: 'person' });
    expect(session.records.annotation('q1')).toMatchObject({ speakerId: speaker?.id });
  });

  it('sends each batch on the revision the previous one produced', async () => {
    const { session, batches } = sessionWith();
    session.setQuoteForm('q1', 'mixed');
    session.setNote('q1', 'Check the video.');
    await session.commands.whenIdle();
    expect(batches.map((batch) => batch.baseRevision)).toEqual([4, 5]);
  });

  it('keeps an entity’s former name as an alias when it occurs in the article', async () => {
    const { session } = sessionWith();
    session.setSpeakerByName('q1', 'Metsola');
    const entity = [...session.records.entities()][0];
    session.renameEntity(entity?.id ?? '', 'Roberta Metsola');
    expect(session.records.entity(entity?.id ?? '')).toMatchObject({ name: 'Roberta Metsola', aliases: ['Metsola'] });
    await session.commands.whenIdle();
  });

  it('removes an empty note instead of saving an empty string', async () => {
    const { session } = sessionWith();
    session.setNote('q1', 'Temporary');
    session.setNote('q1', '   ');
    expect(session.records.annotation('q1')).not.toHaveProperty('note');
    await session.commands.whenIdle();
  });

  it('selects what an undo brings back and forgets a selection that disappears', async () => {
    const { session } = sessionWith();
    session.select('q1');
    session.deleteSelected();
    expect(session.selectedId.value).toBeNull();
    session.undo();
    expect(session.selectedId.value).toBe('q1');
    await session.commands.whenIdle();
  });

  it('applies tagset keys to the selected annotation only where they mean something', () => {
    const { session } = sessionWith();
    session.select('q1');
    expect(session.applyTagsetKey('6')).toBe(false);
  });

  it('says what to do when asked to mark without a selection', () => {
    const { session, reports } = sessionWith();
    expect(session.markSelection('claim')).toBe(false);
    expect(reports).toEqual(['Select some text in the article first.']);
  });

  it('tags all mentions of an entity in one batch, and one undo takes them all back', async () => {
    const { session, batches, reports } = sessionWith();
    session.setSpeakerByName('q1', 'Metsola');
    const entity = [...session.records.entities()][0];
    expect(session.untaggedMentionCount(entity?.id ?? '')).toBe(1);
    expect(session.tagAllMentions(entity?.id ?? '')).toBe(true);
    await session.commands.whenIdle();
    expect(batches.at(-1)?.ops.map((op) => op.op)).toEqual(['annotation.add']);
    expect(reports.at(-1)).toBe('Tagged 1 more mention of “Metsola”.');
    expect(session.untaggedMentionCount(entity?.id ?? '')).toBe(0);
    session.undo();
    expect([...session.records.annotations()].filter((a) => a.kind === 'entity')).toEqual([]);
    await session.commands.whenIdle();
  });

  it('merges one entity into another in one undoable batch: the speaker follows', async () => {
    const { session, batches } = sessionWith();
    const long = { id: 'long', name: 'Roberta Metsola', type: 'person', aliases: [] };
    const short = { id: 'short', name: 'Metsola', type: 'other', aliases: [] };
    const quote = session.records.annotation('q1');
    if (quote?.kind !== 'quote') throw new Error('no quote');
    const mention = {
      id: 'm1',
      kind: 'entity' as const,
      entityId: 'long',
      target: makeTarget(text, 28, 43),
      author: 'A',
      created: when,
      modified: when,
    };
    session.commands.run('Set up', [
      { op: 'entity.add', entity: long },
      { op: 'entity.add', entity: short },
      { op: 'annotation.add', annotation: mention },
      { op: 'annotation.update', annotation: { ...quote, speakerId: 'short' } },
    ]);
    expect(session.mergeEntity('short', 'long')).toBe(true);
    expect(session.records.annotation('q1')).toMatchObject({ speakerId: 'long' });
    expect(session.records.entity('long')?.aliases).toEqual(['Metsola']);
    expect(session.records.entity('short')).toBeUndefined();
    await session.commands.whenIdle();
    expect(batches.at(-1)?.ops.map((op) => op.op)).toEqual(['annotation.update', 'entity.update', 'entity.remove']);
    session.undo();
    expect(session.records.annotation('q1')).toMatchObject({ speakerId: 'short' });
    await session.commands.whenIdle();
  });

  it('gives a quote the last speaker used with A, and says so when there is none', async () => {
    const { session, reports } = sessionWith();
    session.select('q1');
    expect(session.attributeToLastSpeaker()).toBe(false);
    expect(reports.at(-1)).toContain('No speaker used yet');
    const person = { id: 'p1', name: 'Roberta Metsola', type: 'person', aliases: [] };
    const mention = {
      id: 'm1',
      kind: 'entity' as const,
      entityId: 'p1',
      target: makeTarget(text, 28, 43),
      author: 'A',
      created: when,
      modified: when,
    };
    session.commands.run('Set up', [
      { op: 'entity.add', entity: person },
      { op: 'annotation.add', annotation: mention },
    ]);
    session.setSpeaker('q1', 'p1');
    session.setSpeaker('q1', undefined);
    expect(session.attributeToLastSpeaker()).toBe(true);
    expect(session.records.annotation('q1')).toMatchObject({ speakerId: 'p1' });
    await session.commands.whenIdle();
  });

  it('adds and removes sources on a claim, refusing links that are not http(s)', async () => {
    const { session, reports } = sessionWith();
    const claim = {
      id: 'c1',
      kind: 'claim' as const,
      status: 'unverified',
      target: makeTarget(text, 1, 20),
      author: 'A',
      created: when,
      modified: when,
    };
    session.commands.run('Add claim', [{ op: 'annotation.add', annotation: claim }]);
    expect(session.addEvidence('c1', { url: 'javascript:alert(1)' })).toBe(false);
    expect(reports.at(-1)).toContain('not a web link');
    expect(session.addEvidence('c1', { url: ' https://example.org/a ', title: ' A ', note: '' })).toBe(true);
    expect(session.records.annotation('c1')).toMatchObject({ evidence: [{ url: 'https://example.org/a', title: 'A' }] });
    expect(session.removeEvidence('c1', 0)).toBe(true);
    expect(session.records.annotation('c1')).not.toHaveProperty('evidence');
    await session.commands.whenIdle();
  });
});
