import type { DocumentMeta } from '../../../shared/model/document.ts';
import { isObject, readJsonLd, resolved, textOf, type PageJsonLd } from './json-ld.ts';
import { bylineElementAuthors, comparable, labelsOfPage, pageAuthors } from './page-authors.ts';

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/u;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/u;
/** What sites put between a headline and their name in a title: "Headline | Site", "Site · Headline". */
const TITLE_SEPARATOR = /\s+(?:[|·•»«–—-]|::)\s+/u;

function metaContent(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** A date as `YYYY-MM-DD`: the day as the publisher wrote it when the value starts with one, else the UTC day. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const day = ISO_DAY.exec(value.trim())?.[1];
  const date = new Date(day ? `${day}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  return day && date.toISOString().startsWith(day) ? day : date.toISOString().slice(0, 10);
}

/** A language tag as BCP 47 spells it (`en_GB` → `en-GB`), or undefined. */
export function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/gu, '-');
  return tag && LANGUAGE.test(tag) ? tag : undefined;
}

function httpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The `itemprop=headline` of a microdata article. */
function microdataHeadline(document: Document): string | undefined {
  const element = document.querySelector('[itemprop~="headline" i]');
  return (element?.getAttribute('content') ?? element?.textContent)?.replace(/\s+/gu, ' ').trim() || undefined;
}

function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}

/** The names a page goes by: `og:site_name`, JSON-LD publisher, `application-name`, and its host (`www.` aside). */
function siteNamesOf(document: Document, jsonLd: PageJsonLd, pageUrl: string | undefined): string[] {
  const publisher = resolved(jsonLd.article?.['publisher'], jsonLd.nodes);
  const hosts = [
    pageUrl,
    metaContent(document, 'og:url'),
    document.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? undefined,
  ].flatMap((address) => {
    try {
      const host = new URL(address ?? '').hostname.replace(/^www\./u, '');
      return [host, host.replace(/\.[a-z]+$/u, '')];
    } catch {
      return [];
    }
  });
  return [
    textOf(isObject(publisher) ? publisher['name'] : publisher),
    metaContent(document, 'og:site_name'),
    metaContent(document, 'application-name'),
    metaContent(document, 'apple-mobile-web-app-title'),
    ...hosts,
  ].filter((name): name is string => name !== undefined && name !== '');
}

/**
 * A headline less the parts a site adds around it: segments (split at " | ", " - ", " · ", " — "…)
 * at either end that are the site's name, an author, a section, or repeat another segment. A title
 * that is nothing but such names is no headline (undefined).
 */
export function headlineOf(title: string | undefined, names: readonly string[]): string | undefined {
  const text = title?.replace(/\s+/gu, ' ').trim();
  if (!text) return undefined;
  const known = new Set(names.map(comparable).filter((name) => name !== ''));
  const segments = text.split(TITLE_SEPARATOR);
  if (segments.length > 1 && segments.every((segment) => comparable(segment) === comparable(segments[0] ?? ''))) return undefined;
  const isLabel = (segment: string, others: readonly string[]) =>
    known.has(comparable(segment)) ||
    known.has(comparable(segment.replace(/^by\s+/iu, ''))) ||
    others.some((other) => comparable(other) === comparable(segment));
  while (segments.length > 1 && isLabel(segments.at(-1) ?? '', segments.slice(0, -1))) segments.pop();
  while (segments.length > 1 && isLabel(segments[0] ?? '', segments.slice(1))) segments.shift();
  let headline = segments.join(text.match(TITLE_SEPARATOR)?.[0] ?? ' | ');
  for (const name of names) if (name.length > 2 && headline.endsWith(`: ${name}`)) headline = headline.slice(0, -(name.length + 2));
  return known.has(comparable(headline)) ? undefined : headline.trim() || undefined;
}

/** Everything the page says about its article, plus what extraction needs to judge Readability's findings. */
export interface PageMetadata {
  meta: Partial<DocumentMeta>;
  /** Names that are no author or headline: the site's, its sections', desk words. */
  labels: Set<string>;
  /** The site's names, for cleaning a title found later. */
  siteNames: string[];
  /** Authors named by the page's byline elements, taken only when nothing better names any. */
  bylineAuthors: string[];
}

/**
 * What a page says about its article, from the most to the least deliberate source: JSON-LD
 * (`NewsArticle` and kin), Open Graph and `article:*`, other `<meta>` tags (Dublin Core, citation,
 * author, date), microdata, then `<html lang>`, `<link rel=canonical>` and `<title>`. Read before
 * extraction, which changes the document. The address the page claims (JSON-LD `url`, `og:url`,
 * the canonical link) is `canonicalUrl`; `url` is only ever the address it was fetched from.
 */
export function pageMetadata(document: Document, pageUrl?: string): PageMetadata {
  const jsonLd = readJsonLd(document);
  const ld = jsonLd.article;
  const siteNames = siteNamesOf(document, jsonLd, pageUrl);
  const labels = labelsOfPage(document, jsonLd, siteNames);
  const authors = pageAuthors(document, jsonLd, labels);
  const publisher = resolved(ld?.['publisher'], jsonLd.nodes);
  const source = first(
    textOf(isObject(publisher) ? publisher['name'] : publisher),
    metaContent(document, 'og:site_name', 'application-name', 'citation_journal_title'),
  );
  const titleNames = [...siteNames, ...authors, ...labels];
  const title = first(
    ...[
      textOf(ld?.['headline']),
      textOf(ld?.['name']),
      microdataHeadline(document),
      metaContent(document, 'og:title'),
      metaContent(document, 'twitter:title'),
      metaContent(document, 'dc.title', 'citation_title'),
      textOf(document.title),
    ].map((candidate) => headlineOf(candidate, titleNames)),
  );
  const itempropDate = (name: string) => {
    const element = document.querySelector(`[itemprop~="${name}" i]`);
    return element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? undefined;
  };
  const published = isoDay(
    first(
      textOf(ld?.['datePublished']),
      metaContent(
        document,
        'article:published_time',
        'datePublished',
        'dc.date',
        'dcterms.created',
        'citation_publication_date',
        'pubdate',
        'publish-date',
        'date',
      ),
      itempropDate('datePublished'),
      document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
    ),
  );
  const updated = isoDay(
    first(
      textOf(ld?.['dateModified']),
      metaContent(document, 'article:modified_time', 'og:updated_time', 'dateModified', 'dcterms.modified', 'last-modified'),
      itempropDate('dateModified'),
    ),
  );
  const language = languageTag(
    first(
      textOf(ld?.['inLanguage']),
      document.documentElement.getAttribute('lang') ?? undefined,
      metaContent(document, 'og:locale', 'dc.language', 'language'),
    ),
  );
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? undefined;
  const canonicalUrl = first(
    httpUrl(canonical, pageUrl),
    httpUrl(metaContent(document, 'og:url'), pageUrl),
    httpUrl(textOf(ld?.['url']), pageUrl),
  );
  const url = httpUrl(pageUrl, undefined);
  const author = authors.join(', ');
  return {
    meta: {
      ...(title ? { title: title.slice(0, 1000) } : {}),
      ...(author ? { author: author.slice(0, 1000) } : {}),
      ...(source ? { source: source.slice(0, 1000) } : {}),
      ...(published ? { published } : {}),
      ...(updated ? { updated } : {}),
      ...(language ? { language } : {}),
      ...(url ? { url } : {}),
      ...(canonicalUrl ? { canonicalUrl } : {}),
    },
    labels,
    siteNames,
    bylineAuthors: bylineElementAuthors(document, labels),
  };
}
