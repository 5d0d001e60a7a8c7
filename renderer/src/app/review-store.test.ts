// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReviewSummary, ReviewView } from '../../../shared/review/review-view.ts';
import { failing } from '../testing/fake-api.ts';
import { fakeLibrary, HARBOUR } from '../testing/fake-library.ts';
import { AppStore } from './app-store.ts';

const SAVED = { revision: 2, modified: '2026-02-01T09:00:00.000Z' };

const SUMMARY: ReviewSummary = {
  id: 'review1',
  annotator: 'B. Colleague',
  imported: '2026-02-01T09:00:00.000Z',
  file: {
    name: 'colleague.json',
    exportedAt: '2026-01-31T09:00:00.000Z',
    fingerprint: HARBOUR.fingerprint,
    textLength: HARBOUR.text.length,
    sameText: true,
  },
  exactOnly: false,
  items: 3,
  placement: { exact: 2, moved: 0, fuzzy: 0, orphaned: 1 },
  classes: { agreed: 1, conflict: 1, 'only-theirs': 0, orphaned: 1, 'only-mine': 0 },
  decisions: { open: 3, accepted: 0, rejected: 0 },
};

const VIEW: ReviewView = { summary: SUMMARY, items: [], onlyMine: [], entities: [], entityLinks: [] };

async function startedReview({ withDocument = true } = {}) {
  const api = fakeLibrary({
    documents: withDocument ? [HARBOUR] : [],
    overrides: {
      'review.list': () => ({ reviews: [] }),
      'review.import': () => ({ ...SAVED, review: SUMMARY }),
      'review.get': () => VIEW,
      'review.decide': () => ({
        ...SAVED,
        changed: ['i1', 'i2'],
        skipped: [{ itemId: 'i3', reason: 'it overlaps an annotation of yours' }],
        review: { ...SUMMARY, undo: 'Accept 3 items' },
      }),
    },
  });
  const store = new AppStore(api);
  await store.start();
  return { api, store, review: store.review };
}

const tagFile = (text: string) => new File([text], 'colleague.json', { type: 'application/json' });

describe('ReviewStore', () => {
  beforeEach(() => localStorage.clear());

  it('asks for the article first when none is open', async () => {
    const { api, store, review } = await startedReview({ withDocument: false });
    await review.importFile(tagFile('{}'));
    expect(store.message.value).toEqual({ tone: 'error', text: 'Open the article the tag file is about first.' });
    expect(api.inputsOf('review.import')).toEqual([]);
  });

  it('imports a tag file as a review of the open article and opens it in the panel', async () => {
    const { api, store, review } = await startedReview();
    await review.importFile(tagFile('{"format":"scholia-tags"}'));
    expect(api.inputsOf('review.import')).toEqual([
      { documentId: HARBOUR.id, json: '{"format":"scholia-tags"}', fileName: 'colleague.json' },
    ]);
    expect(review.active.value).toBe(true);
    expect(review.reviewId).toBe('review1');
    expect(review.reviews.value.map((summary) => summary.id)).toEqual(['review1']);
    expect(review.busy.value).toBe(false);
    expect(store.message.value).toEqual({ tone: 'info', text: 'Imported B. Colleague’s tag file: 3 items, 1 orphaned.' });
  });

  it('lists every problem of a refused file, and changes nothing', async () => {
    const { api, store, review } = await startedReview();
    api.handlers['review.import'] = failing(
      'unsupported-file',
      'colleague.json is not a valid Scholia tag file:\n  $.format: expected "scholia-tags"\n  $.annotations: required',
    );
    await review.importFile(tagFile('{}'));
    expect(review.refused.value).toEqual({
      fileName: 'colleague.json',
      problems: ['$.format: expected "scholia-tags"', '$.annotations: required'],
    });
    expect(review.active.value).toBe(false);
    expect(store.message.value).toEqual({ tone: 'error', text: 'Could not import colleague.json: nothing was changed.' });
  });

  it('decides on items, then reads the document and the review again and says what changed', async () => {
    const { api, store, review } = await startedReview();
    await review.importFile(tagFile('{}'));
    const gets = api.inputsOf('library.get').length;
    await review.decide('accepted', { where: { classes: ['agreed'] } });
    expect(api.inputsOf('review.decide')).toEqual([
      { documentId: HARBOUR.id, reviewId: 'review1', decision: 'accepted', where: { classes: ['agreed'] } },
    ]);
    expect(api.inputsOf('library.get').length).toBe(gets + 1);
    expect(store.message.value).toEqual({
      tone: 'info',
      text: 'Accept 3 items: 2 changed. 1 skipped: it overlaps an annotation of yours.',
    });
  });

  it('reports a decision the library refused', async () => {
    const { api, store, review } = await startedReview();
    await review.importFile(tagFile('{}'));
    api.handlers['review.decide'] = failing('read-only', 'The library is read-only.');
    await review.decide('rejected', { itemIds: ['i1'] });
    expect(store.message.value).toEqual({ tone: 'error', text: 'Review: The library is read-only.' });
    expect(review.busy.value).toBe(false);
  });

  it('closes the panel, leaving the review to open again', async () => {
    const { review } = await startedReview();
    await review.importFile(tagFile('{}'));
    review.close();
    expect(review.active.value).toBe(false);
    expect(review.reviews.value).toHaveLength(1);
  });
});
