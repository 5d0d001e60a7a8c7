import type { ClaimAnnotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import { DEFAULT_VERDICT, type Tagset } from '../model/tagset.ts';
import { compareAnnotations } from './report-model.ts';

/** The numeric rating of the verdicts on the truth scale, worst 1 to best 5. Others get a name only. */
export const VERDICT_RATINGS: Readonly<Record<string, number>> = {
  false: 1,
  'mostly-false': 2,
  mixed: 3,
  'mostly-true': 4,
  true: 5,
};
export const WORST_RATING = 1;
export const BEST_RATING = 5;

interface Thing {
  '@type': 'Person' | 'Organization';
  name: string;
  sameAs?: string;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  datePublished: string;
  author: Thing;
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: {
    '@type': 'Claim';
    author?: Thing;
    datePublished?: string;
    appearance: { '@type': 'NewsArticle'; headline: string; url?: string; datePublished?: string };
  };
  reviewBody?: string;
}

function party(entity: Entity): Thing {
  return {
    '@type': entity.type === 'person' ? 'Person' : 'Organization',
    name: entity.name,
    ...(entity.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${entity.wikidata}` } : {}),
  };
}

export interface ClaimReviewOptions {
  /** Who reviewed, when an annotation names no author. */
  annotator: string;
}

/**
 * schema.org `ClaimReview`s (JSON-LD) for every claim that has a verdict (anything but
 * "unverified"), in text order. Verdicts on the truth scale carry `ratingValue` from 1 (false) to
 * 5 (true); others (unverifiable, opinion, a codebook's own) carry only `alternateName`.
 */
export function exportClaimReviews(document: ScholiaDocument, tagset: Tagset, options: ClaimReviewOptions): ClaimReview[] {
  const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
  const { meta } = document;
  const claims = document.annotations
    .filter((a): a is ClaimAnnotation => a.kind === 'claim' && a.status !== DEFAULT_VERDICT)
    .sort(compareAnnotations);
  return claims.map((claim) => {
    const rating = VERDICT_RATINGS[claim.status];
    const claimant = claim.claimantId ? entities.get(claim.claimantId) : undefined;
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claim.target.exact,
      datePublished: claim.modified.slice(0, 10),
      author: { '@type': 'Person', name: claim.author.trim() || options.annotator },
      reviewRating: {
        '@type': 'Rating',
        alternateName: tagset.verdicts.find((v) => v.id === claim.status)?.label ?? claim.status,
        ...(rating === undefined ? {} : { ratingValue: rating, bestRating: BEST_RATING, worstRating: WORST_RATING }),
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(claimant ? { author: party(claimant) } : {}),
        ...(meta.published ? { datePublished: meta.published } : {}),
        appearance: {
          '@type': 'NewsArticle',
          headline: meta.title,
          ...(meta.url ? { url: meta.url } : {}),
          ...(meta.published ? { datePublished: meta.published } : {}),
        },
      },
      ...(claim.note?.trim() ? { reviewBody: claim.note } : {}),
    };
  });
}
