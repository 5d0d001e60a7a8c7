// `npx tsx eval/newsroom/generate.ts`: writes the newsroom corpus, fixtures/import/newsroom/, from
// the invented stories of stories.ts, each set in the page structure of one kind of news site (a
// paper whose <html> carries feature-flag classes, one with "Follow @handle" by its bylines, a tech
// site with section labels by the byline, figure captions and related lists, WordPress, Ghost, a
// Medium-like platform, AMP, microdata-only pages, paywalls…) with a gold sidecar for each page.
// The pages are committed: re-running this rewrites them identically.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { PageGold } from '../import-pages.ts';
import { STORIES, type Heading, type Story } from './stories.ts';

const OUT = new URL('../../fixtures/import/newsroom/', import.meta.url);

type Gold = PageGold;

interface Page {
  html: string;
  /** Where the gold differs from the story (a truncated body, a page that names no author). */
  gold?: Partial<Gold>;
}

const esc = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
const isHeading = (block: string | Heading): block is Heading => typeof block !== 'string';
const textOf = (block: string | Heading) => (isHeading(block) ? block.h : block);
const handle = (name: string) => name.toLowerCase().replace(/[^a-z]/gu, '');
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]+/gu, '-');
const day = (iso: string) => iso.slice(0, 10);
const humanDate = (iso: string) => new Date(iso).toUTCString().slice(0, 16);
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

/** Body blocks as paragraphs and h2s, with a hook to put figures and lists between them. */
function bodyHtml(
  story: Story,
  between: (index: number) => string,
  paragraph = (text: string) => `<p>${esc(text)}</p>`,
  heading = (text: string) => `<h2>${esc(text)}</h2>`,
): string {
  return story.body.map((block, index) => (isHeading(block) ? heading(block.h) : paragraph(block)) + between(index)).join('\n');
}

function giantNav(site: string): string {
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

const cookieBanner = `<div id="cookie-consent" class="cookie-banner" role="dialog" aria-modal="true"><p>We use cookies and similar technologies to improve your experience, measure audiences and show personalised advertising. You can change your choices at any time in Privacy settings.</p><button>Accept all</button><button>Manage choices</button></div>`;
const newsletter = (site: string) =>
  `<div class="newsletter-signup"><h3>Get the ${esc(site)} morning briefing</h3><p>Everything you need to know to start your day, delivered to your inbox.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>`;
const shareBar = `<div class="share-tools"><a href="https://social.example/share">Share on Social</a><a href="mailto:?subject=article">Email</a><button>Copy link</button></div>`;
const adSlot = `<div class="ad ad-slot" data-ad="mid"><span>Advertisement</span></div>`;
const comments = (n: number) =>
  `<section id="comments" class="comments"><h2>${n} Comments</h2>${Array.from({ length: n }, (_, index) => `<div class="comment"><span class="comment-author">reader${index + 1}</span><p>I have been saying this for years and nobody listens. Comment number ${index + 1}.</p></div>`).join('')}</section>`;
const footer = (site: string) =>
  `<footer class="site-footer"><ul><li><a href="/about">About ${esc(site)}</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of service</a></li><li><a href="/contact">Contact us</a></li></ul><p>© 2025 ${esc(site)}. All rights reserved.</p></footer>`;
const relatedList = (titles: readonly string[], heading: string, cls = 'related-links') =>
  titles.length === 0
    ? ''
    : `<div class="${cls}"><h3>${esc(heading)}</h3><ul>${titles.map((title) => `<li><a href="/story/${slugOf(title)}">${esc(title)}</a></li>`).join('')}</ul></div>`;

function shell(options: {
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

type Template = (story: Story, url: string) => Page;

/** A big paper whose <html> carries feature-flag classes (one containing "Byline"), JSON-LD with Person authors, CSS-in-JS class names. */
const ledger: Template = (story, url) => {
  const site = 'The Metropolitan Ledger';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.dek,
    url,
    datePublished: story.published,
    dateModified: story.updated,
    inLanguage: story.language,
    author: story.authors.map((name) => ({ '@type': 'Person', name, url: `https://www.ledger.example/by/${slugOf(name)}` })),
    publisher: { '@type': 'NewsMediaOrganization', name: site },
  };
  const byline = `<div class="css-1vbt6qk e1jsehar0"><p class="css-aknsld e1jsehar1" itemprop="author" itemscope itemtype="https://schema.org/Person">By ${story.authors.map((name) => `<a href="https://www.ledger.example/by/${slugOf(name)}" class="css-n8ff4n e1jsehar0"><span class="css-1baulvz last-byline" itemprop="name">${esc(name)}</span></a>`).join(' and ')}</p><time class="css-129k401 e16638kd0" datetime="${story.published}">${humanDate(story.published)}</time><span class="css-1h0wf7u">Updated <time datetime="${story.updated ?? story.published}">${humanDate(story.updated ?? story.published)}</time></span></div>`;
  const figure = (caption: string) =>
    `<figure class="css-1w2ajyl e1g7ppur0" aria-label="media" role="group"><div class="css-1xdhyk6 erfvjey0"><picture><img alt="" class="css-rq4mmj" src="https://static.ledger.example/images/photo.jpg"></picture></div><figcaption class="css-jevhq3 ewdxa0s0"><span class="css-cnj6d5 e1z0qqy90">${esc(caption)}</span><span class="css-1ly73wi e1tej78p0"><span class="css-1cz6eam">Credit...</span>Staff Photographer</span></figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : index === 2 ? adSlot : ''),
    (text) =>
      `<div class="css-s99gbd StoryBodyCompanionColumn"><div class="css-53u6y8"><p class="css-at9mc1 evys1bk0">${esc(text)}</p></div></div>`,
  );
  return {
    html: shell({
      lang: story.language,
      htmlClass:
        'story nytapp-vi-article flag-limitFabrikSave-on flag-simpleExtendedByline-on flag-sharetools-on flag-growthBreakingNews-off',
      title: `${story.headline} - ${site}`,
      head: `<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}"><link rel="canonical" href="${url}"><meta name="byl" content="By ${esc(story.authors.join(' and '))}"><meta property="article:section" content="${esc(story.section)}"><meta property="article:published_time" content="${story.published}">${story.updated ? `<meta property="article:modified_time" content="${story.updated}">` : ''}${jsonLd(ld)}`,
      body: `<div id="app"><header class="css-ahe4g0 e1m0pzr40">${giantNav(site)}</header><main id="site-content"><div class="css-1wr3we4"><article id="story" class="css-1vxca1d e1lmdhsb0"><header class="css-d92dtp e1h9rw200"><p class="css-1vfgf6s"><a href="/section/${slugOf(story.section)}">${esc(story.section)}</a></p><h1 class="css-1l8buln e1h9rw200" data-testid="headline">${esc(story.headline)}</h1><p class="css-w6ymp8 e1wiw3jv0">${esc(story.dek)}</p>${shareBar}${byline}</header><section name="articleBody" itemprop="articleBody" class="meteredContent css-1r7ky0e">${body}</section><div class="bottom-of-article">${relatedList(story.related, 'Related Content', 'css-1ifw933 related')}</div></article></div></main>${footer(site)}</div>`,
    }),
  };
};

