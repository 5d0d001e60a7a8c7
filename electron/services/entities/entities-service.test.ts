import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { articleWith, documentOf } from '../testing/entity-fixtures.ts';
import { claim, mention, person, quote } from '../testing/record-fixtures.ts';
import { folderSnapshot } from '../testing/folder-snapshot.ts';
import { valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();

const TEXTS = [
  'Roberta Metsola said "Europe will act." The European Parliament met on Monday in Strasbourg.',
  'Metsola told reporters that the EU budget had doubled. "We are ready," she said in Brussels.',
  'The President of the Parliament, Roberta Metsola, claimed that turnout rose. The EU Commission disagreed.',
];

/** Three articles: "Roberta Metsola" (m1, Q8889 in the first), "Metsola" (m2) and "R. Metsola" (m3) speak and claim in them. */
async function threeArticles(scholia: Scholia) {
  const a = await articleWith(scholia, TEXTS[0] as string, (text) => ({
    entities: [
      person('m1', 'Roberta Metsola', { wikidata: 'Q8889' }),
      { id: 'ep', name: 'European Parliament', type: 'organization', aliases: [] },
    ],
    annotations: [
      mention(text, 'a1', 'm1', 'Roberta Metsola'),
      quote(text, 'a2', 'm1', '"Europe will act."'),
      mention(text, 'a3', 'ep', 'European Parliament'),
    ],
  }));
  const b = await articleWith(scholia, TEXTS[1] as string, (text) => ({
    entities: [person('m2', 'Metsola', { aliases: ['Roberta Metsola'] })],
    annotations: [
      mention(text, 'b1', 'm2', 'Metsola'),
      claim(text, 'b2', 'm2', 'the EU budget had doubled'),
      quote(text, 'b3', 'm2', '"We are ready,"'),
    ],
  }));
  const c = await articleWith(scholia, TEXTS[2] as string, (text) => ({
    entities: [person('m3', 'Roberta  Metsola', { aliases: [] }), person('m1', 'Roberta Metsola', { wikidata: 'Q8889' })],
    annotations: [
      mention(text, 'c1', 'm3', 'Roberta Metsola'),
      claim(text, 'c2', 'm3', 'turnout rose', 'mostly-false'),
      mention(text, 'c3', 'm1', 'Parliament', 0),
    ],
  }));
  return { a: a.id, b: b.id, c: c.id };
}

async function layers(scholia: Scholia, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => ({
      entities: (await documentOf(scholia, id)).entities,
      annotations: (await documentOf(scholia, id)).annotations,
    })),
  );
}

async function readEntitiesFile(dir: string) {
  return JSON.parse(await readFile(path.join(dir, 'entities.json'), 'utf8')) as {
    format: string;
    entities: { id: string; name: string; aliases: string[] }[];
    dismissed: string[][];
  };
}

