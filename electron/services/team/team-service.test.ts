import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ClaimAnnotation } from '../../../shared/model/annotation.ts';
import { articleKey, teamPaths } from '../../../shared/team/team-layout.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import { importArticle, noteAt } from '../testing/library-fixtures.ts';
import { call, rawClone, rawGit, useTeamHosts } from '../testing/team-fixtures.ts';
import { scrubbed } from './team-service.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();
const TOKEN = 'tok-3f9a1c77e2b54d0e';
const STAMP = '2026-03-01T10:00:00.000Z';
const ARTICLE =
  'The minister said on Tuesday that prices rose by twelve per cent.\n\nThe opposition called the figure misleading and asked for the data.';

const { server, person } = useTeamHosts(tempDir);

function claim(text: string, id: string, exact: string, status: string, modified = STAMP): ClaimAnnotation {
  const start = text.indexOf(exact);
  return { id, kind: 'claim', target: makeTarget(text, start, start + exact.length), status, author: 'x', created: STAMP, modified };
}

/** Alice creates the team and shares the article with two claims and a note; Bob joins with the same article. */
async function aliceAndBob(token?: string) {
  const { server: git, url } = await server(token);
  const alice = await person('Alice Martin', token);
  await call(alice.scholia, 'team.init', { remote: url, name: 'Verification desk', ...(token ? { token } : {}) });
  const article = await importArticle(alice.scholia, ARTICLE);
  await call(alice.scholia, 'annotations.apply', {
    documentId: article.id,
    ops: [
      { op: 'annotation.add', annotation: claim(article.text, 'c-prices', 'prices rose by twelve per cent', 'mostly-true') },
      { op: 'annotation.add', annotation: claim(article.text, 'c-misleading', 'the figure misleading', 'mixed') },
      { op: 'annotation.add', annotation: noteAt(article.text, 'n-data', article.text.indexOf('asked for the data'), 'ask the ministry') },
    ],
  });
  await call(alice.scholia, 'team.share', { documentIds: [article.id] });
  const bob = await person('Bob Stone', token);
  await call(bob.scholia, 'team.join', { remote: url, ...(token ? { token } : {}) });
  const bobArticle = await importArticle(bob.scholia, ARTICLE);
  await call(bob.scholia, 'team.share', { documentIds: [bobArticle.id] });
  const fingerprint = (await call(alice.scholia, 'library.get', { id: article.id })).document.fingerprint;
  return { git, url, alice, bob, aliceDoc: article.id, bobDoc: bobArticle.id, fingerprint };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('team sync against a real Git server', { timeout: 60_000 }, () => {
  it("Alice annotates and syncs; Bob gets her layer in Review, accepts part of it and syncs; Alice sees Bob's decisions", async () => {
    const { url, alice, bob, aliceDoc, bobDoc, fingerprint } = await aliceAndBob(TOKEN);
    const first = await call(alice.scholia, 'team.sync', {});
    expect(first).toMatchObject({ outcome: 'synced', retries: 0 });
    expect(first.pushed).toBeGreaterThan(0);

    const arrived = await call(bob.scholia, 'team.sync', {});
    expect(arrived.outcome).toBe('synced');
    expect(arrived.arrived).toEqual([{ documentId: bobDoc, memberId: 'alice-martin', reviewId: 'team-alice-martin' }]);
    const review = await call(bob.scholia, 'review.get', { documentId: bobDoc, reviewId: 'team-alice-martin' });
    expect(review.items.map((item) => item.id).sort()).toEqual(['c-misleading', 'c-prices', 'n-data']);

    await call(bob.scholia, 'review.decide', {
      documentId: bobDoc,
      reviewId: 'team-alice-martin',
      decision: 'accepted',
      itemIds: ['c-prices'],
    });
    await call(bob.scholia, 'review.decide', {
      documentId: bobDoc,
      reviewId: 'team-alice-martin',
      decision: 'rejected',
      itemIds: ['n-data'],
    });
    const bobSync = await call(bob.scholia, 'team.sync', {});
    expect(bobSync.outcome).toBe('synced');
    expect(bobSync.pushed).toBeGreaterThan(0);

    const back = await call(alice.scholia, 'team.sync', {});
    expect(back.arrived).toEqual([{ documentId: aliceDoc, memberId: 'bob-stone', reviewId: 'team-bob-stone' }]);
    const status = await call(alice.scholia, 'team.status', {});
    expect(status.team).toMatchObject({ name: 'Verification desk', remote: url, me: { id: 'alice-martin', name: 'Alice Martin' } });
    expect(status.team?.members.map((m) => m.id)).toEqual(['alice-martin', 'bob-stone']);
    const shared = status.articles.find((a) => a.fingerprint === fingerprint);
    expect(shared).toMatchObject({ documentId: aliceDoc, shared: true, title: 'article' });
    const bobLayer = shared?.layers.find((l) => l.memberId === 'bob-stone');
    expect(bobLayer).toMatchObject({
      name: 'Bob Stone',
      counts: { claim: 1, quote: 0, entity: 0, note: 0 },
      reviewId: 'team-bob-stone',
      reviewedMine: { accepted: 1, rejected: 1 },
    });
    expect(shared?.layers.find((l) => l.memberId === 'alice-martin')?.counts).toMatchObject({ claim: 2, note: 1 });
    expect(status.pending).toEqual({ toPush: 0, toPull: 0 });
    const bobReview = await call(alice.scholia, 'review.get', { documentId: aliceDoc, reviewId: 'team-bob-stone' });
    expect(bobReview.items).toHaveLength(1);
    expect(bobReview.items[0]?.annotation).toMatchObject({ kind: 'claim', status: 'mostly-true' });

    // Alice changes a verdict: Bob's review of her layer is refreshed, his decision on the unchanged item kept.
    const { document } = await call(alice.scholia, 'library.get', { id: aliceDoc });
    const misleading = document.annotations.find((a) => a.id === 'c-misleading') as ClaimAnnotation;
    await call(alice.scholia, 'annotations.apply', {
      documentId: aliceDoc,
      ops: [{ op: 'annotation.update', annotation: { ...misleading, status: 'false', modified: new Date().toISOString() } }],
    });
    await call(alice.scholia, 'team.sync', {});
    const refreshed = await call(bob.scholia, 'team.sync', {});
    expect(refreshed.arrived.map((a) => a.memberId)).toEqual(['alice-martin']);
    const after = await call(bob.scholia, 'review.get', { documentId: bobDoc, reviewId: 'team-alice-martin' });
    const decisions = Object.fromEntries(after.items.map((item) => [item.id, item.decision]));
    expect(decisions).toEqual({ 'c-prices': 'accepted', 'n-data': 'rejected', 'c-misleading': 'open' });

    const history = await call(bob.scholia, 'team.log', { documentId: bobDoc });
    expect(
      history.changes
        .filter((c) => c.memberId === 'alice-martin' && c.change === 'created')
        .map((c) => c.annotationId)
        .sort(),
    ).toEqual(['c-misleading', 'c-prices', 'n-data']);
    expect(history.changes).toContainEqual(
      expect.objectContaining({
        memberId: 'alice-martin',
        name: 'Alice Martin',
        annotationId: 'c-misleading',
        change: 'verdict',
        before: 'Mixed',
        after: 'False',
      }),
    );
    expect(history.changes.some((c) => c.memberId === 'bob-stone')).toBe(true);
    const one = await call(bob.scholia, 'team.log', { documentId: bobDoc, annotationId: 'c-misleading' });
    expect(one.changes.map((c) => c.change)).toEqual(['created', 'verdict']);

    // The token is nowhere in either library: not in team.json, the clone's config, or any other file.
    for (const dir of [alice.dir, bob.dir]) {
      await alice.scholia.flush();
      await bob.scholia.flush();
      const config = await readFile(path.join(dir, 'team', '.git', 'config'), 'utf8');
      expect(config).toContain(url);
      for (const file of await filesUnder(dir)) expect((await readFile(file)).includes(TOKEN), file).toBe(false);
    }
  });

  it('takes a team article into a library that did not have it, with the colleague layers on it in Review', async () => {
    const { alice, fingerprint, url } = await aliceAndBob();
    await call(alice.scholia, 'team.sync', {});
    const carol = await person('Carol Diaz');
    await call(carol.scholia, 'team.join', { remote: url });
    await call(carol.scholia, 'team.sync', {});
    const before = await call(carol.scholia, 'team.status', {});
    expect(before.articles.find((a) => a.fingerprint === fingerprint)).toMatchObject({ shared: false, title: 'article' });
    expect(before.articles[0]?.documentId).toBeUndefined();
    const after = await call(carol.scholia, 'team.share', { fingerprints: [fingerprint] });
    const article = after.articles.find((a) => a.fingerprint === fingerprint);
    expect(article?.shared).toBe(true);
    const documentId = article?.documentId as string;
    const { document } = await call(carol.scholia, 'library.get', { id: documentId });
    expect(document.text).toBe(ARTICLE);
    expect(document.annotations).toEqual([]);
    expect(document.reviews.map((r) => r.id)).toEqual(['team-alice-martin']);
  });

  it('retries a push refused because the other pushed first', async () => {
    const { git, alice, bob, aliceDoc } = await aliceAndBob();
    await call(alice.scholia, 'team.sync', {});
    await call(bob.scholia, 'team.sync', {});
    await call(alice.scholia, 'annotations.apply', {
      documentId: aliceDoc,
      ops: [{ op: 'annotation.add', annotation: noteAt(ARTICLE, 'n-second', 10, 'second look') }],
    });
    const { document } = await call(bob.scholia, 'library.get', { id: (await call(bob.scholia, 'library.list', {})).documents[0]?.id });
    await call(bob.scholia, 'annotations.apply', {
      documentId: document.id,
      ops: [{ op: 'annotation.add', annotation: noteAt(document.text, 'n-bob', 30, 'bob') }],
    });
    // Bob's push waits at the server until Alice has pushed: his is then refused, and his sync fetches, merges and pushes again.
    const hold = git.holdNextPush('before-update');
    const bobSync = call(bob.scholia, 'team.sync', {});
    await hold.reached;
    expect((await call(alice.scholia, 'team.sync', {})).outcome).toBe('synced');
    hold.release();
    const report = await bobSync;
    expect(report).toMatchObject({ outcome: 'synced', retries: 1 });
    expect(report.arrived.map((a) => a.memberId)).toEqual(['alice-martin']);
    const aliceAgain = await call(alice.scholia, 'team.sync', {});
    expect(aliceAgain.arrived.map((a) => a.memberId)).toEqual(['bob-stone']);
    const review = await call(alice.scholia, 'review.get', { documentId: aliceDoc, reviewId: 'team-bob-stone' });
    expect(review.items.map((i) => i.id)).toEqual(['n-bob']);
  });

  it('reports offline when the server is down, keeps the work committed locally, and catches up later', async () => {
    const { git, alice, bob, aliceDoc, bobDoc } = await aliceAndBob();
    await call(alice.scholia, 'team.sync', {});
    await git.stop();
    await call(alice.scholia, 'annotations.apply', {
      documentId: aliceDoc,
      ops: [{ op: 'annotation.add', annotation: noteAt(ARTICLE, 'n-offline', 40, 'written offline') }],
    });
    const offline = await call(alice.scholia, 'team.sync', {});
    expect(offline.outcome).toBe('offline');
    // A short sentence for the analyst; git's own words only behind the details.
    expect(offline.message).toBe("The team's server could not be reached. 1 change waits to be pushed; they go out on the next sync.");
    expect(offline.details).toMatch(/unable to access|Failed to connect|Connection refused/);
    const status = await call(alice.scholia, 'team.status', {});
    expect(status.pending.toPush).toBeGreaterThan(0);
    expect(status.lastSync?.outcome).toBe('offline');
    const { document } = await call(alice.scholia, 'library.get', { id: aliceDoc });
    expect(document.annotations.map((a) => a.id)).toContain('n-offline');
    await git.start();
    expect((await call(alice.scholia, 'team.sync', {})).outcome).toBe('synced');
    expect((await call(alice.scholia, 'team.status', {})).pending).toEqual({ toPush: 0, toPull: 0 });
    await call(bob.scholia, 'team.sync', {});
    const review = await call(bob.scholia, 'review.get', { documentId: bobDoc, reviewId: 'team-alice-martin' });
    expect(review.items.map((i) => i.id)).toContain('n-offline');
  });

  it('takes the token again on a joined library: a wrong token makes sync fail, the right one entered again makes it succeed', async () => {
    const token = 'desk-token-7f3a';
    const { url, alice, aliceDoc } = await aliceAndBob(token);
    expect((await call(alice.scholia, 'team.sync', {})).outcome).toBe('synced');
    const before = await readFile(path.join(alice.dir, 'team.json'), 'utf8');

    await call(alice.scholia, 'team.join', { remote: url, token: 'wrong-token' });
    await call(alice.scholia, 'annotations.apply', {
      documentId: aliceDoc,
      ops: [{ op: 'annotation.add', annotation: noteAt(ARTICLE, 'n-token', 50, 'after the token changed') }],
    });
    const refused = await call(alice.scholia, 'team.sync', {});
    expect(refused.outcome).toBe('failed');
    expect(refused.message).toMatch(/refused the credentials/);
    expect(JSON.stringify(refused)).not.toContain('wrong-token');

    const status = await call(alice.scholia, 'team.join', { remote: url, token, memberId: 'alice-martin' });
    expect(status.team?.me.id).toBe('alice-martin');
    const synced = await call(alice.scholia, 'team.sync', {});
    expect(synced.outcome).toBe('synced');
    expect(synced.pushed).toBeGreaterThan(0);
    const settings = await readFile(path.join(alice.dir, 'team.json'), 'utf8');
    expect(settings).not.toContain(token);
    expect(settings).not.toContain('wrong-token');
    expect(JSON.parse(settings)).toMatchObject({ remote: JSON.parse(before).remote, memberId: 'alice-martin' });
  });

  it('refuses entering the token again without a token, as another member, or for another remote', async () => {
    const { url, alice } = await aliceAndBob();
    await expect(call(alice.scholia, 'team.join', { remote: url })).rejects.toThrow(/^bad-request: .*give the token/);
    await expect(call(alice.scholia, 'team.join', { remote: url, token: 't', memberId: 'bob-stone' })).rejects.toThrow(/^conflict: /);
    const other = await server();
    await expect(call(alice.scholia, 'team.join', { remote: other.url, token: 't' })).rejects.toThrow(/^conflict: /);
  });

  it('keeps the token and URL credentials out of the details of a failed sync', () => {
    const stderr =
      "fatal: unable to access 'https://bob:s3cret@git.example/desk.git/': Failed to connect to git.example port 443\nsecret s3cret";
    const words = scrubbed(stderr, 's3cret');
    expect(words).not.toContain('s3cret');
    expect(words).toContain("unable to access 'https://git.example/desk.git/'");
  });

  it("refuses a hostile colleague's tag file with the validator's message and imports nothing of it", async () => {
    const { url, alice, bob, bobDoc, fingerprint } = await aliceAndBob();
    await call(alice.scholia, 'team.sync', {});
    const mallory = await rawClone(url, await tempDir());
    const layer = JSON.parse(await readFile(path.join(mallory, teamPaths.layer(fingerprint, 'alice-martin')), 'utf8')) as Record<
      string,
      unknown
    >;
    const hostile = {
      ...layer,
      annotator: { name: 'Mallory' },
      annotations: [{ id: 'x', kind: 'claim', target: { start: -5, end: 9e9 }, status: '<script>' }],
      extra: 1,
    };
    await mkdir(path.join(mallory, 'articles', articleKey(fingerprint), 'tags'), { recursive: true });
    await writeFile(path.join(mallory, teamPaths.layer(fingerprint, 'mallory')), JSON.stringify(hostile));
    await rawGit(mallory, ['add', '.']);
    await rawGit(mallory, ['commit', '-qm', 'layer']);
    await rawGit(mallory, ['push', '-q', 'origin', 'HEAD:main']);
    const before = (await call(bob.scholia, 'library.get', { id: bobDoc })).document;
    const report = await call(bob.scholia, 'team.sync', {});
    expect(report.outcome).toBe('synced');
    expect(report.refused).toHaveLength(1);
    expect(report.refused?.[0]?.file).toBe(teamPaths.layer(fingerprint, 'mallory'));
    expect(report.refused?.[0]?.message).toMatch(/is not a valid Scholia tag file/);
    expect(report.refused?.[0]?.message).toMatch(/extra/);
    expect(report.message).toContain('1 file refused');
    const after = (await call(bob.scholia, 'library.get', { id: bobDoc })).document;
    expect(after.reviews.map((r) => r.id)).toEqual(['team-alice-martin']);
    expect(after.annotations).toEqual(before.annotations);
  });

  it('detects a force-pushed rewrite of history, reports it and changes nothing', async () => {
    const { url, alice, bob, bobDoc, dir } = { ...(await aliceAndBob()), dir: await tempDir() };
    await call(alice.scholia, 'team.sync', {});
    await call(bob.scholia, 'team.sync', {});
    const rewriter = await rawClone(url, dir);
    await rawGit(rewriter, ['checkout', '-q', '--orphan', 'rewritten']);
    await rawGit(rewriter, ['commit', '-qm', 'history rewritten']);
    await rawGit(rewriter, ['push', '-q', '--force', 'origin', 'rewritten:main']);
    const settingsBefore = await readFile(path.join(bob.dir, 'team.json'), 'utf8');
    const documentBefore = (await call(bob.scholia, 'library.get', { id: bobDoc })).document;
    const report = await call(bob.scholia, 'team.sync', {});
    expect(report.outcome).toBe('history-rewritten');
    expect(report.message).toMatch(/history was rewritten/);
    const documentAfter = (await call(bob.scholia, 'library.get', { id: bobDoc })).document;
    expect(documentAfter.revision).toBe(documentBefore.revision);
    expect(documentAfter.reviews).toEqual(documentBefore.reviews);
    const settingsAfter = JSON.parse(await readFile(path.join(bob.dir, 'team.json'), 'utf8')) as { lastRemoteHead: string };
    expect(settingsAfter.lastRemoteHead).toBe((JSON.parse(settingsBefore) as { lastRemoteHead: string }).lastRemoteHead);
  });

  it('rebuilds a deleted working clone on the next sync, losing nothing', async () => {
    const { alice, bob, aliceDoc, bobDoc } = await aliceAndBob();
    await call(alice.scholia, 'team.sync', {});
    await call(bob.scholia, 'team.sync', {});
    await call(alice.scholia, 'annotations.apply', {
      documentId: aliceDoc,
      ops: [{ op: 'annotation.add', annotation: noteAt(ARTICLE, 'n-rebuilt', 50, 'after the clone went') }],
    });
    await rm(path.join(alice.dir, 'team'), { recursive: true, force: true });
    const report = await call(alice.scholia, 'team.sync', {});
    expect(report.outcome).toBe('synced');
    const status = await call(alice.scholia, 'team.status', {});
    expect(status.team?.members.map((m) => m.id)).toEqual(['alice-martin', 'bob-stone']);
    await call(bob.scholia, 'team.sync', {});
    const review = await call(bob.scholia, 'review.get', { documentId: bobDoc, reviewId: 'team-alice-martin' });
    expect(review.items.map((i) => i.id).sort()).toEqual(['c-misleading', 'c-prices', 'n-data', 'n-rebuilt']);
  });

  it('syncs by itself on a timer once started, one sync at a time', async () => {
    const { alice } = await aliceAndBob();
    alice.scholia.services.team.startAutoSync(100);
    await expect.poll(async () => (await call(alice.scholia, 'team.status', {})).lastSync?.outcome, { timeout: 20_000 }).toBe('synced');
    alice.scholia.services.team.stopAutoSync();
    const settled = await call(alice.scholia, 'team.status', {});
    expect(settled.pending).toEqual({ toPush: 0, toPull: 0 });
  });

  it('merges one analyst working on two computers by annotation id and time, and a deletion does not come back', async () => {
    const { url, alice, aliceDoc, fingerprint } = await aliceAndBob();
    await call(alice.scholia, 'team.sync', {});
    const laptop = await person('Alice Martin');
    await call(laptop.scholia, 'team.join', { remote: url, memberId: 'alice-martin' });
    await call(laptop.scholia, 'team.sync', {});
    const { documentId } = (await call(laptop.scholia, 'team.share', { fingerprints: [fingerprint] })).articles[0] as {
      documentId: string;
    };
    // The laptop takes the article with no layer of its own: it brings in its own layer as the merge left it.
    await call(laptop.scholia, 'team.sync', {});
    let onLaptop = (await call(laptop.scholia, 'library.get', { id: documentId })).document;
    expect(onLaptop.annotations.map((a) => a.id).sort()).toEqual(['c-misleading', 'c-prices', 'n-data']);

    // Desktop deletes a note and changes a verdict; the laptop adds a note and changes the other verdict, both offline of each other.
    const desktopDoc = (await call(alice.scholia, 'library.get', { id: aliceDoc })).document;
    const prices = desktopDoc.annotations.find((a) => a.id === 'c-prices') as ClaimAnnotation;
    await call(alice.scholia, 'annotations.apply', {
      documentId: aliceDoc,
      ops: [
        { op: 'annotation.remove', id: 'n-data' },
        { op: 'annotation.update', annotation: { ...prices, status: 'true', modified: '2026-03-02T10:00:00.000Z' } },
      ],
    });
    const misleading = onLaptop.annotations.find((a) => a.id === 'c-misleading') as ClaimAnnotation;
    await call(laptop.scholia, 'annotations.apply', {
      documentId,
      ops: [
        { op: 'annotation.add', annotation: noteAt(ARTICLE, 'n-laptop', 20, 'from the train') },
        { op: 'annotation.update', annotation: { ...misleading, status: 'false', modified: '2026-03-02T11:00:00.000Z' } },
      ],
    });
    expect((await call(alice.scholia, 'team.sync', {})).outcome).toBe('synced');
    const laptopSync = await call(laptop.scholia, 'team.sync', {});
    expect(laptopSync.outcome).toBe('synced');
    expect(laptopSync.message).toMatch(/your layer from another computer merged/);
    await call(alice.scholia, 'team.sync', {});
    onLaptop = (await call(laptop.scholia, 'library.get', { id: documentId })).document;
    const onDesktop = (await call(alice.scholia, 'library.get', { id: aliceDoc })).document;
    for (const document of [onLaptop, onDesktop]) {
      const byId = Object.fromEntries(document.annotations.map((a) => [a.id, a]));
      expect(Object.keys(byId).sort()).toEqual(['c-misleading', 'c-prices', 'n-laptop']);
      expect((byId['c-prices'] as ClaimAnnotation).status).toBe('true');
      expect((byId['c-misleading'] as ClaimAnnotation).status).toBe('false');
    }
    const { stdout } = await run('git', [
      '-C',
      path.join(alice.dir, 'team'),
      'show',
      `HEAD:${teamPaths.deleted(fingerprint, 'alice-martin')}`,
    ]);
    expect(stdout).toContain('n-data');
  });
});
