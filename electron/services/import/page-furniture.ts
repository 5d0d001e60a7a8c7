/**
 * What a news page wraps its article in, found by whole class names and their word parts, never by
 * substrings: `c-byline__name` is a byline, `flag-simpleExtendedByline-on` (a class on the New York
 * Times's `<html>`) is not. Nothing here removes the root, the body, or an element that holds the
 * article.
 */

/** Elements that hold the article's body when a page marks it. */
export const ARTICLE_LANDMARKS = '[itemprop~="articleBody" i], article, main, [role="main"]';

/** Byline, kicker, dateline and entry-meta blocks: the metadata already holds what they say. */
const FURNITURE_WORDS = [
  'byline',
  'kicker',
  'dateline',
  'timestamp',
  'entry-meta',
  'post-meta',
  'article-meta',
  'author-bio',
  'reading-time',
  'read-time',
];
/** Bylines, dates and reading times that pages mark by test or analytics attributes rather than classes. */
const FURNITURE_MARKS =
  '[itemprop~="author" i], [data-component*="byline" i], [data-testid*="byline" i], [data-qa*="byline" i], [data-testid*="timestamp" i], [data-qa*="timestamp" i], [data-testid*="publishdate" i], [data-testid*="readtime" i]';
/** A reading-time note: "4 min read". */
const READING_TIME = /^\d+\s*(?:min(?:ute)?s?)\.?\s+read$/iu;
/** Lists of links to other articles. */
const RELATED_WORDS = [
  'related',
  'read-more',
  'readmore',
  'more-on-this-story',
  'more-stories',
  'recommended',
  'recirculation',
  'most-read',
  'most-popular',
  'also-read',
];
/** Boxes around an article that are not the article: sign-ups, paywalls, banners, sharing, comments, ads. */
const CLUTTER_WORDS = [
  'newsletter',
  'signup',
  'sign-up',
  'subscribe',
  'subscription',
  'paywall',
  'regwall',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'promo',
  'share',
  'sharing',
  'social',
  'comments',
  'comment',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'sponsored',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'skip-link',
];
/** Class words of figure captions. */
const CAPTION_WORDS = ['caption', 'figcaption', 'image-credit'];
/** A heading that introduces a list of links to other articles. */
const RELATED_HEADING =
  /^(?:related(?: (?:stories|articles|content|coverage|links|reading|topics))?|more on this (?:story|topic)|more from [\p{L} ]{1,40}|read more|see also|you may also like|recommended(?: for you)?|most (?:read|popular|viewed)|also read|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|leer más|le(?:e|a) también)\s*:?$/iu;
/** Elements bigger than this (in characters of text) are never furniture, whatever their classes. */
const MAX_FURNITURE_TEXT = 1000;

/**
 * The word parts of each class name: `c-byline__name` → [c, byline, name]. camelCase stays one word
 * (`flag-simpleExtendedByline-on` holds no `byline`) unless `camelCase` is asked for
 * (`c-assetAuthor_name` → [c, asset, author, name]), as byline finding does.
 */
function classWordParts(element: Element, camelCase: boolean): string[][] {
  const names = (element.getAttribute('class') ?? '').split(/\s+/u).filter((name) => name !== '');
  return names.map((name) =>
    (camelCase ? name.replace(/(\p{Ll})(\p{Lu})/gu, '$1-$2') : name)
      .toLowerCase()
      .split(/[-_]+/u)
      .filter((part) => part !== ''),
  );
}

/** True when one of the element's class names is `word` or holds its parts in a row (`word` may be `entry-meta`). */
export function hasClassWord(element: Element, words: readonly string[], options: { camelCase?: boolean } = {}): boolean {
  const classes = classWordParts(element, options.camelCase ?? false);
  return words.some((word) => {
    const wanted = word.split('-');
    return classes.some((parts) => parts.some((_, start) => wanted.every((part, offset) => parts[start + offset] === part)));
  });
}

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/gu, ' ').trim().length;
}

/** The root, the head and body, the article's landmarks and whatever holds them, and anything long or holding paragraphs of prose (a paywalled body). */
function isProtected(element: Element, landmarks: readonly Element[]): boolean {
  const document = element.ownerDocument;
  if (element === document.documentElement || element === document.body || element === document.head) return true;
  if (landmarks.some((landmark) => element === landmark || element.contains(landmark))) return true;
  if (textLength(element) > MAX_FURNITURE_TEXT) return true;
  return Array.from(element.querySelectorAll('p')).filter((paragraph) => textLength(paragraph) > 100).length >= 3;
}

/** The page's article landmarks, outermost first. */
export function articleLandmarks(document: Document): Element[] {
  return Array.from(document.querySelectorAll(ARTICLE_LANDMARKS));
}

