import { describe, expect, it } from 'vitest';
import type { CorpusResult, FacetName } from '../../../shared/corpus/corpus-query.ts';
import { parseQueryString } from '../../../shared/corpus/query-string.ts';
import type { ClaimAnnotation, WorkflowStage } from '../../../shared/model/annotation.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { call, importArticles } from '../testing/corpus-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();

const SNAPSHOT = {
  id: '0123456789abcdef0123456789abcdef',
  sha256: 'a'.repeat(64),
  fetched: '2026-03-02T10:00:00.000Z',
  size: 1200,
  finalUrl: 'https://example.org/evidence',
  contentType: 'text/html',
};

function search(scholia: Scholia, text: string): Promise<CorpusResult> {
  return call(scholia, 'corpus.search', { query: parseQueryString(text) });
}

function hitIds(result: CorpusResult): string[] {
  return result.groups.flatMap((group) => group.hits.map((hit) => hit.annotationId));
}

function facet(result: CorpusResult, name: FacetName): Record<string, number> {
  return Object.fromEntries((result.facets[name] ?? []).map((value) => [value.value, value.count]));
}

async function claimOf(scholia: Scholia, documentId: string, id: string): Promise<ClaimAnnotation> {
  const { document } = await call(scholia, 'library.get', { id: documentId });
  const claim = document.annotations.find((annotation) => annotation.id === id);
  if (claim?.kind !== 'claim') throw new Error(`no claim ${id}`);
  return claim;
}

async function updateClaim(scholia: Scholia, documentId: string, id: string, change: Partial<ClaimAnnotation>): Promise<void> {
  // A field set to undefined is left out, as the store would write it.
  const claim = Object.fromEntries(
    Object.entries({ ...(await claimOf(scholia, documentId, id)), ...change }).filter(([, value]) => value !== undefined),
  );
  await call(scholia, 'annotations.apply', { documentId, ops: [{ op: 'annotation.update', annotation: claim }] });
}

async function setArticleStage(scholia: Scholia, id: string, stage: WorkflowStage): Promise<void> {
  const { document } = await call(scholia, 'library.get', { id });
  const { title, source, published } = document.meta;
  await call(scholia, 'library.updateMeta', { id, meta: { title, source, published, stage } });
}

/**
 * The three articles of the corpus fixtures (claims a1-c1, a2-c1, a3-c1), their verdict records
 * filled in: a1-c1 checked by Ana on 2 March with a rationale and archived evidence; a2-c1 in
 * progress with Ben, checked on 20 April; a3-c1 left to check. The first article is published.
 */
async function checkedLibrary(): Promise<{ scholia: Scholia; ids: string[] }> {
  const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
  const ids = await importArticles(scholia);
  const [first = '', second = ''] = ids;
  const a1 = await claimOf(scholia, first, 'a1-c1');
  await updateClaim(scholia, first, 'a1-c1', {
    stage: 'checked',
    checkedBy: 'Ana Lopes',
    checkedOn: '2026-03-02',
    rationale: 'Eurostat shows **three** per cent.',
    evidence: [{ ...(a1.evidence?.[0] ?? { url: 'https://example.org/evidence' }), archive: SNAPSHOT }],
  });
  await updateClaim(scholia, second, 'a2-c1', { stage: 'in-progress', checkedBy: 'Ben', checkedOn: '2026-04-20' });
  await setArticleStage(scholia, first, 'published');
  return { scholia, ids };
}

