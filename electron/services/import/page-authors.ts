import { breadcrumbNames, isObject, resolved, textOf, textsOf, typesOf, type Json, type PageJsonLd } from './json-ld.ts';
import { hasClassWord } from './page-furniture.ts';

/** Desk and section words that label a page, never its author. */
const DESK_WORDS = new Set([
  'news',
  'latest',
  'home',
  'world',
  'politics',
  'business',
  'economy',
  'tech',
  'technology',
  'tech industry',
  'science',
  'health',
  'sport',
  'sports',
  'culture',
  'arts',
  'opinion',
  'comment',
  'analysis',
  'editorial',
  'lifestyle',
  'travel',
  'media',
  'local',
  'national',
  'international',
  'staff',
  'admin',
  'editor',
  'editors',
  'newsroom',
  'uncategorized',
  'blog',
  'wire',
  'nachrichten',
  'politik',
  'wirtschaft',
  'actualités',
  'noticias',
  'política',
  'redacción',
  'rédaction',
  'redaktion',
]);
/** Words that open a byline before the names ("By", and its kin in other languages). */
const BYLINE_LEAD = /^(?:(?:[Ww]ritten|WRITTEN)\s+)?(?:[Bb]y|BY|Von|VON|Par|PAR|Por|POR|Door|Av|Af)\s+/u;
/** What separates several names in one byline. */
const NAME_SEPARATOR = /\s*(?:,|;|&|\/|\s(?:and|und|et|y|e|en|og|och)\s)\s*/iu;
/** Roles and trailing notes written after a name in a byline. */
const NAME_TAIL = /\s*(?:[|–—(]|\s-\s).*$|\s+(?:is|was)\s+an?\s.*$/iu;
const FOLLOW = /^(?:follow|folgen|suivre|seguir)\b/iu;
/** A role written beside a name ("Health correspondent"): not part of it. */
const ROLE =
  /\b(?:correspondent|reporter|editor|writer|staff|contributor|columnist|journalist|photographer|redakteur\w*|korrespondent\w*|rédact\w*|periodista|corresponsal)\b/iu;
const MAX_NAME_LENGTH = 60;

/** A name reduced for comparison: case, accents, "the" and punctuation aside. */
export function comparable(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What a page calls its sections and itself: `article:section`, JSON-LD `articleSection`, breadcrumbs, site names. */
export function labelsOfPage(document: Document, jsonLd: PageJsonLd, siteNames: readonly string[]): Set<string> {
  const sections = [
    ...Array.from(
      document.querySelectorAll(
        'meta[property="article:section" i], meta[name="article:section" i], meta[name="section" i], meta[property="article:tag" i]',
      ),
    ).map((meta) => meta.getAttribute('content') ?? ''),
    ...textsOf(jsonLd.article?.['articleSection']),
    ...breadcrumbNames(jsonLd),
    ...Array.from(
      document.querySelectorAll(
        '[class*="breadcrumb" i] a, nav[aria-label*="breadcrumb" i] a, [itemtype*="BreadcrumbList"] [itemprop="name"]',
      ),
    ).map((link) => link.textContent ?? ''),
    ...siteNames,
  ];
  return new Set([...sections, ...DESK_WORDS].map(comparable).filter((label) => label !== ''));
}

/** One name if `text` can be a person's or an organisation's name, else undefined: no handle, link, date, section or sentence. */
function acceptedName(text: string, labels: ReadonlySet<string>): string | undefined {
  const name = text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[-–—,:;|]\s*/u, '')
    .replace(/[,;:.]+$/u, '')
    .trim();
  if (name === '' || BYLINE_LEAD.test(`${name} `) || name.length > MAX_NAME_LENGTH || name.split(' ').length > 6) return undefined;
  if (name.includes('@') || FOLLOW.test(name) || /^(?:https?:|www\.)|\.(?:com|org|net)\b/iu.test(name)) return undefined;
  if (/\d/u.test(name) || /^(?:updated|published|posted|last updated|aktualisiert|mis à jour)\b/iu.test(name)) return undefined;
  if (!/\p{Lu}/u.test(name) || ROLE.test(name) || labels.has(comparable(name))) return undefined;
  return name;
}

/** The names of a byline's text: "By Ana Ruiz and Tom Reddy | Reporters" → Ana Ruiz, Tom Reddy. */
export function namesOfByline(text: string, labels: ReadonlySet<string>): string[] {
  const line = text.replace(/\s+/gu, ' ').trim().replace(BYLINE_LEAD, '').replace(NAME_TAIL, '');
  return unique(line.split(NAME_SEPARATOR).map((part) => acceptedName(part.replace(BYLINE_LEAD, ''), labels)));
}

function unique(names: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  return names.filter((name): name is string => {
    if (name === undefined || seen.has(comparable(name))) return false;
    seen.add(comparable(name));
    return true;
  });
}

/** JSON-LD `author`: strings, Persons, and Organisations that are not the publisher itself. */
function jsonLdAuthors(jsonLd: PageJsonLd, labels: ReadonlySet<string>): string[] {
  const authors = jsonLd.article?.['author'];
  const entries = (Array.isArray(authors) ? authors : authors === undefined ? [] : [authors]).map((entry) => resolved(entry, jsonLd.nodes));
  return unique(
    entries.flatMap((entry: Json | undefined) => {
      if (typeof entry === 'string') return namesOfByline(entry, labels);
      if (!isObject(entry)) return [];
      const name = textOf(entry['name']);
      if (!name) return [];
      return typesOf(entry).includes('Organization') ? [acceptedName(name, labels)] : namesOfByline(name, labels);
    }),
  );
}

/** Microdata `itemprop=author`: its `name` property, else its own text. */
function microdataAuthors(document: Document, labels: ReadonlySet<string>): string[] {
  const elements = Array.from(document.querySelectorAll('[itemprop~="author" i]')).filter(
    (element) => !element.parentElement?.closest('[itemprop~="author" i]'),
  );
  return unique(
    elements.flatMap((element) => {
      const named = Array.from(element.querySelectorAll('[itemprop~="name" i]')).map(
        (name) => name.getAttribute('content') ?? name.textContent ?? '',
      );
      return named.length > 0
        ? named.flatMap((name) => namesOfByline(name, labels))
        : namesOfByline(element.getAttribute('content') ?? nameTextOf(element), labels);
    }),
  );
}

/** The text of a byline element less its follow buttons, social handles, dates and pictures. */
function nameTextOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const noise of Array.from(copy.querySelectorAll('*'))) {
    const text = (noise.textContent ?? '').trim();
    if (
      ['TIME', 'IMG', 'SVG', 'BUTTON', 'SCRIPT', 'STYLE'].includes(noise.tagName) ||
      hasClassWord(noise, ['social', 'twitter', 'bio', 'role', 'title', 'date', 'time', 'timestamp', 'section', 'label']) ||
      FOLLOW.test(text) ||
      text.startsWith('@') ||
      ROLE.test(text)
    )
      noise.remove();
  }
  return Array.from(copy.childNodes)
    .map((node) => node.textContent ?? '')
    .join(' ');
}