/** A paper with "Follow @handle" buttons in its byline and a meta author filled from them. */
const capitalPost: Template = (story, url) => {
  const site = 'The Capital Post';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    datePublished: story.published,
    dateModified: story.updated,
    isAccessibleForFree: false,
    publisher: { '@type': 'Organization', name: site },
    mainEntityOfPage: url,
  };
  const byline = `<div class="author-byline" data-qa="author-byline">By ${story.authors.map((name) => `<span class="author-name-and-follow"><span class="author-name" data-qa="author-name">${esc(name)}</span><a class="author-follow" href="https://social.example/${handle(name)}" data-qa="follow">Follow @${handle(name)}</a></span>`).join(' and ')}</div>`;
  const figure = (caption: string) =>
    `<figure class="inline-photo"><img src="/photo.jpg" alt=""><figcaption class="pb-caption"><span>${esc(caption)}</span> (Wire photographer/Wire agency)</figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : index === 1 ? newsletter(site) : ''),
    (text) => `<div class="article-body" data-qa="article-body"><p data-el="text" class="font-copy">${esc(text)}</p></div>`,
  );
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} - ${site}`,
      head: `<meta name="author" content="Follow @${handle(story.authors[0] ?? '')}"><meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><link rel="canonical" href="${url}"><meta name="article:published_time" content="${story.published}">${jsonLd(ld)}`,
      body: `${cookieBanner}<header class="site-header">${giantNav(site)}</header><main><article class="grid-article"><div class="headline-kicker"><a href="/world">${esc(story.section)}</a></div><h1 data-qa="headline">${esc(story.headline)}</h1><h2 class="subheadline">${esc(story.dek)}</h2>${byline}<div class="display-date" data-qa="timestamp">${humanDate(story.published)}</div>${shareBar}<div class="grid-body">${body}</div></article>${relatedList(story.related, 'Read more', 'more-stories')}</main>${footer(site)}`,
    }),
  };
};

/** A tech site: a section label by the byline, a meta author holding the section, no JSON-LD author. */
const circuit: Template = (story, url) => {
  const site = 'Circuit';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    datePublished: story.published,
    dateModified: story.updated,
    articleSection: story.section,
    publisher: { '@type': 'Organization', name: site },
  };
  const figure = (caption: string) =>
    `<figure class="c-shortcodeImage u-clearfix"><div class="c-shortcodeImage_imageContainer"><img src="/img.jpg" alt=""></div><figcaption><span class="c-shortcodeImage_caption">${esc(caption)}</span><span class="c-shortcodeImage_credit">Circuit</span></figcaption></figure>`;
  const body = bodyHtml(story, (index) =>
    index === 0 && story.captions[0]
      ? figure(story.captions[0])
      : index === 2
        ? relatedList(story.related.slice(0, 1), 'Read more', 'c-shortcodeListicle')
        : '',
  );
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} - ${site}`,
      head: `<meta name="author" content="${esc(story.section)}"><meta property="og:title" content="${esc(story.headline)} - ${site}"><meta property="og:site_name" content="${site}"><meta property="article:section" content="${esc(story.section)}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<div class="c-siteHeader">${giantNav(site)}</div><div class="c-pageArticle"><div class="c-articleHeader"><div class="c-sectionHeading"><a href="/tech/${slugOf(story.section)}/" class="c-sectionHeading_label">${esc(story.section)}</a></div><h1 class="c-contentHeader_headline">${esc(story.headline)}</h1><p class="c-contentHeader_description">${esc(story.dek)}</p><div class="c-globalAuthor"><div class="c-assetAuthor_meta"><span class="c-assetAuthor_name">${story.authors.map((name) => `<a class="c-globalAuthor_link" href="/profiles/${slugOf(name)}/">${esc(name)}</a>`).join(', ')}</span><span class="c-assetAuthor_date"><time datetime="${story.published}">${humanDate(story.published)}</time></span></div></div>${shareBar}</div><div class="c-pageArticle_content"><article class="c-pageArticle_body"><div class="c-ShortcodeContent">${body}</div></article></div>${relatedList(story.related, 'More from Circuit', 'c-relatedContent')}</div>${footer(site)}`,
    }),
  };
};

