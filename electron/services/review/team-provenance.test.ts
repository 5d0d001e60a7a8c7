import { describe, expect, it } from 'vitest';
import type { ClaimAnnotation } from '../../../shared/model/annotation.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { Scholia } from '../open-scholia.ts';
import { importArticle } from '../testing/library-fixtures.ts';
import { call, useTeamHosts } from '../testing/team-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();
const STAMP = '2026-12-01T09:00:00.000Z';
const ARTICLE =
  'The minister said on Tuesday that prices rose by twelve per cent.\n\nThe opposition called the figure misleading and asked for the data.';

const hosts = useTeamHosts(tempDir);
const person = async (name: string): Promise<Scholia> => (await hosts.person(name)).scholia;

function claim(text: string, id: string, exact: string, status: string, author: string): ClaimAnnotation {
  const start = text.indexOf(exact);
  return { id, kind: 'claim', target: makeTarget(text, start, start + exact.length), status, author, created: STAMP, modified: STAMP };
}

describe('provenance and agreement across a team on a real Git server', { timeout: 60_000 }, () => {
  it('Bob takes Alice’s span and verdict for his own claim: it stays his, says it came from her, and Alice’s figures leave the copy out', async () => {
    const { url } = await hosts.server();

    const alice = await person('Alice Martin');
    await call(alice, 'team.init', { remote: url, name: 'Verification desk' });
    const aliceDoc = await importArticle(alice, ARTICLE);
    await call(alice, 'annotations.apply', {
      documentId: aliceDoc.id,
      ops: [
        {
          op: 'annotation.add',
          annotation: claim(aliceDoc.text, 'c-prices', 'prices rose by twelve per cent', 'mostly-true', 'Alice Martin'),
        },
      ],
    });
    await call(alice, 'team.share', { documentIds: [aliceDoc.id] });
    expect((await call(alice, 'team.sync', {})).outcome).toBe('synced');

    const bob = await person('Bob Stone');
    await call(bob, 'team.join', { remote: url });
    const bobDoc = await importArticle(bob, ARTICLE);
    await call(bob, 'annotations.apply', {
      documentId: bobDoc.id,
      ops: [{ op: 'annotation.add', annotation: claim(bobDoc.text, 'b-prices', 'that prices rose by twelve', 'true', 'Bob Stone') }],
    });
    await call(bob, 'team.share', { documentIds: [bobDoc.id] });
    expect((await call(bob, 'team.sync', {})).outcome).toBe('synced');

    // Bob's Review of Alice's layer: a conflict with his own claim, both spans at hand.
    const view = await call(bob, 'review.get', { documentId: bobDoc.id, reviewId: 'team-alice-martin' });
    const item = view.items.find((i) => i.id === 'c-prices');
    const mine = bobDoc.text.indexOf('that prices rose by twelve');
    expect(item).toMatchObject({ class: 'conflict', counterpartId: 'b-prices', counterpartSpan: { start: mine, end: mine + 26 } });
    expect(item?.differences.map((d) => d.field)).toEqual(['span', 'verdict']);

    await call(bob, 'review.decide', { documentId: bobDoc.id, reviewId: 'team-alice-martin', decision: 'accepted', itemIds: ['c-prices'] });
    const taken = (await call(bob, 'library.get', { id: bobDoc.id })).document.annotations.find((a) => a.id === 'b-prices');
    expect(taken).toMatchObject({
      author: 'Bob Stone',
      status: 'mostly-true',
      target: { exact: 'prices rose by twelve per cent' },
      acceptedFrom: { annotator: 'Alice Martin', annotationId: 'c-prices' },
    });
    expect((await call(bob, 'team.sync', {})).outcome).toBe('synced');

    // Alice gets Bob's layer: his claim carries its provenance through the team repository.
    const back = await call(alice, 'team.sync', {});
    expect(back.arrived).toEqual([{ documentId: aliceDoc.id, memberId: 'bob-stone', reviewId: 'team-bob-stone' }]);
    const bobs = await call(alice, 'review.get', { documentId: aliceDoc.id, reviewId: 'team-bob-stone' });
    expect(bobs.items.find((i) => i.id === 'b-prices')?.annotation).toMatchObject({
      author: 'Bob Stone',
      acceptedFrom: { annotator: 'Alice Martin', annotationId: 'c-prices' },
    });
    // Agreement between Alice and Bob is on their own work: Bob's copy of her claim is left out.
    const report = await call(alice, 'review.agreement', { documentId: aliceDoc.id });
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]).toMatchObject({ a: 'Alice Martin', b: 'Bob Stone' });
    expect(report.pairs[0]?.scopes.claim.exact).toMatchObject({ a: 1, b: 0 });

    // The history names who changed the verdict of Bob's claim.
    const { changes } = await call(alice, 'team.log', { documentId: aliceDoc.id, annotationId: 'b-prices' });
    expect(changes.some((c) => c.memberId === 'bob-stone' && c.change === 'verdict' && c.after === 'Mostly true')).toBe(true);
  });
});
