import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PairAgreement } from '../agreement/agreement-report.ts';
import { exportTagFile } from '../export/tag-file-export.ts';
import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { ReviewRecord } from '../model/review.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { buildReview } from './build-review.ts';
import { decideReview } from './decide-review.ts';
import { reviewAgreement } from './review-agreement.ts';

const raw = readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8');
const NOW = '2026-12-03T10:00:00.000Z';
const mine = annotatedSampleDocument(raw);

/** A colleague's layer on the same text: the sample's annotations, changed by `change`, as a review with a stable id. */
function layerOf(name: string, change: (annotation: Annotation) => Annotation | null): ReviewRecord {
  const annotations = mine.annotations.flatMap((a) => {
    const changed = change({ ...a, author: name });
    return changed ? [changed] : [];
  });
  const file = exportTagFile({ ...mine, annotations }, DEFAULT_TAGSET, { annotator: name, exportedAt: NOW, embedText: false });
  return buildReview(mine, file, { id: `team-${name.toLowerCase()}`, now: NOW });
}

const verdict = (id: string, status: string) => (a: Annotation) => (a.id === id && a.kind === 'claim' ? { ...a, status } : a);

function pair(report: ReturnType<typeof reviewAgreement>, a: string, b: string): PairAgreement {
  const found = report.pairs.find((p) => p.a === a && p.b === b);
  if (!found) throw new Error(`no pair ${a}–${b}`);
  return found;
}

describe('agreement among every layer of an article', () => {
  const alice = layerOf('Alice', verdict('claim-cyberattack', 'false'));
  const carol = layerOf('Carol', verdict('claim-cyberattack', 'false'));
  const document: ScholiaDocument = { ...mine, reviews: [alice, carol] };
  const claims = mine.annotations.filter((a) => a.kind === 'claim').length;

  it('gives every pair of layers: mine with each colleague, and the colleagues with each other', () => {
    const report = reviewAgreement(document, document.reviews, 'Me');
    expect(report.pairs.map((p) => `${p.a}–${p.b}`)).toEqual(['Me–Alice', 'Me–Carol', 'Alice–Carol']);
    expect(pair(report, 'Me', 'Alice').verdict).toMatchObject({ pairs: claims, agreed: claims - 1 });
    expect(pair(report, 'Alice', 'Carol').verdict).toMatchObject({ pairs: claims, agreed: claims });
  });

  it('updates after an accept: mine with Carol follows what I took from Alice, mine with Alice stays on my own work', () => {
    const { document: accepted } = decideReview(
      document,
      'team-alice',
      { decision: 'accepted', itemIds: ['claim-cyberattack'] },
      { tagset: DEFAULT_TAGSET, now: NOW, batchId: 'b1' },
    );
    const report = reviewAgreement(accepted, accepted.reviews, 'Me');
    expect(pair(report, 'Me', 'Alice').verdict).toMatchObject({ pairs: claims, agreed: claims - 1 });
    expect(pair(report, 'Me', 'Carol').verdict).toMatchObject({ pairs: claims, agreed: claims });
  });

  it('updates when a colleague’s layer is refreshed, and leaves out what their file says they took from the other side', () => {
    const refreshed = layerOf('Carol', (a) =>
      a.id === 'claim-cyberattack' && a.kind === 'claim' ? { ...a, status: 'mixed', acceptedFrom: { annotator: 'Me', at: NOW } } : a,
    );
    const report = reviewAgreement({ ...document, reviews: [alice, refreshed] }, [alice, refreshed], 'Me');
    // With me, Carol's claim taken from me is not her own work: one claim fewer, every other verdict the same.
    expect(pair(report, 'Me', 'Carol').verdict).toMatchObject({ pairs: claims - 1, agreed: claims - 1 });
    expect(pair(report, 'Me', 'Carol').scopes.claim.exact).toMatchObject({ a: claims, b: claims - 1 });
    // With Alice it is Carol's, and disagrees with Alice's verdict.
    expect(pair(report, 'Alice', 'Carol').verdict).toMatchObject({ pairs: claims, agreed: claims - 1 });
    // The group figures leave it out too.
    expect(report.annotators.find((a) => a.name === 'Carol')?.annotations).toBe(mine.annotations.length - 1);
  });
});
