import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportTagFile } from '../export/tag-file-export.ts';
import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import { ScholiaDocument as DocumentSchema } from '../model/document.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { makeTarget } from '../text/target.ts';
import { buildReview } from './build-review.ts';
import { decideReview, redoDecision, undoDecision } from './decide-review.ts';
import { reviewAgreement } from './review-agreement.ts';
import { reviewView } from './review-view.ts';

const raw = readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8');
const NOW = '2026-02-02T10:00:00.000Z';

/**
 * Mine: the annotated sample. Theirs: the same article with a sentence added at the top, the
 * same annotations but for: claim-cyberattack judged `false` (conflict), quote-slava given to Duch
 * (conflict), claim-law left out (only mine), a new note on the last sentence (only theirs), and a
 * claim on a sentence their copy has and mine does not (orphaned). Their entity ids differ from
 * mine; names and Wikidata ids link them.
 */
function scenario(): { mine: ScholiaDocument; theirs: ScholiaDocument } {
  const mine = annotatedSampleDocument(raw);
  const base = annotatedSampleDocument(
    `Updated Thursday with the spokesperson's comments.\n\n${raw.replace(/^date \d{4}-\d{2}-\d{2}\s*/u, '')}`,
  );
  const { text } = base;
  const rename = (id: string) => `t-${id.slice(2)}`;
  const at = (exact: string) => {
    const start = text.indexOf(exact);
    return makeTarget(text, start, start + exact.length);
  };
  const stamp = { author: 'B. Colleague', created: NOW, modified: NOW };
  const annotations: Annotation[] = base.annotations
    .filter((a) => a.id !== 'claim-law')
    .map((a): Annotation => {
      if (a.id === 'claim-cyberattack' && a.kind === 'claim') return { ...a, status: 'false', claimantId: rename(a.claimantId ?? '') };
      if (a.id === 'quote-slava' && a.kind === 'quote') return { ...a, speakerId: 't-duch' };
      if (a.kind === 'claim' && a.claimantId) return { ...a, claimantId: rename(a.claimantId) };
      if (a.kind === 'quote' && a.speakerId) return { ...a, speakerId: rename(a.speakerId) };
      if (a.kind === 'entity') return { ...a, entityId: rename(a.entityId) };
      return a;
    });
  annotations.push(
    {
      ...stamp,
      id: 'note-blacklist',
      kind: 'note',
      target: at('Only specific individuals and entities can be legally blacklisted.'),
      note: 'Which ones?',
    },
    { ...stamp, id: 'claim-update', kind: 'claim', status: 'unverified', target: at("Updated Thursday with the spokesperson's comments.") },
  );
  const entities = base.entities.map((e) => ({ ...e, id: rename(e.id), aliases: e.id === 'e-duch' ? [] : e.aliases }));
  return { mine, theirs: { ...base, entities, annotations } };
}

function imported() {
  const { mine, theirs } = scenario();
  const file = exportTagFile(theirs, DEFAULT_TAGSET, { annotator: 'B. Colleague', exportedAt: NOW });
  const review = buildReview(mine, file, { id: 'review1', now: NOW, fileName: 'colleague.json' });
  return { document: { ...mine, reviews: [review] }, review };
}

