import { Readability } from '@mozilla/readability';
import type { LooseBlock } from '../../../shared/import/reader-content.ts';
import type { DocumentMeta } from '../../../shared/model/document.ts';
import type { ExtractedArticle } from './extracted-article.ts';
import { blocksOfDom } from './dom-to-reader.ts';
import { parseHtmlPage } from './html-dom.ts';
import { headlineOf, isoDay, languageTag, pageMetadata } from './html-metadata.ts';
import { namesOfByline } from './page-authors.ts';
import { clearPageFurniture } from './page-furniture.ts';
import { sanitizedBody } from './sanitize-html.ts';

/** Site chrome dropped when the page is read without Readability: whole, or from its article landmark. */
const CHROME =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-modal="true"], [aria-hidden="true"], h1';
/** Readability's text is taken unless the page's own article landmark holds this many times more words. */
const LANDMARK_RATIO = 2;

function wordCount(text: string | null | undefined): number {
  return text?.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * The article the page itself marks: `itemprop=articleBody`, else its longest `<article>`, else
 * `<main>`; with the chrome inside it (header with the headline, nav, forms, asides) left out.
 */
function landmarkArticle(document: Document): Element | undefined {
  const longest = (selector: string) =>
    Array.from(document.querySelectorAll(selector)).sort((a, b) => wordCount(b.textContent) - wordCount(a.textContent))[0];
  const landmark = longest('[itemprop~="articleBody" i]') ?? longest('article') ?? longest('main, [role="main"]');
  if (!landmark) return undefined;
  const copy = landmark.cloneNode(true) as Element;
  for (const chrome of Array.from(copy.querySelectorAll(CHROME))) chrome.remove();
  return copy;
}

/**
 * The article of a web page: its metadata (see `pageMetadata`, then what Readability found), and
 * its main content extracted by Mozilla Readability from the page cleared of its furniture (see
 * `clearPageFurniture`: related-link lists, sign-up boxes, bylines… go, captions are marked),
 * sanitised by DOMPurify and mapped to reader blocks, figure captions as `caption` blocks. When the
 * page's own article landmark holds far more words than Readability kept, Readability picked a
 * wrong, small candidate and the landmark is read instead. A page with no article found at all (a
 * short note, a fragment) is read whole, less its obvious chrome.
 */
export function articleFromHtml(source: Uint8Array | string, options: { url?: string; contentType?: string } = {}): ExtractedArticle {
  const dom = parseHtmlPage(source, options);
  const { document } = dom.window;
  const page = pageMetadata(document, options.url);
  const firstHeading = document.querySelector('h1')?.textContent ?? undefined;
  clearPageFurniture(document);
  const landmark = landmarkArticle(document);
  const found = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  let html = found?.content ?? '';
  const foundWords = wordCount(found?.textContent);
  if (landmark && wordCount(landmark.textContent) >= 50 && wordCount(landmark.textContent) > LANDMARK_RATIO * foundWords)
    html = landmark.innerHTML;
  else if (!found || (found.textContent ?? '').trim().length < 80) {
    for (const element of Array.from(document.body?.querySelectorAll(CHROME.replace(', h1', '')) ?? [])) element.remove();
    html = document.body?.innerHTML ?? '';
  }
  const base = page.meta.url ?? page.meta.canonicalUrl ?? options.url;
  const blocks = blocksOfDom(sanitizedBody(dom, html), base);
  const authors = page.meta.author
    ? []
    : [namesOfByline(found?.byline ?? '', page.labels), page.bylineAuthors].find((names) => names.length > 0);
  const titleNames = [...page.siteNames, ...(authors ?? []), ...page.labels];
  const title = headlineOf(found?.title ?? undefined, titleNames) ?? headlineOf(firstHeading, titleNames);
  const published = isoDay(found?.publishedTime ?? undefined);
  const language = languageTag(found?.lang ?? undefined);
  const readabilityMeta: Partial<DocumentMeta> = {
    ...(title ? { title } : {}),
    ...(authors && authors.length > 0 ? { author: authors.join(', ').slice(0, 1000) } : {}),
    ...(found?.siteName ? { source: found.siteName } : {}),
    ...(published ? { published } : {}),
    ...(language ? { language } : {}),
  };
  return { meta: { ...readabilityMeta, ...page.meta }, blocks };
}

/** Blocks of HTML that is already an article (Markdown rendered, a Word document converted, a paste): sanitised and mapped, nothing extracted. */
export function blocksOfArticleHtml(html: string, url?: string): LooseBlock[] {
  const dom = parseHtmlPage('<!doctype html><html><body></body></html>', url ? { url } : {});
  return blocksOfDom(sanitizedBody(dom, html), url);
}
