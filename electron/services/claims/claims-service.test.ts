import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/contract/errors.ts';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { CLAIMED, claimArticle, NEAR, threeClaimArticles } from '../testing/claim-fixtures.ts';
import { documentOf } from '../testing/entity-fixtures.ts';
import { apply, valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();

const list = async (scholia: Scholia, all = false) =>
  valueOf<ChannelOutput<'claims.list'>>(await scholia.dispatch('claims.list', all ? { all } : {}));
const of = async (scholia: Scholia, documentId: string, annotationId: string) =>
  valueOf<ChannelOutput<'claims.of'>>(await scholia.dispatch('claims.of', { documentId, annotationId }));

/** The first item, which the test expects to be there. */
function first<T>(items: readonly (T | undefined)[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected an item');
  return item;
}

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

async function statuses(scholia: Scholia, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => (await documentOf(scholia, id)).annotations.map((a) => (a.kind === 'claim' ? a.status : a.kind))),
  );
}

describe('the claim tracker', () => {
  it('dates "checked before" by the verdict record’s checked-on day when the claim has one', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { a, b } = await threeClaimArticles(scholia);
    const claim = (await documentOf(scholia, a)).annotations.find((annotation) => annotation.id === 'ca');
    if (claim?.kind !== 'claim') throw new Error('expected the claim');
    await apply(scholia, a, [{ op: 'annotation.update', annotation: { ...claim, checkedOn: '2026-03-03' } }]);
    expect((await of(scholia, b, 'cb')).checkedBefore?.message).toBe('Checked before: False, on 3 March 2026');
    await scholia.close();
  });

  it('is built on first use: the same normalised text is one tracked claim across articles, a near match a suggestion apart', async () => {
    const libraryDir = await tempDir();
    const earlier = await openScholia({ libraryDir, debounceMs: 5 });
    const { a, b, c } = await threeClaimArticles(earlier);
    await earlier.close();
    expect(await readdir(libraryDir)).not.toContain('claims.json');

    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { tracked, suggestions } = await list(scholia);
    expect(tracked).toHaveLength(1);
    const group = first(tracked);
    expect(group.confirmed).toBe(false);
    expect(group.text).toBe(CLAIMED);
    expect(group.appearances.map((x) => [x.documentId, x.annotationId, x.claimant, x.verdictLabel])).toEqual([
      [a, 'ca', 'Jane Minister', 'False'],
      [b, 'cb', 'Jane Minister', 'Unverified'],
    ]);
    expect(group.verdicts).toEqual([
      { verdict: 'false', verdictLabel: 'False', count: 1 },
      { verdict: 'unverified', verdictLabel: 'Unverified', count: 1 },
    ]);
    expect(suggestions).toHaveLength(1);
    expect(first(suggestions).tracked.id).toBe(group.id);
    expect(first(suggestions).candidate.appearances.map((x) => x.documentId)).toEqual([c]);
    expect(first(suggestions).checkedBefore?.message).toBe('Checked before: False, on 31 January 2026');

    const inspector = await of(scholia, b, 'cb');
    expect(inspector.tracked?.id).toBe(group.id);
    expect(inspector.otherArticles).toBe(1);
    expect(inspector.checkedBefore?.message).toBe('Checked before: False, on 31 January 2026');
    const near = await of(scholia, c, 'cc');
    expect(near.otherArticles).toBe(0);
    expect(near.suggestions.map((s) => s.tracked.id)).toEqual([group.id]);
    expect(near.checkedBefore?.message).toBe('Checked before: False, on 31 January 2026');

    await scholia.flush();
    const file = JSON.parse(await readFile(path.join(libraryDir, 'claims.json'), 'utf8')) as { format: string; tracked: unknown[] };
    expect(file.format).toBe('scholia-claims');
    expect(file.tracked).toHaveLength(2);
    await scholia.close();
  });

  it('follows the library at once: a repeated claim joins and is flagged as checked before; a removed claim leaves its group', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { a } = await threeClaimArticles(scholia);
    const [group] = (await list(scholia)).tracked;
    const d = await claimArticle(
      scholia,
      `A blog post claimed that ${CLAIMED.replace('4%', '4 per cent')}.`,
      CLAIMED.replace('4%', '4 per cent'),
      'unverified',
      'cd',
    );
    const joined = await of(scholia, d.id, 'cd');
    expect(joined.tracked?.id).toBe(first([group]).id);
    expect(joined.otherArticles).toBe(2);
    expect(joined.checkedBefore).toMatchObject({ verdict: 'false', documentId: a, annotationId: 'ca' });

    await apply(scholia, d.id, [{ op: 'annotation.remove', id: 'cd' }]);
    expect(first((await list(scholia)).tracked).appearances.map((x) => x.annotationId)).toEqual(['ca', 'cb']);
    expect(errorOf(await scholia.dispatch('claims.of', { documentId: d.id, annotationId: 'cd' })).code).toBe('not-found');
    await scholia.close();
  });

  it('confirms a suggestion (the two join), splits appearances off, dismisses a suggestion for good', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { c } = await threeClaimArticles(scholia);
    const { suggestions } = await list(scholia);
    const { tracked: trackedId, candidate } = { tracked: first(suggestions).tracked.id, candidate: first(suggestions).candidate.id };

    const confirmed = valueOf<ChannelOutput<'claims.confirm'>>(
      await scholia.dispatch('claims.confirm', { trackedId, candidateId: candidate }),
    );
    expect(confirmed.tracked.confirmed).toBe(true);
    expect(confirmed.tracked.appearances.map((x) => x.annotationId)).toEqual(['ca', 'cb', 'cc']);
    expect((await list(scholia)).suggestions).toEqual([]);
    expect(errorOf(await scholia.dispatch('claims.confirm', { trackedId, candidateId: candidate })).code).toBe('not-found');

    const split = valueOf<ChannelOutput<'claims.split'>>(
      await scholia.dispatch('claims.split', { trackedId, appearances: [{ documentId: c, annotationId: 'cc' }] }),
    );
    expect(split.tracked.appearances.map((x) => x.annotationId)).toEqual(['cc']);
    expect(split.tracked.text).toBe(NEAR);
    expect(split.rest?.appearances.map((x) => x.annotationId)).toEqual(['ca', 'cb']);
    expect(errorOf(await scholia.dispatch('claims.split', { trackedId, appearances: [{ documentId: c, annotationId: 'cc' }] })).code).toBe(
      'bad-request',
    );
    const everything = first([split.rest]).appearances.map(({ documentId, annotationId }) => ({ documentId, annotationId }));
    expect(errorOf(await scholia.dispatch('claims.split', { trackedId, appearances: everything })).message).toContain('keep at least one');

    // A new near match is suggested; dismissed, it is not suggested again, even after reopening.
    const wider = `${CLAIMED} nationwide`;
    const e = await claimArticle(scholia, `Another outlet wrote that ${wider}.`, wider, 'unverified', 'ce');
    const pending = (await list(scholia)).suggestions;
    expect(pending.length).toBeGreaterThan(0);
    for (const suggestion of pending) {
      expect(suggestion.candidate.appearances.map((x) => x.documentId)).toEqual([e.id]);
      const dismissed = valueOf<ChannelOutput<'claims.dismiss'>>(
        await scholia.dispatch('claims.dismiss', { trackedId: suggestion.tracked.id, candidateId: suggestion.candidate.id }),
      );
      expect(dismissed.dismissed).toBe(true);
    }
    const again = errorOf(
      await scholia.dispatch('claims.dismiss', { trackedId: first(pending).tracked.id, candidateId: first(pending).candidate.id }),
    );
    expect(again.code).toBe('not-found');
    await scholia.close();
    const reopened = await openScholia({ libraryDir, debounceMs: 5 });
    const listed = await list(reopened);
    expect(listed.suggestions).toEqual([]);
    expect(listed.tracked.map((t) => [t.confirmed, t.appearances.length])).toEqual([
      [true, 2],
      [true, 1],
    ]);
    await reopened.close();
  });

  it('applies one verdict to every appearance, one revision per article, and one undo restores every article exactly', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { a, b, c } = await threeClaimArticles(scholia);
    const before = await Promise.all([a, b, c].map((id) => documentOf(scholia, id)));
    const { suggestions } = await list(scholia);
    const trackedId = first(suggestions).tracked.id;
    valueOf(await scholia.dispatch('claims.confirm', { trackedId, candidateId: first(suggestions).candidate.id }));

    expect(errorOf(await scholia.dispatch('claims.applyVerdict', { trackedId, verdict: 'pants-on-fire' })).code).toBe('bad-request');
    const applied = valueOf<ChannelOutput<'claims.applyVerdict'>>(
      await scholia.dispatch('claims.applyVerdict', { trackedId, verdict: 'mostly-false' }),
    );
    expect(applied.change.description).toBe(`Gave “Mostly false” to 3 appearances of “${CLAIMED}” in 3 articles`);
    expect(applied.tracked.verdicts).toEqual([{ verdict: 'mostly-false', verdictLabel: 'Mostly false', count: 3 }]);
    expect(await statuses(scholia, [a, b, c])).toEqual([['mostly-false'], ['mostly-false'], ['mostly-false']]);
    const revisions = (await Promise.all([a, b, c].map((id) => documentOf(scholia, id)))).map((d) => d.revision);
    expect(revisions).toEqual(before.map((d) => d.revision + 1));

    const undone = valueOf<ChannelOutput<'claims.undo'>>(await scholia.dispatch('claims.undo', {}));
    expect(undone.change?.id).toBe(applied.change.id);
    const restored = await Promise.all([a, b, c].map((id) => documentOf(scholia, id)));
    expect(restored.map((d) => d.annotations)).toEqual(before.map((d) => d.annotations));
    expect(restored.map((d) => d.entities)).toEqual(before.map((d) => d.entities));
    // The step before it, the confirmation, is next; then nothing is left.
    expect(valueOf<ChannelOutput<'claims.undo'>>(await scholia.dispatch('claims.undo', {})).change?.description).toMatch(/^Tracked /u);
    expect(valueOf<ChannelOutput<'claims.undo'>>(await scholia.dispatch('claims.undo', {}))).toEqual({});

    valueOf(await scholia.dispatch('claims.redo', {}));
    valueOf(await scholia.dispatch('claims.redo', {}));
    expect(await statuses(scholia, [a, b, c])).toEqual([['mostly-false'], ['mostly-false'], ['mostly-false']]);
    await scholia.close();
  });

  it('gives every appearance the verdict record of one: rationale, checked-by, checked-on, stage, and its sources beside their own', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { a, b } = await threeClaimArticles(scholia);
    const trackedId = first((await list(scholia)).tracked).id;
    const source = (await documentOf(scholia, a)).annotations.find((x) => x.id === 'ca');
    const other = (await documentOf(scholia, b)).annotations.find((x) => x.id === 'cb');
    if (source?.kind !== 'claim' || other?.kind !== 'claim') throw new Error('expected the claims');
    const survey = { url: 'https://stats.example.org/labour-survey', title: 'Labour survey', type: 'official-data' as const };
    const own = { url: 'https://news.example.org/speech', title: 'The speech' };
    await apply(scholia, a, [
      {
        op: 'annotation.update',
        annotation: {
          ...source,
          rationale: 'The survey puts it at *5.1%*.',
          checkedBy: 'Ana',
          checkedOn: '2026-03-03',
          stage: 'checked',
          evidence: [survey],
        },
      },
    ]);
    await apply(scholia, b, [{ op: 'annotation.update', annotation: { ...other, evidence: [own, { ...survey, title: 'old title' }] } }]);
    const before = await Promise.all([a, b].map((id) => documentOf(scholia, id)));
    expect(first((await list(scholia)).tracked).appearances.map((x) => [x.hasRationale, x.sources])).toEqual([
      [true, 1],
      [undefined, 2],
    ]);

    const foreign = errorOf(
      await scholia.dispatch('claims.applyVerdict', { trackedId, verdict: 'false', from: { documentId: b, annotationId: 'ca' } }),
    );
    expect(foreign.code).toBe('bad-request');
    const applied = valueOf<ChannelOutput<'claims.applyVerdict'>>(
      await scholia.dispatch('claims.applyVerdict', { trackedId, verdict: 'false', from: { documentId: a, annotationId: 'ca' } }),
    );
    expect(applied.change.description).toBe(`Gave “False” and its verdict record to 1 appearance of “${CLAIMED}” in 1 article`);
    const copied = (await documentOf(scholia, b)).annotations.find((x) => x.id === 'cb');
    expect(copied).toMatchObject({
      status: 'false',
      rationale: 'The survey puts it at *5.1%*.',
      checkedBy: 'Ana',
      checkedOn: '2026-03-03',
      stage: 'checked',
      evidence: [survey, own],
    });
    expect((await documentOf(scholia, a)).revision).toBe(before[0]?.revision);

    valueOf(await scholia.dispatch('claims.undo', {}));
    expect((await documentOf(scholia, b)).annotations).toEqual(before[1]?.annotations);
    await scholia.close();
  });

  it('undoes and redoes confirm, split and dismiss with the verdicts, in the order they were made; refuses when the claims moved since', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { c } = await threeClaimArticles(scholia);
    const start = await list(scholia);
    const suggestion = first(start.suggestions);
    const grouping = async () => {
      const { tracked, suggestions } = await list(scholia, true);
      return {
        tracked: tracked.map((t) => [t.confirmed, t.appearances.map((x) => x.annotationId)]).sort(),
        suggestions: suggestions.map((s) => [s.tracked.appearances[0]?.annotationId, s.candidate.appearances[0]?.annotationId]),
      };
    };
    const initial = await grouping();
    const undo = async () => valueOf<ChannelOutput<'claims.undo'>>(await scholia.dispatch('claims.undo', {})).change?.description;
    const redo = async () => valueOf<ChannelOutput<'claims.redo'>>(await scholia.dispatch('claims.redo', {})).change?.description;

    // Dismiss, undo: the suggestion is back; redo: gone again.
    const dismissed = valueOf<ChannelOutput<'claims.dismiss'>>(
      await scholia.dispatch('claims.dismiss', { trackedId: suggestion.tracked.id, candidateId: suggestion.candidate.id }),
    );
    expect(dismissed.change.description).toBe(`Kept “${NEAR}” apart from “${CLAIMED}”`);
    expect((await grouping()).suggestions).toEqual([]);
    expect(await undo()).toBe(dismissed.change.description);
    expect(await grouping()).toEqual(initial);
    expect(await redo()).toBe(dismissed.change.description);
    expect((await grouping()).suggestions).toEqual([]);
    expect(await undo()).toBe(dismissed.change.description);

    // Same claim, then split off, then a verdict: undone last first.
    const joined = valueOf<ChannelOutput<'claims.confirm'>>(
      await scholia.dispatch('claims.confirm', { trackedId: suggestion.tracked.id, candidateId: suggestion.candidate.id }),
    );
    expect(joined.change.description).toBe(`Tracked “${NEAR}” with “${CLAIMED}”`);
    const afterJoin = await grouping();
    const split = valueOf<ChannelOutput<'claims.split'>>(
      await scholia.dispatch('claims.split', { trackedId: suggestion.tracked.id, appearances: [{ documentId: c, annotationId: 'cc' }] }),
    );
    expect(split.change.description).toBe(`Split 1 appearance off “${CLAIMED}”`);
    const verdict = valueOf<ChannelOutput<'claims.applyVerdict'>>(
      await scholia.dispatch('claims.applyVerdict', { trackedId: split.tracked.id, verdict: 'true' }),
    );
    expect(await undo()).toBe(verdict.change.description);
    expect(await statuses(scholia, [c])).toEqual([['unverified']]);
    expect(await undo()).toBe(split.change.description);
    expect(await grouping()).toEqual(afterJoin);
    expect(await undo()).toBe(joined.change.description);
    expect(await grouping()).toEqual(initial);
    expect(await redo()).toBe(joined.change.description);
    expect(await grouping()).toEqual(afterJoin);

    // The grouping survives a reopening as it was left.
    await scholia.close();
    const reopened = await openScholia({ libraryDir, debounceMs: 5 });
    const listed = await list(reopened);
    expect(listed.tracked.map((t) => [t.confirmed, t.appearances.map((x) => x.annotationId)])).toEqual([[true, ['ca', 'cb', 'cc']]]);
    await reopened.close();
  });

  it('refuses to undo a grouping change, changing nothing, when its tracked claims have changed since', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { b } = await threeClaimArticles(scholia);
    const group = first((await list(scholia)).tracked);
    valueOf(await scholia.dispatch('claims.confirm', { trackedId: group.id }));
    // The claim in b leaves the library's tracked claim: its article drops it.
    await apply(scholia, b, [{ op: 'annotation.remove', id: 'cb' }]);
    const listed = await list(scholia, true);
    const refused = errorOf(await scholia.dispatch('claims.undo', {}));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Nothing was changed.');
    expect(await list(scholia, true)).toEqual(listed);
    await scholia.close();
  });

  it('refuses to undo, changing nothing, when one of the articles has changed since', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { a, b } = await threeClaimArticles(scholia);
    const trackedId = first((await list(scholia)).tracked).id;
    valueOf(await scholia.dispatch('claims.applyVerdict', { trackedId, verdict: 'true' }));
    const edited = first((await documentOf(scholia, b)).annotations);
    await apply(scholia, b, [{ op: 'annotation.update', annotation: { ...edited, note: 'Checked against the labour survey.' } }]);
    const snapshot = await Promise.all([a, b].map((id) => documentOf(scholia, id)));

    const refused = errorOf(await scholia.dispatch('claims.undo', {}));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('has changed since');
    expect(refused.message).toContain('Nothing was changed.');
    expect(await Promise.all([a, b].map((id) => documentOf(scholia, id)))).toEqual(snapshot);
    await scholia.close();
  });

  it('reports a damaged claims.json, keeps it aside and rebuilds the tracked claims from the documents', async () => {
    const libraryDir = await tempDir();
    const earlier = await openScholia({ libraryDir, debounceMs: 5 });
    await threeClaimArticles(earlier);
    await list(earlier);
    await earlier.close();
    await writeFile(path.join(libraryDir, 'claims.json'), '{"format":"scholia-claims","version":1,"tracked":[{"id":');
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { tracked, suggestions } = await list(scholia);
    expect(tracked.map((t) => t.appearances.length)).toEqual([2]);
    expect(suggestions).toHaveLength(1);
    await scholia.flush();
    const aside = (await readdir(libraryDir)).filter((name) => name.startsWith('claims.json.corrupt-'));
    expect(aside).toHaveLength(1);
    const { notices } = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {}));
    expect(notices?.some((n) => n.message.includes('The claim tracker (claims.json) could not be read: it is not valid JSON'))).toBe(true);
    await scholia.close();
  });

  it('reads a hand-edited claims.json that names a tracked claim or a claim twice, or a claim no article holds: the first wins', async () => {
    const libraryDir = await tempDir();
    const earlier = await openScholia({ libraryDir, debounceMs: 5 });
    const { a, b } = await threeClaimArticles(earlier);
    await earlier.close();
    const ref = (documentId: string, annotationId: string) => ({ documentId, annotationId });
    const twice = '11111111-1111-4111-8111-111111111111';
    const file = {
      format: 'scholia-claims',
      version: 1,
      tracked: [
        { id: twice, text: CLAIMED, confirmed: true, appearances: [ref(a, 'ca'), ref(a, 'ca'), ref(b, 'gone')] },
        { id: twice, text: 'another', confirmed: false, appearances: [ref(b, 'cb')] },
        { id: '22222222-2222-4222-8222-222222222222', text: CLAIMED, confirmed: false, appearances: [ref(a, 'ca'), ref(b, 'cb')] },
      ],
      suggestions: [],
      dismissed: [],
    };
    await writeFile(path.join(libraryDir, 'claims.json'), JSON.stringify(file));
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { tracked } = await list(scholia, true);
    expect(tracked.map((t) => [t.id, t.appearances.map((x) => x.annotationId)])).toEqual([
      [twice, ['ca']],
      [expect.any(String), ['cc']],
      ['22222222-2222-4222-8222-222222222222', ['cb']],
    ]);
    await scholia.close();
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { a } = await threeClaimArticles(scholia);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await scholia.dispatch('claims.applyVerdict', { trackedId: missing, verdict: 'true' })).code).toBe('not-found');
    expect(errorOf(await scholia.dispatch('claims.of', { documentId: a, annotationId: missing })).code).toBe('not-found');
    expect(errorOf(await scholia.dispatch('claims.split', { trackedId: missing, appearances: [] })).code).toBe('bad-request');
    expect(await statuses(scholia, [a])).toEqual([['false']]);
    await scholia.close();
  });
});
