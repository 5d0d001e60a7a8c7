import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import { MemoryLibrary, plainDocument } from '../testing/memory-library.ts';
import { AppStore } from './app-store.ts';

const when = '2026-01-31T09:00:00.000Z';
const textA = 'The minister said the bridge would open in May. Nobody believed it.';
const textB = 'Prices rose by four percent last year.';

function note(text: string, id: string, exact: string, body: string): Annotation {
  const start = text.indexOf(exact);
  return {
    id,
    kind: 'note',
    note: body,
    target: makeTarget(text, start, start + exact.length),
    author: 'A',
    created: when,
    modified: when,
  };
}

function claim(text: string, id: string, exact: string): Annotation {
  const start = text.indexOf(exact);
  return {
    id,
    kind: 'claim',
    status: 'true',
    target: makeTarget(text, start, start + exact.length),
    author: 'B. Colleague',
    created: when,
    modified: when,
  };
}

function documentA(): ScholiaDocument {
  return { ...plainDocument('docA', textA), annotations: [note(textA, 'n1', 'the bridge', 'Which bridge?')] };
}

async function openStore(library: MemoryLibrary, id: string): Promise<AppStore> {
  const store = new AppStore(library.api);
  await store.openDocument(id);
  return store;
}

function session(store: AppStore) {
  const open = store.session.value;
  if (!open) throw new Error('no document open');
  return open;
}

/** A colleague's review of A with one claim only they marked, opened in the panel; the item's id. */
async function reviewOpen(library: MemoryLibrary, store: AppStore): Promise<{ reviewId: string; itemId: string }> {
  const theirs = claim(textA, 't-claim', 'the bridge would open in May');
  const reviewId = library.addReview('docA', [theirs]);
  // The review moved the stored revision on: read the document again, as an import does.
  await store.reloadDocument();
  await store.review.open(reviewId);
  return { reviewId, itemId: theirs.id };
}

const storedClaims = (library: MemoryLibrary) => library.document('docA').annotations.filter((annotation) => annotation.kind === 'claim');
const decisionOf = (library: MemoryLibrary, reviewId: string) =>
  library.document('docA').reviews.find((review) => review.id === reviewId)?.items[0]?.decision;