describe('corpus search over the verdict record', () => {
  it('filters claims by stage, checker, checked days and record parts, and counts each facet without its own filter', async () => {
    const { scholia } = await checkedLibrary();
    const all = await search(scholia, '');
    expect(facet(all, 'stage')).toEqual({ 'to-check': 1, 'in-progress': 1, checked: 1 });
    expect(all.facets.stage?.map((value) => value.label)).toEqual(['To check', 'In progress', 'Checked']);
    expect(facet(all, 'checkedBy')).toEqual({ 'Ana Lopes': 1, Ben: 1 });
    expect(facet(all, 'checked')).toEqual({ '2026-03': 1, '2026-04': 1 });
    expect(facet(all, 'has')).toEqual({ rationale: 1, evidence: 1, archive: 1 });
    // The first article (4 annotations) is published; the others have no stage, which is "to check".
    expect(facet(all, 'articleStage')).toEqual({ 'to-check': 9, published: 4 });

    expect(hitIds(await search(scholia, 'stage:checked'))).toEqual(['a1-c1']);
    expect(hitIds(await search(scholia, 'stage:"to check"'))).toEqual(['a3-c1']);
    expect(hitIds(await search(scholia, 'stage:checked stage:in-progress'))).toEqual(['a2-c1', 'a1-c1']);
    expect(hitIds(await search(scholia, 'checkedby:"ana lopes"'))).toEqual(['a1-c1']);
    expect(hitIds(await search(scholia, 'checkedby:BEN'))).toEqual(['a2-c1']);
    expect(hitIds(await search(scholia, 'checkedfrom:2026-04-01'))).toEqual(['a2-c1']);
    expect(hitIds(await search(scholia, 'checkedto:2026-03-31'))).toEqual(['a1-c1']);
    expect(hitIds(await search(scholia, 'checkedfrom:2026-03-02 checkedto:2026-04-20'))).toEqual(['a2-c1', 'a1-c1']);
    expect((await search(scholia, 'checkedfrom:2026-03-03 checkedto:2026-04-19')).total).toBe(0);
    expect(hitIds(await search(scholia, 'has:rationale'))).toEqual(['a1-c1']);
    // has: wants every part named.
    expect(hitIds(await search(scholia, 'has:evidence has:archive has:rationale'))).toEqual(['a1-c1']);
    expect(hitIds(await search(scholia, 'articlestage:published kind:claim'))).toEqual(['a1-c1']);
    expect((await search(scholia, 'articlestage:published')).total).toBe(4);
    expect((await search(scholia, 'articlestage:to-check')).total).toBe(9);

    // Each facet follows the other filters but not its own.
    const checked = await search(scholia, 'stage:checked');
    expect(facet(checked, 'stage')).toEqual({ 'to-check': 1, 'in-progress': 1, checked: 1 });
    expect(facet(checked, 'checkedBy')).toEqual({ 'Ana Lopes': 1 });
    expect(facet(checked, 'kind')).toEqual({ claim: 1 });
    expect(facet(checked, 'articleStage')).toEqual({ published: 1 });
    const byBen = await search(scholia, 'checkedby:ben articlestage:to-check');
    // Ana's claim is in the published article, so the checker facet under articlestage:to-check leaves it out.
    expect(facet(byBen, 'checkedBy')).toEqual({ Ben: 1 });
    expect(facet(byBen, 'articleStage')).toEqual({ 'to-check': 1 });
    expect(facet(byBen, 'stage')).toEqual({ 'in-progress': 1 });
    await scholia.close();
  });

  it('shows the record on each claim hit', async () => {
    const { scholia } = await checkedLibrary();
    const [hit] = (await search(scholia, 'stage:checked')).groups[0]?.hits ?? [];
    expect(hit).toMatchObject({ stage: 'checked', checkedBy: 'Ana Lopes', checkedOn: '2026-03-02' });
    const [unchecked] = (await search(scholia, 'stage:to-check')).groups[0]?.hits ?? [];
    expect(unchecked).toMatchObject({ stage: 'to-check' });
    expect(unchecked?.checkedBy).toBeUndefined();
    const [quote] = (await search(scholia, 'kind:quote')).groups[0]?.hits ?? [];
    expect(quote?.stage).toBeUndefined();
    await scholia.close();
  });

  it('follows edits to a claim’s record and to an article’s stage, and matches an index rebuilt from the files', async () => {
    const { scholia, ids } = await checkedLibrary();
    const [first = '', , third = ''] = ids;
    await updateClaim(scholia, third, 'a3-c1', {
      stage: 'published',
      checkedBy: 'Ben',
      checkedOn: '2026-05-01',
      rationale: 'The figure comes from the ministry.',
    });
    expect(hitIds(await search(scholia, 'stage:published'))).toEqual(['a3-c1']);
    expect(hitIds(await search(scholia, 'checkedby:ben'))).toEqual(['a3-c1', 'a2-c1']);
    expect(hitIds(await search(scholia, 'has:rationale'))).toEqual(['a3-c1', 'a1-c1']);
    expect(facet(await search(scholia, ''), 'checked')).toEqual({ '2026-03': 1, '2026-04': 1, '2026-05': 1 });

    // Taking the rationale and evidence away takes the claim out of has:.
    await updateClaim(scholia, first, 'a1-c1', { rationale: undefined, evidence: undefined });
    expect(hitIds(await search(scholia, 'has:rationale'))).toEqual(['a3-c1']);
    expect((await search(scholia, 'has:archive')).total).toBe(0);

    await setArticleStage(scholia, first, 'to-check');
    await setArticleStage(scholia, third, 'in-progress');
    expect((await search(scholia, 'articlestage:published')).total).toBe(0);
    expect(hitIds(await search(scholia, 'articlestage:in-progress kind:claim'))).toEqual(['a3-c1']);

    const kept = await search(scholia, '');
    const dir = scholia.libraryDir;
    await scholia.close();
    const reopened = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const rebuilt = await search(reopened, '');
    for (const name of ['stage', 'checkedBy', 'checked', 'has', 'articleStage'] as const)
      expect(rebuilt.facets[name]).toEqual(kept.facets[name]);
    expect(rebuilt.groups).toEqual(kept.groups);
    await reopened.close();
  });
});
