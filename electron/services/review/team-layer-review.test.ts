import { afterEach, describe, expect, it } from 'vitest';
import { exportTagFile } from '../../../shared/export/tag-file-export.ts';
import type { NoteAnnotation } from '../../../shared/model/annotation.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import type { Scholia } from '../open-scholia.ts';
import { importArticle, noteAt } from '../testing/library-fixtures.ts';
import { analyst, call } from '../testing/team-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();
const open: Scholia[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const ARTICLE = 'The mayor said the new tram line would open in May.\n\nCritics said the budget had doubled since the plan was approved.';

describe("a colleague's team layer in Review", () => {
  it('is placed as its own review, and refreshed keeping the decisions on unchanged items', async () => {
    const scholia = await analyst(await tempDir(), 'Bob Stone');
    open.push(scholia);
    const { id, text } = await importArticle(scholia, ARTICLE);
    const { document } = await call(scholia, 'library.get', { id });
    const layerOf = (annotations: NoteAnnotation[]) =>
      exportTagFile({ ...document, annotations }, DEFAULT_TAGSET, {
        annotator: 'Alice Martin',
        embedText: false,
        exportedAt: '2026-03-01T10:00:00.000Z',
      });
    const keep = noteAt(text, 'keep', 4, 'the mayor');
    const change = noteAt(text, 'change', 30, 'the date');
    const reviews = scholia.services.reviews;

    const placed = await reviews.placeTeamLayer(id, 'team-alice-martin', layerOf([keep, change]), 'tags/alice-martin.json');
    expect(placed.changed).toBe(true);
    expect(placed.review).toMatchObject({ id: 'team-alice-martin', annotator: 'Alice Martin' });
    await call(scholia, 'review.decide', { documentId: id, reviewId: 'team-alice-martin', decision: 'accepted', itemIds: ['keep'] });
    await call(scholia, 'review.decide', { documentId: id, reviewId: 'team-alice-martin', decision: 'rejected', itemIds: ['change'] });

    // The same layer again changes nothing, not even the revision.
    const revision = (await call(scholia, 'library.get', { id })).document.revision;
    expect((await reviews.placeTeamLayer(id, 'team-alice-martin', layerOf([keep, change]), 'tags/alice-martin.json')).changed).toBe(false);
    expect((await call(scholia, 'library.get', { id })).document.revision).toBe(revision);

    // One item changed, one new: those are open; the unchanged one keeps its decision and what accepting it did.
    const changed = { ...change, note: 'the date is wrong', modified: '2026-03-02T10:00:00.000Z' };
    const added = noteAt(text, 'added', 60, 'budget');
    expect((await reviews.placeTeamLayer(id, 'team-alice-martin', layerOf([keep, changed, added]), 'tags/alice-martin.json')).changed).toBe(
      true,
    );
    const view = await call(scholia, 'review.get', { documentId: id, reviewId: 'team-alice-martin' });
    expect(Object.fromEntries(view.items.map((item) => [item.id, item.decision]))).toEqual({
      keep: 'accepted',
      change: 'open',
      added: 'open',
    });
    const after = (await call(scholia, 'library.get', { id })).document;
    expect(after.reviews.filter((r) => r.id === 'team-alice-martin')).toHaveLength(1);
    expect(after.annotations).toHaveLength(1);
    // The decision on "change" is gone with its item's old version, so undo has nothing of it to take back.
    expect(after.reviews[0]?.history).toEqual([]);
  });
});
