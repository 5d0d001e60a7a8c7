import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ClaimReview } from '../../../shared/export/claim-review.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { threeClaimArticles } from '../testing/claim-fixtures.ts';
import { documentOf } from '../testing/entity-fixtures.ts';
import { apply, valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();

async function claimReviews(scholia: Scholia, documentId: string): Promise<ClaimReview[]> {
  const file = valueOf<ChannelOutput<'export.render'>>(await scholia.dispatch('export.render', { documentId, format: 'claimreview' }));
  return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as ClaimReview[];
}

async function setMeta(scholia: Scholia, id: string, meta: Record<string, string>): Promise<void> {
  valueOf(await scholia.dispatch('library.updateMeta', { id, meta }));
}

async function rate(scholia: Scholia, documentId: string, annotationId: string, status: string): Promise<void> {
  const claim = (await documentOf(scholia, documentId)).annotations.find((annotation) => annotation.id === annotationId);
  if (claim?.kind !== 'claim') throw new Error(`no claim ${annotationId}`);
  await apply(scholia, documentId, [{ op: 'annotation.update', annotation: { ...claim, status } }]);
}

/**
 * Two articles of a library on disk make the same claim (the tracker groups them by their text), a
 * third a near match (only suggested); the first was published after the second.
 */
async function library(): Promise<{ scholia: Scholia; a: string; b: string; c: string }> {
  const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
  const { a, b, c } = await threeClaimArticles(scholia);
  await setMeta(scholia, a, {
    title: 'Minister hails record jobs figures',
    url: 'https://ledger.example.org/jobs',
    source: 'Daily Ledger',
    author: 'Ana Pires and Tom Reddy',
    published: '2026-02-10',
  });
  await setMeta(scholia, b, {
    title: 'Minister’s Monday speech',
    url: 'https://courier.example.org/speech',
    source: 'Evening Courier',
    author: 'Jo Banks',
    published: '2026-01-05',
  });
  await setMeta(scholia, c, { title: 'Officials on unemployment', url: 'https://gazette.example.org/officials', published: '2025-12-01' });
  valueOf(
    await scholia.dispatch('settings.set', {
      factCheckUrlBase: 'https://factcheck.example.org/checks/',
      publisherName: 'Example Fact Check',
      publisherUrl: 'https://factcheck.example.org/',
    }),
  );
  return { scholia, a, b, c };
}

describe('ClaimReview appearances from the claim tracker', () => {
  it('lists every article the tracked claim appears in, with byline and source, and the earliest as the first appearance', async () => {
    const { scholia, a, b } = await library();
    const [review] = await claimReviews(scholia, a);
    const speech = {
      '@type': 'CreativeWork',
      headline: 'Minister’s Monday speech',
      url: 'https://courier.example.org/speech',
      datePublished: '2026-01-05',
      author: [{ '@type': 'Person', name: 'Jo Banks' }],
      publisher: { '@type': 'Organization', name: 'Evening Courier' },
    };
    expect(review?.itemReviewed.appearance).toEqual([
      {
        '@type': 'CreativeWork',
        headline: 'Minister hails record jobs figures',
        url: 'https://ledger.example.org/jobs',
        datePublished: '2026-02-10',
        author: [
          { '@type': 'Person', name: 'Ana Pires' },
          { '@type': 'Person', name: 'Tom Reddy' },
        ],
        publisher: { '@type': 'Organization', name: 'Daily Ledger' },
      },
      speech,
    ]);
    // The claim was first made in the earlier article; the near match of the third is only a suggestion.
    expect(review?.itemReviewed.firstAppearance).toEqual(speech);
    expect(review?.itemReviewed.datePublished).toBe('2026-01-05');

    // Reviewed from the other article, the same two appearances, its own first.
    await rate(scholia, b, 'cb', 'false');
    const [fromB] = await claimReviews(scholia, b);
    expect(fromB?.itemReviewed.appearance.map((item) => item.headline)).toEqual([
      'Minister’s Monday speech',
      'Minister hails record jobs figures',
    ]);
    expect(fromB?.itemReviewed.firstAppearance.headline).toBe('Minister’s Monday speech');
    await scholia.close();
  });

  it('follows the tracker: a confirmed near match joins, a split appearance leaves', async () => {
    const { scholia, a, b, c } = await library();
    const { tracked, suggestions } = valueOf<ChannelOutput<'claims.list'>>(await scholia.dispatch('claims.list', {}));
    const [suggestion] = suggestions;
    if (!suggestion || !tracked[0]) throw new Error('expected a tracked claim and a suggestion');
    valueOf(await scholia.dispatch('claims.confirm', { trackedId: suggestion.tracked.id, candidateId: suggestion.candidate.id }));
    const [joined] = await claimReviews(scholia, a);
    expect(joined?.itemReviewed.appearance.map((item) => item.url)).toEqual([
      'https://ledger.example.org/jobs',
      'https://courier.example.org/speech',
      'https://gazette.example.org/officials',
    ]);
    expect(joined?.itemReviewed.firstAppearance.url).toBe('https://gazette.example.org/officials');

    valueOf(
      await scholia.dispatch('claims.split', {
        trackedId: suggestion.tracked.id,
        appearances: [
          { documentId: b, annotationId: 'cb' },
          { documentId: c, annotationId: 'cc' },
        ],
      }),
    );
    const [alone] = await claimReviews(scholia, a);
    expect(alone?.itemReviewed.appearance.map((item) => item.url)).toEqual(['https://ledger.example.org/jobs']);
    expect(alone?.itemReviewed.firstAppearance.url).toBe('https://ledger.example.org/jobs');
    await scholia.close();
  });
});
