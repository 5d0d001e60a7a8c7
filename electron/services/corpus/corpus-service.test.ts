import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusQuery, CorpusResult, FacetName } from '../../../shared/corpus/corpus-query.ts';
import { parseQueryString } from '../../../shared/corpus/query-string.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { annotationOn, call, EU, importArticles, METSOLA } from '../testing/corpus-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { LibraryStore } from '../store/library-store.ts';
import { CorpusService } from './corpus-service.ts';
import { SEARCHES_FILE } from './saved-searches.ts';

const tempDir = useTempDirs();

async function library(): Promise<{ scholia: Scholia; ids: string[]; dir: string }> {
  const dir = await tempDir();
  const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
  const ids = await importArticles(scholia);
  return { scholia, ids, dir };
}

function search(scholia: Scholia, query: CorpusQuery | string, page: { limit?: number; offset?: number } = {}): Promise<CorpusResult> {
  return call(scholia, 'corpus.search', { query: typeof query === 'string' ? parseQueryString(query) : query, ...page });
}

function hitIds(result: CorpusResult): string[] {
  return result.groups.flatMap((group) => group.hits.map((hit) => hit.annotationId));
}

function facet(result: CorpusResult, name: FacetName): Record<string, number> {
  return Object.fromEntries((result.facets[name] ?? []).map((value) => [value.value, value.count]));
}