/** A paper whose og:title carries the columnist's name, with figure captions and rich "Related:" links in the body. */
const courier: Template = (story, url) => {
  const site = 'The Daily Courier';
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    publisher: { '@type': 'Organization', name: site },
    datePublished: story.published,
    dateModified: story.updated,
    author: story.authors.map((name) => ({ '@type': 'Person', name, sameAs: `https://www.courier.example/profile/${handle(name)}` })),
    mainEntityOfPage: url,
  };
  const figure = (caption: string) =>
    `<figure class="dcr-1989ovb" data-spacefinder-role="inline"><div class="dcr-1t8m8f1"><picture><img src="/i.jpg" alt=""></picture></div><figcaption class="dcr-9ktzqp"><svg class="dcr-1q0z3sv"></svg><span class="dcr-1ghqjb4">${esc(caption)}</span></figcaption></figure>`;
  const rich = (title: string) =>
    `<aside class="dcr-qfmxbo" data-spacefinder-role="richLink"><div class="dcr-1hqlr6h"><a href="/story/${slugOf(title)}"><div>Related: <span>${esc(title.replace(/^Related: /u, ''))}</span></div></a></div></aside>`;
  const body = bodyHtml(
    story,
    (index) =>
      index === 0 && story.captions[0]
        ? figure(story.captions[0])
        : index === 1 && story.related[0]
          ? rich(story.related[0])
          : index === 2 && story.captions[1]
            ? figure(story.captions[1])
            : '',
    (text) => `<p class="dcr-1qp23m7">${esc(text)}</p>`,
    (text) => `<h2 id="${slugOf(text)}" class="dcr-1gdgu4e">${esc(text)}</h2>`,
  );
  const author = story.authors[0] ?? '';
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} | ${author} | ${site}`,
      head: `<meta property="og:title" content="${esc(story.headline)} | ${esc(author)}"><meta property="og:site_name" content="the Daily Courier"><meta property="og:url" content="${url}"><meta name="author" content="${esc(story.authors.join(', '))}"><meta property="article:author" content="https://www.courier.example/profile/${handle(author)}"><meta property="article:section" content="${esc(story.section)}"><meta property="article:published_time" content="${story.published}"><meta property="article:modified_time" content="${story.updated ?? story.published}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<div id="bannerandheader"><header>${giantNav(site)}</header></div><main data-layout="StandardLayout"><div class="dcr-1vbl2q8"><div data-gu-name="headline"><h1 class="dcr-1c1yirl">${esc(story.headline)}</h1></div><div data-gu-name="standfirst"><div class="dcr-1eprrfz"><p>${esc(story.dek)}</p></div></div><div data-gu-name="meta"><div class="dcr-1m4wh8w"><address aria-label="Contributor info"><div class="dcr-1cfpnlw"><a rel="author" href="https://www.courier.example/profile/${handle(author)}" data-link-name="auto tag link">${esc(author)}</a></div></address><details class="dcr-1xjndtj"><summary><span class="dcr-u0h1qy">${humanDate(story.published)}</span></summary><span>Last modified on ${humanDate(story.updated ?? story.published)}</span></details></div>${shareBar}</div><div data-gu-name="body"><div id="maincontent" class="article-body-commercial-selector article-body-viewer-selector dcr-fp1ya">${body}</div></div>${relatedList(story.related.slice(1), 'More on this story', 'dcr-onward')}</div></main>${comments(3)}${footer(site)}`,
    }),
    gold: { updated: day(story.updated ?? story.published) },
  };
};