describe('the entity registry', () => {
  it('is built once from the documents of a library that has none: one record per id, the newest copy winning, aliases united', async () => {
    const libraryDir = await tempDir();
    const first = await openScholia({ libraryDir, debounceMs: 5 });
    await articleWith(first, 'Ursula von der Leyen spoke in Brussels.', (text) => ({
      entities: [person('vdl', 'Ursula von der Leyen', { aliases: ['von der Leyen'] })],
      annotations: [mention(text, 'x1', 'vdl', 'Ursula von der Leyen')],
    }));
    await articleWith(first, 'The Commission President, Ursula von der Leyen, spoke again.', (text) => ({
      entities: [person('vdl', 'Ursula von der Leyen', { aliases: ['Commission President'], wikidata: 'Q60772' })],
      annotations: [mention(text, 'y1', 'vdl', 'Ursula von der Leyen')],
    }));
    await first.close();
    // Not used yet: opening and editing a library does not build it.
    expect(await readdir(libraryDir)).not.toContain('entities.json');

    const second = await openScholia({ libraryDir, debounceMs: 5 });
    valueOf(await second.dispatch('entities.proposals', {}));
    await second.flush();
    const file = await readEntitiesFile(libraryDir);
    expect(file.format).toBe('scholia-entities');
    expect(file.entities).toEqual([
      { id: 'vdl', name: 'Ursula von der Leyen', type: 'person', aliases: ['Commission President', 'von der Leyen'], wikidata: 'Q60772' },
    ]);
    await second.close();
  });

  it('proposes pairs by Wikidata id first, then by name and alias, never with different Wikidata ids, and remembers dismissals', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    await threeArticles(scholia);
    await articleWith(scholia, 'Roberta Metsola, the footballer, scored twice.', (text) => ({
      entities: [person('other', 'Roberta Metsola', { wikidata: 'Q999' })],
      annotations: [mention(text, 'o1', 'other', 'Roberta Metsola')],
    }));
    await articleWith(scholia, 'A spokesperson for the E.U. said little.', (text) => ({
      entities: [
        { id: 'eu1', name: 'E.U.', type: 'organization', aliases: [] },
        { id: 'eu2', name: 'eu', type: 'organization', aliases: [] },
      ],
      annotations: [mention(text, 'e1', 'eu1', 'E.U.')],
    }));
    const { proposals } = valueOf<ChannelOutput<'entities.proposals'>>(await scholia.dispatch('entities.proposals', {}));
    const pairs = proposals.map((p) => `${p.keep.id}+${p.merge.id} ${p.reason} ${p.documents}`);
    expect(pairs.sort()).toEqual([
      'eu1+eu2 name 1',
      'm1+m2 alias 3',
      'm1+m3 name 2',
      'm2+m3 alias 2',
      'other+m2 alias 2',
      'other+m3 name 2',
    ]);
    // "other" has a different Wikidata id from m1 (Q8889): never proposed with it, whatever the names.
    expect(pairs.some((pair) => pair.includes('other+m1') || pair.includes('m1+other'))).toBe(false);

    expect(valueOf(await scholia.dispatch('entities.dismiss', { keepId: 'eu2', mergeId: 'eu1' }))).toEqual({ dismissed: true });
    await scholia.close();
    const reopened = await openScholia({ libraryDir, debounceMs: 5 });
    const after = valueOf<ChannelOutput<'entities.proposals'>>(await reopened.dispatch('entities.proposals', {}));
    expect(after.proposals).toHaveLength(5);
    expect(after.proposals.some((p) => p.keep.id.startsWith('eu'))).toBe(false);
    expect((await readEntitiesFile(libraryDir)).dismissed).toEqual([['eu1', 'eu2']]);
    await reopened.close();
  });

  it('follows the library: an entity added to an article joins as a proposal, never merged silently; one no article holds leaves', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    await threeArticles(scholia);
    expect(valueOf<ChannelOutput<'entities.proposals'>>(await scholia.dispatch('entities.proposals', {})).proposals).toHaveLength(3);
    const added = await articleWith(scholia, 'President Metsola opened the session.', (text) => ({
      entities: [person('m9', 'President Metsola', { wikidata: 'Q8889' })],
      annotations: [mention(text, 'n1', 'm9', 'President Metsola')],
    }));
    const { proposals } = valueOf<ChannelOutput<'entities.proposals'>>(await scholia.dispatch('entities.proposals', {}));
    expect(proposals.find((p) => p.merge.id === 'm9')).toMatchObject({ keep: { id: 'm1' }, reason: 'wikidata', documents: 3 });
    expect((await documentOf(scholia, added.id)).entities.map((e) => e.id)).toEqual(['m9']);

    valueOf(await scholia.dispatch('library.trash', { id: added.id }));
    await scholia.services.entities.registry.ready();
    expect(scholia.services.entities.registry.entity('m9')).toBeUndefined();
    valueOf(await scholia.dispatch('library.untrash', { id: added.id }));
    await scholia.services.entities.registry.ready();
    expect(scholia.services.entities.registry.entity('m9')).toMatchObject({ name: 'President Metsola' });
    await scholia.close();
  });

  it('proposes the same Wikidata id ahead of names', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    await articleWith(scholia, 'NATO and the Atlantic Alliance met.', (text) => ({
      entities: [
        { id: 'nato', name: 'NATO', type: 'organization', aliases: [], wikidata: 'Q7184' },
        { id: 'alliance', name: 'Atlantic Alliance', type: 'organization', aliases: [], wikidata: 'Q7184' },
      ],
      annotations: [mention(text, 'n1', 'nato', 'NATO'), mention(text, 'n2', 'alliance', 'Atlantic Alliance')],
    }));
    const { proposals } = valueOf<ChannelOutput<'entities.proposals'>>(await scholia.dispatch('entities.proposals', {}));
    expect(proposals.map((p) => [p.keep.id, p.merge.id, p.reason])).toEqual([['alliance', 'nato', 'wikidata']]);
    await scholia.close();
  });

  it('merges across three articles as one change, which one undo takes back exactly and redo applies again', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { a, b, c } = await threeArticles(scholia);
    const before = await layers(scholia, [a, b, c]);

    const merged = valueOf<ChannelOutput<'entities.merge'>>(
      await scholia.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['m2', 'm3'] }),
    );
    expect(merged.entity).toEqual({
      id: 'm1',
      name: 'Roberta Metsola',
      type: 'person',
      aliases: ['Metsola', 'Roberta  Metsola'],
      wikidata: 'Q8889',
    });
    expect(merged.change.documentIds.sort()).toEqual([a, b, c].sort());
    expect(merged.change.description).toBe('Merged “Metsola”, “Roberta  Metsola” into “Roberta Metsola” in 3 articles');
    const docB = await documentOf(scholia, b);
    expect(docB.entities).toEqual([merged.entity]);
    expect(
      docB.annotations.map((x) => ('speakerId' in x ? x.speakerId : 'claimantId' in x ? x.claimantId : 'entityId' in x ? x.entityId : '')),
    ).toEqual(['m1', 'm1', 'm1']);
    const docC = await documentOf(scholia, c);
    expect(docC.entities.map((e) => e.id)).toEqual(['m1']);
    expect(docC.annotations.find((x) => x.id === 'c2')).toMatchObject({ claimantId: 'm1' });
    expect((await documentOf(scholia, a)).entities.find((e) => e.id === 'm1')).toEqual(merged.entity);
    const { proposals } = valueOf<ChannelOutput<'entities.proposals'>>(await scholia.dispatch('entities.proposals', {}));
    expect(proposals).toEqual([]);

    const undone = valueOf<ChannelOutput<'entities.undo'>>(await scholia.dispatch('entities.undo', {}));
    expect(undone.change?.id).toBe(merged.change.id);
    expect(await layers(scholia, [a, b, c])).toEqual(before);
    await scholia.flush();
    expect((await readEntitiesFile(libraryDir)).entities.map((e) => e.id).sort()).toEqual(['ep', 'm1', 'm2', 'm3']);
    expect(valueOf<ChannelOutput<'entities.undo'>>(await scholia.dispatch('entities.undo', {}))).toEqual({});

    const redone = valueOf<ChannelOutput<'entities.redo'>>(await scholia.dispatch('entities.redo', {}));
    expect(redone.change?.id).toBe(merged.change.id);
    expect((await documentOf(scholia, b)).entities).toEqual([merged.entity]);
    await scholia.close();

    // Saved: a new process reads the merged articles and registry.
    const reopened = await openScholia({ libraryDir, debounceMs: 5 });
    expect((await documentOf(reopened, c)).entities).toEqual([merged.entity]);
    expect((await readEntitiesFile(libraryDir)).entities.map((e) => e.id).sort()).toEqual(['ep', 'm1']);
    await reopened.close();
  });

  it('refuses to undo, changing nothing, when an article has changed since the merge', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { b } = await threeArticles(scholia);
    valueOf(await scholia.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['m2', 'm3'] }));
    const moved = (await documentOf(scholia, b)).annotations.find((x) => x.id === 'b2');
    valueOf(
      await scholia.dispatch('annotations.apply', {
        documentId: b,
        ops: [{ op: 'annotation.update', annotation: { ...moved, note: 'Checked twice.' } }],
      }),
    );
    await scholia.flush();
    const snapshot = await folderSnapshot(libraryDir);
    const refused = await scholia.dispatch('entities.undo', {});
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('annotation b2 has changed since') },
    });
    await scholia.flush();
    expect(await folderSnapshot(libraryDir)).toEqual(snapshot);
    await scholia.close();
  });

  it('loses no edit made to an article while a merge is being made: the merge applies after it, or is refused', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { b } = await threeArticles(scholia);
    const claimB = (await documentOf(scholia, b)).annotations.find((x) => x.id === 'b2');
    const [merge, edit] = await Promise.all([
      scholia.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['m2', 'm3'] }),
      scholia.dispatch('annotations.apply', {
        documentId: b,
        ops: [{ op: 'annotation.update', annotation: { ...claimB, note: 'Edited meanwhile.' } }],
      }),
    ]);
    expect(edit.ok).toBe(true);
    const after = (await documentOf(scholia, b)).annotations.find((x) => x.id === 'b2');
    expect(after).toMatchObject({ note: 'Edited meanwhile.' });
    if (merge.ok) expect(after).toMatchObject({ claimantId: 'm1' });
    else expect(merge.error.code).toBe('conflict');
    await scholia.close();
  });

  it('undoes and redoes a merge in articles whose copies of one entity differ, leaving each copy as it was', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const ids: string[] = [];
    for (const [i, type] of ['person', 'group', 'organization', 'person'].entries()) {
      const article = await articleWith(scholia, `Article ${i}: the Greens met the Green Party in Brussels.`, (text) => ({
        entities: [person('g1', 'Greens', { type }), person('g2', 'Green Party', { type: 'organization' })],
        annotations: [mention(text, `a${i}`, 'g1', 'Greens'), mention(text, `b${i}`, 'g2', 'Green Party')],
      }));
      ids.push(article.id);
    }
    const before = await layers(scholia, ids);
    valueOf(await scholia.dispatch('entities.merge', { keepId: 'g1', mergeIds: ['g2'] }));
    valueOf(await scholia.dispatch('entities.undo', {}));
    await scholia.services.entities.registry.ready();
    expect(await layers(scholia, ids)).toEqual(before);
    valueOf(await scholia.dispatch('entities.redo', {}));
    await scholia.services.entities.registry.ready();
    expect((await layers(scholia, ids)).map((layer) => layer.entities.map((e) => e.id))).toEqual(ids.map(() => ['g1']));
    await scholia.close();
  });

  it('keeps every article in step when two articles edit one entity in turn: the later edit wins everywhere', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { a, c } = await threeArticles(scholia);
    await scholia.services.entities.registry.ready();
    const inA = person('m1', 'Roberta Metsola', { wikidata: 'Q8889', description: 'From article a' });
    const inC = person('m1', 'Roberta Metsola', { wikidata: 'Q8889', description: 'From article c' });
    await Promise.all([
      scholia.dispatch('annotations.apply', { documentId: a, ops: [{ op: 'entity.update', entity: inA }] }),
      scholia.dispatch('annotations.apply', { documentId: c, ops: [{ op: 'entity.update', entity: inC }] }),
    ]);
    await scholia.services.entities.registry.ready();
    const copies = [(await documentOf(scholia, a)).entities, (await documentOf(scholia, c)).entities].map((list) =>
      list.find((e) => e.id === 'm1'),
    );
    expect(copies).toEqual([inC, inC]);
    expect(scholia.services.entities.registry.entity('m1')).toEqual(inC);
    await scholia.close();
  });

  it('refuses merges it cannot make with a message, changing nothing', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    await threeArticles(scholia);
    await articleWith(scholia, 'Roberta Metsola, the footballer, scored twice.', (text) => ({
      entities: [person('other', 'Roberta Metsola', { wikidata: 'Q999' })],
      annotations: [mention(text, 'o1', 'other', 'Roberta Metsola')],
    }));
    await scholia.flush();
    const snapshot = await folderSnapshot(libraryDir);
    expect(await scholia.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['other'] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('different Wikidata ids') },
    });
    expect(await scholia.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['nobody'] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await scholia.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['m1'] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    await scholia.flush();
    // The registry file is written on first use; the articles are as they were.
    const { 'entities.json': _registry, ...after } = await folderSnapshot(libraryDir);
    expect(after).toEqual(snapshot);
    await scholia.close();
  });

  it('splits the given mentions, quotes and claims off to a new entity, undone as one', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { a, b } = await threeArticles(scholia);
    valueOf(await scholia.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['m2'] }));
    const before = await layers(scholia, [a, b]);
    const split = valueOf<ChannelOutput<'entities.split'>>(
      await scholia.dispatch('entities.split', {
        entityId: 'm1',
        name: 'Metsola (speaker)',
        annotations: [
          { documentId: b, annotationId: 'b2' },
          { documentId: b, annotationId: 'b3' },
          { documentId: a, annotationId: 'a2' },
        ],
      }),
    );
    expect(split.entity).toMatchObject({ name: 'Metsola (speaker)', type: 'person', aliases: [] });
    expect(split.change.documentIds.sort()).toEqual([a, b].sort());
    const docB = await documentOf(scholia, b);
    expect(docB.annotations.find((x) => x.id === 'b2')).toMatchObject({ claimantId: split.entity.id });
    expect(docB.annotations.find((x) => x.id === 'b1')).toMatchObject({ entityId: 'm1' });
    expect((await documentOf(scholia, a)).annotations.find((x) => x.id === 'a2')).toMatchObject({ speakerId: split.entity.id });

    expect(
      await scholia.dispatch('entities.split', { entityId: 'm1', name: 'X', annotations: [{ documentId: a, annotationId: 'a3' }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('a3 is not a mention, quote or claim of “Roberta Metsola”') },
    });

    valueOf(await scholia.dispatch('entities.undo', {}));
    expect(await layers(scholia, [a, b])).toEqual(before);
    await scholia.close();
  });

  it('pushes an edit of the registry record, and an edit made inside one article, to every article holding the entity', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { a, c } = await threeArticles(scholia);
    const record = person('m1', 'Roberta Metsola', { wikidata: 'Q8889', description: 'President of the European Parliament' });
    const updated = valueOf<ChannelOutput<'entities.update'>>(await scholia.dispatch('entities.update', { entity: record }));
    expect(updated.change.documentIds.sort()).toEqual([a, c].sort());
    expect((await documentOf(scholia, c)).entities.find((e) => e.id === 'm1')).toEqual(record);
    valueOf(await scholia.dispatch('entities.undo', {}));
    expect((await documentOf(scholia, c)).entities.find((e) => e.id === 'm1')).toEqual(
      person('m1', 'Roberta Metsola', { wikidata: 'Q8889' }),
    );

    // An edit inside article a reaches article c through the registry.
    const edited = { ...record, aliases: ['Metsola'] };
    valueOf(await scholia.dispatch('annotations.apply', { documentId: a, ops: [{ op: 'entity.update', entity: edited }] }));
    await scholia.services.entities.registry.ready();
    expect((await documentOf(scholia, c)).entities.find((e) => e.id === 'm1')).toEqual(edited);
    expect(scholia.services.entities.registry.entity('m1')).toEqual(edited);
    expect(await scholia.dispatch('entities.update', { entity: { ...record, type: 'planet' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    await scholia.close();
  });

  it('pushes an edit made in one article before the registry was ever used to the other articles', async () => {
    const libraryDir = await tempDir();
    const first = await openScholia({ libraryDir, debounceMs: 5 });
    const { a, c } = await threeArticles(first);
    await first.close();
    expect(await readdir(libraryDir)).not.toContain('entities.json');
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const edited = person('m1', 'Roberta Metsola', { wikidata: 'Q8889', aliases: ['President Metsola'] });
    valueOf(await scholia.dispatch('annotations.apply', { documentId: a, ops: [{ op: 'entity.update', entity: edited }] }));
    await scholia.services.entities.registry.ready();
    expect((await documentOf(scholia, c)).entities.find((e) => e.id === 'm1')).toEqual(edited);
    await scholia.flush();
    expect((await readEntitiesFile(libraryDir)).entities.find((e) => e.id === 'm1')).toEqual(edited);
    await scholia.close();
  });

  it('answers proposals from a library opened for reading, refuses changes, and writes nothing', async () => {
    const libraryDir = await tempDir();
    const writer = await openScholia({ libraryDir, debounceMs: 5 });
    await threeArticles(writer);
    await writer.close();
    const before = await folderSnapshot(libraryDir);
    const reader = await openScholia({ libraryDir, access: 'read' });
    expect(valueOf<ChannelOutput<'entities.proposals'>>(await reader.dispatch('entities.proposals', {})).proposals).toHaveLength(3);
    expect(await reader.dispatch('entities.merge', { keepId: 'm1', mergeIds: ['m2'] })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    expect(await reader.dispatch('entities.dismiss', { keepId: 'm1', mergeId: 'm2' })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    await reader.close();
    expect(await folderSnapshot(libraryDir)).toEqual(before);
  });

  it('reports a damaged entities.json, keeps it aside and rebuilds the registry from the documents', async () => {
    const libraryDir = await tempDir();
    const first = await openScholia({ libraryDir, debounceMs: 5 });
    await threeArticles(first);
    await first.close();
    await writeFile(path.join(libraryDir, 'entities.json'), '{"format":"scholia-entities","version":1,"entities":[{"id":');
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { proposals } = valueOf<ChannelOutput<'entities.proposals'>>(await scholia.dispatch('entities.proposals', {}));
    expect(proposals.length).toBe(3);
    expect(scholia.services.entities.registry.size).toBe(4);
    await scholia.flush();
    const names = await readdir(libraryDir);
    const aside = names.filter((name) => name.startsWith('entities.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(libraryDir, aside[0] as string), 'utf8')).toContain('"entities":[{"id":');
    expect((await readEntitiesFile(libraryDir)).entities).toHaveLength(4);
    const { notices } = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {}));
    expect(
      notices?.some((notice) => notice.message.includes('The entity registry (entities.json) could not be read: it is not valid JSON')),
    ).toBe(true);
    await scholia.close();
  });
});