function removeWhere(document: Document, test: (element: Element) => boolean): void {
  const landmarks = articleLandmarks(document);
  for (const element of Array.from(document.body?.querySelectorAll('[class], [itemprop]') ?? [])) {
    if (element.isConnected && test(element) && !isProtected(element, landmarks)) element.remove();
  }
}

/** Share of an element's text that sits in links. */
function linkShare(element: Element): number {
  const total = textLength(element);
  if (total === 0) return 0;
  const linked = Array.from(element.querySelectorAll('a')).reduce((sum, link) => sum + textLength(link), 0);
  return linked / total;
}

/** Removes "Related" / "More on this story" / "Read more" link lists: by class words, and by the heading that introduces them. */
function removeRelatedLists(document: Document): void {
  removeWhere(document, (element) => hasClassWord(element, RELATED_WORDS));
  const landmarks = articleLandmarks(document);
  for (const heading of Array.from(document.body?.querySelectorAll('h2, h3, h4, h5, h6, p, strong, div, span') ?? [])) {
    if (!heading.isConnected || !RELATED_HEADING.test((heading.textContent ?? '').replace(/\s+/gu, ' ').trim())) continue;
    const lead = heading.parentElement?.tagName === 'P' ? heading.parentElement : heading;
    const container = lead.parentElement;
    const rest = container ? textLength(container) - textLength(lead) : 0;
    if (container && rest > 0 && !isProtected(container, landmarks) && (linkShare(container) * textLength(container)) / rest >= 0.6) {
      container.remove();
      continue;
    }
    const next = lead.nextElementSibling;
    if (next && ['UL', 'OL', 'DIV', 'SECTION'].includes(next.tagName) && linkShare(next) >= 0.6 && !isProtected(next, landmarks))
      next.remove();
    lead.remove();
  }
}

/**
 * In an article's header: dates with the short line around them ("Updated 5 March"), and kicker
 * lines that are nothing but one short link to a section. The headline and standfirst stay.
 */
function removeHeaderFurniture(header: Element, landmarks: readonly Element[]): void {
  for (const time of Array.from(header.querySelectorAll('time'))) {
    let line: Element = time;
    while (line.parentElement && line.parentElement !== header && textLength(line.parentElement) <= 80) line = line.parentElement;
    if (line.isConnected && !isProtected(line, landmarks)) line.remove();
  }
  for (const element of Array.from(header.querySelectorAll('p, div, span'))) {
    const links = element.querySelectorAll('a');
    const text = (element.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (
      element.isConnected &&
      links.length === 1 &&
      (links[0]?.textContent ?? '').replace(/\s+/gu, ' ').trim() === text &&
      text.split(' ').length <= 4
    )
      element.remove();
  }
}

/** Marks figure captions as `<figcaption>`, the one caption element that survives extraction and sanitising. */
function markCaptions(document: Document): void {
  for (const element of Array.from(document.body?.querySelectorAll('[class]') ?? [])) {
    if (!element.isConnected || element.tagName === 'FIGCAPTION' || element.tagName === 'FIGURE' || !hasClassWord(element, CAPTION_WORDS))
      continue;
    if (element.closest('figcaption') || textLength(element) > 600 || element.querySelector('p + p, figure, img')) continue;
    const caption = document.createElement('figcaption');
    caption.append(...Array.from(element.childNodes));
    element.replaceWith(caption);
  }
  for (const caption of Array.from(document.querySelectorAll('figcaption figcaption')))
    caption.replaceWith(...Array.from(caption.childNodes));
}

/**
 * Clears a parsed page for extraction, in place: asides, related-link lists, sign-up boxes,
 * paywall notices, banners, share and comment blocks, and the article's furniture — byline,
 * kicker, dateline, dates and reading time (read into the metadata before this runs) — go; the
 * headline and standfirst stay; figure captions are marked as captions.
 */
export function clearPageFurniture(document: Document): void {
  const landmarks = articleLandmarks(document);
  for (const aside of Array.from(document.body?.querySelectorAll('aside') ?? []))
    if (aside.isConnected && !isProtected(aside, landmarks)) aside.remove();
  removeRelatedLists(document);
  removeWhere(document, (element) => hasClassWord(element, CLUTTER_WORDS));
  removeWhere(document, (element) => hasClassWord(element, FURNITURE_WORDS) || element.matches(FURNITURE_MARKS));
  for (const element of Array.from(document.body?.querySelectorAll(`${FURNITURE_MARKS}, span, div, p`) ?? [])) {
    const furniture =
      element.matches(FURNITURE_MARKS) || (element.children.length === 0 && READING_TIME.test((element.textContent ?? '').trim()));
    if (element.isConnected && furniture && !isProtected(element, landmarks)) element.remove();
  }
  for (const header of Array.from(document.querySelectorAll('article header, main header'))) removeHeaderFurniture(header, landmarks);
  markCaptions(document);
}
