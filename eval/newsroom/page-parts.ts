// The parts newsroom pages are made of: escaping, page furniture (giant menus, cookie banners,
// newsletter boxes, share bars, comments, related lists) and the page shell.
import type { PageGold } from '../import-pages.ts';
import type { Heading, Story } from './stories.ts';

export type Gold = PageGold;

export interface Page {
  html: string;
  /** Where the gold differs from the story (a truncated body, a page that names no author). */
  gold?: Partial<Gold>;
}

export const esc = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
export const isHeading = (block: string | Heading): block is Heading => typeof block !== 'string';
export const textOf = (block: string | Heading) => (isHeading(block) ? block.h : block);
export const handle = (name: string) => name.toLowerCase().replace(/[^a-z]/gu, '');
export const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]+/gu, '-');
export const day = (iso: string) => iso.slice(0, 10);
export const humanDate = (iso: string) => new Date(iso).toUTCString().slice(0, 16);
export const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

/** Body blocks as paragraphs and h2s, with a hook to put figures and lists between them. */
export function bodyHtml(
  story: Story,
  between: (index: number) => string,
  paragraph = (text: string) => `<p>${esc(text)}</p>`,
  heading = (text: string) => `<h2>${esc(text)}</h2>`,
): string {
  return story.body.map((block, index) => (isHeading(block) ? heading(block.h) : paragraph(block)) + between(index)).join('\n');
}

export function giantNav(site: string): string {
  const sections = [
    'World',
    'U.S.',
    'Politics',
    'New York',
    'Business',
    'Tech',
    'Science',
    'Health',
    'Sports',
    'Arts',
    'Books',
    'Style',
    'Food',
    'Travel',
    'Magazine',
    'Real Estate',
    'Opinion',
    'Video',
    'Podcasts',
    'Games',
  ];
  const items = sections.map(
    (section) =>
      `<li class="menu-item"><a href="/section/${slugOf(section)}">${section}</a><ul class="submenu">${['Latest', 'Analysis', 'Photos', 'Newsletters'].map((sub) => `<li><a href="/section/${slugOf(section)}/${slugOf(sub)}">${sub}</a></li>`).join('')}</ul></li>`,
  );
  return `<nav class="site-nav" aria-label="Main"><a class="skip-link" href="#main">Skip to content</a><a class="logo" href="/">${esc(site)}</a><ul class="menu">${items.join('')}</ul><form class="search" role="search"><input type="search" placeholder="Search"><button>Go</button></form></nav>`;
}

export const cookieBanner = `<div id="cookie-consent" class="cookie-banner" role="dialog" aria-modal="true"><p>We use cookies and similar technologies to improve your experience, measure audiences and show personalised advertising. You can change your choices at any time in Privacy settings.</p><button>Accept all</button><button>Manage choices</button></div>`;
export const newsletter = (site: string) =>
  `<div class="newsletter-signup"><h3>Get the ${esc(site)} morning briefing</h3><p>Everything you need to know to start your day, delivered to your inbox.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>`;
export const shareBar = `<div class="share-tools"><a href="https://social.example/share">Share on Social</a><a href="mailto:?subject=article">Email</a><button>Copy link</button></div>`;
export const adSlot = `<div class="ad ad-slot" data-ad="mid"><span>Advertisement</span></div>`;
export const comments = (n: number) =>
  `<section id="comments" class="comments"><h2>${n} Comments</h2>${Array.from({ length: n }, (_, index) => `<div class="comment"><span class="comment-author">reader${index + 1}</span><p>I have been saying this for years and nobody listens. Comment number ${index + 1}.</p></div>`).join('')}</section>`;
export const footer = (site: string) =>
  `<footer class="site-footer"><ul><li><a href="/about">About ${esc(site)}</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of service</a></li><li><a href="/contact">Contact us</a></li></ul><p>© 2025 ${esc(site)}. All rights reserved.</p></footer>`;
export const relatedList = (titles: readonly string[], heading: string, cls = 'related-links') =>
  titles.length === 0
    ? ''
    : `<div class="${cls}"><h3>${esc(heading)}</h3><ul>${titles.map((title) => `<li><a href="/story/${slugOf(title)}">${esc(title)}</a></li>`).join('')}</ul></div>`;

export function shell(options: {
  lang: string;
  htmlClass?: string;
  head: string;
  body: string;
  bodyClass?: string;
  title: string;
  amp?: boolean;
}): string {
  return `<!DOCTYPE html>
<html${options.amp ? ' ⚡' : ''} lang="${options.lang}"${options.htmlClass ? ` class="${options.htmlClass}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title)}</title>
${options.head}
</head>
<body${options.bodyClass ? ` class="${options.bodyClass}"` : ''}>
${options.body}
</body>
</html>
`;
}

export type Template = (story: Story, url: string) => Page;
