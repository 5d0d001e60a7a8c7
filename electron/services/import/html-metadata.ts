import type { DocumentMeta } from '../../../shared/model/document.ts';

/** The article types of schema.org whose JSON-LD describes a news page's article. */
const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle', 'LiveBlogPosting']);
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/u;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/u;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === 'string');
}

/** Every object of a JSON-LD value, through arrays and `@graph`. */
function jsonLdNodes(value: Json): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isObject(value)) return [];
  const graph = value['@graph'];
  return [value, ...(graph === undefined ? [] : jsonLdNodes(graph))];
}

function nameOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (isObject(value)) return nameOf(value['name']);
  return undefined;
}

function textOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The first JSON-LD article on the page; scripts that do not parse are passed over. */
function jsonLdArticle(document: Document): JsonObject | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const found = jsonLdNodes(JSON.parse(script.textContent ?? '') as Json).find((node) => typesOf(node).some((type) => ARTICLE_TYPES.has(type)));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is its own affair; the other sources still count.
    }
  }
  return undefined;
}

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

/** An author that is only a profile link (as `article:author` often is) is no name. */
function personName(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//iu.test(value) ? value : undefined;
}

/** `Headline | Site` (or with a dash or colon) as the headline alone, when the site's name is known. */
function withoutSiteName(title: string | undefined, site: string | undefined): string | undefined {
  if (!title || !site) return title;
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ': ']) {
    if (title.endsWith(`${separator}${site}`)) return title.slice(0, -(separator.length + site.length)).trim() || title;
  }
  return title;
}

function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}

/**
 * What a page says about its article, from the most to the least deliberate source: JSON-LD
 * (`NewsArticle` and kin), Open Graph and `article:*`, other `<meta>` tags (Dublin Core, citation,
 * author, date), then `<html lang>`, `<link rel=canonical>` and `<title>`. Read before extraction,
 * which changes the document.
 */
export function pageMetadata(document: Document, pageUrl?: string): Partial<DocumentMeta> {
  const ld = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const author = first(nameOf(ld?.['author']), personName(metaContent(document, 'article:author', 'author', 'dc.creator', 'citation_author', 'byl')));
  const source = first(nameOf(ld?.['publisher']), metaContent(document, 'og:site_name', 'application-name', 'citation_journal_title'));
  const title = first(textOf(ld?.['headline']), textOf(ld?.['name']), metaContent(document, 'og:title', 'twitter:title', 'dc.title', 'citation_title'), withoutSiteName(textOf(document.title), source));
  const published = isoDay(first(textOf(ld?.['datePublished']), metaContent(document, 'article:published_time', 'datePublished', 'dc.date', 'dcterms.created', 'citation_publication_date', 'pubdate', 'publish-date', 'date'), document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined));
  const language = languageTag(first(textOf(ld?.['inLanguage']), document.documentElement.getAttribute('lang') ?? undefined, metaContent(document, 'og:locale', 'dc.language', 'language')));
  const url = first(httpUrl(textOf(ld?.['url']), pageUrl), httpUrl(metaContent(document, 'og:url'), pageUrl), httpUrl(canonical, pageUrl), httpUrl(pageUrl, undefined));
  return {
    ...(title ? { title: title.slice(0, 1000) } : {}),
    ...(author ? { author: author.slice(0, 1000) } : {}),
    ...(source ? { source: source.slice(0, 1000) } : {}),
    ...(published ? { published } : {}),
    ...(language ? { language } : {}),
    ...(url ? { url } : {}),
  };
}