/** A broadcaster: an Organization author that is the broadcaster itself, the reporter in a byline block, captions, "More on this story". */
const broadcast =
  (variant: 'standard' | 'dotted-title'): Template =>
  (story, url) => {
    const site = 'Broadcast News';
    const ld = {
      '@context': 'http://schema.org',
      '@type': 'ReportageNewsArticle',
      url,
      ...(variant === 'standard' ? { headline: story.headline } : {}),
      datePublished: story.published,
      dateModified: story.updated,
      author: { '@type': 'NewsMediaOrganization', name: site },
      publisher: { '@type': 'NewsMediaOrganization', name: site },
    };
    const figure = (caption: string) =>
      `<figure class="ssrcss-wpgbih-StyledFigure e34k3c23"><div class="ssrcss-ab5fd8-StyledFigureContainer"><span class="ssrcss-1gnxl8i-Placeholder"><img src="/p.jpg" alt=""></span><span class="ssrcss-1ou6bpe-Copyright">Getty Images</span></div><figcaption class="ssrcss-1jpjtgc-Caption e34k3c21"><span class="ssrcss-1pvwv4b-VisuallyHidden">Image caption, </span>${esc(caption)}</figcaption></figure>`;
    const block = (inner: string) =>
      `<div data-component="text-block" class="ssrcss-7uxr49-RichTextContainer e5tfeyi1"><div class="ssrcss-7uxr49-RichTextComponentWrapper">${inner}</div></div>`;
    const body = bodyHtml(
      story,
      (index) =>
        index === 0 && story.captions[0]
          ? `<div data-component="image-block">${figure(story.captions[0])}</div>`
          : index === 3 && story.captions[1]
            ? `<div data-component="image-block">${figure(story.captions[1])}</div>`
            : '',
      (text) => block(`<p class="ssrcss-1q0x1qg-Paragraph e1jhz7w10">${esc(text)}</p>`),
      (text) => `<div data-component="subheadline-block"><h2 class="ssrcss-y2pd1y-StyledHeading">${esc(text)}</h2></div>`,
    );
    const more =
      story.related.length === 0
        ? ''
        : `<section data-component="links-block" class="ssrcss-1mlcspo-LinksBlock"><div class="ssrcss-1wttw3d-HeadingWrapper"><h2 class="ssrcss-19xsfor-StyledHeading">More on this story</h2></div><ul class="ssrcss-19hnorx-StyledList">${story.related.map((title) => `<li><div class="ssrcss-1xhy1me-Promo"><a href="/news/${slugOf(title)}">${esc(title)}</a></div></li>`).join('')}</ul></section>`;
    return {
      html: shell({
        lang: story.language,
        title: variant === 'standard' ? `${story.headline} - ${site}` : `${site} · ${site}`,
        head: `<meta property="og:title" content="${esc(story.headline)}${variant === 'standard' ? '' : ` · ${site}`}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}"><meta name="article:section" content="${esc(story.section)}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
        body: `<header data-testid="header">${giantNav(site)}</header><div class="ssrcss-1ocoo3l-Wrap"><main id="main-content" data-testid="main-content" class="ssrcss-1yh1zmq-Main"><article class="ssrcss-pv1rh6-ArticleWrapper"><header class="ssrcss-1eqcsb1-HeadingWrapper"><h1 id="main-heading" class="ssrcss-1s9pby4-Heading">${esc(story.headline)}</h1></header><div data-component="byline-block" class="ssrcss-1cxs2x6-BylineBlock"><div class="ssrcss-68pt20-Text-TextContributorName e8mq1e96">By ${story.authors.map(esc).join(' &amp; ')}</div><div class="ssrcss-84ltp5-Text">${esc(story.section)} correspondent</div></div><time data-testid="timestamp" datetime="${story.published}">${humanDate(story.published)}</time>${shareBar}${body}${more}</article></main><div class="ssrcss-1ocoo3l-Wrap" data-component="most-read"><h2>Most read</h2><ol>${['One', 'Two', 'Three'].map((word) => `<li><a href="/news/${word}">${word} thing happened today</a></li>`).join('')}</ol></div></div>${footer(site)}`,
      }),
    };
  };

/**
 * A WordPress blog whose theme wraps the article in a container whose class words include "meta"
 * ("post-meta-container"), with `entry-meta` bylines and a Yoast JSON-LD `@graph` whose author is an `@id`.
 */
const wordpress =
  (variant: 'meta-wrapped' | 'yoast'): Template =>
  (story, url) => {
    const site = variant === 'meta-wrapped' ? 'Future Releases' : 'Riverside Observer';
    const person = `${new URL(url).origin}/#/schema/person/${handle(story.authors[0] ?? '')}`;
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': `${new URL(url).origin}/#website`, name: site },
        { '@type': 'WebPage', '@id': url, url, name: `${story.headline} - ${site}`, breadcrumb: { '@id': `${url}#breadcrumb` } },
        {
          '@type': 'BreadcrumbList',
          '@id': `${url}#breadcrumb`,
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: 'Home', item: new URL(url).origin },
            { '@type': 'ListItem', position: 2, name: story.section },
          ],
        },
        {
          '@type': 'Article',
          '@id': `${url}#article`,
          isPartOf: { '@id': url },
          author: { '@id': person },
          headline: story.headline,
          datePublished: story.published,
          dateModified: story.updated,
          articleSection: [story.section],
        },
        {
          '@type': 'Person',
          '@id': person,
          name: story.authors[0],
          url: `${new URL(url).origin}/author/${handle(story.authors[0] ?? '')}/`,
        },
      ],
    };
    const figure = (caption: string) =>
      `<figure id="attachment_12" class="wp-caption aligncenter"><img class="size-large wp-image-12" src="/wp-content/uploads/a.png" alt=""><figcaption class="wp-caption-text">${esc(caption)}</figcaption></figure>`;
    const body = bodyHtml(
      story,
      (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : ''),
      (text) => `<p>${esc(text)}</p>`,
      (text) => `<h3 class="wp-block-heading">${esc(text)}</h3>`,
    );
    const entryMeta = `<div class="entry-meta"><span class="posted-on">Posted on <a href="${url}" rel="bookmark"><time class="entry-date published" datetime="${story.published}">${humanDate(story.published)}</time><time class="updated" datetime="${story.updated ?? story.published}">${humanDate(story.updated ?? story.published)}</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/${handle(story.authors[0] ?? '')}/">${esc(story.authors[0] ?? '')}</a></span></span></div>`;
    const article = `<article id="post-1234" class="post-1234 post type-post status-publish format-standard hentry category-${slugOf(story.section)}"><header class="entry-header"><h1 class="entry-title">${esc(story.headline)}</h1>${entryMeta}</header><div class="entry-content">${body}</div><footer class="entry-footer"><span class="cat-links">Categories: <a href="/category/${slugOf(story.section)}/" rel="category tag">${esc(story.section)}</a></span><span class="tags-links">Tagged <a href="/tag/release/" rel="tag">release</a></span></footer></article>`;
    const wrapped =
      variant === 'meta-wrapped'
        ? `<div class="post-meta-container timestamp-aware"><div class="content-area">${article}</div></div>`
        : article;
    return {
      html: shell({
        lang: story.language,
        title: `${story.headline} - ${site}`,
        bodyClass: 'post-template-default single single-post postid-1234 single-format-standard',
        head: `<link rel="canonical" href="${url}"><meta property="og:type" content="article"><meta property="og:title" content="${esc(story.headline)} - ${site}"><meta property="og:site_name" content="${site}"><meta property="article:published_time" content="${story.published}">${story.updated ? `<meta property="article:modified_time" content="${story.updated}">` : ''}<meta name="author" content="${esc(story.authors[0] ?? '')}">${variant === 'yoast' ? jsonLd(ld) : ''}<link rel="stylesheet" href="/wp-content/themes/site/style.css">`,
        body: `<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a><header id="masthead" class="site-header"><p class="site-title"><a href="/">${site}</a></p><nav id="site-navigation" class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about/">About</a></li><li><a href="/category/releases/">Releases</a></li></ul></nav></header><div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">${wrapped}<nav class="navigation post-navigation"><a href="/prev/" rel="prev">Previous post</a><a href="/next/" rel="next">Next post</a></nav>${comments(2)}</main></div><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/a/">Older post one</a></li><li><a href="/b/">Older post two</a></li></ul></section></aside></div>${footer(site)}</div>`,
      }),
    };
  };

/** A health publisher's React page: the body in a container whose class words include "timestamp", many small headings, a reviewed-by line. */
const healthline: Template = (story, url) => {
  const site = 'Health Matters Today';
  const ld = { '@context': 'https://schema.org', '@type': 'MedicalWebPage', name: story.headline };
  const ld2 = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: story.headline,
    author: [{ '@type': 'Person', name: story.authors[0] }],
    datePublished: story.published,
    dateModified: story.updated,
    publisher: { '@type': 'Organization', name: site },
  };
  const figure = (caption: string) =>
    `<figure class="css-1k3m4x"><div class="css-image"><img src="/h.jpg" alt=""></div><figcaption class="css-1wsn3k2"><span>${esc(caption)}</span><span class="css-credit">Design by Health Matters Today</span></figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) =>
      index === 0 && story.captions[0]
        ? figure(story.captions[0])
        : index === 2
          ? `<div class="css-0 article-sign-up"><p>Get our weekly newsletter</p><button>Subscribe</button></div>`
          : '',
    (text) => `<p>${esc(text)}</p>`,
    (text) => `<h2><a id="${slugOf(text)}"></a>${esc(text)}</h2>`,
  );
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline}`,
      head: `<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><link rel="canonical" href="${url}">${jsonLd(ld)}${jsonLd(ld2)}`,
      body: `<div id="__next"><header class="css-header">${giantNav(site)}</header><div class="css-z468a2 article-body-timestamp"><article class="article-body css-d2znx6 timestamp-visible"><h1>${esc(story.headline)}</h1><div class="css-1ecvk5u article-meta-info"><span>Written by <a href="/authors/${slugOf(story.authors[0] ?? '')}">${esc(story.authors[0] ?? '')}</a></span><span> on ${humanDate(story.published)}</span><span class="css-reviewed">Medically reviewed by <a href="/reviewers/x">Dr. Reviewer, MD</a></span></div><div class="css-z468a2 article-body-timestamp-children">${body}</div><div class="css-sources"><h2>Sources</h2><ul><li>Sleep journal, 2024.</li></ul></div></article></div>${relatedList(story.related, 'Related coverage', 'css-8atqhb related-coverage')}${footer(site)}</div>`,
    }),
    gold: { body: [...story.body.map(textOf), 'Sources', 'Sleep journal, 2024.'] },
  };
};