function relAuthors(document: Document, labels: ReadonlySet<string>): string[] {
  return unique(Array.from(document.querySelectorAll('a[rel~="author" i]')).flatMap((link) => namesOfByline(nameTextOf(link), labels)));
}

function metaAuthors(document: Document, labels: ReadonlySet<string>): string[] {
  const contents = [
    'author',
    'article:author',
    'dc.creator',
    'dcterms.creator',
    'citation_author',
    'byl',
    'sailthru.author',
    'parsely-author',
  ].flatMap((key) =>
    Array.from(document.querySelectorAll(`meta[name="${key}" i], meta[property="${key}" i]`)).map(
      (meta) => meta.getAttribute('content') ?? '',
    ),
  );
  return unique(contents.flatMap((content) => namesOfByline(content, labels)));
}

/** Byline elements (class words `byline`, `author`…, `data-testid`/`data-component` bylines, `<address>`), as Readability finds them, less their furniture. */
export function bylineElementAuthors(document: Document, labels: ReadonlySet<string>): string[] {
  const marked = '[data-component*="byline" i], [data-testid*="byline" i], [data-qa*="byline" i], [data-testid*="author" i], address';
  const candidates = Array.from(document.querySelectorAll(`[class], ${marked}`)).filter(
    (element) =>
      element.matches(marked) || hasClassWord(element, ['byline', 'author', 'authors', 'contributor', 'writer'], { camelCase: true }),
  );
  for (const element of candidates) {
    if (candidates.some((other) => other !== element && other.contains(element))) continue;
    const named = Array.from(
      element.querySelectorAll(
        'a[href*="/author" i], a[href*="/people/" i], a[href*="/profile" i], a[href*="/by/" i], a[href*="/journalist" i], a[href*="/staff/" i], a[href*="/writers/" i], a[href*="/redaktion/" i], a[href*="/auteur" i], a[href*="/autor" i]',
      ),
    );
    const names = named.length > 0 ? unique(named.flatMap((link) => namesOfByline(nameTextOf(link), labels))) : [];
    const found = names.length > 0 ? names : namesOfByline(nameTextOf(element), labels);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The authors of a page, from the first source that names any, most reliable first: JSON-LD
 * `author` of the article, microdata `itemprop=author`, `rel=author` links, `<meta>` author tags
 * (a profile URL is no name), then byline elements. Social handles ("Follow @x"), addresses, dates,
 * and section or desk names ("Tech Industry", the site's own name) are never taken for names.
 */
export function pageAuthors(document: Document, jsonLd: PageJsonLd, labels: ReadonlySet<string>): string[] {
  const sources = [
    () => jsonLdAuthors(jsonLd, labels),
    () => microdataAuthors(document, labels),
    () => relAuthors(document, labels),
    () => metaAuthors(document, labels),
  ];
  for (const source of sources) {
    const names = source();
    if (names.length > 0) return names;
  }
  return [];
}
