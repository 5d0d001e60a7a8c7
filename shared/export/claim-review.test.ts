import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScholiaError } from '../contract/errors.ts';
import type { ClaimAnnotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import {
  appearancesOf,
  bylineNames,
  exportClaimReviews,
  missingPublishing,
  type Appearance,
  type ClaimReviewOptions,
} from './claim-review.ts';

const base = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));
const sample: ScholiaDocument = {
  ...base,
  meta: { ...base.meta, url: 'https://news.example.org/ep-cyberattack' },
  annotations: base.annotations.map((a) =>
    a.kind === 'claim' && a.target.exact.startsWith('The (European')
      ? { ...a, checkedBy: 'Ana Pires', checkedOn: '2026-03-03', rationale: 'The **vote** record says [so](https://example.org/v).' }
      : a,
  ),
};
const publishing: ClaimReviewOptions = {
  factCheckUrlBase: 'https://factcheck.example.org/checks',
  publisherName: 'Example Fact Check',
  publisherUrl: 'https://factcheck.example.org/',
};

/**
 * Google's Fact Check (ClaimReview) markup: the properties it requires and recommends, by the
 * object that carries them (Google Search Central, "Fact check (ClaimReview) structured data").
 */
const GOOGLE_FACT_CHECK_FIELDS = {
  ClaimReview: { required: ['claimReviewed', 'reviewRating', 'url'], recommended: ['author', 'datePublished', 'itemReviewed'] },
  Claim: { required: [], recommended: ['appearance', 'author', 'datePublished', 'firstAppearance'] },
  Rating: { required: ['alternateName'], recommended: ['bestRating', 'name', 'ratingValue', 'worstRating'] },
} as const;

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

describe('exportClaimReviews', () => {
  const reviews = exportClaimReviews(sample, DEFAULT_TAGSET, publishing);
  const claims = sample.annotations.filter((a): a is ClaimAnnotation => a.kind === 'claim');
  const byText = (text: string) => reviews.find((r) => r.claimReviewed.startsWith(text));

  it('carries every property Google requires and recommends, on every review', () => {
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      const objects = { ClaimReview: review, Claim: review.itemReviewed, Rating: review.reviewRating } as Record<string, object>;
      for (const [type, { required, recommended }] of Object.entries(GOOGLE_FACT_CHECK_FIELDS)) {
        const object = objects[type] as Record<string, unknown>;
        for (const field of required) expect(present(object[field]), `${type}.${field} (required)`).toBe(true);
        // Ratings off the truth scale (unverifiable, opinion) have no number to give.
        const numeric = ['bestRating', 'ratingValue', 'worstRating'];
        for (const field of recommended) {
          if (type === 'Rating' && numeric.includes(field) && review.reviewRating.ratingValue === undefined) continue;
          // A claim has an author only when the analyst named its claimant.
          if (type === 'Claim' && field === 'author') continue;
          expect(present(object[field]), `${type}.${field} (recommended) on "${review.claimReviewed}"`).toBe(true);
        }
      }
      expect(() => new URL(review.url)).not.toThrow();
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
  });

  it('reviews every claim with a verdict, on the 1–5 scale where the verdict is on it', () => {
    expect(reviews).toHaveLength(claims.filter((a) => a.status !== 'unverified').length);
    expect(byText('became temporarily')?.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'True',
      name: 'True',
      ratingValue: 5,
      bestRating: 5,
      worstRating: 1,
    });
    expect(byText('was not affected')?.reviewRating).toMatchObject({ alternateName: 'False', ratingValue: 1 });
    expect(byText('By 15:30')?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable', name: 'Unverifiable' });
  });

  it('names the organisation as author and publisher, the checked-on day, the claimant with Wikidata, and the article as appearance', () => {
    const review = byText('The (European');
    const organisation = { '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/' };
    const article = {
      '@type': 'CreativeWork',
      headline: sample.meta.title,
      url: 'https://news.example.org/ep-cyberattack',
      datePublished: '2022-11-23',
    };
    const number =
      [...claims].sort((a, b) => a.target.start - b.target.start).findIndex((c) => c.target.exact.startsWith('The (European')) + 1;
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://factcheck.example.org/checks/${sample.id}#claim-${number}`,
      author: organisation,
      publisher: organisation,
      datePublished: '2026-03-03',
      reviewBody: 'The vote record says so (https://example.org/v).',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Roberta Metsola' },
        appearance: [article],
        firstAppearance: article,
      },
    });
  });

  it('uses the article’s own fact-check page when it has one', () => {
    const own = { ...sample, meta: { ...sample.meta, factCheckUrl: 'https://factcheck.example.org/2026/ep-attack' } };
    expect(exportClaimReviews(own, DEFAULT_TAGSET, { ...publishing, factCheckUrlBase: '' })[0]?.url).toMatch(
      /^https:\/\/factcheck\.example\.org\/2026\/ep-attack#claim-\d+$/u,
    );
  });

  it('refuses with a clear message, rather than writing an invalid file, when the publishing settings are missing', () => {
    expect(() => exportClaimReviews(sample, DEFAULT_TAGSET, {})).toThrow(ScholiaError);
    expect(missingPublishing(sample, {})).toBe(
      'ClaimReview needs the fact-check URL (a base address in Settings, or this article’s own), the publishing organisation’s name, the publishing organisation’s web address. Set them under Settings → Publishing.',
    );
    expect(missingPublishing(sample, { ...publishing, publisherName: '  ' })).toContain('organisation’s name');
    expect(missingPublishing(sample, publishing)).toBeUndefined();
  });
});

describe('appearancesOf', () => {
  const work = (headline: string, datePublished?: string, url?: string): Appearance => ({
    '@type': 'CreativeWork',
    headline,
    ...(url ? { url } : {}),
    ...(datePublished ? { datePublished } : {}),
  });

  it('lists each article once, its own first, and takes the earliest dated one as the first appearance', () => {
    const own = work('Own', '2026-03-01', 'https://a.example/own');
    const earlier = work('Earlier', '2026-01-01', 'https://b.example/earlier');
    const undated = work('Undated');
    const { appearance, firstAppearance } = appearancesOf(own, [undated, earlier, { ...own }]);
    expect(appearance).toEqual([own, undated, earlier]);
    expect(firstAppearance).toBe(earlier);
    expect(appearancesOf(undated, [own]).firstAppearance).toBe(own);
    expect(appearancesOf(undated).firstAppearance).toBe(undated);
  });

  it('reads a byline as its names', () => {
    expect(bylineNames('Inés Álvarez, Tom Reddy and Ana Pires')).toEqual(['Inés Álvarez', 'Tom Reddy', 'Ana Pires']);
    expect(bylineNames('Sandra & Ben; Reuters')).toEqual(['Sandra', 'Ben', 'Reuters']);
    expect(bylineNames('Alexandra Andersen')).toEqual(['Alexandra Andersen']);
    expect(bylineNames(undefined)).toEqual([]);
  });
});