describe('corpus search', () => {
  it('finds a speaker’s quotes across the three articles by id, name, alias, Wikidata id, in any case and accent', async () => {
    const { scholia, ids } = await library();
    for (const speaker of [METSOLA.id, 'Roberta Metsola', 'metsola', 'q2740048', 'ROBERTA  MÉTSOLA']) {
      const result = await search(scholia, { speakers: [speaker] });
      expect(result.total).toBe(3);
      expect(result.documents).toBe(3);
      // Newest first: 20 May, 2 May, 10 March.
      expect(result.groups.map((group) => group.documentId)).toEqual([ids[2], ids[1], ids[0]]);
      expect(hitIds(result)).toEqual(['a3-q1', 'a2-q1', 'a1-q1']);
    }
    const [group] = (await search(scholia, 'speaker:Metsola')).groups;
    expect(group).toMatchObject({ title: 'Disinformation warning', source: 'Politico', published: '2024-05-20' });
    expect(group?.hits[0]).toMatchObject({
      kind: 'quote',
      exact: 'disinformation spreads fast',
      entityId: METSOLA.id,
      entityName: 'Roberta Metsola',
    });
    expect((await search(scholia, 'speaker:nobody')).total).toBe(0);
    await scholia.close();
  });

  it('finds claims rated false across articles, by codebook id or label, hits in text order', async () => {
    const { scholia, ids } = await library();
    const result = await search(scholia, 'kind:claim verdict:false');
    expect(result.total).toBe(2);
    expect(result.groups.map((group) => group.documentId)).toEqual([ids[1], ids[0]]);
    expect(result.groups[1]?.hits[0]).toMatchObject({ status: 'false', label: 'statistic', checkworthy: true, author: 'Ana' });
    expect((await search(scholia, { verdicts: ['False'] })).total).toBe(2);
    expect((await search(scholia, { verdicts: ['Mostly false'] })).total).toBe(1);
    const inOrder = await search(scholia, { documentIds: [ids[0] ?? ''] });
    expect(hitIds(inOrder)).toEqual(['a1-m1', 'a1-m2', 'a1-q1', 'a1-c1']);
    await scholia.close();
  });

  it('filters by every facet, and counts each facet leaving its own filter out', async () => {
    const { scholia } = await library();
    const all = await search(scholia, {});
    expect(all.total).toBe(13);
    expect(facet(all, 'kind')).toEqual({ entity: 6, quote: 3, claim: 3, note: 1 });
    expect(facet(all, 'verdict')).toEqual({ false: 2, 'mostly-false': 1 });
    expect(all.facets.verdict?.find((value) => value.value === 'false')?.label).toBe('False');
    expect(facet(all, 'label')).toEqual({ statistic: 2 });
    expect(all.facets.label?.[0]?.label).toBe('Statistic');
    expect(facet(all, 'checkworthy')).toEqual({ yes: 2, no: 1 });
    expect(facet(all, 'speaker')).toEqual({ [METSOLA.id]: 3 });
    expect(all.facets.speaker?.[0]?.label).toBe('Roberta Metsola');
    expect(facet(all, 'claimant')).toEqual({ [EU.id]: 1 });
    expect(facet(all, 'entity')).toEqual({ [EU.id]: 4, [METSOLA.id]: 5, 'e-zelenskyy': 1 });
    expect(facet(all, 'annotator')).toEqual({ Ana: 7, Ben: 6 });
    expect(facet(all, 'tag')).toEqual({ energy: 2, followup: 1 });
    expect(facet(all, 'source')).toEqual({ Politico: 8, 'Le Monde': 5 });
    expect(facet(all, 'month')).toEqual({ '2024-03': 4, '2024-05': 9 });

    const claims = await search(scholia, 'kind:claim');
    expect(claims.total).toBe(3);
    // Its own facet still shows every kind; the others follow the kind filter.
    expect(facet(claims, 'kind')).toEqual({ entity: 6, quote: 3, claim: 3, note: 1 });
    expect(facet(claims, 'annotator')).toEqual({ Ana: 1, Ben: 2 });
    expect(facet(claims, 'source')).toEqual({ Politico: 2, 'Le Monde': 1 });

    const narrow = await search(scholia, 'kind:claim source:politico annotator:ben');
    expect(hitIds(narrow)).toEqual(['a3-c1']);
    expect(facet(narrow, 'kind')).toEqual({ claim: 1 });
    expect(facet(narrow, 'source')).toEqual({ Politico: 1, 'Le Monde': 1 });
    expect(facet(narrow, 'annotator')).toEqual({ Ana: 1, Ben: 1 });

    expect(hitIds(await search(scholia, 'label:statistic checkworthy:no'))).toEqual(['a2-c1']);
    expect(hitIds(await search(scholia, 'claimant:EU'))).toEqual(['a2-c1']);
    expect(hitIds(await search(scholia, 'entity:Zelensky'))).toEqual(['a2-m3']);
    expect((await search(scholia, 'entity:"the union"')).total).toBe(4);
    expect(hitIds(await search(scholia, 'tag:followup'))).toEqual(['a3-n1']);
    expect((await search(scholia, 'tag:energy tag:followup')).total).toBe(3);
    expect((await search(scholia, 'from:2024-05-01 to:2024-05-10')).total).toBe(5);
    const may = await search(scholia, 'from:2024-05-01');
    expect(may.total).toBe(9);
    expect(facet(may, 'month')).toEqual({ '2024-03': 4, '2024-05': 9 });
    await scholia.close();
  });

  it('searches words of the text, note, tags and evidence titles, folded; and a regex over text and note', async () => {
    const { scholia } = await library();
    expect(hitIds(await search(scholia, 'twelve prices'))).toEqual(['a1-c1']);
    expect(hitIds(await search(scholia, 'eurostat'))).toEqual(['a1-c1']);
    expect(hitIds(await search(scholia, 'SOURCE check'))).toEqual(['a3-c1']);
    expect(hitIds(await search(scholia, 'followup'))).toEqual(['a3-n1']);
    expect(hitIds(await search(scholia, 'zelensky'))).toEqual(['a2-m3']);
    expect((await search(scholia, 'twelve invented')).total).toBe(0);
    expect(hitIds(await search(scholia, '/^"\\p{Lu}\\w+ (will|security)/'))).toEqual(['a2-q1', 'a1-q1']);
    expect(hitIds(await search(scholia, '/Commission$/'))).toEqual(['a3-n1']);
    const withKind = await search(scholia, 'kind:quote /security/');
    expect(withKind.total).toBe(1);
    expect(facet(withKind, 'kind')).toEqual({ quote: 1 });
    await scholia.close();
  });

  it('refuses a broken or catastrophic regex with bad-request, and changes nothing', async () => {
    const { scholia, dir } = await library();
    const before = await readFile(path.join(dir, 'library.json'), 'utf8');
    const broken = await scholia.dispatch('corpus.search', { query: { regex: '(unclosed' } });
    expect(broken).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('/(unclosed/ is broken') } });
    const nested = await scholia.dispatch('corpus.search', { query: { regex: '(a+)+$' } });
    expect(nested).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('exponential') } });
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(before);
    expect((await search(scholia, {})).total).toBe(13);
    await scholia.close();
  });

  it('pages over article groups, counting every match', async () => {
    const { scholia, ids } = await library();
    const page = await search(scholia, {}, { limit: 1, offset: 1 });
    expect(page.total).toBe(13);
    expect(page.documents).toBe(3);
    expect(page.groups.map((group) => group.documentId)).toEqual([ids[1]]);
    await scholia.close();
  });
});