/** A regional paper: giant menu, cookie banner, inline newsletter and ads, comments, meta author only. */
const regional =
  (variant: 'plain' | 'multi'): Template =>
  (story, url) => {
    const site = variant === 'plain' ? 'Lakeshore Tribune' : 'Nordic Daily';
    const body = bodyHtml(story, (index) => (index === 1 ? adSlot : index === 2 ? newsletter(site) : ''));
    return {
      html: shell({
        lang: story.language,
        title: `${story.headline} | ${story.section} | ${site}`,
        head:
          story.authors.map((name) => `<meta name="author" content="${esc(name)}">`).join('') +
          `<meta name="description" content="${esc(story.dek)}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}"><meta property="article:published_time" content="${story.published}">${story.updated ? `<meta property="article:modified_time" content="${story.updated}">` : ''}`,
        body: `${cookieBanner}<div class="top-bar"><a href="/subscribe" class="subscribe-button">Subscribe for $1</a><a href="/login">Log in</a></div><header>${giantNav(site)}</header><div class="breadcrumbs"><a href="/">Home</a> › <a href="/${slugOf(story.section)}">${esc(story.section)}</a></div><div class="container"><div class="story"><h1 class="story-title">${esc(story.headline)}</h1><div class="story-byline">By ${story.authors.map(esc).join(', ')} | ${humanDate(story.published)}</div>${shareBar}<div class="story-text">${body}</div><div class="story-tags">Tags: <a href="/t/1">${esc(story.section)}</a></div></div>${relatedList(story.related, 'Related stories')}${comments(4)}</div>${footer(site)}`,
      }),
      gold: { captions: [] },
    };
  };

/** Microdata only: NewsArticle with itemprop headline, author Person, datePublished, dateModified, articleBody. */
const microdata: Template = (story, url) => {
  const site = story.language === 'en' ? 'Civic Register' : 'Register';
  const body = bodyHtml(story, () => '');
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} — ${site}`,
      head: `<link rel="canonical" href="${url}">`,
      body: `<header><nav><a href="/">${site}</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header><article itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="mainEntityOfPage" content="${url}"><h1 itemprop="headline">${esc(story.headline)}</h1><p class="meta">By ${story.authors.map((name) => `<span itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="url" href="/staff/${slugOf(name)}"><span itemprop="name">${esc(name)}</span></a></span>`).join(' and ')} · <time itemprop="datePublished" datetime="${story.published}">${humanDate(story.published)}</time>${story.updated ? `<meta itemprop="dateModified" content="${story.updated}">` : ''}</p><div itemprop="articleBody">${body}</div></article><footer><p>${site}</p></footer>`,
    }),
  };
};

/** A metered paper: the body's last paragraph held back behind a subscribe overlay. */
const metered: Template = (story, url) => {
  const site = 'The Evening Standard-Bearer';
  const shown = story.body.slice(0, -1);
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    author: { '@type': 'Person', name: story.authors[0] },
    datePublished: story.published,
    dateModified: story.updated,
    isAccessibleForFree: 'False',
    hasPart: { '@type': 'WebPageElement', isAccessibleForFree: 'False', cssSelector: '.paywall' },
  };
  const body = shown.map((block) => (isHeading(block) ? `<h2>${esc(block.h)}</h2>` : `<p>${esc(block)}</p>`)).join('');
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} | ${site}`,
      head: `<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<header>${giantNav(site)}</header><main><article><h1>${esc(story.headline)}</h1><div class="byline">By <a href="/author/${slugOf(story.authors[0] ?? '')}">${esc(story.authors[0] ?? '')}</a></div>${story.captions[0] ? `<figure><img src="/x.jpg" alt=""><figcaption class="caption">${esc(story.captions[0])}</figcaption></figure>` : ''}<div class="article-body paywall truncated">${body}</div><div class="paywall-overlay" id="regwall"><h2>Subscribe to keep reading</h2><p>You have reached your limit of free articles this month. Subscribers get unlimited access to every story, the daily puzzle and our archive.</p><a class="btn" href="/subscribe">Subscribe now</a><a href="/login">Already a subscriber? Log in</a></div></article></main>${footer(site)}`,
    }),
    gold: { body: shown.map(textOf) },
  };
};

/** A wire story whose JSON-LD author is a plain string or an Organization. */
const wire =
  (variant: 'string' | 'organization'): Template =>
  (story, url) => {
    const site = variant === 'string' ? 'Wire Service Daily' : 'Market Wire';
    const author = variant === 'string' ? story.authors.join(', ') : { '@type': 'Organization', name: story.authors[0] };
    const ld = [
      { '@context': 'https://schema.org', '@type': 'WebSite', name: site },
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: story.headline,
        author,
        datePublished: story.published,
        ...(story.updated ? { dateModified: story.updated } : {}),
        publisher: { '@type': 'Organization', name: site },
      },
    ];
    const figure = (caption: string) => `<figure><img src="/w.jpg" alt=""><div class="image-caption">${esc(caption)}</div></figure>`;
    const body = bodyHtml(story, (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : ''));
    return {
      html: shell({
        lang: story.language,
        title: `${story.headline} | ${site}`,
        head: `<meta property="og:title" content="${esc(story.headline)} | ${site}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}">${jsonLd(ld)}`,
        body: `<header>${giantNav(site)}</header><main><div class="story-page"><h1>${esc(story.headline)}</h1><div class="article-info"><span class="byline-text">${esc(story.authors.join(', '))}</span><span class="timestamp">${humanDate(story.published)}</span></div><div class="RichTextStoryBody">${body}</div></div>${relatedList(story.related, 'Related Coverage')}</main>${footer(site)}`,
      }),
    };
  };

