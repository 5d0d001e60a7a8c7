import { Readability } from '@mozilla/readability';
import type { LooseBlock } from '../../../shared/import/reader-content.ts';
import type { DocumentMeta } from '../../../shared/model/document.ts';
import type { ExtractedArticle } from './extracted-article.ts';
import { blocksOfDom } from './dom-to-reader.ts';
import { parseHtmlPage } from './html-dom.ts';
import { isoDay, languageTag, pageMetadata } from './html-metadata.ts';
import { sanitizedBody } from './sanitize-html.ts';

/** Page furniture inside an article that the metadata already holds: kicker, byline, dateline. */
const FURNITURE = '[class*="byline" i], [class*="entry-meta" i], [class*="post-meta" i], [class*="article-meta" i], [class*="kicker" i], [class*="dateline" i], [class*="timestamp" i], [itemprop="author"], header time';

/** Site chrome dropped when Readability finds no article and the whole body is read instead. */
const CHROME = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-modal="true"], [class*="cookie" i], [id*="cookie" i], [class*="consent" i], [class*="share" i], [class*="comment" i], [id*="comment" i], [class*="related" i]';

/**
 * The article of a web page: its metadata (see `pageMetadata`, then what Readability found), and
 * its main content extracted by Mozilla Readability — navigation, ads, comments, share widgets and
 * banners left behind — sanitised by DOMPurify and mapped to reader blocks. A page Readability finds
 * no article in (a short note, a fragment) is read whole, less its obvious chrome.
 */
export function articleFromHtml(source: Uint8Array | string, options: { url?: string; contentType?: string } = {}): ExtractedArticle {
  const dom = parseHtmlPage(source, options);
  const { document } = dom.window;
  const meta = pageMetadata(document, options.url);
  for (const element of Array.from(document.querySelectorAll(FURNITURE))) element.remove();
  const found = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  let html = found?.content ?? '';
  if (!found || (found.textContent ?? '').trim().length < 80) {
    for (const element of Array.from(document.body?.querySelectorAll(CHROME) ?? [])) element.remove();
    html = document.body?.innerHTML ?? '';
  }
  const base = meta.url ?? options.url;
  const blocks = blocksOfDom(sanitizedBody(dom, html), base);
  const byline = found?.byline?.trim();
  const readabilityMeta: Partial<DocumentMeta> = {
    ...(found?.title ? { title: found.title } : {}),
    ...(byline && byline.length <= 200 ? { author: byline.replace(/^by\s+/iu, '') } : {}),
    ...(found?.siteName ? { source: found.siteName } : {}),
    ...(isoDay(found?.publishedTime ?? undefined) ? { published: isoDay(found?.publishedTime ?? undefined) } : {}),
    ...(languageTag(found?.lang ?? undefined) ? { language: languageTag(found?.lang ?? undefined) } : {}),
  };
  return { meta: { ...readabilityMeta, ...meta }, blocks };
}

/** Blocks of HTML that is already an article (Markdown rendered, a Word document converted, a paste): sanitised and mapped, nothing extracted. */
export function blocksOfArticleHtml(html: string, url?: string): LooseBlock[] {
  const dom = parseHtmlPage('<!doctype html><html><body></body></html>', url ? { url } : {});
  return blocksOfDom(sanitizedBody(dom, html), url);
}