describe('a review of a colleague’s tag file', () => {
  it('places every annotation, links their entities to mine, and sorts each item', () => {
    const { document, review } = imported();
    expect(DocumentSchema.safeParse(document).success).toBe(true);
    expect(review.file.sameText).toBe(false);
    expect(review.entityLinks.find((l) => l.theirId === 't-ep')).toEqual({ theirId: 't-ep', myId: 'e-ep', by: 'wikidata' });
    expect(review.entityLinks.find((l) => l.theirId === 't-duch')).toEqual({ theirId: 't-duch', myId: 'e-duch', by: 'name' });
    const view = reviewView(document, review);
    const byId = new Map(view.items.map((item) => [item.id, item]));
    expect(byId.get('claim-update')).toMatchObject({ class: 'orphaned', anchor: { status: 'orphaned', reason: 'not-found' } });
    expect(byId.get('claim-hacked')).toMatchObject({ class: 'agreed', counterpartId: 'claim-hacked', anchor: { status: 'moved' } });
    expect(byId.get('claim-cyberattack')).toMatchObject({
      class: 'conflict',
      counterpartId: 'claim-cyberattack',
      differences: [{ field: 'verdict', mine: 'mixed', theirs: 'false' }],
    });
    expect(byId.get('quote-slava')?.differences).toEqual([{ field: 'speaker', mine: 'Roberta Metsola', theirs: 'Jaume Duch' }]);
    expect(byId.get('note-blacklist')).toMatchObject({ class: 'only-theirs' });
    expect(view.onlyMine).toEqual(['claim-law']);
    expect(view.summary.classes).toEqual({ agreed: review.items.length - 4, conflict: 2, 'only-theirs': 1, orphaned: 1, 'only-mine': 1 });
    expect(view.summary.placement.orphaned).toBe(1);
  });

  it('accepts all agreed items without touching my annotations, and takes their verdict on a conflict', () => {
    const { document } = imported();
    const agreed = decideReview(
      document,
      'review1',
      { decision: 'accepted', where: { classes: ['agreed'] } },
      { tagset: DEFAULT_TAGSET, now: NOW, batchId: 'b1' },
    );
    expect(agreed.document.annotations).toEqual(document.annotations);
    expect(agreed.batch?.label).toBe(`Accept ${agreed.changed.length} agreed items`);
    const conflict = decideReview(
      agreed.document,
      'review1',
      { decision: 'accepted', itemIds: ['claim-cyberattack'] },
      { tagset: DEFAULT_TAGSET, now: NOW, batchId: 'b2' },
    );
    const claim = conflict.document.annotations.find((a) => a.id === 'claim-cyberattack');
    expect(claim).toMatchObject({ kind: 'claim', status: 'false', claimantId: 'e-metsola' });
    // The item stays a conflict: reviews compare against my own, independent annotations.
    const view = reviewView(conflict.document, conflict.document.reviews[0] as ScholiaDocument['reviews'][number]);
    expect(view.items.find((i) => i.id === 'claim-cyberattack')).toMatchObject({ class: 'conflict', decision: 'accepted' });
  });

  it('adds an only-theirs item as my annotation, creating the entity it needs, and undoes and redoes it whole', () => {
    const { document } = imported();
    const withNewEntity: ScholiaDocument = {
      ...document,
      entities: document.entities.filter((e) => e.id !== 'e-duch'),
      annotations: document.annotations.filter(
        (a) =>
          !(a.kind === 'entity' && a.entityId === 'e-duch') &&
          !(a.kind === 'quote' && a.speakerId === 'e-duch') &&
          !(a.kind === 'claim' && a.claimantId === 'e-duch'),
      ),
    };
    const review = buildReview(
      withNewEntity,
      exportTagFile(scenario().theirs, DEFAULT_TAGSET, { annotator: 'B. Colleague', exportedAt: NOW }),
      { id: 'review1', now: NOW },
    );
    const start = { ...withNewEntity, reviews: [review] };
    const context = { tagset: DEFAULT_TAGSET, now: NOW, batchId: 'b1' };
    const accepted = decideReview(
      start,
      'review1',
      { decision: 'accepted', where: { classes: ['only-theirs'], kinds: ['quote'] } },
      context,
    );
    expect(accepted.changed).toEqual(['quote-traffic', 'quote-ddos']);
    const duch = accepted.document.entities.find((e) => e.name === 'Jaume Duch');
    expect(duch?.id).toBe('t-duch');
    const added = accepted.document.annotations.filter((a) => a.id.startsWith('rvreview-'));
    expect(added.map((a) => a.kind === 'quote' && a.speakerId)).toEqual(['t-duch', 't-duch']);
    expect(accepted.document.reviews[0]?.entityLinks.find((l) => l.theirId === 't-duch')).toEqual({
      theirId: 't-duch',
      myId: 't-duch',
      by: 'created',
    });
    expect(accepted.document.revision).toBe(start.revision + 1);

    const undone = undoDecision(accepted.document, 'review1', DEFAULT_TAGSET, NOW).document;
    expect(undone.annotations).toEqual(start.annotations);
    expect(undone.entities).toEqual(start.entities);
    expect(undone.reviews[0]?.items.every((i) => i.decision === 'open')).toBe(true);
    expect(undone.reviews[0]?.redo).toHaveLength(1);
    const redone = redoDecision(undone, 'review1', DEFAULT_TAGSET, NOW).document;
    expect(redone.annotations).toEqual(accepted.document.annotations);
    expect(redone.reviews[0]?.history).toHaveLength(1);
    expect(DocumentSchema.safeParse(redone).success).toBe(true);
  });

  it('reopens an accepted item by taking its annotation back, rejects without changes, and skips orphans', () => {
    const { document } = imported();
    const context = { tagset: DEFAULT_TAGSET, now: NOW, batchId: 'b1' };
    const accepted = decideReview(document, 'review1', { decision: 'accepted', itemIds: ['note-blacklist', 'claim-update'] }, context);
    expect(accepted.skipped).toEqual([{ itemId: 'claim-update', reason: 'it could not be placed on this text' }]);
    expect(accepted.document.annotations).toHaveLength(document.annotations.length + 1);
    const reopened = decideReview(
      accepted.document,
      'review1',
      { decision: 'open', itemIds: ['note-blacklist'] },
      { ...context, batchId: 'b2' },
    );
    expect(reopened.document.annotations).toEqual(document.annotations);
    const rejected = decideReview(
      reopened.document,
      'review1',
      { decision: 'rejected', itemIds: ['note-blacklist'] },
      { ...context, batchId: 'b3' },
    );
    expect(rejected.document.annotations).toEqual(document.annotations);
    expect(rejected.document.reviews[0]?.items.find((i) => i.id === 'note-blacklist')?.decision).toBe('rejected');
    expect(rejected.document.reviews[0]?.history.map((b) => b.label)).toEqual(['Accept 1 item', 'Reopen 1 item', 'Reject 1 item']);
  });

  it('skips an item the op engine refuses, with its reason, and keeps the rest of the decision', () => {
    const { document } = imported();
    const smallerCodebook = { ...DEFAULT_TAGSET, verdicts: DEFAULT_TAGSET.verdicts.filter((verdict) => verdict.id !== 'false') };
    const accepted = decideReview(
      document,
      'review1',
      { decision: 'accepted', itemIds: ['claim-cyberattack', 'note-blacklist'] },
      { tagset: smallerCodebook, now: NOW, batchId: 'b1' },
    );
    expect(accepted.skipped).toEqual([{ itemId: 'claim-cyberattack', reason: '"false" is not a verdict of the tagset' }]);
    expect(accepted.changed).toEqual(['note-blacklist']);
    expect(accepted.document.annotations.find((a) => a.id === 'claim-cyberattack')).toEqual(
      document.annotations.find((a) => a.id === 'claim-cyberattack'),
    );
    expect(accepted.document.annotations).toHaveLength(document.annotations.length + 1);
  });

  it('measures agreement between my own annotations and theirs', () => {
    const { document, review } = imported();
    const report = reviewAgreement(document, [review], 'A. Analyst');
    const [pair] = report.pairs;
    if (!pair) throw new Error('no pair');
    expect(pair.a).toBe('A. Analyst');
    // Claims: mine 7, theirs 6 placed (one orphaned), 6 on the same spans.
    expect(pair.scopes.claim.exact).toMatchObject({ matched: 6, a: 7, b: 6 });
    expect(pair.verdict).toMatchObject({ pairs: 6, agreed: 5 });
    expect(pair.speaker).toMatchObject({ pairs: 7, agreed: 6 });
    expect(pair.scopes.entity.exact.f1).toBe(1);
  });
});