/** An AMP page: amp-img in figures, amp-ad, amp-social-share; the canonical link points at the full page. */
const amp: Template = (story, url) => {
  const site = 'Harbour Gazette';
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: url,
    headline: story.headline,
    datePublished: story.published,
    dateModified: story.updated,
    author:
      story.authors.length === 1
        ? { '@type': 'Person', name: story.authors[0] }
        : story.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: site, logo: { '@type': 'ImageObject', url: 'https://gazette.example/logo.png' } },
    image: ['https://gazette.example/i.jpg'],
  };
  const figure = (caption: string) =>
    `<figure class="amp-figure"><amp-img src="/i.jpg" width="1200" height="800" layout="responsive"></amp-img><figcaption class="amp-caption">${esc(caption)}</figcaption></figure>`;
  const body = bodyHtml(story, (index) =>
    index === 0 && story.captions[0]
      ? figure(story.captions[0])
      : index === 1
        ? `<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/mid"></amp-ad>`
        : '',
  );
  return {
    html: shell({
      lang: story.language,
      amp: true,
      title: `${story.headline} - ${site}`,
      head: `<link rel="canonical" href="${url}"><script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>body{visibility:hidden}</style><style amp-custom>.amp-caption{font-size:12px}</style>${jsonLd(ld)}`,
      body: `<header class="amp-header"><a href="${url}">${site}</a><amp-sidebar id="menu" layout="nodisplay"><ul>${['News', 'Sport', 'Business', 'Opinion'].map((word) => `<li><a href="/${word}">${word}</a></li>`).join('')}</ul></amp-sidebar></header><article class="amp-article"><h1 class="amp-title">${esc(story.headline)}</h1><div class="amp-byline">By ${story.authors.map(esc).join(' and ')}</div><time class="amp-timestamp" datetime="${story.published}">${humanDate(story.published)}</time><amp-social-share type="email"></amp-social-share><div class="amp-body">${body}</div></article><amp-analytics type="googleanalytics"></amp-analytics><footer class="amp-footer"><a href="${url}">View full site</a></footer>`,
    }),
  };
};

/** A Ghost blog: `post-full` structure, JSON-LD Article with a single Person author, twitter:data1 holding the author. */
const ghost: Template = (story, url) => {
  const site = 'Signal & Noise';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    publisher: { '@type': 'Organization', name: site },
    author: {
      '@type': 'Person',
      name: story.authors[0],
      url: `${new URL(url).origin}/author/${handle(story.authors[0] ?? '')}/`,
      sameAs: [`https://social.example/${handle(story.authors[0] ?? '')}`],
    },
    headline: story.headline,
    url,
    datePublished: story.published,
    ...(story.updated ? { dateModified: story.updated } : {}),
    mainEntityOfPage: url,
  };
  const figure = (caption: string) =>
    `<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/chart.png" class="kg-image" alt=""><figcaption>${esc(caption)}</figcaption></figure>`;
  const body = bodyHtml(story, (index) => (index === 1 && story.captions[0] ? figure(story.captions[0]) : ''));
  return {
    html: shell({
      lang: story.language,
      title: story.headline,
      bodyClass: 'post-template tag-technology',
      head: `<link rel="canonical" href="${url}"><meta property="og:site_name" content="${site}"><meta property="og:type" content="article"><meta property="og:title" content="${esc(story.headline)}"><meta property="article:published_time" content="${story.published}">${story.updated ? `<meta property="article:modified_time" content="${story.updated}">` : ''}<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="${esc(story.authors[0] ?? '')}">${jsonLd(ld)}<meta name="generator" content="Ghost 5.80">`,
      body: `<div class="site-wrapper"><header id="gh-head" class="gh-head">${giantNav(site)}</header><main id="site-main" class="site-main outer"><div class="inner"><article class="article post tag-technology"><header class="article-header gh-canvas"><section class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/technology/">${esc(story.section)}</a></span></section><h1 class="article-title">${esc(story.headline)}</h1><p class="article-excerpt">${esc(story.dek)}</p><div class="article-byline"><section class="article-byline-content"><ul class="author-list"><li class="author-list-item"><a href="/author/${handle(story.authors[0] ?? '')}/" class="author-avatar"><img class="author-profile-image" src="/a.png" alt=""></a></li></ul><div class="article-byline-meta"><h4 class="author-name"><a href="/author/${handle(story.authors[0] ?? '')}/">${esc(story.authors[0] ?? '')}</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="${day(story.published)}">${humanDate(story.published)}</time><span class="byline-reading-time"><span class="bull">•</span> 3 min read</span></div></div></section></div></header><section class="gh-content gh-canvas">${body}</section></article></div></main><section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign up for more like this.</h2><a class="footer-cta-button" href="#/portal">Enter your email <span>Subscribe</span></a></div></section><aside class="read-more-wrap outer"><div class="read-more inner"><article class="post-card"><a href="/other/"><h2>Another post</h2></a></article></div></aside>${footer(site)}</div>`,
    }),
  };
};

