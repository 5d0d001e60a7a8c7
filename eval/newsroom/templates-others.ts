// Page structures of regional papers, microdata-only pages, paywalls, wires, AMP, Ghost, a Medium-like
// platform, pages in other languages, and an unsigned notice.
import type { Template } from './page-parts.ts';
import {
  adSlot,
  bodyHtml,
  comments,
  cookieBanner,
  day,
  esc,
  footer,
  giantNav,
  handle,
  humanDate,
  isHeading,
  jsonLd,
  newsletter,
  relatedList,
  shareBar,
  shell,
  slugOf,
  textOf,
} from './page-parts.ts';

export const regional =
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
export const microdata: Template = (story, url) => {
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
export const metered: Template = (story, url) => {
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
export const wire =
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
export const amp: Template = (story, url) => {
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
export const ghost: Template = (story, url) => {
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
export const platform: Template = (story, url) => {
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
export const german: Template = (story, url) => {
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
export const germanRegional: Template = (story, url) => {
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
export const french: Template = (story, url) => {
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
export const spanish: Template = (story, url) => {
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
export const unsigned: Template = (story, url) => {
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