describe('one undo history per document', () => {
  beforeEach(() => {
    // The review store keeps the article's scroll position across a reload.
    vi.stubGlobal('document', { querySelector: () => null });
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 0));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a document’s history while another is open: back in A, undo takes back A’s last edit', async () => {
    const library = new MemoryLibrary([documentA(), plainDocument('docB', textB)]);
    const store = await openStore(library, 'docA');
    expect(session(store).setNote('n1', 'The new bridge?')).toBe(true);
    await session(store).commands.whenIdle();

    await store.openDocument('docB');
    expect(session(store).id).toBe('docB');
    expect(store.undo()).toBe(false);
    await store.openDocument('docA');

    expect(session(store).commands.undoLabel).toBe('Edit note');
    expect(store.undo()).toBe(true);
    await session(store).commands.whenIdle();
    expect(library.document('docA').annotations[0]).toMatchObject({ id: 'n1', note: 'Which bridge?' });
    expect(session(store).commands.state.error).toBeNull();
    expect(store.redo()).toBe(true);
    await session(store).commands.whenIdle();
    expect(library.document('docA').annotations[0]).toMatchObject({ note: 'The new bridge?' });
  });

  it('starts afresh when the document changed while another was open', async () => {
    const library = new MemoryLibrary([documentA(), plainDocument('docB', textB)]);
    const store = await openStore(library, 'docA');
    session(store).setNote('n1', 'The new bridge?');
    await session(store).commands.whenIdle();
    await store.openDocument('docB');
    await library.api.call('annotations.apply', { documentId: 'docA', ops: [{ op: 'annotation.remove', id: 'n1' }] });
    await store.openDocument('docA');
    expect(store.undo()).toBe(false);
    expect(library.document('docA').annotations).toEqual([]);
  });

  it('undoes a review decision with the document’s undo, and redoes it', async () => {
    const library = new MemoryLibrary([documentA()]);
    const store = await openStore(library, 'docA');
    const { reviewId, itemId } = await reviewOpen(library, store);

    await store.review.decide('accepted', { itemIds: [itemId] });
    expect(storedClaims(library)).toHaveLength(1);
    expect(session(store).records.counts.kinds().claims).toBe(1);
    expect(store.review.undoLabel).toBe('Accept 1 item');

    expect(store.undo()).toBe(true);
    await vi.waitFor(() => expect(decisionOf(library, reviewId)).toBe('open'));
    await vi.waitFor(() => expect(store.review.busy.value).toBe(false));
    expect(storedClaims(library)).toEqual([]);
    expect(session(store).records.counts.kinds().claims).toBe(0);
    expect(store.review.view.value?.items[0]?.decision).toBe('open');

    expect(store.redo()).toBe(true);
    await vi.waitFor(() => expect(decisionOf(library, reviewId)).toBe('accepted'));
    await vi.waitFor(() => expect(store.review.busy.value).toBe(false));
    expect(session(store).records.counts.kinds().claims).toBe(1);
  });

  it('interleaves edits and decisions in one history, each undo saved on the revision the last one left', async () => {
    const library = new MemoryLibrary([documentA()]);
    const store = await openStore(library, 'docA');
    const { reviewId, itemId } = await reviewOpen(library, store);
    session(store).setNote('n1', 'The old bridge?');
    await session(store).commands.whenIdle();
    await store.review.decide('accepted', { itemIds: [itemId] });
    session(store).setNote('n1', 'The river bridge?');
    await session(store).commands.whenIdle();

    expect(store.undo()).toBe(true);
    await session(store).commands.whenIdle();
    expect(library.document('docA').annotations.find((a) => a.id === 'n1')).toMatchObject({ note: 'The old bridge?' });
    expect(store.undo()).toBe(true);
    await vi.waitFor(() => expect(decisionOf(library, reviewId)).toBe('open'));
    await vi.waitFor(() => expect(store.review.busy.value).toBe(false));
    expect(store.undo()).toBe(true);
    await session(store).commands.whenIdle();
    expect(session(store).commands.state.error).toBeNull();
    expect(library.document('docA').annotations.find((a) => a.id === 'n1')).toMatchObject({ note: 'Which bridge?' });
    expect(storedClaims(library)).toEqual([]);
  });

  it('drops the redo branch when an edit follows an undone decision', async () => {
    const library = new MemoryLibrary([documentA()]);
    const store = await openStore(library, 'docA');
    const { reviewId, itemId } = await reviewOpen(library, store);
    await store.review.decide('accepted', { itemIds: [itemId] });
    expect(store.review.undo()).toBe(true);
    await vi.waitFor(() => expect(decisionOf(library, reviewId)).toBe('open'));
    await vi.waitFor(() => expect(store.review.busy.value).toBe(false));
    expect(store.review.redoLabel).toBe('Accept 1 item');

    session(store).setNote('n1', 'The river bridge?');
    await session(store).commands.whenIdle();
    expect(store.review.redoLabel).toBeUndefined();
    expect(store.redo()).toBe(false);
    expect(decisionOf(library, reviewId)).toBe('open');
    expect(session(store).commands.undoLabel).toBe('Edit note');
  });

  it('keeps a decision in the history across a switch to another document', async () => {
    const library = new MemoryLibrary([documentA(), plainDocument('docB', textB)]);
    const store = await openStore(library, 'docA');
    const { reviewId, itemId } = await reviewOpen(library, store);
    await store.review.decide('accepted', { itemIds: [itemId] });
    await store.openDocument('docB');
    await store.openDocument('docA');
    expect(store.undo()).toBe(true);
    await vi.waitFor(() => expect(decisionOf(library, reviewId)).toBe('open'));
    expect(storedClaims(library)).toEqual([]);
  });
});