describe('the index follows the library', () => {
  it('follows added, updated and removed annotations, entity edits, trash and untrash, restore, and matches a rebuild', async () => {
    const { scholia, ids, dir } = await library();
    const [first = '', second = ''] = ids;
    expect((await search(scholia, 'verdict:false')).total).toBe(2);
    const { document } = await call(scholia, 'library.get', { id: first });

    await call(scholia, 'annotations.apply', {
      documentId: first,
      ops: [
        {
          op: 'annotation.add',
          annotation: annotationOn(document.text, { id: 'a1-q2', kind: 'quote', on: 'Metsola told reporters', speakerId: METSOLA.id }),
        },
      ],
    });
    expect((await search(scholia, 'speaker:metsola')).total).toBe(4);

    const claim = document.annotations.find((annotation) => annotation.id === 'a1-c1');
    if (claim?.kind !== 'claim') throw new Error('no claim');
    await call(scholia, 'annotations.apply', {
      documentId: first,
      ops: [{ op: 'annotation.update', annotation: { ...claim, status: 'true', note: 'Checked against Eurostat' } }],
    });
    expect(hitIds(await search(scholia, 'verdict:false'))).toEqual(['a2-c1']);
    expect(hitIds(await search(scholia, 'checked'))).toEqual(['a1-c1']);

    await call(scholia, 'annotations.apply', { documentId: first, ops: [{ op: 'annotation.remove', id: 'a1-m2' }] });
    expect((await search(scholia, 'entity:EU')).total).toBe(3);

    await call(scholia, 'annotations.apply', {
      documentId: second,
      ops: [{ op: 'entity.update', entity: { ...METSOLA, aliases: ['Metsola', 'La Presidente'] } }],
    });
    // One entity across the library: an alias given in one article finds its quotes in all of them.
    expect((await search(scholia, 'speaker:"la presidente"')).total).toBe(4);
    // The entity registry pushes the edit into every article that holds the entity.
    await scholia.services.entities.registry.ready();

    await call(scholia, 'library.trash', { id: second });
    expect((await search(scholia, 'speaker:metsola')).total).toBe(3);
    expect((await search(scholia, 'speaker:"la presidente"')).total).toBe(3);
    await call(scholia, 'library.untrash', { id: second });
    expect((await search(scholia, 'speaker:metsola')).total).toBe(4);
    expect((await search(scholia, 'speaker:"la presidente"')).total).toBe(4);

    await scholia.flush();
    const { versions } = await call(scholia, 'document.versions', { documentId: first });
    const withoutNewQuote = versions.find((version) => version.counts.quotes === 1);
    if (!withoutNewQuote) throw new Error(`no version with one quote: ${JSON.stringify(versions)}`);
    await call(scholia, 'document.restore', { documentId: first, versionId: withoutNewQuote.id });
    expect((await search(scholia, 'speaker:metsola')).total).toBe(3);

    // A fresh index built from the files (the library opened again, for reading) answers as the kept one does.
    await scholia.flush();
    const store = await LibraryStore.open(dir, { access: 'read' });
    const rebuilt = new CorpusService(store);
    for (const query of [
      '',
      'speaker:metsola',
      'verdict:false',
      'entity:EU',
      'kind:claim source:Politico',
      'checked',
      'speaker:"la presidente"',
    ]) {
      const kept = await search(scholia, query);
      expect(await rebuilt.search(parseQueryString(query)), query).toEqual(kept);
    }
    expect(await rebuilt.profile(METSOLA.id)).toEqual(await call(scholia, 'entities.profile', { entityId: METSOLA.id }));
    await store.close();
    await scholia.close();
  });

  it('follows review accepts', async () => {
    const { scholia, ids } = await library();
    const third = ids[2] ?? '';
    const { document } = await call(scholia, 'library.get', { id: third });
    const { exportTagFile } = await import('../../../shared/export/tag-file-export.ts');
    const { DEFAULT_TAGSET } = await import('../../../shared/model/tagset.ts');
    const extra = annotationOn(document.text, {
      id: 'b-c9',
      kind: 'claim',
      on: 'disinformation spreads fast',
      status: 'false',
      author: 'Colleague',
    });
    const file = exportTagFile({ ...document, annotations: [...document.annotations, extra] }, DEFAULT_TAGSET, { annotator: 'Colleague' });
    const { review } = await call(scholia, 'review.import', { documentId: third, json: JSON.stringify(file) });
    expect((await search(scholia, 'annotator:colleague')).total).toBe(0);
    await call(scholia, 'review.decide', {
      documentId: third,
      reviewId: review.id,
      decision: 'accepted',
      where: { classes: ['only-theirs'] },
    });
    const found = await search(scholia, 'verdict:false');
    expect(found.total).toBe(3);
    expect(hitIds(found).filter((id) => id.endsWith('b-c9'))).toHaveLength(1);
    expect((await search(scholia, 'annotator:colleague')).total).toBe(1);
    await scholia.close();
  });
});