/** A Medium-like platform: obfuscated classes, the author as a profile link with data-testid, `<title>` "Headline | by Name | Publication". */
const platform: Template = (story, url) => {
  const publication = 'Founders Field Notes';
  const author = story.authors[0] ?? '';
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    image: ['https://cdn.platform.example/i.png'],
    url,
    dateCreated: story.published,
    datePublished: story.published,
    dateModified: story.updated ?? story.published,
    name: `${story.headline} | by ${author} | ${publication}`,
    description: story.dek,
    identifier: 'a1b2c3',
    author: { '@type': 'Person', name: author, url: `https://platform.example/@${handle(author)}` },
    creator: [author],
    publisher: { '@type': 'Organization', name: publication },
    mainEntityOfPage: url,
  };
  const body = bodyHtml(
    story,
    () => '',
    (text) => `<p class="pw-post-body-paragraph lb lc fj ld b le lf lg lh li lj lk ll" data-selectable-paragraph="">${esc(text)}</p>`,
    (text) => `<h2 class="ms mt fj be mu mv" data-selectable-paragraph="">${esc(text)}</h2>`,
  );
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} | by ${author} | ${publication}`,
      head: `<meta property="og:site_name" content="Platform"><meta property="og:title" content="${esc(story.headline)}"><meta name="author" content="${esc(author)}"><meta property="article:author" content="https://platform.example/@${handle(author)}"><meta property="article:published_time" content="${story.published}"><link rel="canonical" href="${url}"><link rel="author" href="https://platform.example/@${handle(author)}">${jsonLd(ld)}`,
      body: `<div id="root"><div class="a b c"><div class="l k"><nav class="bh bi"><a href="/">Platform</a><a href="/m/signin">Sign in</a><a href="/m/signup">Get started</a></nav></div><div class="ab cb"><article><div class="l"><section><div class="fr fs ft fu fv"><div class="ab ca"><div class="ch bg fw fx fy fz"><div><h1 id="h1" class="pw-post-title gs gt gu be gv gw gx">${esc(story.headline)}</h1></div><div class="speechify-ignore ab cp"><div class="ab q"><a data-testid="authorPhoto" href="/@${handle(author)}"><img alt="${esc(author)}" src="/p.png"></a><div class="bm bg"><span class="be b bf z jh"><a data-testid="authorName" class="af ag ah ai" href="/@${handle(author)}">${esc(author)}</a></span><span class="fq"><button class="follow">Follow</button></span></div><div class="ab"><span data-testid="storyReadTime">4 min read</span><span data-testid="storyPublishDate">${humanDate(story.published)}</span></div></div></div>${body}</div></div></div></section></div></article></div><div class="clap-bar"><button>Clap</button><span>1.2K</span><button>Respond</button></div><div class="more-from-author"><h2>More from ${esc(author)}</h2><a href="/x">Another story by the author</a></div></div></div>`,
    }),
    gold: { updated: day(story.updated ?? story.published) },
  };
};

/** A German weekly: JSON-LD author array, title "Headline - SITE", a "Mehr zum Thema" box, a heading-led paywall teaser. */
const german: Template = (story, url) => {
  const site = 'DER BEOBACHTER';
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    author: story.authors.map((name) => ({
      '@type': 'Person',
      name,
      url: `https://www.beobachter.example/impressum/autor-${slugOf(name)}`,
    })),
    datePublished: story.published,
    ...(story.updated ? { dateModified: story.updated } : {}),
    publisher: { '@type': 'Organization', name: site },
    inLanguage: 'de-DE',
  };
  const figure = (caption: string) =>
    `<figure class="relative"><img src="/b.jpg" alt=""><figcaption class="text-shade-dark"><p>${esc(caption)}</p><span class="font-sansUI">Foto: Stadtwerke</span></figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) =>
      index === 0 && story.captions[0]
        ? figure(story.captions[0])
        : index === 2 && story.related[0]
          ? `<div class="mehr-zum-thema"><strong>Mehr zum Thema</strong><ul><li><a href="/x">${esc(story.related[0])}</a></li></ul></div>`
          : '',
    (text) => `<div class="RichText"><p>${esc(text)}</p></div>`,
  );
  return {
    html: shell({
      lang: 'de',
      title: `${story.headline} - ${site}`,
      head: `<meta name="author" content="${esc(story.authors.join(', '))}"><meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><meta name="date" content="${story.published}"><meta name="last-modified" content="${story.updated ?? story.published}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<div id="Inhalt"><header>${giantNav(site)}</header><main><article aria-label="${esc(story.headline)}"><header><h2><span class="kicker">${esc(story.section)}</span><span class="headline">${esc(story.headline)}</span></h2><div class="leading-loose">${esc(story.dek)}</div><div class="authors">Von ${story.authors.map((name) => `<a href="/impressum/autor-${slugOf(name)}">${esc(name)}</a>`).join(' und ')}</div><time class="timeformat" datetime="${story.published}">${humanDate(story.published)}</time></header><section class="article-section">${body}</section><div class="article-comments-box"><h3>Diskutieren Sie mit</h3><p>Kommentare sind für diesen Artikel geschlossen.</p></div></article></main>${footer(site)}</div>`,
    }),
  };
};

/** A German regional paper with plain meta tags, a "Lesen Sie auch" box and a byline "Von …". */
const germanRegional: Template = (story, url) => {
  const site = 'Kreiszeitung Süd';
  const body = bodyHtml(story, (index) =>
    index === 1 && story.related[0]
      ? `<p class="lesen-sie-auch"><strong>Lesen Sie auch:</strong></p><ul class="teaser-list"><li><a href="/x">${esc(story.related[0])}</a></li></ul>`
      : '',
  );
  return {
    html: shell({
      lang: 'de',
      title: `${story.headline} | ${site}`,
      head: `<meta name="author" content="${esc(story.authors.join(', '))}"><meta name="dc.date" content="${day(story.published)}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}">`,
      body: `${cookieBanner}<header>${giantNav(site)}</header><div class="content"><div class="artikel"><span class="dachzeile">${esc(story.section)}</span><h1>${esc(story.headline)}</h1><p class="autor">Von ${story.authors.map(esc).join(' und ')}</p><div class="artikeltext">${body}</div></div>${comments(2)}</div>${footer(site)}`,
    }),
  };
};

/** A French daily: "Par …" byline, title with " – Site", author array in JSON-LD, "Lire aussi" links in the body. */
const french: Template = (story, url) => {
  const site = 'Le Quotidien';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    author: story.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: story.published,
    dateModified: story.updated,
    publisher: { '@type': 'Organization', name: site },
    articleSection: story.section,
  };
  const figure = (caption: string) =>
    `<figure class="article__media"><img src="/f.jpg" alt=""><figcaption class="article__legend">${esc(caption)} <span class="article__credit">AFP</span></figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) =>
      index === 0 && story.captions[0]
        ? figure(story.captions[0])
        : index === 1 && story.related[0]
          ? `<p class="article__paragraph article__paragraph--lire-aussi"><span class="lire">Lire aussi :</span> <a href="/x">${esc(story.related[0])}</a></p>`
          : '',
    (text) => `<p class="article__paragraph">${esc(text)}</p>`,
  );
  return {
    html: shell({
      lang: 'fr',
      title: `${story.headline} – ${site}`,
      head: `<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}"><meta property="article:section" content="${esc(story.section)}">${jsonLd(ld)}`,
      body: `<header>${giantNav(site)}</header><main><section class="article article--content"><h1 class="article__title">${esc(story.headline)}</h1><p class="article__desc">${esc(story.dek)}</p><section class="meta meta__publisher"><span class="meta__date">Publié le ${humanDate(story.published)}</span><span class="author__detail">Par <a class="article__author-link" href="/signataires/${slugOf(story.authors[0] ?? '')}">${esc(story.authors[0] ?? '')}</a></span></section><article class="article__content">${body}</article><section class="article__reactions">${comments(2)}</section></section></main>${footer(site)}`,
    }),
  };
};

