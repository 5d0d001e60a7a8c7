import { ScholiaError } from '../contract/errors.ts';
import type { ClaimAnnotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import { DEFAULT_VERDICT, type Tagset } from '../model/tagset.ts';
import { rationaleText } from './rationale.ts';
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

interface Party {
  '@type': 'Person' | 'Organization';
  name: string;
  url?: string;
  sameAs?: string;
}

/** Where a claim appeared: an article, as schema.org's `CreativeWork`. */
export interface Appearance {
  '@type': 'CreativeWork';
  headline: string;
  url?: string;
  datePublished?: string;
  /** The article's writers, from its byline. */
  author?: Party[];
  /** The publication, from the article's source. */
  publisher?: Party;
}

/**
 * The other places a claim of this document appeared (the claim tracker's appearances in the
 * library), by the claim's annotation id: each article once, the claim's own article included or not.
 */
export type ClaimAppearances = ReadonlyMap<string, readonly Appearance[]>;

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  /** The fact-check's page: the article's page and the claim's anchor on it. */
  url: string;
  claimReviewed: string;
  datePublished: string;
  /** The publishing organisation: Google wants the fact-checker as an `Organization` here. */
  author: Party;
  publisher: Party;
  reviewRating: { '@type': 'Rating'; alternateName: string; name: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: {
    '@type': 'Claim';
    author?: Party;
    datePublished?: string;
    appearance: Appearance[];
    firstAppearance: Appearance;
  };
  reviewBody?: string;
}

/** Where and by whom the fact-checks are published: the settings of the same names (`shared/model/settings.ts`). */
export interface ClaimReviewOptions {
  factCheckUrlBase?: string;
  publisherName?: string;
  publisherUrl?: string;
}

function party(entity: Entity): Party {
  return {
    '@type': entity.type === 'person' ? 'Person' : 'Organization',
    name: entity.name,
    ...(entity.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${entity.wikidata}` } : {}),
  };
}

/** The article's fact-check page: its own address, else the base address followed by the article's id. */
function factCheckPage(document: ScholiaDocument, options: ClaimReviewOptions): string | undefined {
  if (document.meta.factCheckUrl) return document.meta.factCheckUrl;
  const base = options.factCheckUrlBase?.trim();
  if (!base) return undefined;
  return new URL(encodeURIComponent(document.id), base.endsWith('/') ? base : `${base}/`).href;
}

/**
 * What a ClaimReview of this document needs and the settings lack, as a sentence; undefined when
 * nothing is missing. An export without them would be a file Google's Fact Check markup refuses.
 */
export function missingPublishing(document: ScholiaDocument, options: ClaimReviewOptions): string | undefined {
  const missing = [
    factCheckPage(document, options) ? '' : 'the fact-check URL (a base address in Settings, or this article’s own)',
    options.publisherName?.trim() ? '' : 'the publishing organisation’s name',
    options.publisherUrl?.trim() ? '' : 'the publishing organisation’s web address',
  ].filter(Boolean);
  return missing.length > 0 ? `ClaimReview needs ${missing.join(', ')}. Set them under Settings → Publishing.` : undefined;
}

/** A byline's names: "Inés Álvarez, Tom Reddy and Ana Pires" is three people. */
export function bylineNames(byline: string | undefined): string[] {
  return (byline ?? '')
    .split(/\s*(?:,|;|&|\band\b)\s*/u)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The article as the place a claim appeared: headline, address, date, byline and publication. */
export function articleAppearance(document: Pick<ScholiaDocument, 'meta'>): Appearance {
  const { meta } = document;
  const url = meta.url ?? meta.canonicalUrl;
  const authors = bylineNames(meta.author).map((name): Party => ({ '@type': 'Person', name }));
  const source = meta.source?.trim();
  return {
    '@type': 'CreativeWork',
    headline: meta.title,
    ...(url ? { url } : {}),
    ...(meta.published ? { datePublished: meta.published } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(source ? { publisher: { '@type': 'Organization', name: source } } : {}),
  };
}

/** The same article named twice (the same address, else the same headline and date) counts once. */
function appearanceKey(appearance: Appearance): string {
  return appearance.url ?? `${appearance.headline}\u0000${appearance.datePublished ?? ''}`;
}

/**
 * Every appearance of a claim, each article once (its own article first, then the others), and the
 * first: the earliest by published date, an appearance with no date counting as later than any.
 */
export function appearancesOf(
  own: Appearance,
  others: readonly Appearance[] = [],
): { appearance: Appearance[]; firstAppearance: Appearance } {
  const seen = new Set<string>();
  const appearance = [own, ...others].filter((item) => {
    const key = appearanceKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const firstAppearance = appearance.reduce((first, item) =>
    item.datePublished !== undefined && (first.datePublished === undefined || item.datePublished < first.datePublished) ? item : first,
  );
  return { appearance, firstAppearance };
}

/**
 * schema.org `ClaimReview`s (JSON-LD) for every claim that has a verdict (anything but
 * "unverified"), in text order, each with the fact-check's `url` (the page and `#claim-N`, N the
 * claim's number in the report), the organisation as `author` and `publisher`, the day it was
 * checked as `datePublished`, and the claim's author (its claimant), appearances (this article
 * and, from `elsewhere`, every other article of the library it was tracked in) and the first of them. Verdicts on the truth scale carry `ratingValue` from 1 (false) to 5 (true); others
 * carry only their name. Refused (`bad-request`) when the publishing settings are missing.
 */
export function exportClaimReviews(
  document: ScholiaDocument,
  tagset: Tagset,
  options: ClaimReviewOptions,
  elsewhere: ClaimAppearances = new Map(),
): ClaimReview[] {
  const problem = missingPublishing(document, options);
  const page = factCheckPage(document, options);
  const publisherName = options.publisherName?.trim();
  const publisherUrl = options.publisherUrl?.trim();
  if (problem || !page || !publisherName || !publisherUrl)
    throw new ScholiaError('bad-request', problem ?? 'ClaimReview settings are missing.');
  const organisation: Party = { '@type': 'Organization', name: publisherName, url: publisherUrl };
  const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
  const appearance = articleAppearance(document);
  const claims = document.annotations.filter((a): a is ClaimAnnotation => a.kind === 'claim').sort(compareAnnotations);
  return claims.flatMap((claim, index) => {
    if (claim.status === DEFAULT_VERDICT) return [];
    const rating = VERDICT_RATINGS[claim.status];
    const label = tagset.verdicts.find((v) => v.id === claim.status)?.label ?? claim.status;
    const claimant = claim.claimantId ? entities.get(claim.claimantId) : undefined;
    const reviewBody = claim.rationale?.trim() ? rationaleText(claim.rationale) : claim.note?.trim();
    // The claim was made when it first appeared, in this article or an earlier one.
    const { appearance: appearances, firstAppearance: first } = appearancesOf(appearance, elsewhere.get(claim.id));
    const review: ClaimReview = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${page.split('#')[0]}#claim-${index + 1}`,
      claimReviewed: claim.target.exact,
      datePublished: claim.checkedOn ?? claim.modified.slice(0, 10),
      author: organisation,
      publisher: organisation,
      reviewRating: {
        '@type': 'Rating',
        alternateName: label,
        name: label,
        ...(rating === undefined ? {} : { ratingValue: rating, bestRating: BEST_RATING, worstRating: WORST_RATING }),
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(claimant ? { author: party(claimant) } : {}),
        ...(first.datePublished ? { datePublished: first.datePublished } : {}),
        appearance: appearances,
        firstAppearance: first,
      },
      ...(reviewBody ? { reviewBody } : {}),
    };
    return [review];
  });
}