describe('entities', () => {
  it('lists the library’s entities with their counts, by filter, most used first', async () => {
    const { scholia } = await library();
    const { entities, total } = await call(scholia, 'entities.list', {});
    expect(total).toBe(3);
    expect(entities.map((summary) => [summary.entity.id, summary.mentions, summary.quotes, summary.claims, summary.documents])).toEqual([
      [METSOLA.id, 2, 3, 0, 3],
      [EU.id, 3, 0, 1, 3],
      ['e-zelenskyy', 1, 0, 0, 1],
    ]);
    expect((await call(scholia, 'entities.list', { filter: 'q458' })).entities.map((summary) => summary.entity.id)).toEqual([EU.id]);
    expect((await call(scholia, 'entities.list', { filter: 'zelensk', limit: 1 })).total).toBe(1);
    await scholia.close();
  });

  it('opens a profile: every mention, quote and claim of the entity, by article, newest first', async () => {
    const { scholia, ids } = await library();
    const profile = await call(scholia, 'entities.profile', { entityId: METSOLA.id });
    expect(profile).toMatchObject({ entity: { name: 'Roberta Metsola' }, mentions: 2, quotes: 3, claims: 0 });
    expect(profile.groups.map((group) => group.documentId)).toEqual([ids[2], ids[1], ids[0]]);
    expect(profile.groups.map((group) => group.hits.map((hit) => hit.annotationId))).toEqual([
      ['a3-q1'],
      ['a2-m2', 'a2-q1'],
      ['a1-m1', 'a1-q1'],
    ]);
    expect(await scholia.dispatch('entities.profile', { entityId: 'e-nobody' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await scholia.close();
  });

  it('selects documents with their matching annotations for exports', async () => {
    const { scholia, ids } = await library();
    const selection = await scholia.services.corpus.select(parseQueryString('kind:claim'));
    expect(selection.map((entry) => [entry.document.id, entry.annotations.map((annotation) => annotation.id)])).toEqual([
      [ids[2], ['a3-c1']],
      [ids[1], ['a2-c1']],
      [ids[0], ['a1-c1']],
    ]);
    expect((await scholia.services.corpus.select()).flatMap((entry) => entry.annotations)).toHaveLength(13);
    await scholia.close();
  });
});

describe('saved searches', () => {
  it('saves, replaces by name, lists and deletes searches in searches.json, kept across a reopen', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const saved = await call(scholia, 'corpus.save', { name: 'False claims', query: parseQueryString('kind:claim verdict:false') });
    const replaced = await call(scholia, 'corpus.save', { name: 'false claims', query: parseQueryString('verdict:false') });
    expect(replaced.id).toBe(saved.id);
    await call(scholia, 'corpus.save', { name: 'Metsola', query: parseQueryString('speaker:"Roberta Metsola"') });
    await scholia.close();

    const reopened = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const listed = await call(reopened, 'corpus.savedList', {});
    expect(listed.problems).toEqual([]);
    expect(listed.searches.map((search) => [search.name, search.query])).toEqual([
      ['false claims', { verdicts: ['false'] }],
      ['Metsola', { speakers: ['Roberta Metsola'] }],
    ]);
    expect(await call(reopened, 'corpus.deleteSaved', { id: saved.id })).toEqual({ deleted: true });
    expect(await call(reopened, 'corpus.deleteSaved', { id: saved.id })).toEqual({ deleted: false });
    const file = JSON.parse(await readFile(path.join(dir, SEARCHES_FILE), 'utf8')) as { format: string; searches: unknown[] };
    expect(file.format).toBe('scholia-searches');
    expect(file.searches).toHaveLength(1);
    const refused = await reopened.dispatch('corpus.save', { name: '  ', query: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await reopened.close();
  });

  it('reports a malformed entry and keeps it on disk as it was; a malformed file is reported, left untouched, and not written over', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const good = { id: 'good1', name: 'Good', query: { kinds: ['claim'] }, created: '2026-01-01T00:00:00.000Z' };
    const bad = { id: 'bad1', name: 'Broken', query: { kinds: ['verdict'], colour: 'red' }, created: 'yesterday' };
    await writeFile(path.join(dir, SEARCHES_FILE), JSON.stringify({ format: 'scholia-searches', version: 1, searches: [good, bad] }));
    const listed = await call(scholia, 'corpus.savedList', {});
    expect(listed.searches.map((search) => search.name)).toEqual(['Good']);
    expect(listed.problems).toHaveLength(1);
    expect(listed.problems[0]).toMatch(/Saved search 2 "Broken" in searches\.json is malformed \(.*query.*\)/);
    const { notices } = await call(scholia, 'library.list', {});
    expect(notices.map((notice) => notice.message)).toContain(listed.problems[0]);
    await call(scholia, 'corpus.save', { name: 'New', query: {} });
    const afterSave = JSON.parse(await readFile(path.join(dir, SEARCHES_FILE), 'utf8')) as { searches: unknown[] };
    expect(afterSave.searches[1]).toEqual(bad);
    expect(afterSave.searches).toHaveLength(3);

    const garbage = '{"format": "scholia-searches", "searches": [';
    await writeFile(path.join(dir, SEARCHES_FILE), garbage);
    const broken = await call(scholia, 'corpus.savedList', {});
    expect(broken.searches).toEqual([]);
    expect(broken.problems[0]).toMatch(/searches\.json is not valid JSON .*left untouched/);
    expect(await scholia.dispatch('corpus.save', { name: 'Another', query: {} })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await readFile(path.join(dir, SEARCHES_FILE), 'utf8')).toBe(garbage);
    await scholia.close();
  });
});