/** A Spanish daily: "Por …" byline, JSON-LD `@graph`, captions under `span.a_m_p`. */
const spanish: Template = (story, url) => {
  const site = 'El Diario del Sur';
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        headline: story.headline,
        author: story.authors.map((name) => ({ '@type': 'Person', name, url: `https://diariodelsur.example/autor/${slugOf(name)}/` })),
        datePublished: story.published,
        dateModified: story.updated,
        publisher: { '@id': '#org' },
      },
      { '@type': 'NewsMediaOrganization', '@id': '#org', name: site },
    ],
  };
  const figure = (caption: string) =>
    `<figure class="a_m a_m-h"><span class="a_m_w"><img src="/e.jpg" alt=""></span><figcaption class="a_m_p"><span>${esc(caption)}</span><span class="a_m_m">EFE</span></figcaption></figure>`;
  const body = bodyHtml(story, (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : ''));
  return {
    html: shell({
      lang: 'es',
      title: `${story.headline} | Clima | ${site}`,
      head: `<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><meta property="article:section" content="${esc(story.section)}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<header>${giantNav(site)}</header><main><article id="main-content"><header class="a_e"><div class="a_k"><a href="/clima/">${esc(story.section)}</a></div><h1 class="a_t">${esc(story.headline)}</h1><h2 class="a_st">${esc(story.dek)}</h2><div class="a_md"><div class="a_md_a">Por ${story.authors.map((name) => `<a class="a_md_a_n" href="/autor/${slugOf(name)}/">${esc(name)}</a>`).join(' y ')}</div><div class="a_md_f"><time datetime="${story.published}">${humanDate(story.published)}</time></div></div></header><div class="a_c clearfix" data-dtm-region="articulo_cuerpo">${body}</div>${relatedList(story.related, 'Más información', 'a_rel related')}</article></main>${footer(site)}`,
    }),
  };
};

/** An unsigned notice: no byline anywhere, title "Site: Headline"-less, dates in JSON-LD only. */
const unsigned: Template = (story, url) => {
  const site = 'Regional Weather Service';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    datePublished: story.published,
    dateModified: story.updated,
    publisher: { '@type': 'GovernmentOrganization', name: site },
  };
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} | ${site}`,
      head: `<link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<header>${giantNav(site)}</header><main id="main"><article class="notice"><h1>${esc(story.headline)}</h1><p class="notice-dateline">Issued ${humanDate(story.published)}</p>${bodyHtml(story, () => '')}</article><aside class="related-notices">${relatedList(story.related, 'Related')}</aside></main>${footer(site)}`,
    }),
  };
};

/** Which page structure each story is set in, by slug. */
const TEMPLATES: Record<string, Template> = {
  'transit-fare-freeze': ledger,
  'drought-reservoirs': ledger,
  'court-ruling-protest': ledger,
  'ceasefire-talks': capitalPost,
  'housing-permits': capitalPost,
  'chipmaker-layoffs': circuit,
  'open-source-maintainers': circuit,
  'glacier-retreat': courier,
  'museum-reopening': courier,
  'hospital-waiting-lists': broadcast('standard'),
  'flood-barrier': broadcast('dotted-title'),
  'bird-count': broadcast('standard'),
  'nightly-profiler': wordpress('meta-wrapped'),
  'bridge-closure': wordpress('yoast'),
  'sleep-study': healthline,
  'stadium-vote': regional('plain'),
  'election-turnout': regional('multi'),
  'library-hours': microdata,
  'central-bank-rates': microdata,
  'ferry-contract': metered,
  'orchestra-strike': metered,
  'battery-plant': wire('string'),
  'rail-strike-off': wire('organization'),
  'school-phones': amp,
  'harbour-seals': amp,
  'vaccine-clinics': ghost,
  'startup-funding': platform,
  'strassenbahn-verlaengerung': german,
  'energiepreise-haushalte': germanRegional,
  'greve-enseignants': french,
  'sequia-embalses': spanish,
  'weather-warning-heat': unsigned,
};

const HOSTS: Record<string, string> = { ledger: 'www.ledger.example' };
/** Templates that show the standfirst with the article: it is the article's lead, so it is body. */
const DEK_SHOWN = new Set<Template>([ledger, capitalPost, circuit, courier, ghost, german, french, spanish]);

mkdirSync(OUT, { recursive: true });
STORIES.forEach((story, index) => {
  const template = TEMPLATES[story.slug];
  if (!template) throw new Error(`no template for ${story.slug}`);
  const url = `https://${HOSTS[story.slug] ?? 'news.example'}/${day(story.published).replace(/-/gu, '/')}/${story.slug}`;
  const page = template(story, url);
  const name = `${String(index + 1).padStart(2, '0')}-${story.slug}`;
  const gold: Gold = {
    title: story.headline,
    authors: story.authors,
    published: day(story.published),
    updated: story.updated ? day(story.updated) : null,
    canonicalUrl: url,
    body: [...(DEK_SHOWN.has(template) ? [story.dek] : []), ...story.body.map(textOf)],
    captions: story.captions,
    ...page.gold,
  };
  writeFileSync(new URL(`${name}.html`, OUT), page.html);
  writeFileSync(new URL(`${name}.gold.json`, OUT), `${JSON.stringify(gold, null, 2)}\n`);
});
console.log(`wrote ${STORIES.length} pages to ${OUT.pathname}`);
